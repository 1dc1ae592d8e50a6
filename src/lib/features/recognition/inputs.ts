// The recognition domain's input schemas, shared by the forms, the API and the services. Error
// messages are message keys; paths are the forms' field names.
import { z } from 'zod';
import { isoDate, line, list, paragraphs, yesNo, optionalId } from '$lib/features/fields';
import {
	AUTHOR_ROWS,
	CRITERION_MAX,
	FORM_SCOPES,
	INITIATIVE_FIELDS,
	INITIATIVE_LEVELS,
	NOMINEE_KINDS,
	RECIPIENT_KINDS,
	RECIPIENT_SOURCES,
	RUBRIC_CRITERIA,
	type InitiativeAuthor
} from './types';

export const RECOGNITION_LIMITS = { title: 300, text: 5000, name: 200, reason: 1000, authors: 10 } as const;

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
	z.enum(values, { error: (iss) => (iss.input === undefined || iss.input === '' ? 'field_required' : 'field_invalid') });
const id = z.string({ error: 'field_required' }).trim().min(1, 'field_required').max(100, 'field_invalid');
/** An id from a select, or none (null); the key may be left out. */
const maybeId = optionalId.optional().transform((v) => v ?? null);
const requiredText = (max: number) => paragraphs(max).pipe(z.string().min(1, 'field_required'));

/** A whole number typed in a form or sent as JSON, between `min` and `max`. */
const whole = (min: number, max: number, message = 'field_invalid') =>
	z.preprocess(
		(v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim().replace(',', '.'))) : v),
		z.number({ error: (iss) => (iss.input === undefined ? 'field_required' : message) }).int(message).min(min, message).max(max, message)
	);

/** A coefficient of the base salary: "0,3", "1.5". */
const coefficient = z.preprocess(
	(v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim().replace(',', '.'))) : v),
	z.number({ error: (iss) => (iss.input === undefined ? 'field_required' : 'recognition_coefficient_invalid') }).min(0, 'recognition_coefficient_invalid').max(100, 'recognition_coefficient_invalid')
);

/** A call for initiatives of a campaign. */
export const callInput = z.object({
	campaignId: id,
	title: line(RECOGNITION_LIMITS.title, true),
	description: paragraphs(RECOGNITION_LIMITS.text).default(''),
	deadline: isoDate(true),
	councilId: maybeId
});
export type CallInput = z.input<typeof callInput>;

/** The rubric's weights in percent, summing to 100. */
const weights = z
	.object(Object.fromEntries(RUBRIC_CRITERIA.map((c) => [c, whole(0, 100)])) as Record<(typeof RUBRIC_CRITERIA)[number], ReturnType<typeof whole>>)
	.superRefine((w, ctx) => {
		const sum = RUBRIC_CRITERIA.reduce((s, c) => s + (w[c] as number), 0);
		if (sum !== 100) ctx.addIssue({ code: 'custom', message: 'recognition_weights_not_100', path: [] });
	});

/** A council of a campaign with its rubric. */
export const councilInput = z.object({
	campaignId: id,
	name: line(RECOGNITION_LIMITS.title, true),
	weights,
	passMark: whole(0, 100)
});
export type CouncilInput = z.input<typeof councilInput>;

/** A member added to a council by their account's e-mail. */
export const memberInput = z.object({
	email: z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.string({ error: 'field_required' }).min(1, 'field_required').email('field_invalid_email')),
	isChair: yesNo.default(false)
});
export type MemberInput = z.input<typeof memberInput>;

/** The units a member declares a conflict with. */
export const conflictsInput = z.object({ unitIds: list(id).refine((v) => v.length <= 50, 'field_invalid') });
export type ConflictsInput = z.input<typeof conflictsInput>;

const author = z.object({
	name: line(RECOGNITION_LIMITS.name, true),
	unitId: id,
	share: whole(1, 100, 'recognition_share_invalid'),
	consent: yesNo.default(false)
});

/** The authors, their shares summing to exactly 100 (TT 18/2013: tỷ lệ đóng góp). */
const authors = z
	.array(author)
	.min(1, 'recognition_authors_required')
	.max(RECOGNITION_LIMITS.authors, 'field_invalid')
	.superRefine((list, ctx) => {
		const sum = list.reduce((s, a) => s + (typeof a.share === 'number' ? a.share : 0), 0);
		if (sum !== 100) ctx.addIssue({ code: 'custom', message: 'recognition_shares_not_100', path: [] });
	});

