// The only SQL of the news domain. Posts are scoped by their unit (`org_id`, `unit_path`) and
// their campaign; the public reads only published posts.
import { and, desc, eq, like, or, sql, inArray, gte, lt } from 'drizzle-orm';
import type { Db } from '../db/types';
import { newsChannelEntry, newsPost, type NewsChannelEntryRow, type NewsPostRow, type NewsPostStatus } from './tables';

export type NewNewsPostRow = typeof newsPost.$inferInsert;

export async function insertPost(db: Db, row: NewNewsPostRow): Promise<NewsPostRow> {
	const rows = await db.insert(newsPost).values(row).returning();
	return rows[0];
}

/** The post by id or slug; `lock` holds the row until the transaction ends. */
export async function selectPost(db: Db, idOrSlug: string, options: { lock?: boolean } = {}): Promise<NewsPostRow | undefined> {
	const query = db
		.select()
		.from(newsPost)
		.where(or(eq(newsPost.id, idOrSlug), eq(newsPost.slug, idOrSlug)))
		.limit(1);
	const rows = options.lock ? await query.for('update') : await query;
	return rows[0];
}

export async function selectSlugTaken(db: Db, slug: string): Promise<boolean> {
	const rows = await db.select({ id: newsPost.id }).from(newsPost).where(eq(newsPost.slug, slug)).limit(1);
	return rows.length > 0;
}

/** Changes a post and bumps its version. */
export async function updatePostRow(db: Db, id: string, patch: Partial<NewNewsPostRow>): Promise<NewsPostRow> {
	const rows = await db
		.update(newsPost)
		.set({ ...patch, version: sql`${newsPost.version} + 1` })
		.where(eq(newsPost.id, id))
		.returning();
	return rows[0];
}

function escapeLike(s: string): string {
	return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Published posts, newest first: of a campaign, under an organisation's path, with a tag, matching folded words. */
export async function selectPublishedPosts(
	db: Db,
	options: { campaignId?: string; underPath?: string; tag?: string; foldedWords?: string[]; limit: number; offset?: number }
): Promise<NewsPostRow[]> {
	const conditions = [
		eq(newsPost.status, 'published'),
		options.campaignId ? eq(newsPost.campaignId, options.campaignId) : undefined,
		options.underPath ? like(newsPost.unitPath, `${escapeLike(options.underPath)}%`) : undefined,
		options.tag ? sql`${newsPost.tags} @> ${JSON.stringify([options.tag])}::jsonb` : undefined,
		...(options.foldedWords ?? []).map((w) => like(newsPost.searchText, `%${escapeLike(w)}%`))
	].filter(Boolean);
	return db
		.select()
		.from(newsPost)
		.where(and(...conditions))
		.orderBy(desc(newsPost.publishedAt), desc(newsPost.id))
		.limit(options.limit)
		.offset(options.offset ?? 0);
}

/** Posts under any of `paths` (the back office), optionally of one status, newest change first. */
export async function selectPostsUnderPaths(db: Db, options: { paths: string[] | 'all'; status?: NewsPostStatus; limit: number }): Promise<NewsPostRow[]> {
	if (options.paths !== 'all' && !options.paths.length) return [];
	const scope = options.paths === 'all' ? undefined : or(...options.paths.map((p) => like(newsPost.unitPath, `${escapeLike(p)}%`)));
	return db
		.select()
		.from(newsPost)
		.where(and(scope, options.status ? eq(newsPost.status, options.status) : undefined))
		.orderBy(desc(newsPost.updatedAt), desc(newsPost.id))
		.limit(options.limit);
}

/** The tags of published posts, for the public filter. */
export async function selectPublishedTags(db: Db): Promise<string[]> {
	const tag = sql<string>`jsonb_array_elements_text(${newsPost.tags})`;
	const rows = await db.selectDistinct({ tag }).from(newsPost).where(eq(newsPost.status, 'published')).orderBy(tag).limit(200);
	return rows.map((r) => r.tag);
}

export async function insertChannelEntry(db: Db, row: typeof newsChannelEntry.$inferInsert): Promise<NewsChannelEntryRow> {
	const rows = await db.insert(newsChannelEntry).values(row).returning();
	return rows[0];
}

export async function selectChannelEntries(db: Db, postId: string): Promise<NewsChannelEntryRow[]> {
	return db.select().from(newsChannelEntry).where(eq(newsChannelEntry.postId, postId)).orderBy(desc(newsChannelEntry.publishedOn), desc(newsChannelEntry.createdAt));
}

/** Posts published (or since archived) under `underPath`, of a campaign if given, within [from, to). */
export async function selectPublishedForReport(db: Db, options: { underPath: string; campaignId?: string; from?: Date; to?: Date }): Promise<NewsPostRow[]> {
	return db
		.select()
		.from(newsPost)
		.where(
			and(
				inArray(newsPost.status, ['published', 'archived']),
				like(newsPost.unitPath, `${escapeLike(options.underPath)}%`),
				options.campaignId ? eq(newsPost.campaignId, options.campaignId) : undefined,
				options.from ? gte(newsPost.publishedAt, options.from) : undefined,
				options.to ? lt(newsPost.publishedAt, options.to) : undefined
			)
		);
}

export async function selectChannelEntriesOfPosts(db: Db, postIds: string[]): Promise<NewsChannelEntryRow[]> {
	if (!postIds.length) return [];
	return db.select().from(newsChannelEntry).where(inArray(newsChannelEntry.postId, postIds));
}
