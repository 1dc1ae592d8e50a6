// The creative contests' input schemas, shared by the forms, the API and the services. Error
// messages are message keys; paths are the forms' field names.
import { z } from 'zod';
import { dateTime, line, list, optionalId, paragraphs, yesNo } from '$lib/features/fields';
import { ENTRY_CONSENT_PURPOSES, ENTRY_TYPES, GUARDIAN_RELATIONS, VOTE_MODES, type RubricCriterion } from './types';

export const CREATIVE_LIMITS = {
	title: 300,
	rules: 20000,
	description: 2000,
	essay: 30000,
	name: 120,
	reason: 1000,
	comment: 2000,
	maxSizeMb: 2048,
	maxDurationMinutes: 120,
	votesPerAccount: 100,
	criteria: 12,
	advanceCount: 1000
} as const;

/** A whole number typed in a form (or sent as JSON) between `min` and `max`. */
function wholeNumber(min: number, max: number, message: string) {
	return z.preprocess(
		(v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim())) : v),
		z.number({ error: message }).int(message).min(min, message).max(max, message)
	);
}

const optionalDateTime = z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), dateTime.nullable());

export const contestInput = z
	.object({
		title: line(CREATIVE_LIMITS.title, true),
		rules: paragraphs(CREATIVE_LIMITS.rules),
		entryTypes: list(z.enum(ENTRY_TYPES, { error: 'field_invalid' })).pipe(z.array(z.enum(ENTRY_TYPES)).min(1, 'creative_entry_types_required')),
		maxSizeMb: wholeNumber(1, CREATIVE_LIMITS.maxSizeMb, 'creative_max_size_invalid'),
		maxDurationMinutes: wholeNumber(1, CREATIVE_LIMITS.maxDurationMinutes, 'creative_max_duration_invalid'),
		submissionOpensAt: dateTime,
		submissionClosesAt: dateTime,
		voteOpensAt: optionalDateTime,
		voteClosesAt: optionalDateTime,
		voteMode: z.enum(VOTE_MODES, { error: 'field_required' }),
		votesPerAccount: wholeNumber(1, CREATIVE_LIMITS.votesPerAccount, 'creative_votes_per_account_invalid'),
		/** The jury's share of the final score in percent; the public vote has the rest. */
		juryWeight: wholeNumber(0, 100, 'creative_jury_weight_invalid')
	})
	.superRefine((v, ctx) => {
		const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
		const valid = (d: Date | null) => d !== null && !Number.isNaN(d.getTime());
		if (valid(v.submissionOpensAt) && valid(v.submissionClosesAt) && v.submissionClosesAt <= v.submissionOpensAt) issue('submissionClosesAt', 'creative_close_before_open');
		if (valid(v.voteOpensAt) !== valid(v.voteClosesAt)) issue(v.voteOpensAt ? 'voteClosesAt' : 'voteOpensAt', 'creative_vote_window_incomplete');
		if (valid(v.voteOpensAt) && valid(v.voteClosesAt) && v.voteClosesAt! <= v.voteOpensAt!) issue('voteClosesAt', 'creative_close_before_open');
		if (!valid(v.voteOpensAt) && v.juryWeight < 100) issue('juryWeight', 'creative_jury_weight_without_vote');
	})
	.transform((v) => ({ ...v, entryTypes: [...new Set(v.entryTypes)] }));
export type ContestInput = Partial<Record<keyof z.input<typeof contestInput>, unknown>>;
export type ContestInputData = z.output<typeof contestInput>;

const consentList = list(z.enum(ENTRY_CONSENT_PURPOSES, { error: 'field_invalid' })).transform((v) => [...new Set(v)]);

