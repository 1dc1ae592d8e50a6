// A participant's attempt: drawn when it starts (questions by quota, options shuffled, all kept on
// the server), resumed from any device, submitted once, scored on the server and audited.
import { randomInt } from 'node:crypto';
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { parseInput } from '../../core/http';
import { recordAudit } from '../../audit/service';
import type { Actor } from '../../auth/actor';
import { submitInput } from '$lib/features/quizzes/inputs';
import type { AttemptItem, AttemptView, TagQuota } from '$lib/features/quizzes/types';
import {
	finishAttemptRow,
	insertAttempt,
	lockAttempt,
	selectAnswers,
	selectAttemptWithEntrant,
	selectAttemptsOfEntrant,
	selectAttemptsOfEntrants,
	selectQuestionsByIds,
	selectRandomQuestions,
	selectRound,
	selectContest,
	setAnswerCorrectness
} from '../queries';
import type { OrgNodeRow } from '../../org/service';
import type { QuizAnswerRow, QuizAttemptRow, QuizContestRow, QuizQuestionRow, QuizRoundRow } from '../tables';
import { isEntrant, loadOrg, normaliseShortAnswer, QUIZ_SYSTEM, requireParticipantRound, roundContext, tokenEntrantIds, type Participant } from './quiz-context';
import { requireOpenRound, resolveEntrant } from './entry';
import { rankRound } from './ranking';

function shuffle<T>(items: T[]): T[] {
	const a = [...items];
	for (let i = a.length - 1; i > 0; i--) {
		const j = randomInt(0, i + 1);
		[a[i], a[j]] = [a[j], a[i]];
	}
	return a;
}

/**
 * Draws an attempt's questions from the organiser's bank: for each quota in turn, `count` random
 * questions of its tag and difficulty not drawn already (the database draws them, so a start reads
 * only the questions it shows, not the bank); then the whole set is shuffled. Refuses a bank too
 * small for the quotas (INVALID_TRANSITION).
 */
export async function drawQuestions(db: Db, orgId: string, quotas: TagQuota[]): Promise<QuizQuestionRow[]> {
	const drawn: QuizQuestionRow[] = [];
	for (const q of quotas) {
		const rows = await selectRandomQuestions(db, [orgId], q, drawn.map((d) => d.id));
		if (rows.length < q.count) throw new AppError('INVALID_TRANSITION', { fields: { _: 'quizzes_bank_too_small' } });
		drawn.push(...rows);
	}
	return shuffle(drawn);
}

/** The items of an attempt: the drawn questions in order, each one's options shuffled (true/false keeps Đúng before Sai). */
export function itemsOf(drawn: QuizQuestionRow[]): AttemptItem[] {
	return drawn.map((q) => ({ questionId: q.id, kind: q.kind, optionIds: q.kind === 'true_false' ? q.options.map((o) => o.id) : shuffle(q.options.map((o) => o.id)) }));
}

/** Whether a saved answer is right. */
export function isCorrect(question: Pick<QuizQuestionRow, 'kind' | 'correct' | 'foldAnswers'>, value: string[] | undefined): boolean {
	if (!value?.length) return false;
	if (question.kind === 'short') {
		const given = normaliseShortAnswer(value[0], question.foldAnswers);
		return Boolean(given) && question.correct.some((a) => normaliseShortAnswer(a, question.foldAnswers) === given);
	}
	const want = new Set(question.correct);
	const got = new Set(value);
	return want.size === got.size && [...got].every((v) => want.has(v));
}

async function requireOwnAttempt(db: Db, participant: Participant, id: string, lock = false): Promise<QuizAttemptRow> {
	const found = await selectAttemptWithEntrant(db, id, lock);
	// Someone else's attempt is NOT_FOUND: its existence is not theirs to know.
	if (!found || !isEntrant(participant, found.entrant)) throw new AppError('NOT_FOUND');
	return found.attempt;
}

/** What a view of an attempt is built from, when the caller has it already. */
interface Loaded {
	questions: Map<string, QuizQuestionRow>;
	answers: Map<string, QuizAnswerRow>;
}

