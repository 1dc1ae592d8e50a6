import { json } from '@sveltejs/kit';
import { apiHandler, readJson } from '$lib/server/core/http';
import { participantOf, submitAttempt } from '$lib/server/quizzes/service';
import { toAttemptJson } from '$lib/features/quizzes/api';
import type { RequestHandler } from './$types';

/**
 * POST /api/v1/quiz-attempts/:id/submission: scores the attempt (201). Sent again — a retry, the
 * same Idempotency-Key — it changes nothing and answers 200 with the same attempt.
 */
export const POST: RequestHandler = apiHandler(async (event) => {
	// An empty body is a submission without a prediction.
	const body = event.request.headers.get('content-length') === '0' || !event.request.body ? {} : await readJson(event.request);
	const { repeated, view } = await submitAttempt(event.locals.db, participantOf(event), event.params.id, body);
	return json(toAttemptJson(view), { status: repeated ? 200 : 201 });
});
