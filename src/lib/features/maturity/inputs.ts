// The maturity domain's input schemas, shared by the forms, the API and the services. Messages are message keys.
import { z } from 'zod';
import { line, list, optionalUrl, paragraphs } from '$lib/features/fields';
import { parseDate } from '$lib/vn/dates';
import { AUTOMATIC_SOURCES, AUTOMATIC_SOURCE_TYPE, EVIDENCE_NEEDS, REVIEW_DECISIONS, SCORING_TYPES, TEMPLATE_KEYS, type FrameworkDefinition, type LevelBand } from './types';

export const MATURITY_LIMITS = { name: 300, description: 4000, comment: 4000, reason: 2000, docNumber: 60, docSummary: 1000, maxPoints: 1000, criteria: 400, json: 400_000 } as const;

const key = z.string({ error: 'field_invalid' }).trim().regex(/^[a-z0-9_.-]{1,60}$/, 'maturity_key_invalid');
const num = z.coerce.number({ error: 'field_invalid' }).refine(Number.isFinite, 'field_invalid');

const band = z.object({
	level: z.coerce.number({ error: 'field_invalid' }).int('field_invalid').min(0, 'field_invalid').max(20, 'field_invalid'),
	name: line(120, true),
	min: num.pipe(z.number().min(0, 'maturity_band_range').max(100, 'maturity_band_range')),
	minInclusive: z.boolean(),
	max: num.pipe(z.number().min(0, 'maturity_band_range').max(100, 'maturity_band_range')),
	maxInclusive: z.boolean()
});

const criterion = z.object({
	key,
	name: line(MATURITY_LIMITS.name, true),
	maxPoints: num.pipe(z.number().min(0, 'maturity_points_range').max(MATURITY_LIMITS.maxPoints, 'maturity_points_range')),
	type: z.enum(SCORING_TYPES, { error: 'field_invalid' }),
	thresholds: z.array(z.object({ atLeast: num, points: num.pipe(z.number().min(0, 'maturity_points_range')) })).optional(),
	evidence: z.array(z.enum(EVIDENCE_NEEDS, { error: 'field_invalid' })).default([]),
	mandatory: z.boolean().default(false),
	automatic: z.enum(AUTOMATIC_SOURCES, { error: 'field_invalid' }).nullable().optional(),
	guidance: z.string().max(MATURITY_LIMITS.description, 'field_too_long').optional()
});

/**
 * Where two bands overlap or leave a gap, as a message key; undefined when the bands cover 0–100 %
 * exactly once. Pure, for the editor and the tests.
 */
export function levelBandsProblem(bands: LevelBand[]): string | undefined {
	if (!bands.length) return 'maturity_levels_empty';
	const sorted = [...bands].sort((a, b) => a.min - b.min || Number(b.minInclusive) - Number(a.minInclusive));
	for (const b of sorted) if (b.min > b.max || (b.min === b.max && !(b.minInclusive && b.maxInclusive))) return 'maturity_band_range';
	if (new Set(bands.map((b) => b.level)).size !== bands.length) return 'maturity_levels_duplicate';
	if (sorted[0].min !== 0 || !sorted[0].minInclusive) return 'maturity_levels_gap';
	const last = sorted[sorted.length - 1];
	if (last.max !== 100 || !last.maxInclusive) return 'maturity_levels_gap';
	for (let i = 1; i < sorted.length; i++) {
		const a = sorted[i - 1];
		const b = sorted[i];
		if (b.min < a.max || (b.min === a.max && a.maxInclusive && b.minInclusive)) return 'maturity_levels_overlap';
		if (b.min > a.max || (b.min === a.max && !a.maxInclusive && !b.minInclusive)) return 'maturity_levels_gap';
	}
	// Higher scores must not give lower levels.
	for (let i = 1; i < sorted.length; i++) if (sorted[i].level <= sorted[i - 1].level) return 'maturity_levels_order';
	return undefined;
}

