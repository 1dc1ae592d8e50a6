import { json } from '@sveltejs/kit';
import { apiHandler } from '$lib/server/core/http';
import { participantOf, startOrResumeAttempt } from '$lib/server/quizzes/service';
import { toAttemptJson } from '$lib/features/quizzes/api';
import type { RequestHandler } from './$types';

/** POST /api/v1/quiz-rounds/:id/attempts: a new attempt (201), or the one still open (200). */
export const POST: RequestHandler = apiHandler(async (event) => {
	const { created, view } = await startOrResumeAttempt(event.locals.db, participantOf(event), event.params.id);
	return json(toAttemptJson(view), { status: created ? 201 : 200 });
});