export const entryInput = z
	.object({
		type: z.enum(ENTRY_TYPES, { error: 'field_required' }),
		title: line(CREATIVE_LIMITS.title, true),
		description: paragraphs(CREATIVE_LIMITS.description),
		essayText: paragraphs(CREATIVE_LIMITS.essay),
		/** The unit the entry is made for (the entrant's school, office…); empty for none. */
		unitId: optionalId,
		/** A finished resumable upload (tus) holding the recording or photo. */
		uploadId: optionalId,
		consents: consentList,
		isMinor: yesNo,
		guardianName: line(CREATIVE_LIMITS.name),
		guardianRelation: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.enum(GUARDIAN_RELATIONS, { error: 'field_invalid' }).nullable()),
		guardianConsents: consentList
	})
	.superRefine((v, ctx) => {
		const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
		if (!v.consents.includes('participate')) issue('consents', 'creative_consent_required');
		if (v.type === 'essay' && !v.essayText) issue('essayText', 'creative_essay_required');
		if (v.isMinor) {
			if (!v.guardianName) issue('guardianName', 'creative_guardian_name_required');
			if (!v.guardianRelation) issue('guardianRelation', 'creative_guardian_relation_required');
			if (!v.guardianConsents.includes('participate')) issue('guardianConsents', 'creative_guardian_consent_required');
		}
	})
	.transform((v) => ({
		...v,
		essayText: v.type === 'essay' ? v.essayText : '',
		guardianName: v.isMinor ? v.guardianName : '',
		guardianRelation: v.isMinor ? v.guardianRelation : null,
		guardianConsents: v.isMinor ? v.guardianConsents : []
	}));
export type EntryInput = Partial<Record<keyof z.input<typeof entryInput>, unknown>>;
export type EntryInputData = z.output<typeof entryInput>;

/**
 * A rubric typed one criterion a line, "name; weight; top score" (e.g. "Giọng đọc; 40; 10"). The
 * weights are relative: they need not add up to 100.
 */
export function parseRubric(text: string): { criteria: RubricCriterion[]; error?: string } {
	const criteria: RubricCriterion[] = [];
	const lines = text
		.normalize('NFC')
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean);
	for (const [i, l] of lines.entries()) {
		const parts = l.split(/[;|]/).map((p) => p.trim());
		const weight = Number(parts[1]);
		const maxScore = Number(parts[2] ?? 10);
		if (parts.length < 2 || !parts[0] || !Number.isInteger(weight) || weight < 1 || weight > 100 || !Number.isInteger(maxScore) || maxScore < 1 || maxScore > 100) {
			return { criteria: [], error: 'creative_rubric_line_invalid' };
		}
		criteria.push({ id: `c${i + 1}`, name: parts[0].slice(0, 200), weight, maxScore });
	}
	if (!criteria.length) return { criteria: [], error: 'creative_rubric_required' };
	if (criteria.length > CREATIVE_LIMITS.criteria) return { criteria: [], error: 'creative_rubric_too_many' };
	return { criteria };
}

/** The rubric as the form shows it back. */
export function rubricText(criteria: RubricCriterion[]): string {
	return criteria.map((c) => `${c.name}; ${c.weight}; ${c.maxScore}`).join('\n');
}

export const roundInput = z
	.object({
		title: line(CREATIVE_LIMITS.title, true),
		rubric: z.preprocess((v) => (v === undefined || v === null ? '' : v), z.string({ error: 'field_invalid' }).max(5000, 'field_too_long')),
		/** For a later round: how many of the previous round's best entries go on. */
		advanceCount: z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), wholeNumber(1, CREATIVE_LIMITS.advanceCount, 'creative_advance_count_invalid').nullable())
	})
	.transform((v, ctx) => {
		const parsed = parseRubric(v.rubric);
		if (parsed.error) ctx.addIssue({ code: 'custom', path: ['rubric'], message: parsed.error });
		return { title: v.title, criteria: parsed.criteria, advanceCount: v.advanceCount };
	});
export type RoundInput = Partial<Record<keyof z.input<typeof roundInput>, unknown>>;
export type RoundInputData = z.output<typeof roundInput>;

export const jurorInput = z.object({
	email: z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.email({ error: 'field_invalid_email' }))
});

export const disqualifyInput = z.object({ reason: line(CREATIVE_LIMITS.reason, true) });

export const ratingComment = paragraphs(CREATIVE_LIMITS.comment);

/** Scores typed by a juror, one per criterion, each a whole number from 0 to the criterion's top. */
export function parseScores(criteria: RubricCriterion[], values: Record<string, unknown>): { scores: Record<string, number>; errors: Record<string, string> } {
	const scores: Record<string, number> = {};
	const errors: Record<string, string> = {};
	for (const c of criteria) {
		const raw = values[`score_${c.id}`];
		const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : NaN;
		if (!Number.isInteger(n) || n < 0 || n > c.maxScore) errors[`score_${c.id}`] = 'creative_score_invalid';
		else scores[c.id] = n;
	}
	return { scores, errors };
}
