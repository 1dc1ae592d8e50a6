// The quiz contests of /api/v1: the answer path (start, read, answer, submit) and published results.
// The account is the bearer token or the session cookie; under the e-mail code rule, the browser's
// entrant cookie. src/routes/api/v1 implements exactly these.
import { attemptJson, roundResultsJson, saveAnswersBody, savedAnswersJson, submissionBody } from '$lib/features/quizzes/api';
import type { Operation } from './openapi';

const tags = ['quizzes'];

export const quizOperations: Operation[] = [
	{
		method: 'post',
		path: '/quiz-rounds/{id}/attempts',
		summary: 'Start an attempt in an open round, or get back the one still open (questions drawn and shuffled on the server, no right answers)',
		tags,
		auth: true,
		params: ['id'],
		response: attemptJson,
		status: 201,
		errors: ['FORBIDDEN', 'NOT_FOUND', 'INVALID_TRANSITION']
	},
	{
		method: 'get',
		path: '/quiz-attempts/{id}',
		summary: "The participant's own attempt with the saved answers; right answers only once results are published",
		tags,
		auth: true,
		params: ['id'],
		response: attemptJson,
		errors: ['NOT_FOUND']
	},
	{
		method: 'post',
		path: '/quiz-attempts/{id}/answers',
		summary: 'Save answers as the participant goes; answered once they are durably stored. Refused after the deadline plus grace',
		tags,
		auth: true,
		params: ['id'],
		body: saveAnswersBody,
		response: savedAnswersJson,
		errors: ['NOT_FOUND', 'INVALID_TRANSITION']
	},
	{
		method: 'post',
		path: '/quiz-attempts/{id}/submission',
		summary: 'Submit and score the attempt; sent twice (a retry, the same Idempotency-Key) it acts once and answers 200 with the same attempt',
		tags,
		auth: true,
		params: ['id'],
		body: submissionBody,
		response: attemptJson,
		status: 201,
		errors: ['NOT_FOUND', 'INVALID_TRANSITION']
	},
	{
		method: 'get',
		path: '/quiz-rounds/{id}/results',
		summary: "A round's published results: the first 100 people, units by participation and average score, each question's statistics",
		tags,
		auth: false,
		params: ['id'],
		response: roundResultsJson,
		errors: ['NOT_FOUND']
	}
];
