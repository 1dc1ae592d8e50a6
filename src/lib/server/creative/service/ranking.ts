// The scores of a creative contest, written once here (README "Creative contests" says the same):
//
//   rating r of an entry (one juror, one round)  = 100 × Σ_c w_c · s_c / max_c  ÷  Σ_c w_c
//   jury score J(e)                              = mean of its ratings in the round (0 with none)
//   public score P(e)                            = 100 × votes(e) ÷ the most votes of any ranked entry (0 with no votes)
//   final score F(e)                             = (jw · J(e) + (100 − jw) · P(e)) ÷ 100, jw = the contest's jury weight in %
//
// Ties go to the higher jury score, then more votes, then the earlier entry.
import type { RubricCriterion } from '$lib/features/creative/types';

/** One juror's rating out of 100: the weighted share of each criterion's top score. */
export function ratingScore(criteria: RubricCriterion[], scores: Record<string, number>): number {
	const totalWeight = criteria.reduce((s, c) => s + c.weight, 0);
	if (!totalWeight) return 0;
	return (100 * criteria.reduce((s, c) => s + (c.weight * (scores[c.id] ?? 0)) / c.maxScore, 0)) / totalWeight;
}

export interface RankInput {
	entryId: string;
	seq: number;
	/** The entry's ratings (each out of 100) in the final round. */
	ratings: number[];
	votes: number;
}

export interface RankedEntry {
	entryId: string;
	rank: number;
	juryScore: number;
	publicScore: number;
	finalScore: number;
	votes: number;
	ratingCount: number;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Orders entries by jury score alone (a round's standing: who goes on to the next). */
export function rankByJury(rows: Array<{ entryId: string; seq: number; ratings: number[] }>): Array<{ entryId: string; juryScore: number }> {
	return rows
		.map((r) => ({ entryId: r.entryId, seq: r.seq, juryScore: mean(r.ratings) }))
		.sort((a, b) => b.juryScore - a.juryScore || a.seq - b.seq)
		.map(({ entryId, juryScore }) => ({ entryId, juryScore }));
}

/** The final ranking: jury and normalised public vote, weighted by `juryWeight` (0–100). Equal scores share a rank. */
export function rankEntries(rows: RankInput[], juryWeight: number): RankedEntry[] {
	const topVotes = Math.max(0, ...rows.map((r) => r.votes));
	const scored = rows.map((r) => {
		const juryScore = mean(r.ratings);
		const publicScore = topVotes ? (100 * r.votes) / topVotes : 0;
		return { ...r, juryScore, publicScore, finalScore: (juryWeight * juryScore + (100 - juryWeight) * publicScore) / 100 };
	});
	scored.sort((a, b) => b.finalScore - a.finalScore || b.juryScore - a.juryScore || b.votes - a.votes || a.seq - b.seq);
	const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;
	return scored.map((s, i) => {
		const prev = scored[i - 1];
		return {
			entryId: s.entryId,
			rank: 0,
			juryScore: s.juryScore,
			publicScore: s.publicScore,
			finalScore: s.finalScore,
			votes: s.votes,
			ratingCount: s.ratings.length,
			tiedWithPrevious: Boolean(prev && same(prev.finalScore, s.finalScore) && same(prev.juryScore, s.juryScore) && prev.votes === s.votes)
		};
	}).reduce<RankedEntry[]>((out, s, i) => {
		const { tiedWithPrevious, ...rest } = s;
		out.push({ ...rest, rank: tiedWithPrevious ? out[i - 1].rank : i + 1 });
		return out;
	}, []);
}
