// The only SQL of the community domain. Clubs, forums, reports, suspensions and the log carry the
// path of their node (`org_path`), so lists are scoped by prefix without a join.
import { and, asc, count, desc, eq, getTableColumns, gt, inArray, isNull, like, lte, ne, or, type Column } from 'drizzle-orm';
import type { Db } from '../db/types';
import {
	club,
	clubMember,
	forum,
	forumPost,
	forumReport,
	forumSubscription,
	forumSuspension,
	forumThread,
	moderationLog,
	type ClubMemberRow,
	type ClubRow,
	type ForumPostRow,
	type ForumReportRow,
	type ForumRow,
	type ForumSubscriptionRow,
	type ForumSuspensionRow,
	type ForumThreadRow,
	type ModerationLogRow
} from './tables';

const underAny = (column: Column, paths: string[]) => or(...paths.map((p) => like(column, `${p}%`)));

export async function insertClub(db: Db, row: typeof club.$inferInsert): Promise<ClubRow> {
	return (await db.insert(club).values(row).returning())[0];
}

export async function selectClub(db: Db, id: string): Promise<ClubRow | undefined> {
	return (await db.select().from(club).where(eq(club.id, id)).limit(1))[0];
}

/** Clubs, newest first; under `orgPath` when given. */
export async function selectClubs(db: Db, options: { orgPath?: string; limit: number }): Promise<Array<ClubRow & { members: number }>> {
	return db
		.select({ ...getTableColumns(club), members: count(clubMember.id) })
		.from(club)
		.leftJoin(clubMember, eq(clubMember.clubId, club.id))
		.where(options.orgPath ? like(club.orgPath, `${options.orgPath}%`) : undefined)
		.groupBy(club.id)
		.orderBy(desc(club.createdAt), asc(club.id))
		.limit(options.limit);
}

/** Adds a member; nothing when they already are one. */
export async function insertMember(db: Db, row: typeof clubMember.$inferInsert): Promise<ClubMemberRow | undefined> {
	return (await db.insert(clubMember).values(row).onConflictDoNothing().returning())[0];
}

export async function deleteMember(db: Db, clubId: string, userId: string): Promise<number> {
	return (await db.delete(clubMember).where(and(eq(clubMember.clubId, clubId), eq(clubMember.userId, userId))).returning()).length;
}

export async function selectMembers(db: Db, clubId: string): Promise<ClubMemberRow[]> {
	return db.select().from(clubMember).where(eq(clubMember.clubId, clubId)).orderBy(asc(clubMember.joinedAt), asc(clubMember.id)).limit(1000);
}

/** Makes the forum unless one of the same club or campaign exists; returns the one kept. */
export async function insertForum(db: Db, row: typeof forum.$inferInsert): Promise<ForumRow> {
	const inserted = (await db.insert(forum).values(row).onConflictDoNothing().returning())[0];
	if (inserted) return inserted;
	const existing = row.clubId ? await selectForumBy(db, { clubId: row.clubId }) : await selectForumBy(db, { campaignId: row.campaignId! });
	if (!existing) throw new Error('forum was neither inserted nor found');
	return existing;
}

export async function selectForum(db: Db, id: string): Promise<ForumRow | undefined> {
	return (await db.select().from(forum).where(eq(forum.id, id)).limit(1))[0];
}

export async function selectForumBy(db: Db, by: { clubId: string } | { campaignId: string }): Promise<ForumRow | undefined> {
	const where = 'clubId' in by ? eq(forum.clubId, by.clubId) : eq(forum.campaignId, by.campaignId);
	return (await db.select().from(forum).where(where).limit(1))[0];
}

export async function insertThread(db: Db, row: typeof forumThread.$inferInsert): Promise<ForumThreadRow> {
	return (await db.insert(forumThread).values(row).returning())[0];
}

/** The thread; `lock` holds the row until the transaction ends (a reply and a lock are applied in turn). */
export async function selectThread(db: Db, id: string, options: { lock?: boolean } = {}): Promise<ForumThreadRow | undefined> {
	const query = db.select().from(forumThread).where(eq(forumThread.id, id)).limit(1);
	return (options.lock ? await query.for('update') : await query)[0];
}

