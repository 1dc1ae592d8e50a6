import { json } from '@sveltejs/kit';
import { apiHandler, readJson } from '$lib/server/core/http';
import { participantOf, saveAnswers } from '$lib/server/quizzes/service';
import type { RequestHandler } from './$types';

/**
 * POST /api/v1/quiz-attempts/:id/answers: the hottest path of LearnWeek. The answers are written by
 * group commit and this answers only once they are committed. Naturally idempotent: one row per
 * question, ordered by `rev`, so a retry (with or without an Idempotency-Key) counts once.
 */
export const POST: RequestHandler = apiHandler(async (event) => {
	const body = await readJson(event.request);
	const saved = await saveAnswers(event.locals.db, participantOf(event), event.params.id, body);
	return json({ saved: saved.saved, savedAt: saved.savedAt.toISOString() });
});
