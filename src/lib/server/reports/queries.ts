// The reports domain's SQL: counts over the organisation subtree, the campaign's documents and
// child plans (read by table name: the report only counts), and the campaign_report rows.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/types';
import { executeRows } from '../db/client';
import { campaignReport, type CampaignReportRow } from './tables';

const like = (path: string) => `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Units (nodes below the root of the subtree) under `orgPath`. */
export async function countUnitsUnder(db: Db, orgPath: string): Promise<number> {
	const rows = await executeRows<{ n: number | string }>(db, sql`select count(*) as n from org_node where path like ${like(orgPath)} and path <> ${orgPath}`);
	return Number(rows[0]?.n ?? 0);
}

/** People recorded in each node of the subtree at `orgPath` (nodes with none are left out). */
export async function countPeopleByUnit(db: Db, orgPath: string): Promise<Array<{ id: string; name: string; path: string; sortOrder: number; count: number }>> {
	const rows = await executeRows<{ id: string; name: string; path: string; sort_order: number; n: number | string }>(
		db,
		sql`select o.id, o.name, o.path, o.sort_order, count(p.id) as n from org_node o join person p on p.unit_id = o.id
			where o.path like ${like(orgPath)} group by o.id, o.name, o.path, o.sort_order`
	);
	return rows.map((r) => ({ id: r.id, name: r.name, path: r.path, sortOrder: Number(r.sort_order), count: Number(r.n) }));
}

/** People of the subtree in each learner group (a person may be in several). */
export async function countPeopleByLearnerGroup(db: Db, orgPath: string): Promise<Map<string, number>> {
	const rows = await executeRows<{ g: string; n: number | string }>(
		db,
		sql`select g, count(*) as n from person p join org_node o on o.id = p.unit_id
			cross join lateral jsonb_array_elements_text(p.learner_groups) as g
			where o.path like ${like(orgPath)} group by g`
	);
	return new Map(rows.map((r) => [r.g, Number(r.n)]));
}

/** People of the subtree by employee category. */
export async function countPeopleByCategory(db: Db, orgPath: string): Promise<Map<string, number>> {
	const rows = await executeRows<{ c: string; n: number | string }>(
		db,
		sql`select p.category as c, count(*) as n from person p join org_node o on o.id = p.unit_id where o.path like ${like(orgPath)} group by p.category`
	);
	return new Map(rows.map((r) => [r.c, Number(r.n)]));
}

/** Names of nodes of the subtree at `orgPath`, by id. */
export async function selectNodeNames(db: Db, orgPath: string, ids: string[]): Promise<Array<{ id: string; name: string; path: string; sortOrder: number }>> {
	if (ids.length === 0) return [];
	const rows = await executeRows<{ id: string; name: string; path: string; sort_order: number }>(
		db,
		sql`select id, name, path, sort_order from org_node where path like ${like(orgPath)} and id in (${sql.join(
			ids.map((i) => sql`${i}`),
			sql`, `
		)})`
	);
	return rows.map((r) => ({ id: r.id, name: r.name, path: r.path, sortOrder: Number(r.sort_order) }));
}

/** Documents issued (not cancelled) for the campaign by nodes of the subtree at `orgPath`. */
export async function countIssuedDocuments(db: Db, orgPath: string, campaignId: string): Promise<number> {
	const rows = await executeRows<{ n: number | string }>(
		db,
		sql`select count(*) as n from document d join org_node o on o.id = d.org_id where d.campaign_id = ${campaignId} and d.status = 'issued' and o.path like ${like(orgPath)}`
	);
	return Number(rows[0]?.n ?? 0);
}

/** Child plans of the campaign by status. */
export async function countChildCampaignsByStatus(db: Db, campaignId: string): Promise<Map<string, number>> {
	const rows = await executeRows<{ s: string; n: number | string }>(db, sql`select status as s, count(*) as n from campaign where parent_id = ${campaignId} group by status`);
	return new Map(rows.map((r) => [r.s, Number(r.n)]));
}

export async function selectReport(db: Db, campaignId: string, orgId: string): Promise<CampaignReportRow | undefined> {
	const [row] = await db
		.select()
		.from(campaignReport)
		.where(and(eq(campaignReport.campaignId, campaignId), eq(campaignReport.orgId, orgId)));
	return row;
}

/** The reports of several campaigns (the roll-up's children), by campaign id. */
export async function selectReportsOfCampaigns(db: Db, campaignIds: string[]): Promise<CampaignReportRow[]> {
	if (campaignIds.length === 0) return [];
	return db
		.select()
		.from(campaignReport)
		.where(sql`${campaignReport.campaignId} in (${sql.join(
			campaignIds.map((i) => sql`${i}`),
			sql`, `
		)})`);
}

export async function insertReport(db: Db, row: typeof campaignReport.$inferInsert): Promise<CampaignReportRow> {
	const [r] = await db.insert(campaignReport).values(row).returning();
	return r;
}

/** Updates the report if it is still at `version` (and bumps it); undefined when someone changed it first. */
export async function updateReportRow(db: Db, id: string, version: number, patch: Partial<typeof campaignReport.$inferInsert>): Promise<CampaignReportRow | undefined> {
	const [r] = await db
		.update(campaignReport)
		.set({ ...patch, version: version + 1 })
		.where(and(eq(campaignReport.id, id), eq(campaignReport.version, version)))
		.returning();
	return r;
}
