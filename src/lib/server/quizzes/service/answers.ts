// Saving answers, the hottest write of LearnWeek: tens of thousands of participants save an answer
// every few seconds at a contest's peak. Answers are written by group commit: requests arriving
// within a few milliseconds are checked and written together in one transaction (one share-lock
// read of their attempts, one multi-row INSERT … ON CONFLICT), and each request is answered only
// after that transaction committed — acknowledged means stored. A transaction per answer would cap
// the path at the database's commit rate (STACK-NOTES: ~1.7k/s on PostgreSQL here).
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { logger } from '../../core/logger';
import { parseInput } from '../../core/http';
import { cleanText } from '$lib/vn/text';
import { answerInput, answersBody } from '$lib/features/quizzes/inputs';
import { lockAttemptsForAnswers, upsertAnswers, type AnswerWrite, type AttemptGate } from '../queries';
import { isEntrant, type Participant } from './quiz-context';

/** How long a batch waits for company: long enough to gather a peak's requests, short beside a phone's round trip. */
export const ANSWER_BATCH_WINDOW_MS = 3;
/** A batch is written at once when it holds this many answers (one statement of a few hundred rows). */
export const ANSWER_BATCH_MAX = 400;
/**
 * Batches being committed at once. While one commits, new answers wait and form the next batch,
 * so batches grow with the load instead of the transaction rate growing with it (group commit).
 * One at a time measured better here (bench/quiz.ts: more answers/s and a lower p95): with two,
 * batches waited on each other's row locks and cost twice the round trips.
 */
export const ANSWER_BATCHES_IN_FLIGHT = 1;

interface Pending {
	participant: Participant;
	attemptId: string;
	answers: Array<{ questionId: string; value: string[]; rev: number }>;
	at: Date;
	resolve: (r: { saved: number; savedAt: Date }) => void;
	reject: (e: unknown) => void;
}

class AnswerBatcher {
	private queue: Pending[] = [];
	private size = 0;
	private timer: NodeJS.Timeout | undefined;
	private inFlight = 0;

	constructor(private readonly db: Db) {}

	add(p: Pending): void {
		this.queue.push(p);
		this.size += p.answers.length;
		// With every slot busy, the batch that finishes first takes what waits.
		if (this.inFlight >= ANSWER_BATCHES_IN_FLIGHT) return;
		if (this.size >= ANSWER_BATCH_MAX) this.flushSoon(0);
		else this.flushSoon(ANSWER_BATCH_WINDOW_MS);
	}

	private flushSoon(ms: number): void {
		if (this.timer && ms > 0) return;
		if (this.timer) clearTimeout(this.timer);
		this.timer = setTimeout(() => {
			this.timer = undefined;
			void this.flush();
		}, ms);
	}

	private take(): Pending[] {
		// At most ANSWER_BATCH_MAX answers: one statement stays a few hundred rows.
		let n = 0;
		let count = 0;
		while (count < this.queue.length && (count === 0 || n + this.queue[count].answers.length <= ANSWER_BATCH_MAX)) n += this.queue[count++].answers.length;
		const batch = this.queue.splice(0, count);
		this.size -= n;
		return batch;
	}

	private async flush(): Promise<void> {
		if (this.inFlight >= ANSWER_BATCHES_IN_FLIGHT) return;
		const batch = this.take();
		if (!batch.length) return;
		this.inFlight++;
		try {
			await this.write(batch);
		} finally {
			this.inFlight--;
			if (this.queue.length) this.flushSoon(0);
		}
	}

