// Contest winners as recognition sees them: the prize places of the campaign's quiz rounds and
// creative contests once their results are published, read through those domains' read models.
import type { Db } from '../../db/types';
import { listQuizWinners } from '../../quizzes/export';
import { listCreativeWinners } from '../../creative/export';

/** A contest achievement: `key` names it among the campaign's ("quiz:<entrant>" or "creative:<entry>"); one key, one award. */
export interface ContestAchievement {
	key: string;
	contestTitle: string;
	roundName: string | null;
	place: number;
	name: string;
	userId: string | null;
	unitId: string | null;
	unitName: string | null;
	/** "9/10 câu đúng", "87,5 điểm", or ''. */
	scoreText: string;
}

const decimal = (n: number) => String(n).replace('.', ',');

/** Every published winner of the campaign's contests: quiz rounds first, then creative contests. */
export async function listContestAchievements(db: Db, campaignId: string): Promise<ContestAchievement[]> {
	const [quiz, creative] = await Promise.all([listQuizWinners(db, campaignId), listCreativeWinners(db, campaignId)]);
	return [
		...quiz.map((w) => ({ key: `quiz:${w.entrantId}`, contestTitle: w.contestTitle, roundName: w.roundName, place: w.place, name: w.name, userId: w.userId, unitId: w.unitId, unitName: w.unitName, scoreText: `${w.score}/${w.total} câu đúng` })),
		...creative.map((w) => ({ key: `creative:${w.entryId}`, contestTitle: w.contestTitle, roundName: null, place: w.place, name: w.name, userId: w.userId, unitId: w.unitId, unitName: w.unitName, scoreText: w.score === null ? '' : `${decimal(w.score)} điểm` }))
	];
}

const PRIZES = ['Nhất', 'Nhì', 'Ba'];

/** "Đạt giải Nhất cuộc thi “…” (Vòng 1)": the achievement as a decision cites it. */
export function contestCitation(a: ContestAchievement): string {
	const prize = PRIZES[a.place - 1] ? `giải ${PRIZES[a.place - 1]}` : `hạng ${a.place}`;
	return `Đạt ${prize} cuộc thi “${a.contestTitle}”${a.roundName ? ` (${a.roundName})` : ''}`;
}
