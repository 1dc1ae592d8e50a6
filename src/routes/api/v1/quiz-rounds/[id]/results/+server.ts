import { json } from '@sveltejs/kit';
import { apiHandler } from '$lib/server/core/http';
import { getRoundResults } from '$lib/server/quizzes/service';
import { toRoundResultsJson } from '$lib/features/quizzes/api';
import type { RequestHandler } from './$types';

/** GET /api/v1/quiz-rounds/:id/results: public once published (organisers and supervisors before). */
export const GET: RequestHandler = apiHandler(async ({ locals, params }) => {
	const r = await getRoundResults(locals.db, locals.actor, params.id);
	return json(toRoundResultsJson({ ...r, roundId: r.round.id, contestId: r.contest.id }));
});
