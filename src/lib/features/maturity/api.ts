// What the JSON API answers about maturity: a published leaderboard and a unit's own assessment.
// The Zod schemas the OpenAPI document is generated from, and the functions shaping results into
// them (no evidence bytes, no reviewer accounts).
import { z } from 'zod';
import { ASSESSMENT_STATUSES, AUTOMATIC_SOURCES, REVIEW_DECISIONS, type AssessmentResult, type AssessmentStatus, type AutomaticFact, type Criterion, type ReviewDecision } from './types';

const isoDateTime = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 date and time' });

const groupJson = z.object({ key: z.string(), name: z.string(), score: z.number(), maxPoints: z.number(), percent: z.number(), level: z.number().int(), levelName: z.string(), capped: z.boolean() });
const pillarJson = z.object({ key: z.string(), name: z.string(), score: z.number(), maxPoints: z.number(), percent: z.number() });
export const maturityResultJson = z.object({ total: z.number(), maxPoints: z.number(), percent: z.number(), level: z.number().int(), levelName: z.string(), groups: z.array(groupJson), pillars: z.array(pillarJson) });

export const leaderboardJson = z.object({
	roundId: z.string(),
	title: z.string(),
	campaign: z.object({ id: z.string(), title: z.string(), year: z.number().int() }),
	organisation: z.string(),
	framework: z.object({ name: z.string(), version: z.number().int() }),
	publishedAt: isoDateTime.nullable(),
	previousEdition: z.object({ roundId: z.string(), title: z.string(), year: z.number().int() }).nullable(),
	rows: z.array(
		z.object({
			rank: z.number().int(),
			unitId: z.string(),
			unitName: z.string(),
			result: maturityResultJson,
			previousPercent: z.number().nullable(),
			progress: z.number().nullable().meta({ description: 'Change since the previous edition, in percentage points' })
		})
	)
});

export const assessmentJson = z.object({
	id: z.string(),
	roundId: z.string(),
	unit: z.object({ id: z.string(), name: z.string() }),
	status: z.enum(ASSESSMENT_STATUSES),
	deadline: z.string().meta({ description: 'yyyy-mm-dd, the last day in Vietnam' }),
	submittedAt: isoDateTime.nullable(),
	self: maturityResultJson,
	reviewed: maturityResultJson.nullable(),
	criteria: z.array(
		z.object({
			key: z.string(),
			name: z.string(),
			maxPoints: z.number(),
			value: z.number().nullable(),
			score: z.number(),
			automatic: z.object({ source: z.enum(AUTOMATIC_SOURCES), value: z.number(), numerator: z.number(), denominator: z.number().nullable(), computedAt: isoDateTime }).nullable(),
			decision: z.enum(REVIEW_DECISIONS).nullable(),
			reviewReason: z.string(),
			evidenceFiles: z.number().int()
		})
	)
});

const result = (r: AssessmentResult) => ({
	total: r.total,
	maxPoints: r.maxPoints,
	percent: r.percent,
	level: r.level,
	levelName: r.levelName,
	groups: r.groups.map((g) => ({ key: g.key, name: g.name, score: g.score, maxPoints: g.maxPoints, percent: g.percent, level: g.level, levelName: g.levelName, capped: g.capped })),
	pillars: r.pillars.map((p) => ({ key: p.key, name: p.name, score: p.score, maxPoints: p.maxPoints, percent: p.percent }))
});

export function toLeaderboardJson(b: {
	round: { id: string; title: string; publishedAt: Date | null };
	campaign: { id: string; title: string; year: number };
	orgName: string;
	frameworkName: string;
	frameworkVersion: number;
	previous: { roundId: string; title: string; year: number } | null;
	rows: Array<{ rank: number; unitId: string; unitName: string; result: AssessmentResult; previousPercent: number | null; progress: number | null }>;
}): z.infer<typeof leaderboardJson> {
	return {
		roundId: b.round.id,
		title: b.round.title,
		campaign: b.campaign,
		organisation: b.orgName,
		framework: { name: b.frameworkName, version: b.frameworkVersion },
		publishedAt: b.round.publishedAt ? b.round.publishedAt.toISOString() : null,
		previousEdition: b.previous,
		rows: b.rows.map((r) => ({ rank: r.rank, unitId: r.unitId, unitName: r.unitName, result: result(r.result), previousPercent: r.previousPercent, progress: r.progress }))
	};
}

export function toAssessmentJson(v: {
	id: string;
	roundId: string;
	unit: { id: string; name: string };
	status: AssessmentStatus;
	deadline: string;
	submittedAt: Date | null;
	self: AssessmentResult;
	reviewed: AssessmentResult | null;
	criteria: Criterion[];
	answers: Record<string, { value: number | null; automatic: AutomaticFact | null; decision: ReviewDecision | null; reviewReason: string }>;
	scores: Record<string, { self: number }>;
	files: Record<string, number>;
}): z.infer<typeof assessmentJson> {
	return {
		id: v.id,
		roundId: v.roundId,
		unit: v.unit,
		status: v.status,
		deadline: v.deadline,
		submittedAt: v.submittedAt ? v.submittedAt.toISOString() : null,
		self: result(v.self),
		reviewed: v.reviewed ? result(v.reviewed) : null,
		criteria: v.criteria.map((c) => {
			const a = v.answers[c.key];
			return {
				key: c.key,
				name: c.name,
				maxPoints: c.maxPoints,
				value: a?.value ?? null,
				score: v.scores[c.key]?.self ?? 0,
				automatic: a?.automatic ?? null,
				decision: a?.decision ?? null,
				reviewReason: a?.reviewReason ?? '',
				evidenceFiles: v.files[c.key] ?? 0
			};
		})
	};
}