/**
 * Scores a finished attempt from its saved answers, marks each answer right or wrong, and audits
 * the score. `status` says how it ended: submitted by the participant, or timed out.
 */
async function scoreAttempt(
	db: Db,
	actor: Actor,
	attempt: QuizAttemptRow,
	{ contest, org }: { contest: QuizContestRow; org: OrgNodeRow },
	end: { status: 'submitted' | 'timed_out'; at: Date; prediction?: number }
): Promise<{ attempt: QuizAttemptRow } & Loaded> {
	// Statements that do not wait for each other are sent together: one round trip to the server, not two or three.
	const [questionRows, answerRows] = await Promise.all([selectQuestionsByIds(db, attempt.items.map((i) => i.questionId)), selectAnswers(db, attempt.id)]);
	const questions = new Map(questionRows.map((q) => [q.id, q]));
	const answers = new Map(answerRows.map((a) => [a.questionId, a]));
	const right: string[] = [];
	for (const item of attempt.items) {
		const q = questions.get(item.questionId);
		const answer = answers.get(item.questionId);
		const correct = Boolean(q && isCorrect(q, answer?.value));
		if (correct) right.push(item.questionId);
		if (answer) answer.correct = correct;
	}
	const finishedAt = end.status === 'timed_out' ? attempt.deadlineAt : end.at;
	const durationMs = Math.max(0, Math.min(finishedAt.getTime(), attempt.deadlineAt.getTime()) - attempt.startedAt.getTime());
	const [updated] = await Promise.all([
		finishAttemptRow(db, attempt.id, { status: end.status, submittedAt: end.status === 'submitted' ? end.at : null, score: right.length, durationMs, prediction: end.prediction ?? null }),
		answers.size ? setAnswerCorrectness(db, attempt.id, right) : undefined,
		recordAudit(db, actor, {
			orgId: org.id,
			orgPath: org.path,
			entity: 'quiz_attempt',
			entityId: attempt.id,
			action: 'score',
			after: { status: end.status, score: right.length, total: attempt.items.length, durationMs, prediction: end.prediction ?? null, entrantId: attempt.entrantId, roundId: attempt.roundId }
		})
	]);
	return { attempt: updated, questions, answers };
}

/** Closes an open attempt whose time is up with the answers it saved (the system scores it). */
export async function finishIfExpired(db: Db, attempt: QuizAttemptRow, contest: QuizContestRow, at = now()): Promise<QuizAttemptRow> {
	if (attempt.status !== 'open' || attempt.acceptUntil > at) return attempt;
	return db.transaction(async (tx) => {
		const locked = await lockAttempt(tx, attempt.id);
		if (!locked || locked.status !== 'open') return locked ?? attempt;
		return (await scoreAttempt(tx, QUIZ_SYSTEM, locked, { contest, org: await loadOrg(tx, contest.orgId) }, { status: 'timed_out', at })).attempt;
	});
}

/**
 * Starts an attempt in a round, or gives back the one still open (a refresh, another device).
 * Refuses a round not open (INVALID_TRANSITION), a participant who may not enter (UNAUTHENTICATED
 * or FORBIDDEN), one with no attempt left (INVALID_TRANSITION) and a bank too small (INVALID_TRANSITION).
 */
export async function startAttempt(db: Db, participant: Participant, roundId: string): Promise<QuizAttemptRow> {
	return (await beginAttempt(db, participant, roundId)).attempt;
}

/**
 * startAttempt with the attempt as its participant sees it, saying whether it is new (`created`)
 * or the one still open. A new attempt's view is built from what the start drew, without reading it back.
 */
export async function startOrResumeAttempt(db: Db, participant: Participant, roundId: string): Promise<{ attempt: QuizAttemptRow; created: boolean; view: AttemptView }> {
	const { attempt, created, round, contest, drawn } = await beginAttempt(db, participant, roundId);
	const loaded = drawn && { questions: new Map(drawn.map((q) => [q.id, q])), answers: new Map<string, QuizAnswerRow>() };
	return { attempt, created, view: await viewOf(db, attempt, round, contest, loaded) };
}

