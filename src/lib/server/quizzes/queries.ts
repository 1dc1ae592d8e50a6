// The only SQL of the quiz contests. Questions and contests are scoped by the organisation ids the
// service hands in; attempts by their entrant.
import { and, arrayContains, asc, desc, eq, gte, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/types';
import { executeRows } from '../db/client';
import {
	quizAnswer,
	quizAttempt,
	quizContest,
	quizEntrant,
	quizEntryCode,
	quizQuestion,
	quizRound,
	type QuizAnswerRow,
	type QuizAttemptRow,
	type QuizContestRow,
	type QuizEntrantRow,
	type QuizEntryCodeRow,
	type QuizQuestionRow,
	type QuizRoundRow
} from './tables';

export type NewQuestionRow = typeof quizQuestion.$inferInsert;
export type NewContestRow = typeof quizContest.$inferInsert;
export type NewRoundRow = typeof quizRound.$inferInsert;
export type NewEntrantRow = typeof quizEntrant.$inferInsert;
export type NewAttemptRow = typeof quizAttempt.$inferInsert;

// ── questions ──

export async function insertQuestions(db: Db, rows: NewQuestionRow[]): Promise<QuizQuestionRow[]> {
	if (!rows.length) return [];
	return db.insert(quizQuestion).values(rows).returning();
}

export async function selectQuestion(db: Db, id: string): Promise<QuizQuestionRow | undefined> {
	return (await db.select().from(quizQuestion).where(eq(quizQuestion.id, id)).limit(1))[0];
}

export async function updateQuestionRow(db: Db, id: string, patch: Partial<NewQuestionRow>): Promise<QuizQuestionRow> {
	return (await db.update(quizQuestion).set(patch).where(eq(quizQuestion.id, id)).returning())[0];
}

/** The live questions of organisations, newest first; `phrase` (folded) must occur in the text, `tag` among the tags. */
export async function selectQuestionsOf(db: Db, orgIds: string[], filter: { phrase?: string; tag?: string; limit?: number } = {}): Promise<QuizQuestionRow[]> {
	if (!orgIds.length) return [];
	const where = [inArray(quizQuestion.orgId, orgIds), eq(quizQuestion.archived, false)];
	if (filter.phrase) where.push(sql`${quizQuestion.searchText} like ${`%${filter.phrase.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
	if (filter.tag) where.push(arrayContains(quizQuestion.tags, [filter.tag]));
	return db
		.select()
		.from(quizQuestion)
		.where(and(...where))
		.orderBy(desc(quizQuestion.createdAt), asc(quizQuestion.id))
		.limit(filter.limit ?? 10_000);
}

export async function selectQuestionsByIds(db: Db, ids: string[]): Promise<QuizQuestionRow[]> {
	if (!ids.length) return [];
	return db.select().from(quizQuestion).where(inArray(quizQuestion.id, ids));
}

// ── contests and rounds ──

export async function insertContest(db: Db, row: NewContestRow): Promise<QuizContestRow> {
	return (await db.insert(quizContest).values(row).returning())[0];
}

export async function selectContest(db: Db, id: string): Promise<QuizContestRow | undefined> {
	return (await db.select().from(quizContest).where(eq(quizContest.id, id)).limit(1))[0];
}

export async function updateContestRow(db: Db, id: string, patch: Partial<NewContestRow>): Promise<QuizContestRow> {
	return (await db.update(quizContest).set(patch).where(eq(quizContest.id, id)).returning())[0];
}

export async function selectContestsOfOrgs(db: Db, orgIds: string[]): Promise<QuizContestRow[]> {
	if (!orgIds.length) return [];
	return db.select().from(quizContest).where(inArray(quizContest.orgId, orgIds)).orderBy(desc(quizContest.createdAt));
}

export async function selectPublishedContests(db: Db, campaignIds: string[]): Promise<QuizContestRow[]> {
	if (!campaignIds.length) return [];
	return db
		.select()
		.from(quizContest)
		.where(and(inArray(quizContest.campaignId, campaignIds), eq(quizContest.status, 'published')))
		.orderBy(desc(quizContest.createdAt));
}

export async function insertRound(db: Db, row: NewRoundRow): Promise<QuizRoundRow> {
	return (await db.insert(quizRound).values(row).returning())[0];
}

export async function selectRound(db: Db, id: string): Promise<QuizRoundRow | undefined> {
	return (await db.select().from(quizRound).where(eq(quizRound.id, id)).limit(1))[0];
}

export async function selectRoundsOf(db: Db, contestIds: string[]): Promise<QuizRoundRow[]> {
	if (!contestIds.length) return [];
	return db.select().from(quizRound).where(inArray(quizRound.contestId, contestIds)).orderBy(asc(quizRound.opensAt));
}

/** The published rounds of a campaign's published contests, with their contest's title (the winners' read model). */
export async function selectPublishedRoundsOfCampaign(db: Db, campaignId: string): Promise<Array<{ round: QuizRoundRow; contestTitle: string }>> {
	return db
		.select({ round: quizRound, contestTitle: quizContest.title })
		.from(quizRound)
		.innerJoin(quizContest, eq(quizContest.id, quizRound.contestId))
		.where(and(eq(quizContest.campaignId, campaignId), eq(quizContest.status, 'published'), sql`${quizRound.publishedAt} is not null`))
		.orderBy(asc(quizContest.createdAt), asc(quizRound.opensAt));
}

export async function updateRoundRow(db: Db, id: string, patch: Partial<NewRoundRow>): Promise<QuizRoundRow> {
	return (await db.update(quizRound).set(patch).where(eq(quizRound.id, id)).returning())[0];
}

/** Takes the round's row lock, so two publications (or a publication and a late submission) run one after the other. */
export async function lockRound(db: Db, id: string): Promise<QuizRoundRow | undefined> {
	return (await db.select().from(quizRound).where(eq(quizRound.id, id)).for('update'))[0];
}

// ── entrants and entry codes ──

/** Inserts the entrant unless one with its identity (or account) is already in the round; undefined then. */
export async function insertEntrant(db: Db, row: NewEntrantRow): Promise<QuizEntrantRow | undefined> {
	return (await db.insert(quizEntrant).values(row).onConflictDoNothing().returning())[0];
}

export async function selectEntrant(db: Db, id: string): Promise<QuizEntrantRow | undefined> {
	return (await db.select().from(quizEntrant).where(eq(quizEntrant.id, id)).limit(1))[0];
}

export async function selectEntrantByIdentity(db: Db, roundId: string, identityKey: string): Promise<QuizEntrantRow | undefined> {
	return (await db.select().from(quizEntrant).where(and(eq(quizEntrant.roundId, roundId), eq(quizEntrant.identityKey, identityKey))).limit(1))[0];
}

export async function selectEntrantByUser(db: Db, roundId: string, userId: string): Promise<QuizEntrantRow | undefined> {
	return (await db.select().from(quizEntrant).where(and(eq(quizEntrant.roundId, roundId), eq(quizEntrant.userId, userId))).limit(1))[0];
}

export async function selectEntrantByToken(db: Db, roundId: string, tokenHash: string): Promise<QuizEntrantRow | undefined> {
	return (await db.select().from(quizEntrant).where(and(eq(quizEntrant.roundId, roundId), arrayContains(quizEntrant.tokenHashes, [tokenHash]))).limit(1))[0];
}

export async function addEntrantToken(db: Db, id: string, tokenHash: string): Promise<void> {
	await db
		.update(quizEntrant)
		.set({ tokenHashes: sql`array_append(${quizEntrant.tokenHashes}, ${tokenHash})` })
		.where(eq(quizEntrant.id, id));
}

export async function setEntrantCertificateCode(db: Db, id: string, code: string): Promise<void> {
	await db.update(quizEntrant).set({ certificateCode: code }).where(and(eq(quizEntrant.id, id), isNull(quizEntrant.certificateCode)));
}

export async function selectEntrantByCertificateCode(db: Db, code: string): Promise<QuizEntrantRow | undefined> {
	return (await db.select().from(quizEntrant).where(eq(quizEntrant.certificateCode, code)).limit(1))[0];
}

export async function insertEntryCode(db: Db, row: typeof quizEntryCode.$inferInsert): Promise<void> {
	await db.insert(quizEntryCode).values(row);
}

export async function selectLatestEntryCode(db: Db, roundId: string, email: string): Promise<QuizEntryCodeRow | undefined> {
	return (
		await db
			.select()
			.from(quizEntryCode)
			.where(and(eq(quizEntryCode.roundId, roundId), eq(quizEntryCode.email, email), isNull(quizEntryCode.usedAt)))
			.orderBy(desc(quizEntryCode.createdAt))
			.limit(1)
	)[0];
}

export async function countRecentEntryCodes(db: Db, roundId: string, email: string, since: Date): Promise<number> {
	const rows = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(quizEntryCode)
		.where(and(eq(quizEntryCode.roundId, roundId), eq(quizEntryCode.email, email), gte(quizEntryCode.createdAt, since)));
	return rows[0]?.n ?? 0;
}

export async function updateEntryCode(db: Db, id: string, patch: Partial<typeof quizEntryCode.$inferInsert>): Promise<void> {
	await db.update(quizEntryCode).set(patch).where(eq(quizEntryCode.id, id));
}

// ── attempts and answers ──

export async function insertAttempt(db: Db, row: NewAttemptRow): Promise<QuizAttemptRow | undefined> {
	return (await db.insert(quizAttempt).values(row).onConflictDoNothing().returning())[0];
}

export async function selectAttempt(db: Db, id: string): Promise<QuizAttemptRow | undefined> {
	return (await db.select().from(quizAttempt).where(eq(quizAttempt.id, id)).limit(1))[0];
}

/** Takes the attempt's row lock: a submission waits for answer batches holding it (FOR SHARE) and they for it. */
export async function lockAttempt(db: Db, id: string): Promise<QuizAttemptRow | undefined> {
	return (await db.select().from(quizAttempt).where(eq(quizAttempt.id, id)).for('update'))[0];
}

export async function selectAttemptsOfEntrant(db: Db, entrantId: string): Promise<QuizAttemptRow[]> {
	return db.select().from(quizAttempt).where(eq(quizAttempt.entrantId, entrantId)).orderBy(asc(quizAttempt.number));
}

export async function updateAttemptRow(db: Db, id: string, patch: Partial<NewAttemptRow>): Promise<QuizAttemptRow> {
	return (await db.update(quizAttempt).set(patch).where(eq(quizAttempt.id, id)).returning())[0];
}

/** Open attempts of a round whose answers are no longer taken at `at`. */
export async function selectExpiredOpenAttempts(db: Db, roundId: string, at: Date): Promise<QuizAttemptRow[]> {
	return db
		.select()
		.from(quizAttempt)
		.where(and(eq(quizAttempt.roundId, roundId), eq(quizAttempt.status, 'open'), lte(quizAttempt.acceptUntil, at)));
}

export async function selectAnswers(db: Db, attemptId: string): Promise<QuizAnswerRow[]> {
	return db.select().from(quizAnswer).where(eq(quizAnswer.attemptId, attemptId));
}

/** What an answer batch checks before writing: each attempt's state and whose it is, share-locked until the batch commits. */
export interface AttemptGate {
	id: string;
	entrantId: string;
	userId: string | null;
	tokenHashes: string[];
	status: string;
	acceptUntil: Date;
	items: Array<{ questionId: string; kind: string; optionIds: string[] }>;
}

export async function lockAttemptsForAnswers(db: Db, ids: string[]): Promise<AttemptGate[]> {
	if (!ids.length) return [];
	return db
		.select({ id: quizAttempt.id, entrantId: quizAttempt.entrantId, userId: quizEntrant.userId, tokenHashes: quizEntrant.tokenHashes, status: quizAttempt.status, acceptUntil: quizAttempt.acceptUntil, items: quizAttempt.items })
		.from(quizAttempt)
		.innerJoin(quizEntrant, eq(quizEntrant.id, quizAttempt.entrantId))
		.where(inArray(quizAttempt.id, ids))
		.for('share', { of: quizAttempt });
}

export interface AnswerWrite {
	attemptId: string;
	questionId: string;
	value: string[];
	rev: number;
	savedAt: Date;
}

/**
 * Writes many answers in one statement: a resent answer replaces its row only when its `rev` is
 * not older, so a late retry never undoes a newer answer and the same answer twice is one row.
 */
export async function upsertAnswers(db: Db, rows: AnswerWrite[]): Promise<void> {
	if (!rows.length) return;
	await db
		.insert(quizAnswer)
		.values(rows)
		.onConflictDoUpdate({
			target: [quizAnswer.attemptId, quizAnswer.questionId],
			set: { value: sql`excluded.value`, rev: sql`excluded.rev`, savedAt: sql`excluded.saved_at` },
			setWhere: sql`${quizAnswer.rev} <= excluded.rev`
		});
}

export async function setAnswerCorrectness(db: Db, attemptId: string, correctIds: string[], wrongIds: string[]): Promise<void> {
	if (correctIds.length) await db.update(quizAnswer).set({ correct: true }).where(and(eq(quizAnswer.attemptId, attemptId), inArray(quizAnswer.questionId, correctIds)));
	if (wrongIds.length) await db.update(quizAnswer).set({ correct: false }).where(and(eq(quizAnswer.attemptId, attemptId), inArray(quizAnswer.questionId, wrongIds)));
}

// ── results ──

export interface ScoredAttempt {
	attemptId: string;
	entrantId: string;
	userId: string | null;
	name: string;
	unitId: string | null;
	score: number;
	total: number;
	durationMs: number;
	prediction: number | null;
	submittedAt: Date | null;
	startedAt: Date;
}

/** Every finished attempt of a round with its entrant and unit. */
export async function selectScoredAttempts(db: Db, roundId: string): Promise<ScoredAttempt[]> {
	return db
		.select({
			attemptId: quizAttempt.id,
			entrantId: quizEntrant.id,
			userId: quizEntrant.userId,
			name: quizEntrant.name,
			unitId: quizEntrant.unitId,
			score: sql<number>`coalesce(${quizAttempt.score}, 0)`,
			total: sql<number>`jsonb_array_length(${quizAttempt.items})`,
			durationMs: sql<number>`coalesce(${quizAttempt.durationMs}, 0)`,
			prediction: quizAttempt.prediction,
			submittedAt: quizAttempt.submittedAt,
			startedAt: quizAttempt.startedAt
		})
		.from(quizAttempt)
		.innerJoin(quizEntrant, eq(quizEntrant.id, quizAttempt.entrantId))
		.where(and(eq(quizAttempt.roundId, roundId), ne(quizAttempt.status, 'open')));
}

/** For each question drawn in a round's finished attempts: times drawn, answered and answered right. */
export async function selectQuestionCounts(db: Db, roundId: string): Promise<Array<{ questionId: string; drawn: number; answered: number; correct: number }>> {
	const rows = await executeRows<{ question_id: string; drawn: number; answered: number; correct: number }>(
		db,
		sql`select item->>'questionId' as question_id,
			count(*)::int as drawn,
			count(ans.question_id)::int as answered,
			count(*) filter (where ans.correct)::int as correct
		from quiz_attempt a
		cross join lateral jsonb_array_elements(a.items) as item
		left join quiz_answer ans on ans.attempt_id = a.id and ans.question_id = item->>'questionId'
		where a.round_id = ${roundId} and a.status <> 'open'
		group by 1`
	);
	return rows.map((r) => ({ questionId: r.question_id, drawn: Number(r.drawn), answered: Number(r.answered), correct: Number(r.correct) }));
}
