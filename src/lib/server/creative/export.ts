// The creative contests' read model for the recognition domain: the prize winners (places 1 to
// PRIZE_PLACES) of a campaign's contests whose results are published, as their valid prize
// certificates say, as candidates for role-model suggestions and award decisions.
import type { Db } from '../db/types';
import { listOrgNodesByIds } from '../org/service';
import { selectPrizeCertificatesOfCampaign } from './queries';
import { computeResults } from './service/jury';

/** A prize winner of a creative contest. `entryId` is the achievement's key (one entry, one prize). */
export interface CreativeWinner {
	entryId: string;
	entryTitle: string;
	contestId: string;
	contestTitle: string;
	place: number;
	name: string;
	userId: string;
	unitId: string | null;
	unitName: string | null;
	/** The final score out of 100 (jury and public vote), to two decimals. */
	score: number | null;
}

/** The prize winners of the campaign's contests with published results, contest by contest, best first. A revoked prize is left out. */
export async function listCreativeWinners(db: Db, campaignId: string): Promise<CreativeWinner[]> {
	const rows = (await selectPrizeCertificatesOfCampaign(db, campaignId)).filter((r) => r.certificate.rank !== null);
	const contests = [...new Map(rows.map((r) => [r.contest.id, r.contest])).values()];
	const scores = new Map<string, number>();
	for (const contest of contests) {
		for (const r of (await computeResults(db, contest))?.ranking ?? []) scores.set(r.entryId, Math.round(r.finalScore * 100) / 100);
	}
	const units = new Map((await listOrgNodesByIds(db, [...new Set(rows.map((r) => r.entry.unitId).filter((id): id is string => Boolean(id)))])).map((n) => [n.id, n.name]));
	return rows.map(({ certificate, entry, contest }) => ({
		entryId: entry.id,
		entryTitle: entry.title,
		contestId: contest.id,
		contestTitle: contest.title,
		place: certificate.rank!,
		name: certificate.recipientName,
		userId: entry.authorUserId,
		unitId: entry.unitId,
		unitName: entry.unitId ? (units.get(entry.unitId) ?? null) : null,
		score: scores.get(entry.id) ?? null
	}));
}
