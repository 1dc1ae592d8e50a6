// The reports domain's SQL: the campaign_report rows only. The figures over other domains' tables
// (units, people, documents, child plans) come from their export.ts.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/types';
import { campaignReport, type CampaignReportRow } from './tables';

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
