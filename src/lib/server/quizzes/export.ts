// The quiz contests' read model for the recognition domain: the winners of a campaign's published
// rounds (places 1 to WINNER_PLACES, the places that get a prize certificate), as candidates for
// role-model suggestions and award decisions.
import type { Db } from '../db/types';
import { listOrgNodesByIds } from '../org/service';
import { selectPublishedRoundsOfCampaign } from './queries';
import { rankRound } from './service/ranking';
import { WINNER_PLACES } from './service/results';

/** A winner of a published quiz round. `entrantId` is one person in one round: the achievement's key. */
export interface QuizWinner {
	entrantId: string;
	contestId: string;
	contestTitle: string;
	roundId: string;
	roundName: string;
	place: number;
	name: string;
	userId: string | null;
	unitId: string | null;
	unitName: string | null;
	/** Questions answered right, out of `total`. */
	score: number;
	total: number;
}

/** The winners of every published round of the campaign's contests, round by round, best first. Nothing before a round is published. */
export async function listQuizWinners(db: Db, campaignId: string): Promise<QuizWinner[]> {
	const rounds = await selectPublishedRoundsOfCampaign(db, campaignId);
	const podiums = await Promise.all(rounds.map(async ({ round, contestTitle }) => (await rankRound(db, round)).slice(0, WINNER_PLACES).map((r) => ({ r, round, contestTitle }))));
	const flat = podiums.flat();
	const units = new Map((await listOrgNodesByIds(db, [...new Set(flat.map((w) => w.r.unitId).filter((id): id is string => Boolean(id)))])).map((n) => [n.id, n.name]));
	return flat.map(({ r, round, contestTitle }) => ({
		entrantId: r.entrantId,
		contestId: round.contestId,
		contestTitle,
		roundId: round.id,
		roundName: round.name,
		place: r.rank,
		name: r.name,
		userId: r.userId,
		unitId: r.unitId,
		unitName: r.unitId ? (units.get(r.unitId) ?? null) : null,
		score: r.score,
		total: r.total
	}));
}