	private async write(batch: Pending[]): Promise<void> {
		const outcomes = new Map<Pending, AppError>();
		try {
			await this.db.transaction(async (tx) => {
				const gates = new Map((await lockAttemptsForAnswers(tx, [...new Set(batch.map((p) => p.attemptId))])).map((g) => [g.id, g]));
				// One row per (attempt, question): the newest of a batch wins, as it would one after the other.
				const writes = new Map<string, AnswerWrite>();
				for (const p of batch) {
					const refusal = checkPending(p, gates.get(p.attemptId));
					if (refusal) {
						outcomes.set(p, refusal);
						continue;
					}
					for (const a of p.answers) {
						const key = `${p.attemptId}\u0000${a.questionId}`;
						const before = writes.get(key);
						if (!before || before.rev <= a.rev) writes.set(key, { attemptId: p.attemptId, questionId: a.questionId, value: a.value, rev: a.rev, savedAt: p.at });
					}
				}
				// In key order, so two batches writing the same rows take their locks in the same order (no deadlock).
				await upsertAnswers(tx, [...writes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, w]) => w));
			});
		} catch (e) {
			logger.error({ err: e, batch: batch.length }, 'answer batch failed');
			for (const p of batch) p.reject(e);
			return;
		}
		for (const p of batch) {
			const refusal = outcomes.get(p);
			if (refusal) p.reject(refusal);
			else p.resolve({ saved: p.answers.length, savedAt: p.at });
		}
	}
}

/** Why an answer cannot be saved to this attempt, or undefined when it can. */
function checkPending(p: Pending, gate: AttemptGate | undefined): AppError | undefined {
	if (!gate || !isEntrant(p.participant, { id: gate.entrantId, userId: gate.userId, tokenHashes: gate.tokenHashes })) return new AppError('NOT_FOUND');
	if (gate.status !== 'open' || p.at > gate.acceptUntil) return new AppError('INVALID_TRANSITION', { fields: { _: 'quizzes_deadline_passed' } });
	const items = new Map(gate.items.map((i) => [i.questionId, i]));
	for (const a of p.answers) {
		const item = items.get(a.questionId);
		if (!item) return new AppError('VALIDATION', { fields: { questionId: 'quizzes_question_not_in_attempt' } });
		if (item.kind === 'short') {
			if (a.value.length > 1) return new AppError('VALIDATION', { fields: { value: 'field_invalid' } });
			continue;
		}
		if (a.value.some((v) => !item.optionIds.includes(v)) || new Set(a.value).size !== a.value.length) return new AppError('VALIDATION', { fields: { value: 'quizzes_option_unknown' } });
		if (item.kind !== 'multiple' && a.value.length > 1) return new AppError('VALIDATION', { fields: { value: 'quizzes_correct_one' } });
	}
	return undefined;
}

const batchers = new WeakMap<Db, AnswerBatcher>();

/**
 * Saves answers to questions of an attempt (an empty value clears one); resolves once they are
 * committed. The same answer sent twice is one row; a retry older than the saved answer (by `rev`)
 * changes nothing. Refuses someone else's attempt (NOT_FOUND), an attempt submitted or past its
 * deadline plus grace (INVALID_TRANSITION), a question not in the attempt or an option not of
 * the question (VALIDATION).
 */
export async function saveAnswers(db: Db, participant: Participant, attemptId: string, input: unknown): Promise<{ saved: number; savedAt: Date }> {
	const { answers } = parseInput(answersBody, input);
	const at = now();
	const byQuestion = new Map<string, { questionId: string; value: string[]; rev: number }>();
	for (const a of answers) {
		const value = a.value.map((v) => cleanText(v)).filter(Boolean);
		byQuestion.set(a.questionId, { questionId: a.questionId, value, rev: a.rev ?? at.getTime() });
	}
	let batcher = batchers.get(db);
	if (!batcher) batchers.set(db, (batcher = new AnswerBatcher(db)));
	return new Promise((resolve, reject) => batcher.add({ participant, attemptId, answers: [...byQuestion.values()], at, resolve, reject }));
}

/** One answer from a form post (the page without JavaScript): the same path as the JSON one. */
export async function saveAnswer(db: Db, participant: Participant, attemptId: string, input: unknown): Promise<{ saved: number; savedAt: Date }> {
	const one = parseInput(answerInput, input);
	return saveAnswers(db, participant, attemptId, { answers: [one] });
}
