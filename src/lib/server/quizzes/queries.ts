// The only SQL of the quiz contests. Questions and contests are scoped by the organisation ids the
// service hands in; attempts by their entrant.
import { and, arrayContains, asc, desc, eq, gte, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/types';
import { executeRows, rowsOf } from '../db/client';
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

// The statements of a participant's attempt (start, view, submission) are written out as constant
// text, with lists passed as one JSON parameter: the server prepares each once per connection, and
// building a Drizzle select and mapping its rows cost more than running it there (bench/quiz.ts).

/** A JSON array parameter as a text[] (`= any(…)`), so the statement's text is the same for any number of ids. */
function idList(ids: string[]) {
	return sql`array(select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;
}

/** `count` live questions of the organisations drawn at random for a quota (its tag and difficulty), none of `exclude`. */
export async function selectRandomQuestions(db: Db, orgIds: string[], quota: { tag: string | null; difficulty: string | null; count: number }, exclude: string[]): Promise<QuizQuestionRow[]> {
	if (!orgIds.length || quota.count <= 0) return [];
	const tag = quota.tag || null;
	const difficulty = quota.difficulty || null;
	const raw = await executeRows(
		db,
		sql`select * from quiz_question
			where org_id = any(${idList(orgIds)}) and not archived
			and (${tag}::text is null or tags @> array[${tag}::text])
			and (${difficulty}::text is null or difficulty::text = ${difficulty}::text)
			and not (id = any(${idList(exclude)}))
			order by random() limit ${quota.count}::int`
	);
	return rowsOf(quizQuestion, raw);
}

export async function selectQuestionsByIds(db: Db, ids: string[]): Promise<QuizQuestionRow[]> {
	if (!ids.length) return [];
	return rowsOf(quizQuestion, await executeRows(db, sql`select * from quiz_question where id = any(${idList(ids)})`));
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

/** The round with its contest, in one read (the participant's paths). */
export async function selectRoundWithContest(db: Db, id: string): Promise<{ round: QuizRoundRow; contest: QuizContestRow } | undefined> {
	return (await db.select({ round: quizRound, contest: quizContest }).from(quizRound).innerJoin(quizContest, eq(quizContest.id, quizRound.contestId)).where(eq(quizRound.id, id)).limit(1))[0];
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
	return rowsOf(quizEntrant, await executeRows(db, sql`select * from quiz_entrant where id = ${id}`))[0];
}

/** Those of the entrants `ids` who entered `roundId`. */
export async function selectEntrantsOfRound(db: Db, roundId: string, ids: string[]): Promise<QuizEntrantRow[]> {
	if (!ids.length) return [];
	return rowsOf(quizEntrant, await executeRows(db, sql`select * from quiz_entrant where id = any(${idList(ids)}) and round_id = ${roundId}`));
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

/** Inserts a new attempt unless its entrant already has one of that number (a start sent twice); undefined then. */
export async function insertAttempt(
	db: Db,
	row: Pick<NewAttemptRow, 'id' | 'roundId' | 'entrantId' | 'number' | 'items' | 'startedAt' | 'deadlineAt' | 'acceptUntil'>
): Promise<QuizAttemptRow | undefined> {
	const raw = await executeRows(
		db,
		sql`insert into quiz_attempt (id, round_id, entrant_id, number, items, started_at, deadline_at, accept_until)
			values (${row.id}, ${row.roundId}, ${row.entrantId}, ${row.number}::int, ${JSON.stringify(row.items)}::jsonb,
				${row.startedAt.toISOString()}::timestamptz, ${row.deadlineAt.toISOString()}::timestamptz, ${row.acceptUntil.toISOString()}::timestamptz)
			on conflict do nothing returning *`
	);
	return rowsOf(quizAttempt, raw)[0];
}

export async function selectAttempt(db: Db, id: string): Promise<QuizAttemptRow | undefined> {
	return (await db.select().from(quizAttempt).where(eq(quizAttempt.id, id)).limit(1))[0];
}

/** Takes the attempt's row lock: a submission waits for answer batches holding it (FOR SHARE) and they for it. */
export async function lockAttempt(db: Db, id: string): Promise<QuizAttemptRow | undefined> {
	return (await db.select().from(quizAttempt).where(eq(quizAttempt.id, id)).for('update'))[0];
}

type AttemptWithEntrant = { attempt: QuizAttemptRow; entrant: Pick<QuizEntrantRow, 'id' | 'userId' | 'tokenHashes'> };

/** The attempt with whose it is; `lock` takes its row lock (a submission), otherwise a plain read by its participant. */
export async function selectAttemptWithEntrant(db: Db, id: string, lock = false): Promise<AttemptWithEntrant | undefined> {
	const raw = await executeRows(
		db,
		sql`select a.*, e.user_id as entrant_user_id, e.token_hashes as entrant_token_hashes
			from quiz_attempt a join quiz_entrant e on e.id = a.entrant_id where a.id = ${id} ${lock ? sql`for update of a` : sql``}`
	);
	const attempt = rowsOf(quizAttempt, raw)[0];
	return attempt && { attempt, entrant: { id: attempt.entrantId, userId: (raw[0].entrant_user_id as string | null) ?? null, tokenHashes: (raw[0].entrant_token_hashes as string[]) ?? [] } };
}

export async function selectAttemptsOfEntrant(db: Db, entrantId: string): Promise<QuizAttemptRow[]> {
	return selectAttemptsOfEntrants(db, [entrantId]);
}

/** The attempts of several entrants, each entrant's in order. */
export async function selectAttemptsOfEntrants(db: Db, entrantIds: string[]): Promise<QuizAttemptRow[]> {
	if (!entrantIds.length) return [];
	return rowsOf(quizAttempt, await executeRows(db, sql`select * from quiz_attempt where entrant_id = any(${idList(entrantIds)}) order by entrant_id, number`));
}

/** Ends an attempt with its score. */
export async function finishAttemptRow(
	db: Db,
	id: string,
	end: { status: 'submitted' | 'timed_out'; submittedAt: Date | null; score: number; durationMs: number; prediction: number | null }
): Promise<QuizAttemptRow> {
	const raw = await executeRows(
		db,
		sql`update quiz_attempt set status = ${end.status}::quiz_attempt_status, submitted_at = ${end.submittedAt?.toISOString() ?? null}::timestamptz,
				score = ${end.score}::int, duration_ms = ${end.durationMs}::int, prediction = ${end.prediction}::int
			where id = ${id} returning *`
	);
	return rowsOf(quizAttempt, raw)[0];
}

/** Open attempts of a round whose answers are no longer taken at `at`. */
export async function selectExpiredOpenAttempts(db: Db, roundId: string, at: Date): Promise<QuizAttemptRow[]> {
	return db
		.select()
		.from(quizAttempt)
		.where(and(eq(quizAttempt.roundId, roundId), eq(quizAttempt.status, 'open'), lte(quizAttempt.acceptUntil, at)));
}

export async function selectAnswers(db: Db, attemptId: string): Promise<QuizAnswerRow[]> {
	return rowsOf(quizAnswer, await executeRows(db, sql`select * from quiz_answer where attempt_id = ${attemptId}`));
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

// The answer batch's two statements are written out like the attempt's (see idList): their text
// does not change with the batch's size.

export async function lockAttemptsForAnswers(db: Db, ids: string[]): Promise<AttemptGate[]> {
	if (!ids.length) return [];
	const rows = await executeRows<Omit<AttemptGate, 'acceptUntil'> & { acceptUntil: Date | string }>(
		db,
		sql`select a.id, a.entrant_id as "entrantId", e.user_id as "userId", e.token_hashes as "tokenHashes", a.status, a.accept_until as "acceptUntil", a.items
			from quiz_attempt a join quiz_entrant e on e.id = a.entrant_id
			where a.id = any(${idList(ids)})
			for share of a`
	);
	// postgres.js through drizzle hands timestamps over as text, PGlite as Dates.
	return rows.map((r) => ({ ...r, acceptUntil: new Date(r.acceptUntil) }));
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
	const data = JSON.stringify(rows.map((r) => ({ a: r.attemptId, q: r.questionId, v: r.value, r: r.rev, t: r.savedAt.toISOString() })));
	await db.execute(
		sql`insert into quiz_answer (attempt_id, question_id, value, rev, saved_at)
			select r.a, r.q, r.v, r.r, r.t from jsonb_to_recordset(${data}::jsonb) as r(a text, q text, v jsonb, r bigint, t timestamptz)
			on conflict (attempt_id, question_id) do update set value = excluded.value, rev = excluded.rev, saved_at = excluded.saved_at
			where quiz_answer.rev <= excluded.rev`
	);
}

/** Marks every saved answer of an attempt right (its question among `correctIds`) or wrong, in one statement. */
export async function setAnswerCorrectness(db: Db, attemptId: string, correctIds: string[]): Promise<void> {
	await db.execute(sql`update quiz_answer set correct = (question_id = any(${idList(correctIds)})) where attempt_id = ${attemptId}`);
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