const initiativeFields = {
	title: line(RECOGNITION_LIMITS.title, true),
	field: choice(INITIATIVE_FIELDS),
	authors,
	firstAppliedOn: isoDate(true),
	situationBefore: requiredText(RECOGNITION_LIMITS.text),
	solution: requiredText(RECOGNITION_LIMITS.text),
	conditions: paragraphs(RECOGNITION_LIMITS.text).default(''),
	benefits: requiredText(RECOGNITION_LIMITS.text),
	appliedWhere: requiredText(RECOGNITION_LIMITS.text)
};

/** An application for recognition of an initiative (DOMAIN-VN §4.4). */
export const initiativeInput = z.object({ callId: id, unitId: id, ...initiativeFields });
export type InitiativeInput = z.input<typeof initiativeInput>;

/** The submitter's fixes (the call and unit stay). */
export const initiativeUpdateInput = z.object({ ...initiativeFields, version: whole(1, Number.MAX_SAFE_INTEGER).optional() });
export type InitiativeUpdateInput = z.input<typeof initiativeUpdateInput>;

/** The author rows of a form (`authors.0.name`…) as a list: rows left blank are dropped. */
export function authorsFromForm(values: Record<string, unknown>): Array<Partial<Record<keyof InitiativeAuthor, unknown>>> {
	const out: Array<Partial<Record<keyof InitiativeAuthor, unknown>>> = [];
	for (let i = 0; i < Math.max(AUTHOR_ROWS, RECOGNITION_LIMITS.authors); i++) {
		const name = String(values[`authors.${i}.name`] ?? '').trim();
		const share = String(values[`authors.${i}.share`] ?? '').trim();
		if (!name && !share) continue;
		out.push({ name, unitId: values[`authors.${i}.unitId`], share, consent: values[`authors.${i}.consent`] });
	}
	return out;
}

/** Sending back to the authors, refusing a nomination, revoking a certificate: a reason is needed. */
export const reasonInput = z.object({ reason: line(RECOGNITION_LIMITS.reason, true) });

export const sendToCouncilInput = z.object({ councilId: id });

/** One member's marks, 0–10 for each criterion. */
export const scoreInput = z.object({
	...(Object.fromEntries(RUBRIC_CRITERIA.map((c) => [c, whole(0, CRITERION_MAX, 'recognition_mark_invalid')])) as Record<(typeof RUBRIC_CRITERIA)[number], ReturnType<typeof whole>>),
	comment: paragraphs(RECOGNITION_LIMITS.reason).default('')
});
export type ScoreInput = z.input<typeof scoreInput>;

/** The head's decision on an entry; an initiative recognised needs its level. */
export const decideInput = z.object({
	outcome: choice(['recognised', 'refused'] as const),
	level: z.preprocess((v) => (v === '' ? undefined : v), z.enum(INITIATIVE_LEVELS, { error: 'field_invalid' }).optional()),
	note: paragraphs(RECOGNITION_LIMITS.reason).default('')
});
export type DecideInput = z.input<typeof decideInput>;

/** A role-model nomination with the consents given where it is made. */
export const nominationInput = z
	.object({
		campaignId: id,
		kind: choice(NOMINEE_KINDS),
		name: line(RECOGNITION_LIMITS.name, true),
		unitId: maybeId,
		userId: maybeId,
		isMinor: yesNo.default(false),
		guardianName: line(RECOGNITION_LIMITS.name).default(''),
		story: requiredText(RECOGNITION_LIMITS.text),
		source: line(40).default('manual'),
		sourceFacts: z.record(z.string(), z.union([z.number(), z.string()])).default({}),
		consentSelf: yesNo.default(false),
		consentGuardian: yesNo.default(false)
	})
	.superRefine((v, ctx) => {
		if (v.kind === 'collective' && !v.unitId) ctx.addIssue({ code: 'custom', message: 'field_required', path: ['unitId'] });
		if (v.isMinor && v.kind === 'person' && !v.guardianName) ctx.addIssue({ code: 'custom', message: 'recognition_guardian_required', path: ['guardianName'] });
	});