export async function updateThread(db: Db, id: string, patch: Partial<typeof forumThread.$inferInsert>): Promise<ForumThreadRow> {
	return (await db.update(forumThread).set(patch).where(eq(forumThread.id, id)).returning())[0];
}

/** A forum's threads, most recently active first, with their number of posts. */
export async function selectThreadsOfForum(db: Db, forumId: string, limit: number): Promise<Array<ForumThreadRow & { posts: number }>> {
	return db
		.select({ ...getTableColumns(forumThread), posts: count(forumPost.id) })
		.from(forumThread)
		.leftJoin(forumPost, eq(forumPost.threadId, forumThread.id))
		.where(eq(forumThread.forumId, forumId))
		.groupBy(forumThread.id)
		.orderBy(desc(forumThread.lastPostAt), asc(forumThread.id))
		.limit(limit);
}

export async function insertPost(db: Db, row: typeof forumPost.$inferInsert): Promise<ForumPostRow> {
	return (await db.insert(forumPost).values(row).returning())[0];
}

export async function selectPost(db: Db, id: string): Promise<ForumPostRow | undefined> {
	return (await db.select().from(forumPost).where(eq(forumPost.id, id)).limit(1))[0];
}

export async function selectPostsByIds(db: Db, ids: string[]): Promise<ForumPostRow[]> {
	if (!ids.length) return [];
	return db.select().from(forumPost).where(inArray(forumPost.id, ids));
}

export async function selectPostsOfThread(db: Db, threadId: string, limit: number): Promise<ForumPostRow[]> {
	return db.select().from(forumPost).where(eq(forumPost.threadId, threadId)).orderBy(asc(forumPost.createdAt), asc(forumPost.id)).limit(limit);
}

export async function updatePost(db: Db, id: string, patch: Partial<typeof forumPost.$inferInsert>): Promise<ForumPostRow> {
	return (await db.update(forumPost).set(patch).where(eq(forumPost.id, id)).returning())[0];
}

/** How many posts the user wrote after `since`: the posting limit counts them. */
export async function countPostsOfAuthorSince(db: Db, userId: string, since: Date): Promise<number> {
	const rows = await db
		.select({ n: count() })
		.from(forumPost)
		.where(and(eq(forumPost.authorUserId, userId), gt(forumPost.createdAt, since)));
	return Number(rows[0]?.n ?? 0);
}

export async function insertReport(db: Db, row: typeof forumReport.$inferInsert): Promise<ForumReportRow> {
	return (await db.insert(forumReport).values(row).returning())[0];
}

/** Open reports under any of `paths`, oldest first, each with its post. */
export async function selectOpenReports(db: Db, paths: string[], limit: number): Promise<Array<{ report: ForumReportRow; post: ForumPostRow }>> {
	if (!paths.length) return [];
	return db
		.select({ report: forumReport, post: forumPost })
		.from(forumReport)
		.innerJoin(forumPost, eq(forumPost.id, forumReport.postId))
		.where(and(eq(forumReport.status, 'open'), underAny(forumReport.orgPath, paths)))
		.orderBy(asc(forumReport.createdAt), asc(forumReport.id))
		.limit(limit);
}

/** Closes the open reports of a post (it was hidden, or the report dismissed). */
export async function resolveReportsOfPost(db: Db, postId: string, by: { userId: string | null; at: Date }): Promise<number> {
	const rows = await db
		.update(forumReport)
		.set({ status: 'resolved', resolvedBy: by.userId, resolvedAt: by.at })
		.where(and(eq(forumReport.postId, postId), eq(forumReport.status, 'open')))
		.returning();
	return rows.length;
}

export async function insertSuspension(db: Db, row: typeof forumSuspension.$inferInsert): Promise<ForumSuspensionRow> {
	return (await db.insert(forumSuspension).values(row).returning())[0];
}

export async function selectSuspension(db: Db, id: string): Promise<ForumSuspensionRow | undefined> {
	return (await db.select().from(forumSuspension).where(eq(forumSuspension.id, id)).limit(1))[0];
}