/** A framework version's content: groups with level bands, pillars → indicators → criteria. */
export const frameworkDefinitionInput = z
	.object({
		groups: z
			.array(z.object({ key, name: line(MATURITY_LIMITS.name, true), levels: z.array(band), mandatoryCap: z.coerce.number({ error: 'field_invalid' }).int('field_invalid') }))
			.min(1, 'maturity_groups_empty'),
		pillars: z
			.array(z.object({ key, name: line(MATURITY_LIMITS.name, true), group: key, indicators: z.array(z.object({ key, name: line(MATURITY_LIMITS.name, true), criteria: z.array(criterion) })) }))
			.min(1, 'maturity_pillars_empty'),
		overall: z.literal('lowest_group').default('lowest_group')
	})
	.superRefine((d, ctx) => {
		const groupKeys = new Set<string>();
		d.groups.forEach((g, i) => {
			if (groupKeys.has(g.key)) ctx.addIssue({ code: 'custom', path: ['groups', i, 'key'], message: 'maturity_key_duplicate' });
			groupKeys.add(g.key);
			const problem = levelBandsProblem(g.levels);
			if (problem) ctx.addIssue({ code: 'custom', path: ['groups', i, 'levels'], message: problem });
			else if (!g.levels.some((b) => b.level === g.mandatoryCap)) ctx.addIssue({ code: 'custom', path: ['groups', i, 'mandatoryCap'], message: 'maturity_cap_unknown' });
		});
		const keys = new Set<string>();
		const seen = (k: string, path: (string | number)[]) => {
			if (keys.has(k)) ctx.addIssue({ code: 'custom', path, message: 'maturity_key_duplicate' });
			keys.add(k);
		};
		let count = 0;
		d.pillars.forEach((p, pi) => {
			seen(`p:${p.key}`, ['pillars', pi, 'key']);
			if (!groupKeys.has(p.group)) ctx.addIssue({ code: 'custom', path: ['pillars', pi, 'group'], message: 'maturity_group_unknown' });
			p.indicators.forEach((ind, ii) => {
				seen(`i:${ind.key}`, ['pillars', pi, 'indicators', ii, 'key']);
				ind.criteria.forEach((c, ci) => {
					count++;
					const path = ['pillars', pi, 'indicators', ii, 'criteria', ci];
					seen(`c:${c.key}`, [...path, 'key']);
					if (c.mandatory && c.type !== 'yes_no') ctx.addIssue({ code: 'custom', path: [...path, 'mandatory'], message: 'maturity_mandatory_yes_no' });
					if (c.automatic && AUTOMATIC_SOURCE_TYPE[c.automatic] !== c.type) ctx.addIssue({ code: 'custom', path: [...path, 'automatic'], message: 'maturity_automatic_type' });
					if (c.type === 'number') {
						const t = c.thresholds ?? [];
						const ascending = t.every((x, i) => i === 0 || x.atLeast > t[i - 1].atLeast);
						if (!t.length || !ascending || t.some((x) => x.points > c.maxPoints)) ctx.addIssue({ code: 'custom', path: [...path, 'thresholds'], message: 'maturity_thresholds_invalid' });
					}
				});
			});
		});
		if (count === 0) ctx.addIssue({ code: 'custom', path: ['pillars'], message: 'maturity_criteria_empty' });
		if (count > MATURITY_LIMITS.criteria) ctx.addIssue({ code: 'custom', path: ['pillars'], message: 'field_too_long' });
	}) as unknown as z.ZodType<FrameworkDefinition>;

/** A coordinator's copy of a shipped template on their organisation. */
export const copyTemplateInput = z.object({
	orgId: z.string({ error: 'field_required' }).min(1, 'field_required'),
	template: z.enum(TEMPLATE_KEYS, { error: 'field_required' }),
	name: line(MATURITY_LIMITS.name)
});
export type CopyTemplateInput = z.input<typeof copyTemplateInput>;

export const frameworkDetailsInput = z.object({
	name: line(MATURITY_LIMITS.name, true),
	description: paragraphs(MATURITY_LIMITS.description).default('')
});
export type FrameworkDetailsInput = z.input<typeof frameworkDetailsInput>;

/** dd/mm/yyyy (or yyyy-mm-dd) → yyyy-mm-dd. */
const day = z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().min(1, 'field_required')).transform((v, ctx) => {
	const iso = parseDate(v);
	if (!iso) {
		ctx.addIssue({ code: 'custom', message: 'field_invalid_date' });
		return z.NEVER;
	}
	return iso;
});

/** A campaign's self-assessment round: the framework, its deadline, the units enrolled. */
export const roundInput = z.object({
	campaignId: z.string({ error: 'field_required' }).min(1, 'field_required'),
	frameworkId: z.string({ error: 'field_required' }).min(1, 'field_required'),
	title: line(MATURITY_LIMITS.name, true),
	deadline: day,
	unitIds: list(z.string().min(1).max(64)).pipe(z.array(z.string()).min(1, 'maturity_units_required'))
});
export type RoundInput = z.input<typeof roundInput>;

export const enrolInput = z.object({ unitIds: list(z.string().min(1).max(64)).pipe(z.array(z.string()).min(1, 'maturity_units_required')) });
export const deadlineInput = z.object({ deadline: day });

const optionalNumber = z.preprocess((v) => (v === '' || v === undefined || v === null ? null : typeof v === 'string' ? v.trim().replace(',', '.') : v), z.coerce.number({ error: 'field_invalid' }).refine(Number.isFinite, 'field_invalid').nullable());

const optionalDay = z.preprocess((v) => (typeof v === 'string' ? v.trim() : v ?? ''), z.string()).transform((v, ctx) => {
	if (!v) return null;
	const iso = parseDate(v);
	if (!iso) {
		ctx.addIssue({ code: 'custom', message: 'field_invalid_date' });
		return z.NEVER;
	}
	return iso;
});

/** One criterion's answer as the unit saves it: the value, a comment, the document cited, a link. */
export const answerInput = z.object({
	criterionKey: key,
	value: optionalNumber,
	comment: paragraphs(MATURITY_LIMITS.comment).default(''),
	docNumber: line(MATURITY_LIMITS.docNumber).default(''),
	docDate: optionalDay.default(null),
	docSummary: line(MATURITY_LIMITS.docSummary).default(''),
	link: optionalUrl()
		.optional()
		.transform((v) => v ?? null)
});
export type AnswerInput = z.input<typeof answerInput>;

/** A coordinator's decision on a criterion: accept, adjust (the value, with a reason) or return (with a reason). */
export const reviewInput = z
	.object({
		criterionKey: key,
		decision: z.enum(REVIEW_DECISIONS, { error: 'field_required' }),
		value: optionalNumber.default(null),
		reason: paragraphs(MATURITY_LIMITS.reason).default('')
	})
	.superRefine((r, ctx) => {
		if (r.decision !== 'accepted' && !r.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'maturity_reason_required' });
		if (r.decision === 'adjusted' && r.value === null) ctx.addIssue({ code: 'custom', path: ['value'], message: 'field_required' });
	});
export type ReviewInput = z.input<typeof reviewInput>;

/** The editor's JSON box: the whole definition as text. */
export const definitionJsonInput = z.object({ json: z.string().max(MATURITY_LIMITS.json, 'field_too_long') });
