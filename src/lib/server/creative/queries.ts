// The only SQL of the creative-contests domain. Contests are scoped by their organiser node
// (`org_id`); uploads, entries, rounds, ratings and votes by their contest.
import { and, asc, count, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/types';
import {
	creativeCertificate,
	creativeConsentEvent,
	creativeContest,
	creativeEntry,
	creativeUpload,
	creativeVote,
	creativeVoteLog,
	juror,
	juryRating,
	juryRound,
	juryRoundEntry,
	type CreativeCertificateRow,
	type CreativeConsentEventRow,
	type CreativeContestRow,
	type CreativeEntryRow,
	type CreativeUploadRow,
	type JurorRow,
	type JuryRatingRow,
	type JuryRoundRow
} from './tables';

export type NewContestRow = typeof creativeContest.$inferInsert;
export type NewEntryRow = typeof creativeEntry.$inferInsert;

// ——— contests

export async function insertContest(db: Db, row: NewContestRow): Promise<CreativeContestRow> {
	return (await db.insert(creativeContest).values(row).returning())[0];
}

/** The contest; `lock` holds its row to the end of the transaction. */
export async function selectContest(db: Db, id: string, options: { lock?: boolean } = {}): Promise<CreativeContestRow | undefined> {
	const query = db.select().from(creativeContest).where(eq(creativeContest.id, id)).limit(1);
	return (options.lock ? await query.for('update') : await query)[0];
}

export async function updateContestRow(db: Db, id: string, patch: Partial<NewContestRow>): Promise<CreativeContestRow> {
	return (await db.update(creativeContest).set(patch).where(eq(creativeContest.id, id)).returning())[0];
}

/** Contests not in draft when `orgIds` is null, every contest with 'all', else those of the given nodes; newest first. */
export async function selectContests(db: Db, options: { orgIds: string[] | null | 'all'; campaignId?: string }): Promise<CreativeContestRow[]> {
	const where = [
		options.orgIds === null ? sql`${creativeContest.status} <> 'draft'` : options.orgIds === 'all' ? undefined : options.orgIds.length ? inArray(creativeContest.orgId, options.orgIds) : sql`false`,
		options.campaignId ? eq(creativeContest.campaignId, options.campaignId) : undefined
	].filter(Boolean);
	return db
		.select()
		.from(creativeContest)
		.where(and(...where))
		.orderBy(desc(creativeContest.submissionOpensAt), asc(creativeContest.title));
}

// ——— uploads

export async function insertUpload(db: Db, row: typeof creativeUpload.$inferInsert): Promise<CreativeUploadRow> {
	return (await db.insert(creativeUpload).values(row).returning())[0];
}

export async function selectUpload(db: Db, id: string): Promise<CreativeUploadRow | undefined> {
	return (await db.select().from(creativeUpload).where(eq(creativeUpload.id, id)).limit(1))[0];
}

/** Moves the offset from `from` to `to`; false when another request moved it first. */
export async function advanceUploadOffset(db: Db, id: string, from: number, to: number, at: Date): Promise<boolean> {
	const rows = await db
		.update(creativeUpload)
		.set({ offset: to, updatedAt: at })
		.where(and(eq(creativeUpload.id, id), eq(creativeUpload.offset, from)))
		.returning({ id: creativeUpload.id });
	return rows.length === 1;
}

export async function updateUploadRow(db: Db, id: string, patch: Partial<typeof creativeUpload.$inferInsert>): Promise<CreativeUploadRow> {
	return (await db.update(creativeUpload).set(patch).where(eq(creativeUpload.id, id)).returning())[0];
}

/** Ties a finished upload to the entry it became; false when it already serves another. */
export async function claimUpload(db: Db, id: string, entryId: string): Promise<boolean> {
	const rows = await db
		.update(creativeUpload)
		.set({ entryId })
		.where(and(eq(creativeUpload.id, id), isNull(creativeUpload.entryId)))
		.returning({ id: creativeUpload.id });
	return rows.length === 1;
}

export async function deleteUploadRow(db: Db, id: string): Promise<void> {
	await db.delete(creativeUpload).where(eq(creativeUpload.id, id));
}

// ——— entries and consents

export async function insertEntry(db: Db, row: NewEntryRow): Promise<CreativeEntryRow> {
	return (await db.insert(creativeEntry).values(row).returning())[0];
}

export async function selectEntry(db: Db, id: string): Promise<CreativeEntryRow | undefined> {
	return (await db.select().from(creativeEntry).where(eq(creativeEntry.id, id)).limit(1))[0];
}

export async function updateEntryRow(db: Db, id: string, patch: Partial<NewEntryRow>): Promise<CreativeEntryRow> {
	return (await db.update(creativeEntry).set(patch).where(eq(creativeEntry.id, id)).returning())[0];
}

/** Entries of a contest in order of submission; `publicOnly` keeps the publishable ones still in the contest. */
export async function selectEntriesOfContest(db: Db, contestId: string, options: { publicOnly?: boolean; authorUserId?: string; ids?: string[] } = {}): Promise<CreativeEntryRow[]> {
	const where = [
		eq(creativeEntry.contestId, contestId),
		options.publicOnly ? and(eq(creativeEntry.publishable, true), eq(creativeEntry.status, 'submitted')) : undefined,
		options.authorUserId ? eq(creativeEntry.authorUserId, options.authorUserId) : undefined,
		options.ids ? (options.ids.length ? inArray(creativeEntry.id, options.ids) : sql`false`) : undefined
	].filter(Boolean);
	return db
		.select()
		.from(creativeEntry)
		.where(and(...where))
		.orderBy(asc(creativeEntry.seq));
}

export async function insertConsentEvents(db: Db, rows: Array<typeof creativeConsentEvent.$inferInsert>): Promise<void> {
	if (rows.length) await db.insert(creativeConsentEvent).values(rows);
}

export async function selectConsentEvents(db: Db, entryId: string): Promise<CreativeConsentEventRow[]> {
	return db.select().from(creativeConsentEvent).where(eq(creativeConsentEvent.entryId, entryId)).orderBy(asc(creativeConsentEvent.at), asc(creativeConsentEvent.party), asc(creativeConsentEvent.purpose));
}

// ——— jury rounds, jurors and ratings

export async function insertRound(db: Db, row: typeof juryRound.$inferInsert): Promise<JuryRoundRow> {
	return (await db.insert(juryRound).values(row).returning())[0];
}

export async function selectRound(db: Db, id: string, options: { lock?: boolean } = {}): Promise<JuryRoundRow | undefined> {
	const query = db.select().from(juryRound).where(eq(juryRound.id, id)).limit(1);
	return (options.lock ? await query.for('update') : await query)[0];
}

export async function selectRoundsOfContest(db: Db, contestId: string): Promise<JuryRoundRow[]> {
	return db.select().from(juryRound).where(eq(juryRound.contestId, contestId)).orderBy(asc(juryRound.number));
}

export async function updateRoundRow(db: Db, id: string, patch: Partial<typeof juryRound.$inferInsert>): Promise<JuryRoundRow> {
	return (await db.update(juryRound).set(patch).where(eq(juryRound.id, id)).returning())[0];
}

export async function insertRoundEntries(db: Db, roundId: string, entryIds: string[]): Promise<void> {
	if (entryIds.length) await db.insert(juryRoundEntry).values(entryIds.map((entryId) => ({ roundId, entryId }))).onConflictDoNothing();
}

export async function selectRoundEntryIds(db: Db, roundId: string): Promise<string[]> {
	return (await db.select({ id: juryRoundEntry.entryId }).from(juryRoundEntry).where(eq(juryRoundEntry.roundId, roundId))).map((r) => r.id);
}

/** Adds a juror; false when they are one already. */
export async function insertJuror(db: Db, row: typeof juror.$inferInsert): Promise<boolean> {
	return (await db.insert(juror).values(row).onConflictDoNothing().returning({ userId: juror.userId })).length === 1;
}

export async function deleteJuror(db: Db, roundId: string, userId: string): Promise<boolean> {
	return (await db.delete(juror).where(and(eq(juror.roundId, roundId), eq(juror.userId, userId))).returning({ userId: juror.userId })).length === 1;
}

export async function selectJurorsOfRound(db: Db, roundId: string): Promise<JurorRow[]> {
	return db.select().from(juror).where(eq(juror.roundId, roundId)).orderBy(asc(juror.addedAt), asc(juror.name));
}

/** The rounds a user judges, newest first. */
export async function selectRoundsOfJuror(db: Db, userId: string): Promise<JuryRoundRow[]> {
	const rows = await db.select({ round: juryRound }).from(juror).innerJoin(juryRound, eq(juryRound.id, juror.roundId)).where(eq(juror.userId, userId)).orderBy(desc(juryRound.createdAt));
	return rows.map((r) => r.round);
}

/** Saves a juror's rating of an entry, replacing their earlier one for the same entry. */
export async function upsertRating(db: Db, row: typeof juryRating.$inferInsert): Promise<JuryRatingRow> {
	const rows = await db
		.insert(juryRating)
		.values(row)
		.onConflictDoUpdate({
			target: [juryRating.roundId, juryRating.entryId, juryRating.jurorUserId],
			set: { scores: row.scores, score: row.score, comment: row.comment, updatedAt: row.updatedAt }
		})
		.returning();
	return rows[0];
}

/** Ratings of a round; of one juror when `jurorUserId` is given. */
export async function selectRatings(db: Db, roundId: string, jurorUserId?: string): Promise<JuryRatingRow[]> {
	return db
		.select()
		.from(juryRating)
		.where(and(eq(juryRating.roundId, roundId), jurorUserId ? eq(juryRating.jurorUserId, jurorUserId) : undefined))
		.orderBy(asc(juryRating.createdAt));
}

/** How many ratings each juror of a round has given (counts only: the scores stay sealed). */
export async function countRatingsByJuror(db: Db, roundId: string): Promise<Map<string, number>> {
	const rows = await db.select({ userId: juryRating.jurorUserId, n: count() }).from(juryRating).where(eq(juryRating.roundId, roundId)).groupBy(juryRating.jurorUserId);
	return new Map(rows.map((r) => [r.userId, Number(r.n)]));
}

// ——— public vote

/** Holds the voter's place in the contest until the transaction ends: K-per-contest counts cannot race. */
export async function lockVoter(db: Db, contestId: string, userId: string): Promise<void> {
	await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`creative-vote:${contestId}:${userId}`}))`);
}

/** Counts a vote; false when this account has voted for the entry already. */
export async function insertVote(db: Db, row: typeof creativeVote.$inferInsert): Promise<boolean> {
	return (await db.insert(creativeVote).values(row).onConflictDoNothing().returning({ id: creativeVote.id })).length === 1;
}

export async function countVotesOfUser(db: Db, contestId: string, userId: string): Promise<number> {
	const rows = await db.select({ n: count() }).from(creativeVote).where(and(eq(creativeVote.contestId, contestId), eq(creativeVote.userId, userId)));
	return Number(rows[0]?.n ?? 0);
}

/** The entries this account voted for in a contest. */
export async function selectVotedEntryIds(db: Db, contestId: string, userId: string): Promise<string[]> {
	return (await db.select({ id: creativeVote.entryId }).from(creativeVote).where(and(eq(creativeVote.contestId, contestId), eq(creativeVote.userId, userId)))).map((r) => r.id);
}

/** Votes per entry of a contest. */
export async function countVotesByEntry(db: Db, contestId: string): Promise<Map<string, number>> {
	const rows = await db.select({ entryId: creativeVote.entryId, n: count() }).from(creativeVote).where(eq(creativeVote.contestId, contestId)).groupBy(creativeVote.entryId);
	return new Map(rows.map((r) => [r.entryId, Number(r.n)]));
}

export async function insertVoteLog(db: Db, row: typeof creativeVoteLog.$inferInsert): Promise<void> {
	await db.insert(creativeVoteLog).values(row);
}

/** Votes an account sent (counted or not) after `since`: the rate limit counts them. */
export async function countVoteLogsOfUserSince(db: Db, userId: string, since: Date): Promise<number> {
	const rows = await db.select({ n: count() }).from(creativeVoteLog).where(and(eq(creativeVoteLog.userId, userId), gt(creativeVoteLog.at, since)));
	return Number(rows[0]?.n ?? 0);
}

/** The vote log of a contest, newest first, by outcome counts for the coordinator. */
export async function countVoteLogOutcomes(db: Db, contestId: string): Promise<Array<{ outcome: string; n: number }>> {
	const rows = await db.select({ outcome: creativeVoteLog.outcome, n: count() }).from(creativeVoteLog).where(eq(creativeVoteLog.contestId, contestId)).groupBy(creativeVoteLog.outcome);
	return rows.map((r) => ({ outcome: r.outcome, n: Number(r.n) })).sort((a, b) => b.n - a.n);
}

// ——— certificates

export async function insertCertificates(db: Db, rows: Array<typeof creativeCertificate.$inferInsert>): Promise<void> {
	if (rows.length) await db.insert(creativeCertificate).values(rows).onConflictDoNothing();
}

export async function selectCertificate(db: Db, code: string): Promise<CreativeCertificateRow | undefined> {
	return (await db.select().from(creativeCertificate).where(eq(creativeCertificate.code, code)).limit(1))[0];
}

export async function selectCertificateOfEntry(db: Db, entryId: string): Promise<CreativeCertificateRow | undefined> {
	return (await db.select().from(creativeCertificate).where(eq(creativeCertificate.entryId, entryId)).limit(1))[0];
}

/** The prize certificates still valid of a campaign's contests whose results are published, with their entry and contest (the winners' read model). */
export async function selectPrizeCertificatesOfCampaign(db: Db, campaignId: string): Promise<Array<{ certificate: CreativeCertificateRow; entry: CreativeEntryRow; contest: CreativeContestRow }>> {
	return db
		.select({ certificate: creativeCertificate, entry: creativeEntry, contest: creativeContest })
		.from(creativeCertificate)
		.innerJoin(creativeEntry, eq(creativeEntry.id, creativeCertificate.entryId))
		.innerJoin(creativeContest, eq(creativeContest.id, creativeCertificate.contestId))
		.where(and(eq(creativeContest.campaignId, campaignId), eq(creativeContest.status, 'results'), eq(creativeCertificate.kind, 'prize'), isNull(creativeCertificate.revokedAt), eq(creativeEntry.status, 'submitted')))
		.orderBy(asc(creativeContest.createdAt), asc(creativeCertificate.rank), asc(creativeEntry.seq));
}

export async function revokeCertificateOfEntry(db: Db, entryId: string, reason: string, at: Date): Promise<void> {
	await db.update(creativeCertificate).set({ revokedAt: at, revokedReason: reason }).where(and(eq(creativeCertificate.entryId, entryId), isNull(creativeCertificate.revokedAt)));
}