/** The user's suspensions still running at `at`. */
export async function selectActiveSuspensionsOfUser(db: Db, userId: string, at: Date): Promise<ForumSuspensionRow[]> {
	return db
		.select()
		.from(forumSuspension)
		.where(and(eq(forumSuspension.userId, userId), gt(forumSuspension.until, at), isNull(forumSuspension.liftedAt)));
}

/** Suspensions still running at `at` under any of `paths`. */
export async function selectActiveSuspensions(db: Db, paths: string[], at: Date): Promise<ForumSuspensionRow[]> {
	if (!paths.length) return [];
	return db
		.select()
		.from(forumSuspension)
		.where(and(gt(forumSuspension.until, at), isNull(forumSuspension.liftedAt), underAny(forumSuspension.orgPath, paths)))
		.orderBy(asc(forumSuspension.until))
		.limit(500);
}

export async function updateSuspension(db: Db, id: string, patch: Partial<typeof forumSuspension.$inferInsert>): Promise<ForumSuspensionRow> {
	return (await db.update(forumSuspension).set(patch).where(eq(forumSuspension.id, id)).returning())[0];
}

export async function insertModerationLog(db: Db, row: typeof moderationLog.$inferInsert): Promise<ModerationLogRow> {
	return (await db.insert(moderationLog).values(row).returning())[0];
}

export async function selectModerationLog(db: Db, paths: string[], limit: number): Promise<ModerationLogRow[]> {
	if (!paths.length) return [];
	return db
		.select()
		.from(moderationLog)
		.where(underAny(moderationLog.orgPath, paths))
		.orderBy(desc(moderationLog.createdAt), desc(moderationLog.id))
		.limit(limit);
}

/** Subscribes; nothing when the user already follows it. */
export async function insertSubscription(db: Db, row: typeof forumSubscription.$inferInsert): Promise<ForumSubscriptionRow | undefined> {
	return (await db.insert(forumSubscription).values(row).onConflictDoNothing().returning())[0];
}

export async function deleteSubscription(db: Db, userId: string, target: { forumId: string } | { threadId: string }): Promise<number> {
	const where = 'forumId' in target ? eq(forumSubscription.forumId, target.forumId) : eq(forumSubscription.threadId, target.threadId);
	return (await db.delete(forumSubscription).where(and(eq(forumSubscription.userId, userId), where)).returning()).length;
}

export async function selectSubscriptionsOfUser(db: Db, userId: string): Promise<ForumSubscriptionRow[]> {
	return db.select().from(forumSubscription).where(eq(forumSubscription.userId, userId));
}

export async function selectAllSubscriptions(db: Db): Promise<ForumSubscriptionRow[]> {
	return db.select().from(forumSubscription).orderBy(asc(forumSubscription.userId), asc(forumSubscription.id));
}

export async function countSubscriptions(db: Db): Promise<number> {
	return Number((await db.select({ n: count() }).from(forumSubscription))[0]?.n ?? 0);
}

/**
 * Visible posts of a forum or thread written after `since` and up to `until`, not by `exceptUserId`,
 * each with its thread's title: what a digest tells a subscriber.
 */
export async function selectNewPosts(
	db: Db,
	target: { forumId: string } | { threadId: string },
	options: { since: Date; until: Date; exceptUserId: string }
): Promise<Array<{ post: ForumPostRow; threadTitle: string }>> {
	const where = 'forumId' in target ? eq(forumPost.forumId, target.forumId) : eq(forumPost.threadId, target.threadId);
	return db
		.select({ post: forumPost, threadTitle: forumThread.title })
		.from(forumPost)
		.innerJoin(forumThread, eq(forumThread.id, forumPost.threadId))
		.where(
			and(
				where,
				gt(forumPost.createdAt, options.since),
				lte(forumPost.createdAt, options.until),
				eq(forumPost.hidden, false),
				or(isNull(forumPost.authorUserId), ne(forumPost.authorUserId, options.exceptUserId))
			)
		)
		.orderBy(asc(forumPost.createdAt), asc(forumPost.id))
		.limit(200);
}

export async function markDigested(db: Db, ids: string[], at: Date): Promise<void> {
	if (!ids.length) return;
	await db.update(forumSubscription).set({ lastDigestAt: at }).where(inArray(forumSubscription.id, ids));
}
