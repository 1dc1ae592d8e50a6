// Pure rules the pages and the service share: how a council's scores combine, what an award is
// worth, and how the domain's words read.
import { m } from '$lib/paraglide/messages';
export { formatVnd } from '$lib/features/partners/format';
import { CRITERION_MAX, RUBRIC_CRITERIA, type RubricScores, type RubricWeights } from './types';

/**
 * One member's score out of 100: each criterion's mark (0–10) counts by its weight (percent).
 * With weights 30/25/30/15 and marks 8/7/9/6: (8·30 + 7·25 + 9·30 + 6·15) / 10 = 77.5.
 */
export function memberScore(scores: RubricScores, weights: RubricWeights): number {
	const total = RUBRIC_CRITERIA.reduce((sum, c) => sum + weights[c], 0);
	if (!total) return 0;
	const points = RUBRIC_CRITERIA.reduce((sum, c) => sum + scores[c] * weights[c], 0);
	return (points / (CRITERION_MAX * total)) * 100;
}

/** The council's score of an entry: the mean of its members' scores, to two decimals; null before anyone scored. */
export function combinedScore(all: RubricScores[], weights: RubricWeights): number | null {
	if (!all.length) return null;
	const mean = all.reduce((sum, s) => sum + memberScore(s, weights), 0) / all.length;
	return Math.round(mean * 100) / 100;
}

/** "77,5": a score as Vietnamese write decimals. */
export function formatScore(value: number | null): string {
	if (value === null) return '—';
	return String(Math.round(value * 100) / 100).replace('.', ',');
}

/**
 * The money of an award: coefficient × mức lương cơ sở, rounded to the nearest 1,000 đồng as the
 * treasuries pay it [M] (NĐ 98/2023 Art. 54 names the coefficients; DOMAIN-VN §4.2).
 */
export function awardAmount(coefficient: number, baseSalaryVnd: number): number {
	return Math.round((coefficient * baseSalaryVnd) / 1000) * 1000;
}

/** Message of a status, field, level, kind… from its key. */
export function label(prefix: string, value: string): string {
	const fn = (m as unknown as Record<string, (() => string) | undefined>)[`recognition_${prefix}_${value}`];
	return fn ? fn() : value;
}

/** The text of an eligibility warning (a message key with its parameters). */
export function translateWarning(w: { key: string; params: Record<string, string> }): string {
	const fn = (m as unknown as Record<string, ((p: Record<string, string>) => string) | undefined>)[w.key];
	return fn ? fn(w.params) : w.key;
}
