import { orPageError } from '$lib/server/core/http';
import { getRoundResults } from '$lib/server/quizzes/service';
import type { PageServerLoad } from './$types';

/** The people shown on the public page; the XLSX holds everyone. */
const SHOWN = 100;

export const load: PageServerLoad = async ({ locals, params }) => {
	const r = await orPageError(() => getRoundResults(locals.db, locals.actor, params.id));
	return {
		round: { id: r.round.id, name: r.round.name, closesAt: r.round.closesAt, publishedAt: r.round.publishedAt },
		contest: { id: r.contest.id, title: r.contest.title, predictionQuestion: r.contest.predictionQuestion },
		published: r.published,
		allCorrectCount: r.allCorrectCount,
		participants: r.participants,
		leaderboard: r.leaderboard.slice(0, SHOWN),
		units: r.units,
		questions: r.questions,
		canExport: r.canExport
	};
};
