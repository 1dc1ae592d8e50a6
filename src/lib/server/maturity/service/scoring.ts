// Scores and levels from a framework version and the values entered: pure, so the unit's preview,
// the coordinator's review, the leaderboard and the tests all compute them the same way.
import { SCALE_MAX, type AssessmentResult, type Criterion, type FrameworkDefinition, type GroupResult, type LevelBand, type RaiseHint } from '$lib/features/maturity/types';

/** Points to two decimals: half points are common on DTI sheets, and floats must not make 75 into 74.999. */
export const round2 = (n: number) => Math.round(n * 100) / 100;

/** Every criterion of a definition with its pillar and group. */
export function criteriaOf(def: FrameworkDefinition): Array<Criterion & { pillar: string; group: string; indicator: string }> {
	return def.pillars.flatMap((p) => p.indicators.flatMap((i) => i.criteria.map((c) => ({ ...c, pillar: p.key, group: p.group, indicator: i.key }))));
}

/**
 * Why a value cannot be entered for a criterion, as a message key, or undefined when it can: a
 * yes/no is 0 or 1, the scale 0–5 in whole steps, a percentage 0–100, points 0 to the maximum.
 */
export function valueProblem(c: Criterion, value: number | null): string | undefined {
	if (value === null) return undefined;
	if (!Number.isFinite(value)) return 'field_invalid';
	if (value < 0) return 'maturity_value_negative';
	switch (c.type) {
		case 'yes_no':
			return value === 0 || value === 1 ? undefined : 'field_invalid';
		case 'scale':
			if (value > SCALE_MAX) return 'maturity_value_above_max';
			return Number.isInteger(value) ? undefined : 'field_invalid';
		case 'percentage':
			return value > 100 ? 'maturity_value_above_max' : undefined;
		case 'points':
			return value > c.maxPoints ? 'maturity_value_above_max' : undefined;
		case 'number':
			return undefined;
	}
}

/** The points a value earns on a criterion (0 when not answered). */
export function criterionScore(c: Criterion, value: number | null | undefined): number {
	if (value === null || value === undefined) return 0;
	switch (c.type) {
		case 'yes_no':
			return value === 1 ? c.maxPoints : 0;
		case 'scale':
			return round2((Math.min(value, SCALE_MAX) / SCALE_MAX) * c.maxPoints);
		case 'percentage':
			return round2((Math.min(value, 100) / 100) * c.maxPoints);
		case 'points':
			return round2(Math.min(value, c.maxPoints));
		case 'number': {
			let points = 0;
			for (const t of c.thresholds ?? []) if (value >= t.atLeast) points = t.points;
			return round2(Math.min(points, c.maxPoints));
		}
	}
}

/** The value that earns full marks on a criterion. */
export function fullValue(c: Criterion): number {
	switch (c.type) {
		case 'yes_no':
			return 1;
		case 'scale':
			return SCALE_MAX;
		case 'percentage':
			return 100;
		case 'points':
			return c.maxPoints;
		case 'number':
			return c.thresholds?.length ? c.thresholds[c.thresholds.length - 1].atLeast : 0;
	}
}

/** True when `percent` lies in the band. */
export function inBand(b: LevelBand, percent: number): boolean {
	const aboveMin = b.minInclusive ? percent >= b.min : percent > b.min;
	const belowMax = b.maxInclusive ? percent <= b.max : percent < b.max;
	return aboveMin && belowMax;
}

/** The band a percentage falls in (the bands cover 0–100 exactly once: frameworkDefinitionInput checks it). */
export function bandOf(bands: LevelBand[], percent: number): LevelBand {
	const p = Math.max(0, Math.min(100, percent));
	return bands.find((b) => inBand(b, p)) ?? [...bands].sort((a, b) => a.level - b.level)[0];
}

/** A mandatory condition (a yes/no) is met when answered yes. */
export function mandatoryMet(value: number | null | undefined): boolean {
	return value === 1;
}

