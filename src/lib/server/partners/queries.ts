// The only SQL of the partners domain. Partners, contacts and sponsorships are scoped by the agency
// they belong to (`org_id`) or by the partner; apps by the organisation whose directory they are in.
import { and, asc, desc, eq, gte, inArray, like, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/types';
import { eduApp, partner, partnerContact, sponsorship, type EduAppRow, type PartnerContactRow, type PartnerRow, type SponsorshipRow } from './tables';

export type NewPartnerRow = typeof partner.$inferInsert;
export type NewEduAppRow = typeof eduApp.$inferInsert;

export async function insertPartner(db: Db, row: NewPartnerRow): Promise<PartnerRow> {
	const rows = await db.insert(partner).values(row).returning();
	return rows[0];
}

/** The partner; `lock` holds the row until the transaction ends. */
export async function selectPartner(db: Db, id: string, options: { lock?: boolean } = {}): Promise<PartnerRow | undefined> {
	const query = db.select().from(partner).where(eq(partner.id, id)).limit(1);
	const rows = options.lock ? await query.for('update') : await query;
	return rows[0];
}

export async function updatePartnerRow(db: Db, id: string, patch: Partial<NewPartnerRow>): Promise<PartnerRow> {
	const rows = await db.update(partner).set(patch).where(eq(partner.id, id)).returning();
	return rows[0];
}

/** The partners of these agencies, by name. */
export async function selectPartnersOfOrgs(db: Db, orgIds: string[]): Promise<PartnerRow[]> {
	if (!orgIds.length) return [];
	return db.select().from(partner).where(inArray(partner.orgId, orgIds)).orderBy(asc(partner.name), asc(partner.id)).limit(2000);
}

/** The partners whose own node is one of `nodeIds`. */
export async function selectPartnersByNodeIds(db: Db, nodeIds: string[]): Promise<PartnerRow[]> {
	if (!nodeIds.length) return [];
	return db.select().from(partner).where(inArray(partner.nodeId, nodeIds)).orderBy(asc(partner.name), asc(partner.id));
}

export async function selectPartnersByIds(db: Db, ids: string[]): Promise<PartnerRow[]> {
	if (!ids.length) return [];
	return db.select().from(partner).where(inArray(partner.id, ids));
}

export async function countPartnersOfOrgs(db: Db, orgIds: string[]): Promise<number> {
	if (!orgIds.length) return 0;
	const rows = await db.select({ n: sql<number | string>`count(*)` }).from(partner).where(inArray(partner.orgId, orgIds));
	return Number(rows[0]?.n ?? 0);
}

export async function insertContacts(db: Db, rows: Array<typeof partnerContact.$inferInsert>): Promise<PartnerContactRow[]> {
	if (!rows.length) return [];
	return db.insert(partnerContact).values(rows).returning();
}

export async function selectContactsOfPartner(db: Db, partnerId: string): Promise<PartnerContactRow[]> {
	return db.select().from(partnerContact).where(eq(partnerContact.partnerId, partnerId)).orderBy(asc(partnerContact.createdAt), asc(partnerContact.id));
}

/** Deletes one contact of the partner; undefined when it has no such contact. */
export async function deleteContact(db: Db, partnerId: string, contactId: string): Promise<PartnerContactRow | undefined> {
	const rows = await db
		.delete(partnerContact)
		.where(and(eq(partnerContact.partnerId, partnerId), eq(partnerContact.id, contactId)))
		.returning();
	return rows[0];
}

export async function insertSponsorship(db: Db, row: typeof sponsorship.$inferInsert): Promise<SponsorshipRow> {
	const rows = await db.insert(sponsorship).values(row).returning();
	return rows[0];
}

export async function selectSponsorshipsOfPartner(db: Db, partnerId: string): Promise<SponsorshipRow[]> {
	return db.select().from(sponsorship).where(eq(sponsorship.partnerId, partnerId)).orderBy(desc(sponsorship.receivedOn), desc(sponsorship.createdAt));
}

/** The sponsorships of these campaigns with their partner's name, newest first. */
export async function selectSponsorshipsOfCampaigns(db: Db, campaignIds: string[]): Promise<Array<SponsorshipRow & { partnerName: string }>> {
	if (!campaignIds.length) return [];
	const rows = await db
		.select({ s: sponsorship, partnerName: partner.name })
		.from(sponsorship)
		.innerJoin(partner, eq(partner.id, sponsorship.partnerId))
		.where(inArray(sponsorship.campaignId, campaignIds))
		.orderBy(desc(sponsorship.receivedOn), desc(sponsorship.createdAt));
	return rows.map((r) => ({ ...r.s, partnerName: r.partnerName }));
}

/** Money and in-kind values given by each of `partnerIds`, over every campaign. */
export async function sumSponsorshipsByPartner(db: Db, partnerIds: string[]): Promise<Array<{ partnerId: string; kind: SponsorshipRow['kind']; valueVnd: number; count: number }>> {
	if (!partnerIds.length) return [];
	const rows = await db
		.select({ partnerId: sponsorship.partnerId, kind: sponsorship.kind, valueVnd: sql<number | string>`sum(${sponsorship.valueVnd})`, count: sql<number | string>`count(*)` })
		.from(sponsorship)
		.where(inArray(sponsorship.partnerId, partnerIds))
		.groupBy(sponsorship.partnerId, sponsorship.kind);
	return rows.map((r) => ({ ...r, valueVnd: Number(r.valueVnd), count: Number(r.count) }));
}

export async function insertEduApp(db: Db, row: NewEduAppRow): Promise<EduAppRow> {
	const rows = await db.insert(eduApp).values(row).returning();
	return rows[0];
}

/** The app; `lock` holds the row until the transaction ends (two reviews at once are applied one after the other). */
export async function selectEduApp(db: Db, id: string, options: { lock?: boolean } = {}): Promise<EduAppRow | undefined> {
	const query = db.select().from(eduApp).where(eq(eduApp.id, id)).limit(1);
	const rows = options.lock ? await query.for('update') : await query;
	return rows[0];
}

export async function updateEduAppRow(db: Db, id: string, patch: Partial<NewEduAppRow>): Promise<EduAppRow> {
	const rows = await db.update(eduApp).set(patch).where(eq(eduApp.id, id)).returning();
	return rows[0];
}

/** An app of the organisation's directory at this address that is not refused (a second proposal of it is a duplicate). */
export async function selectLiveEduAppWithUrl(db: Db, orgId: string, url: string): Promise<EduAppRow | undefined> {
	const rows = await db
		.select()
		.from(eduApp)
		.where(and(eq(eduApp.orgId, orgId), eq(eduApp.url, url), inArray(eduApp.status, ['proposed', 'approved'])))
		.limit(1);
	return rows[0];
}

/**
 * Approved apps for the public directory. `words` are folded search words, each of which must
 * occur in the app's name or description; `age` must lie within its ages.
 */
export async function selectApprovedEduApps(db: Db, filters: { words: string[]; age?: number; platform?: string; licence?: EduAppRow['licence'] }): Promise<EduAppRow[]> {
	const conditions: SQL[] = [eq(eduApp.status, 'approved')];
	for (const w of filters.words) conditions.push(like(eduApp.searchText, `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
	if (filters.age !== undefined) conditions.push(lte(eduApp.ageMin, filters.age), gte(eduApp.ageMax, filters.age));
	if (filters.platform) conditions.push(sql`${eduApp.platforms} @> ${JSON.stringify([filters.platform])}::jsonb`);
	if (filters.licence) conditions.push(eq(eduApp.licence, filters.licence));
	return db
		.select()
		.from(eduApp)
		.where(and(...conditions))
		.orderBy(asc(eduApp.name), asc(eduApp.id))
		.limit(1000);
}

/** Apps of these organisations' directories with one of `statuses`, oldest proposal first. */
export async function selectEduAppsOfOrgs(db: Db, orgIds: string[], statuses: Array<EduAppRow['status']>): Promise<EduAppRow[]> {
	if (!orgIds.length) return [];
	return db
		.select()
		.from(eduApp)
		.where(and(inArray(eduApp.orgId, orgIds), inArray(eduApp.status, statuses)))
		.orderBy(asc(eduApp.createdAt), asc(eduApp.id))
		.limit(1000);
}

/** Apps one account proposed, newest first. */
export async function selectEduAppsProposedBy(db: Db, userId: string): Promise<EduAppRow[]> {
	return db.select().from(eduApp).where(eq(eduApp.proposedBy, userId)).orderBy(desc(eduApp.createdAt), desc(eduApp.id)).limit(200);
}
