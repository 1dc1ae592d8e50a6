import { json } from '@sveltejs/kit';
import { apiHandler } from '$lib/server/core/http';
import { getAttempt, participantOf } from '$lib/server/quizzes/service';
import { toAttemptJson } from '$lib/features/quizzes/api';
import type { RequestHandler } from './$types';

/** GET /api/v1/quiz-attempts/:id: the participant's own attempt (another device resumes from it). */
export const GET: RequestHandler = apiHandler(async (event) => {
	return json(toAttemptJson(await getAttempt(event.locals.db, participantOf(event), event.params.id)));
});
