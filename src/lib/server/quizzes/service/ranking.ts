// The order of a round's results: each entrant's best attempt, ranked by score, then time taken,
// then closeness of the prediction to the real number of all-correct participants, then
// submission time (the usual rule of Vietnamese online contests).
import type { Db } from '../../db/types';
import { selectScoredAttempts, type ScoredAttempt } from '../queries';
import type { QuizRoundRow } from '../tables';

export type RankedEntrant = ScoredAttempt & { rank: number };

/** The number of entrants whose best attempt got every question right. */
export function countAllCorrect(rows: ScoredAttempt[]): number {
	return new Set(rows.filter((r) => r.total > 0 && r.score === r.total).map((r) => r.entrantId)).size;
}

/** Orders two attempts: better first. `actual` is the real number of all-correct participants. */
export function compareAttempts(a: ScoredAttempt, b: ScoredAttempt, actual: number): number {
	if (a.score !== b.score) return b.score - a.score;
	if (a.durationMs !== b.durationMs) return a.durationMs - b.durationMs;
	const da = a.prediction === null ? Infinity : Math.abs(a.prediction - actual);
	const db = b.prediction === null ? Infinity : Math.abs(b.prediction - actual);
	if (da !== db) return da < db ? -1 : 1;
	const sa = a.submittedAt?.getTime() ?? Infinity;
	const sb = b.submittedAt?.getTime() ?? Infinity;
	if (sa !== sb) return sa < sb ? -1 : 1;
	return a.attemptId < b.attemptId ? -1 : a.attemptId > b.attemptId ? 1 : 0;
}

/** Each entrant's best attempt, ranked 1, 2, 3… (every tie is broken, so ranks are distinct). */
export function rankAttempts(rows: ScoredAttempt[], actual: number = countAllCorrect(rows)): RankedEntrant[] {
	const sorted = [...rows].sort((a, b) => compareAttempts(a, b, actual));
	const seen = new Set<string>();
	const best: ScoredAttempt[] = [];
	for (const r of sorted) {
		if (seen.has(r.entrantId)) continue;
		seen.add(r.entrantId);
		best.push(r);
	}
	return best.map((r, i) => ({ ...r, rank: i + 1 }));
}

/** The ranked results of a round as they stand (finished attempts only). */
export async function rankRound(db: Db, round: QuizRoundRow): Promise<RankedEntrant[]> {
	const rows = await selectScoredAttempts(db, round.id);
	return rankAttempts(rows, round.allCorrectCount ?? countAllCorrect(rows));
}
