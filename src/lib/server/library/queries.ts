// The only SQL of the library domain. Resources are public once published; everything else is
// scoped by the organisation ids the service hands in.
import { and, arrayContains, asc, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/types';
import { citizenSelfCheck, learningPath, learningPathItem, learningRecord, libraryResource, type CitizenSelfCheckRow, type LearningPathRow, type LearningRecordRow, type LibraryResourceRow } from './tables';

export type NewResourceRow = typeof libraryResource.$inferInsert;

export async function insertResources(db: Db, rows: NewResourceRow[]): Promise<LibraryResourceRow[]> {
	if (!rows.length) return [];
	return db.insert(libraryResource).values(rows).returning();
}

export async function selectResource(db: Db, id: string): Promise<LibraryResourceRow | undefined> {
	const rows = await db.select().from(libraryResource).where(eq(libraryResource.id, id)).limit(1);
	return rows[0];
}

export async function updateResourceRow(db: Db, id: string, patch: Partial<NewResourceRow>): Promise<LibraryResourceRow> {
	const rows = await db
		.update(libraryResource)
		.set({ ...patch, version: sql`${libraryResource.version} + 1` })
		.where(eq(libraryResource.id, id))
		.returning();
	return rows[0];
}

export interface ResourceSearch {
	/** Folded words that must all be whole words of the resource (GIN on `search_words`). */
	words: string[];
	/**
	 * The folded query as typed, which must occur in `search_text` from the start of a word: it keeps
	 * the words' order, and its last word may be the beginning of a word ("hoc ta" finds "học tập").
	 */
	phrase: string;
	kind?: string | null;
	group?: string | null;
	competence?: string | null;
	language?: string | null;
	/** Only these organisations (back office); public search reads published rows of every one. */
	orgIds?: string[];
	publishedOnly: boolean;
	limit: number;
	offset: number;
}

const escapeLike = (v: string) => v.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Resources matching a search, newest published first; one more than `limit` tells there is a next page. */
export async function selectResources(db: Db, s: ResourceSearch): Promise<LibraryResourceRow[]> {
	const conditions: Array<SQL | undefined> = [
		s.publishedOnly ? eq(libraryResource.status, 'published') : undefined,
		s.orgIds ? (s.orgIds.length ? inArray(libraryResource.orgId, s.orgIds) : sql`false`) : undefined,
		s.words.length ? arrayContains(libraryResource.searchWords, s.words) : undefined,
		s.phrase ? like(sql`' ' || ${libraryResource.searchText}`, `% ${escapeLike(s.phrase)}%`) : undefined,
		s.kind ? eq(libraryResource.kind, s.kind as LibraryResourceRow['kind']) : undefined,
		s.group ? arrayContains(libraryResource.learnerGroups, [s.group]) : undefined,
		s.competence ? arrayContains(libraryResource.competenceAreas, [s.competence]) : undefined,
		s.language ? eq(libraryResource.language, s.language) : undefined
	];
	const order = s.publishedOnly ? [desc(libraryResource.publishedAt), desc(libraryResource.id)] : [desc(libraryResource.updatedAt), desc(libraryResource.id)];
	return db
		.select()
		.from(libraryResource)
		.where(and(...conditions))
		.orderBy(...order)
		.limit(s.limit + 1)
		.offset(s.offset);
}

export async function selectResourcesByIds(db: Db, ids: string[]): Promise<LibraryResourceRow[]> {
	if (!ids.length) return [];
	return db.select().from(libraryResource).where(inArray(libraryResource.id, ids));
}

export async function insertPath(db: Db, row: typeof learningPath.$inferInsert): Promise<LearningPathRow> {
	const rows = await db.insert(learningPath).values(row).returning();
	return rows[0];
}

export async function updatePathRow(db: Db, id: string, patch: Partial<typeof learningPath.$inferInsert>): Promise<LearningPathRow> {
	const rows = await db.update(learningPath).set(patch).where(eq(learningPath.id, id)).returning();
	return rows[0];
}

export async function selectPath(db: Db, id: string): Promise<LearningPathRow | undefined> {
	const rows = await db.select().from(learningPath).where(eq(learningPath.id, id)).limit(1);
	return rows[0];
}

export async function selectPaths(db: Db, options: { orgIds?: string[]; learnerGroup?: string }): Promise<LearningPathRow[]> {
	return db
		.select()
		.from(learningPath)
		.where(and(options.orgIds ? (options.orgIds.length ? inArray(learningPath.orgId, options.orgIds) : sql`false`) : undefined, options.learnerGroup ? eq(learningPath.learnerGroup, options.learnerGroup) : undefined))
		.orderBy(asc(learningPath.learnerGroup), asc(learningPath.title))
		.limit(500);
}

/** Replaces a path's items with `resourceIds` in that order. */
export async function replacePathItems(db: Db, pathId: string, resourceIds: string[]): Promise<void> {
	await db.delete(learningPathItem).where(eq(learningPathItem.pathId, pathId));
	if (resourceIds.length) await db.insert(learningPathItem).values(resourceIds.map((resourceId, position) => ({ pathId, resourceId, position })));
}

export async function selectPathItems(db: Db, pathIds: string[]): Promise<Array<{ pathId: string; resourceId: string; position: number }>> {
	if (!pathIds.length) return [];
	return db.select().from(learningPathItem).where(inArray(learningPathItem.pathId, pathIds)).orderBy(asc(learningPathItem.pathId), asc(learningPathItem.position));
}

/** Inserts or updates the one record of a person for a resource. */
export async function upsertRecord(db: Db, row: typeof learningRecord.$inferInsert): Promise<LearningRecordRow> {
	const rows = await db
		.insert(learningRecord)
		.values(row)
		.onConflictDoUpdate({
			target: [learningRecord.userId, learningRecord.resourceId],
			set: { status: row.status, minutes: row.minutes, reflection: row.reflection, campaignId: row.campaignId, completedAt: row.completedAt, updatedAt: row.updatedAt }
		})
		.returning();
	return rows[0];
}

export async function selectRecord(db: Db, userId: string, resourceId: string): Promise<LearningRecordRow | undefined> {
	const rows = await db
		.select()
		.from(learningRecord)
		.where(and(eq(learningRecord.userId, userId), eq(learningRecord.resourceId, resourceId)))
		.limit(1);
	return rows[0];
}

/** A person's records with their resources' titles and kinds, latest first. */
export async function selectRecordsOfUser(db: Db, userId: string): Promise<Array<LearningRecordRow & { title: string; kind: string }>> {
	const rows = await db
		.select({ record: learningRecord, title: libraryResource.title, kind: libraryResource.kind })
		.from(learningRecord)
		.innerJoin(libraryResource, eq(libraryResource.id, learningRecord.resourceId))
		.where(eq(learningRecord.userId, userId))
		.orderBy(desc(learningRecord.updatedAt), desc(learningRecord.id))
		.limit(1000);
	return rows.map((r) => ({ ...r.record, title: r.title, kind: r.kind }));
}

/** Minutes and completions per learner on resources of `orgIds`, for one campaign when given. */
export async function selectTotalsPerUser(db: Db, options: { orgIds: string[]; campaignId?: string | null }): Promise<Array<{ userId: string; minutes: number; completions: number }>> {
	if (!options.orgIds.length) return [];
	const rows = await db
		.select({
			userId: learningRecord.userId,
			minutes: sql<number>`coalesce(sum(${learningRecord.minutes}), 0)`,
			completions: sql<number>`count(*) filter (where ${learningRecord.status} = 'completed')`
		})
		.from(learningRecord)
		.where(and(inArray(learningRecord.orgId, options.orgIds), options.campaignId ? eq(learningRecord.campaignId, options.campaignId) : undefined))
		.groupBy(learningRecord.userId)
		.orderBy(desc(sql`coalesce(sum(${learningRecord.minutes}), 0)`), asc(learningRecord.userId))
		.limit(5000);
	return rows.map((r) => ({ userId: r.userId, minutes: Number(r.minutes), completions: Number(r.completions) }));
}

/** Minutes per learner on records of one campaign, whatever organisation the resource belongs to (learners with minutes only). */
export async function selectCampaignMinutesPerUser(db: Db, campaignId: string): Promise<Array<{ userId: string; minutes: number }>> {
	const minutes = sql<number>`coalesce(sum(${learningRecord.minutes}), 0)`;
	const rows = await db
		.select({ userId: learningRecord.userId, minutes })
		.from(learningRecord)
		.where(eq(learningRecord.campaignId, campaignId))
		.groupBy(learningRecord.userId)
		.having(sql`coalesce(sum(${learningRecord.minutes}), 0) > 0`);
	return rows.map((r) => ({ userId: r.userId, minutes: Number(r.minutes) }));
}

export async function upsertSelfCheck(db: Db, row: typeof citizenSelfCheck.$inferInsert): Promise<CitizenSelfCheckRow> {
	const rows = await db
		.insert(citizenSelfCheck)
		.values(row)
		.onConflictDoUpdate({ target: [citizenSelfCheck.userId, citizenSelfCheck.year], set: { levels: row.levels, updatedAt: row.updatedAt } })
		.returning();
	return rows[0];
}

export async function selectSelfCheck(db: Db, userId: string, year: number): Promise<CitizenSelfCheckRow | undefined> {
	const rows = await db
		.select()
		.from(citizenSelfCheck)
		.where(and(eq(citizenSelfCheck.userId, userId), eq(citizenSelfCheck.year, year)))
		.limit(1);
	return rows[0];
}