async function beginAttempt(
	db: Db,
	participant: Participant,
	roundId: string
): Promise<{ attempt: QuizAttemptRow; created: boolean; round: QuizRoundRow; contest: QuizContestRow; drawn?: QuizQuestionRow[] }> {
	const { round, contest } = await requireParticipantRound(db, participant.actor, roundId);
	if (contest.status !== 'published') throw new AppError('NOT_FOUND');
	const at = now();
	requireOpenRound(round, at);
	// Under the code rule the browser's tokens name its entrant, so the attempts are read in the same round trip.
	const named = contest.entryRule === 'email_code' ? tokenEntrantIds(participant) : [];
	const [resolved, ofNamed] = await Promise.all([resolveEntrant(db, participant, round, contest, true), named.length ? selectAttemptsOfEntrants(db, named) : undefined]);
	const entrant = resolved!;
	const previous = ofNamed ? ofNamed.filter((a) => a.entrantId === entrant.id) : await selectAttemptsOfEntrant(db, entrant.id);
	for (const a of previous) {
		const current = await finishIfExpired(db, a, contest, at);
		if (current.status === 'open') return { attempt: current, created: false, round, contest };
	}
	if (previous.length >= contest.attemptsAllowed) throw new AppError('INVALID_TRANSITION', { fields: { _: 'quizzes_no_attempts_left' } });
	const drawn = await drawQuestions(db, contest.orgId, contest.quotas);
	const deadlineAt = new Date(Math.min(at.getTime() + contest.timeLimitSeconds * 1000, round.closesAt.getTime()));
	const inserted = await insertAttempt(db, {
		id: newId(),
		roundId,
		entrantId: entrant.id,
		number: previous.length + 1,
		items: itemsOf(drawn),
		startedAt: at,
		deadlineAt,
		acceptUntil: new Date(deadlineAt.getTime() + contest.graceSeconds * 1000)
	});
	if (inserted) return { attempt: inserted, created: true, round, contest, drawn };
	// The same start sent twice at once: the other request drew it.
	const again = (await selectAttemptsOfEntrant(db, entrant.id)).find((a) => a.number === previous.length + 1);
	if (!again) throw new AppError('CONFLICT');
	return { attempt: again, created: false, round, contest };
}

/** The participant's open attempt in a round, if any (for the contest page's "continue" button). */
export async function findOpenAttempt(db: Db, participant: Participant, roundId: string): Promise<{ entered: boolean; open?: QuizAttemptRow; finished: QuizAttemptRow[]; left: number } | undefined> {
	const round = await selectRound(db, roundId);
	const contest = round && (await selectContest(db, round.contestId));
	if (!round || !contest) return undefined;
	const entrant = await resolveEntrant(db, participant, round, contest, false);
	if (!entrant) return { entered: false, finished: [], left: contest.attemptsAllowed };
	const attempts = await Promise.all((await selectAttemptsOfEntrant(db, entrant.id)).map((a) => finishIfExpired(db, a, contest)));
	return { entered: true, open: attempts.find((a) => a.status === 'open'), finished: attempts.filter((a) => a.status !== 'open'), left: Math.max(0, contest.attemptsAllowed - attempts.length) };
}

/**
 * The attempt as its participant sees it: questions in the drawn order with their options and the
 * saved answers — never which is right until the round's results are published. Refuses anyone
 * else (NOT_FOUND). An attempt whose time is up is closed with what it saved.
 */
export async function getAttempt(db: Db, participant: Participant, id: string): Promise<AttemptView> {
	const attempt = await requireOwnAttempt(db, participant, id);
	const { round, contest } = (await roundContext(db, attempt.roundId))!;
	return viewOf(db, await finishIfExpired(db, attempt, contest), round, contest);
}

/** The view of an attempt, reading its questions and answers unless the caller has them. */
async function viewOf(db: Db, attempt: QuizAttemptRow, round: QuizRoundRow, contest: QuizContestRow, loaded?: Loaded): Promise<AttemptView> {
	if (loaded) return toAttemptView(attempt, round, contest, loaded.questions, loaded.answers, await rankOf(db, round, attempt));
	const [questions, answers, rank] = await Promise.all([selectQuestionsByIds(db, attempt.items.map((i) => i.questionId)), selectAnswers(db, attempt.id), rankOf(db, round, attempt)]);
	return toAttemptView(
		attempt,
		round,
		contest,
		new Map(questions.map((q) => [q.id, q])),
		new Map(answers.map((a) => [a.questionId, a])),
		rank
	);
}

