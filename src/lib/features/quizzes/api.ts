// What the JSON API answers about quiz attempts and results, and the bodies it accepts: the Zod
// schemas the OpenAPI document is generated from, and the functions shaping views into them. An
// open attempt's JSON holds the options, never which is right.
import { z } from 'zod';
import { answersBody, submitInput } from './inputs';
import { QUESTION_KINDS, type AttemptView } from './types';
import type { LeaderboardRow, QuestionStatRow, UnitResultRow } from './types';

const isoDateTime = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 date and time' });

export const attemptJson = z.object({
	id: z.string(),
	roundId: z.string(),
	contestId: z.string(),
	number: z.number().int(),
	status: z.enum(['open', 'submitted', 'timed_out']),
	startedAt: isoDateTime,
	deadlineAt: isoDateTime.meta({ description: 'The end of the time limit; answers are taken until acceptUntil' }),
	acceptUntil: isoDateTime.meta({ description: 'The deadline plus the contest’s grace: later answers and submissions are refused' }),
	predictionQuestion: z.string().nullable(),
	prediction: z.number().int().nullable(),
	questions: z.array(
		z.object({
			id: z.string(),
			number: z.number().int(),
			kind: z.enum(QUESTION_KINDS),
			text: z.string(),
			imageUrl: z.string().nullable(),
			options: z.array(z.object({ id: z.string(), text: z.string() })).meta({ description: 'In this attempt’s order; nothing says which is right' }),
			answer: z.array(z.string()).meta({ description: 'The saved answer: option ids, or the typed text' })
		})
	),
	result: z
		.object({
			score: z.number().int(),
			total: z.number().int(),
			durationMs: z.number().int(),
			rank: z.number().int().nullable(),
			corrections: z.array(z.object({ questionId: z.string(), correct: z.boolean(), answer: z.array(z.string()) }))
		})
		.nullable()
		.meta({ description: 'Once the round’s results are published' })
});

export const saveAnswersBody = answersBody.meta({
	description: 'Answers to questions of the attempt (an empty value clears one). `rev` orders retries: a resent older answer never replaces a newer one; the same answer twice is one answer'
});
export const savedAnswersJson = z.object({ saved: z.number().int(), savedAt: isoDateTime });
export const submissionBody = submitInput.meta({ description: 'The prediction, when the contest asks one. Sent twice, a submission acts once' });

export const roundResultsJson = z.object({
	roundId: z.string(),
	contestId: z.string(),
	published: z.boolean(),
	allCorrectCount: z.number().int(),
	participants: z.number().int(),
	leaderboard: z.array(z.object({ rank: z.number().int(), name: z.string(), unitName: z.string().nullable(), score: z.number().int(), total: z.number().int(), durationMs: z.number().int() })),
	units: z.array(z.object({ unitName: z.string(), people: z.number().int(), participants: z.number().int(), participationRate: z.number().nullable(), averageScore: z.number() })),
	questions: z.array(z.object({ questionId: z.string(), text: z.string(), drawn: z.number().int(), correct: z.number().int(), correctRate: z.number().nullable() }))
});

export function toAttemptJson(a: AttemptView): z.output<typeof attemptJson> {
	return {
		id: a.id,
		roundId: a.roundId,
		contestId: a.contestId,
		number: a.number,
		status: a.status,
		startedAt: new Date(a.startedAt).toISOString(),
		deadlineAt: new Date(a.deadlineAt).toISOString(),
		acceptUntil: new Date(a.acceptUntil).toISOString(),
		predictionQuestion: a.predictionQuestion,
		prediction: a.prediction,
		questions: a.questions.map((q) => ({ id: q.id, number: q.number, kind: q.kind, text: q.text, imageUrl: q.hasImage ? `/contests/questions/${q.id}/image` : null, options: q.options, answer: q.answer })),
		result: a.result
	};
}

export function toRoundResultsJson(r: { roundId: string; contestId: string; published: boolean; allCorrectCount: number; participants: number; leaderboard: LeaderboardRow[]; units: UnitResultRow[]; questions: QuestionStatRow[] }, limit = 100): z.output<typeof roundResultsJson> {
	return {
		roundId: r.roundId,
		contestId: r.contestId,
		published: r.published,
		allCorrectCount: r.allCorrectCount,
		participants: r.participants,
		leaderboard: r.leaderboard.slice(0, limit).map((x) => ({ rank: x.rank, name: x.name, unitName: x.unitName, score: x.score, total: x.total, durationMs: x.durationMs })),
		units: r.units.map((u) => ({ unitName: u.unitName, people: u.people, participants: u.participants, participationRate: u.participationRate, averageScore: u.averageScore })),
		questions: r.questions.map((q) => ({ questionId: q.questionId, text: q.text, drawn: q.drawn, correct: q.correct, correctRate: q.correctRate }))
	};
}
