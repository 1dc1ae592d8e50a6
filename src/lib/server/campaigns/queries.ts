// The only SQL of the campaigns domain. Campaigns are scoped by their node's id; the nodes
// themselves (paths, names) come from the org domain's service.
import { and, desc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/types';
import { campaign, type CampaignRow, type CampaignStatus } from './tables';

export type NewCampaignRow = typeof campaign.$inferInsert;

/** The columns a list shows; the heavy content (sections, duties…) stays behind. */
const summaryColumns = {
	id: campaign.id,
	orgId: campaign.orgId,
	parentId: campaign.parentId,
	year: campaign.year,
	title: campaign.title,
	number: campaign.number,
	symbol: campaign.symbol,
	place: campaign.place,
	documentDate: campaign.documentDate,
	themes: campaign.themes,
	startsOn: campaign.startsOn,
	endsOn: campaign.endsOn,
	status: campaign.status,
	version: campaign.version
};

export type CampaignSummaryRow = { [K in keyof typeof summaryColumns]: CampaignRow[K] };

function escapeLike(value: string): string {
	return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function selectCampaign(db: Db, id: string): Promise<CampaignRow | undefined> {
	const [row] = await db.select().from(campaign).where(eq(campaign.id, id));
	return row;
}

export async function selectCampaignSummaries(db: Db, ids: string[]): Promise<CampaignSummaryRow[]> {
	if (!ids.length) return [];
	return db.select(summaryColumns).from(campaign).where(inArray(campaign.id, ids));
}

export async function selectChildCampaigns(db: Db, parentId: string): Promise<CampaignSummaryRow[]> {
	return db.select(summaryColumns).from(campaign).where(eq(campaign.parentId, parentId)).orderBy(desc(campaign.year), campaign.createdAt);
}

export interface CampaignListFilter {
	/** Only campaigns of these nodes, or of every node. */
	orgIds: string[] | 'all';
	statuses?: readonly CampaignStatus[];
	year?: number;
	/** Folded words (foldVietnamese) to find in the campaign's search text… */
	q?: string;
	/** …or campaigns of these nodes (whose names matched `q`). */
	orMatchingOrgIds?: string[];
	limit: number;
}

/** Newest first: by start of the Week, then the earlier created (a parent's plan before its children's). */
export async function selectCampaignList(db: Db, f: CampaignListFilter): Promise<CampaignSummaryRow[]> {
	const where: SQL[] = [];
	if (f.orgIds !== 'all') {
		if (!f.orgIds.length) return [];
		where.push(inArray(campaign.orgId, f.orgIds));
	}
	if (f.statuses?.length) where.push(inArray(campaign.status, [...f.statuses]));
	if (f.year) where.push(eq(campaign.year, f.year));
	if (f.q) {
		const text = like(campaign.searchText, `%${escapeLike(f.q)}%`);
		where.push(f.orMatchingOrgIds?.length ? or(text, inArray(campaign.orgId, f.orMatchingOrgIds))! : text);
	}
	return db
		.select(summaryColumns)
		.from(campaign)
		.where(where.length ? and(...where) : undefined)
		.orderBy(desc(campaign.startsOn), campaign.createdAt)
		.limit(f.limit);
}

export async function insertCampaign(db: Db, values: NewCampaignRow): Promise<CampaignRow> {
	const [row] = await db.insert(campaign).values(values).returning();
	return row;
}

/** Applies an edit only to a draft still at `version`; undefined when either has changed. */
export async function updateDraftCampaign(db: Db, id: string, version: number, patch: Partial<NewCampaignRow>): Promise<CampaignRow | undefined> {
	const [row] = await db
		.update(campaign)
		.set({ ...patch, version: sql`${campaign.version} + 1` })
		.where(and(eq(campaign.id, id), eq(campaign.version, version), eq(campaign.status, 'draft')))
		.returning();
	return row;
}

/**
 * Moves a campaign to `to` only if it is still in one of `from`: of two identical requests,
 * the second finds nothing to move (undefined).
 */
export async function transitionCampaignRow(
	db: Db,
	id: string,
	from: readonly CampaignStatus[],
	to: CampaignStatus,
	patch: Partial<NewCampaignRow> = {}
): Promise<CampaignRow | undefined> {
	const [row] = await db
		.update(campaign)
		.set({ ...patch, status: to, version: sql`${campaign.version} + 1` })
		.where(and(eq(campaign.id, id), inArray(campaign.status, [...from])))
		.returning();
	return row;
}

/** The campaigns implementing `parentId`, counted by status (statuses with none left out). */
export async function countChildCampaignsByStatus(db: Db, parentId: string): Promise<Array<{ status: CampaignStatus; count: number }>> {
	const rows = await db
		.select({ status: campaign.status, n: sql<number | string>`count(*)` })
		.from(campaign)
		.where(eq(campaign.parentId, parentId))
		.groupBy(campaign.status);
	return rows.map((r) => ({ status: r.status, count: Number(r.n) }));
}