/**
 * The result of an assessment: each group's score, percentage and level (capped at the group's
 * `mandatoryCap` while one of its mandatory conditions is unmet), each pillar's score, and the
 * unit's level, the lowest of its groups'.
 */
export function computeResult(def: FrameworkDefinition, values: ReadonlyMap<string, number | null>): AssessmentResult {
	const all = criteriaOf(def);
	const groups: GroupResult[] = def.groups.map((g) => {
		const cs = all.filter((c) => c.group === g.key);
		const score = round2(cs.reduce((s, c) => s + criterionScore(c, values.get(c.key)), 0));
		const maxPoints = round2(cs.reduce((s, c) => s + c.maxPoints, 0));
		const percent = maxPoints > 0 ? round2((score / maxPoints) * 100) : 0;
		const band = bandOf(g.levels, percent);
		const unmetMandatory = cs.filter((c) => c.mandatory && !mandatoryMet(values.get(c.key))).map((c) => c.key);
		const capped = unmetMandatory.length > 0 && band.level > g.mandatoryCap;
		const level = capped ? g.mandatoryCap : band.level;
		const levelName = g.levels.find((b) => b.level === level)?.name ?? band.name;
		const sorted = [...g.levels].sort((a, b) => a.min - b.min || Number(b.minInclusive) - Number(a.minInclusive));
		const next = sorted[sorted.indexOf(band) + 1];
		const pointsToNextLevel = next ? Math.max(0, round2((next.min / 100) * maxPoints - score + (next.minInclusive ? 0 : 0.01))) : null;
		return { key: g.key, name: g.name, score, maxPoints, percent, bandLevel: band.level, level, levelName, unmetMandatory, capped, pointsToNextLevel };
	});
	const pillars = def.pillars.map((p) => {
		const cs = all.filter((c) => c.pillar === p.key);
		const score = round2(cs.reduce((s, c) => s + criterionScore(c, values.get(c.key)), 0));
		const maxPoints = round2(cs.reduce((s, c) => s + c.maxPoints, 0));
		return { key: p.key, name: p.name, group: p.group, score, maxPoints, percent: maxPoints > 0 ? round2((score / maxPoints) * 100) : 0 };
	});
	const lowest = groups.reduce((a, b) => (b.level < a.level ? b : a));
	const total = round2(groups.reduce((s, g) => s + g.score, 0));
	const maxPoints = round2(groups.reduce((s, g) => s + g.maxPoints, 0));
	return { total, maxPoints, percent: maxPoints > 0 ? round2((total / maxPoints) * 100) : 0, level: lowest.level, levelName: lowest.levelName, groups, pillars };
}

/**
 * The criteria that, brought to full marks alone, would raise the unit's level or their group's:
 * the unit's list of what to work on, biggest effect first.
 */
export function raiseHints(def: FrameworkDefinition, values: ReadonlyMap<string, number | null>, base: AssessmentResult = computeResult(def, values)): RaiseHint[] {
	const hints: RaiseHint[] = [];
	for (const c of criteriaOf(def)) {
		const now = criterionScore(c, values.get(c.key));
		const unmet = c.mandatory && !mandatoryMet(values.get(c.key));
		if (now >= c.maxPoints && !unmet) continue;
		const next = new Map(values);
		next.set(c.key, fullValue(c));
		const r = computeResult(def, next);
		const groupBefore = base.groups.find((g) => g.key === c.group)!.level;
		const groupAfter = r.groups.find((g) => g.key === c.group)!.level;
		if (r.level > base.level || groupAfter > groupBefore) {
			hints.push({ criterionKey: c.key, criterionName: c.name, group: c.group, gain: round2(c.maxPoints - now), levelIfFull: Math.max(r.level, groupAfter), mandatory: c.mandatory });
		}
	}
	return hints.sort((a, b) => b.levelIfFull - a.levelIfFull || Number(b.mandatory) - Number(a.mandatory) || b.gain - a.gain);
}