export type NominationInput = z.input<typeof nominationInput>;

/** A draft Quyết định khen thưởng. */
export const decisionInput = z.object({
	campaignId: id,
	summary: line(RECOGNITION_LIMITS.title, true),
	reason: line(RECOGNITION_LIMITS.reason, true),
	proposedBy: line(RECOGNITION_LIMITS.name).default('')
});
export type DecisionInput = z.input<typeof decisionInput>;

/** One line of a decision. */
export const recipientInput = z.object({
	kind: choice(RECIPIENT_KINDS),
	name: line(RECOGNITION_LIMITS.name, true),
	unitName: line(RECOGNITION_LIMITS.name).default(''),
	source: choice(RECIPIENT_SOURCES).default('manual'),
	sourceId: maybeId,
	authorIndex: z.preprocess((v) => (v === '' || v === undefined || v === null ? null : Number(v)), z.number().int().min(0).max(20).nullable()).default(null),
	formCode: line(40, true),
	citation: line(RECOGNITION_LIMITS.reason, true)
});
export type RecipientInput = z.input<typeof recipientInput>;

/** A form of commendation or title, with its coefficients and what it needs. */
export const formInput = z.object({
	code: z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.string({ error: 'field_required' }).regex(/^[a-z0-9_]{2,40}$/, 'recognition_code_invalid')),
	name: line(RECOGNITION_LIMITS.name, true),
	scope: choice(FORM_SCOPES),
	individualCoefficient: coefficient,
	collectiveCoefficient: coefficient,
	requiresHolds: list(z.string().regex(/^[a-z0-9_]{2,40}$/, 'recognition_code_invalid')).default([]),
	requiresInitiative: yesNo.default(false),
	sortOrder: whole(0, 1000).default(0),
	active: yesNo.default(true)
});
export type FormInput = z.input<typeof formInput>;

/** Mức lương cơ sở from a date. */
export const baseSalaryInput = z.object({
	effectiveFrom: isoDate(true),
	amountVnd: z.preprocess(
		(v) => (typeof v === 'string' ? (v.replace(/[\s.,đ]/g, '') === '' ? undefined : Number(v.replace(/[\s.,đ]/g, ''))) : v),
		z.number({ error: (iss) => (iss.input === undefined ? 'field_required' : 'field_invalid') }).int('field_invalid').positive('field_invalid').max(1_000_000_000, 'field_invalid')
	),
	source: line(RECOGNITION_LIMITS.name).default('')
});
export type BaseSalaryInput = z.input<typeof baseSalaryInput>;

/** The initiative form's fields as the service's input (authors from their rows). */
export function initiativeFormToInput(values: Record<string, unknown>): InitiativeInput & { version?: unknown } {
	return {
		callId: String(values.callId ?? ''),
		unitId: String(values.unitId ?? ''),
		title: values.title,
		field: values.field as InitiativeInput['field'],
		authors: authorsFromForm(values) as InitiativeInput['authors'],
		firstAppliedOn: values.firstAppliedOn,
		situationBefore: values.situationBefore,
		solution: values.solution,
		conditions: values.conditions,
		benefits: values.benefits,
		appliedWhere: values.appliedWhere,
		version: values.version
	};
}

/** An initiative's fields as the form's values (to fix it). */
export function initiativeToFormValues(row: { title: string; field: string; authors: InitiativeAuthor[]; firstAppliedOn: string; situationBefore: string; solution: string; conditions: string; benefits: string; appliedWhere: string; version: number }): Record<string, unknown> {
	const [y, mo, d] = row.firstAppliedOn.split('-');
	return {
		title: row.title,
		field: row.field,
		firstAppliedOn: `${d}/${mo}/${y}`,
		situationBefore: row.situationBefore,
		solution: row.solution,
		conditions: row.conditions,
		benefits: row.benefits,
		appliedWhere: row.appliedWhere,
		version: row.version,
		...Object.fromEntries(row.authors.flatMap((a, i) => [[`authors.${i}.name`, a.name], [`authors.${i}.unitId`, a.unitId], [`authors.${i}.share`, String(a.share)], [`authors.${i}.consent`, a.consent ? 'on' : '']]))
	};
}