/** The participant's place in the published leaderboard. */
async function rankOf(db: Db, round: QuizRoundRow, attempt: QuizAttemptRow): Promise<number | null> {
	if (!round.publishedAt) return null;
	return (await rankRound(db, round)).find((r) => r.entrantId === attempt.entrantId)?.rank ?? null;
}

function toAttemptView(
	attempt: QuizAttemptRow,
	round: QuizRoundRow,
	contest: QuizContestRow,
	questions: Map<string, QuizQuestionRow>,
	answers: Map<string, QuizAnswerRow>,
	rank: number | null
): AttemptView {
	const published = Boolean(round.publishedAt) && attempt.status !== 'open';
	return {
		id: attempt.id,
		roundId: round.id,
		contestId: contest.id,
		contestTitle: contest.title,
		roundName: round.name,
		number: attempt.number,
		status: attempt.status,
		startedAt: attempt.startedAt,
		deadlineAt: attempt.deadlineAt,
		acceptUntil: attempt.acceptUntil,
		graceSeconds: contest.graceSeconds,
		predictionQuestion: contest.predictionQuestion,
		prediction: attempt.prediction,
		questions: attempt.items.map((item, i) => {
			const q = questions.get(item.questionId);
			const byId = new Map((q?.options ?? []).map((o) => [o.id, o.text]));
			return {
				id: item.questionId,
				number: i + 1,
				kind: item.kind,
				text: q?.text ?? '',
				hasImage: Boolean(q?.imageKey),
				// Only the ids and texts of the options, in this attempt's order: nothing says which is right.
				options: item.optionIds.map((id) => ({ id, text: byId.get(id) ?? id })),
				answer: answers.get(item.questionId)?.value ?? []
			};
		}),
		result: published
			? {
					score: attempt.score ?? 0,
					total: attempt.items.length,
					durationMs: attempt.durationMs ?? 0,
					rank,
					corrections: attempt.items.map((item) => {
						const q = questions.get(item.questionId);
						return { questionId: item.questionId, correct: answers.get(item.questionId)?.correct ?? false, answer: q ? q.correct : [] };
					})
				}
			: null
	};
}

/**
 * Submits an attempt: scored at once on the server and audited. Sent twice (a retry, a double
 * click, the same Idempotency-Key), it acts once and answers with the same attempt. Refuses
 * someone else's attempt (NOT_FOUND), a submission after the deadline plus grace
 * (INVALID_TRANSITION; the saved answers are kept and scored as timed out) and a bad prediction
 * (VALIDATION). Gives back the attempt as its participant now sees it.
 */
export async function submitAttempt(db: Db, participant: Participant, id: string, input: unknown = {}): Promise<{ attempt: QuizAttemptRow; repeated: boolean; view: AttemptView }> {
	const data = parseInput(submitInput, input ?? {});
	const at = now();
	const outcome = await db.transaction(async (tx) => {
		const attempt = await requireOwnAttempt(tx, participant, id, true);
		const { round, contest, org } = (await roundContext(tx, attempt.roundId, { inTransaction: true }))!;
		if (attempt.status !== 'open') return { attempt, round, contest, repeated: true, late: false };
		if (at > attempt.acceptUntil) return { attempt, round, contest, repeated: false, late: true };
		const scored = await scoreAttempt(tx, participant.actor, attempt, { contest, org }, { status: 'submitted', at, prediction: contest.predictionQuestion ? data.prediction : undefined });
		return { ...scored, round, contest, repeated: false, late: false };
	});
	if (outcome.late) {
		await finishIfExpired(db, outcome.attempt, outcome.contest, at);
		throw new AppError('INVALID_TRANSITION', { fields: { _: 'quizzes_deadline_passed' } });
	}
	const loaded = 'questions' in outcome ? outcome : undefined;
	return { attempt: outcome.attempt, repeated: outcome.repeated, view: await viewOf(db, outcome.attempt, outcome.round, outcome.contest, loaded) };
}
