// The only SQL of the documents domain. Documents are scoped by their organisation's id; the
// organisations themselves (paths, names) come from the org domain's service.
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/types';
import {
	documentNumberingPolicy,
	documentRecipient,
	documentSequence,
	issuedDocument,
	type DocumentRecipientRow,
	type DocumentRow,
	type NewDocumentRow,
	type NumberingMode
} from './tables';

function errorCode(e: unknown): string | undefined {
	let cur: unknown = e;
	for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
		const code = (cur as { code?: unknown }).code;
		if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
		cur = (cur as { cause?: unknown }).cause;
	}
	return undefined;
}

/** True when the database refused a write for a duplicate unique value (SQLSTATE 23505), on either driver. */
export function isUniqueViolation(e: unknown): boolean {
	return errorCode(e) === '23505';
}

// ── numbering ─────────────────────────────────────────────────────────────────────────────

export async function selectNumberingMode(db: Db, orgId: string): Promise<NumberingMode | undefined> {
	const rows = await db.select({ mode: documentNumberingPolicy.mode }).from(documentNumberingPolicy).where(eq(documentNumberingPolicy.orgId, orgId)).limit(1);
	return rows[0]?.mode;
}

export async function upsertNumberingMode(db: Db, row: { orgId: string; mode: NumberingMode; updatedByLabel: string; updatedAt: Date }): Promise<void> {
	await db
		.insert(documentNumberingPolicy)
		.values(row)
		.onConflictDoUpdate({ target: documentNumberingPolicy.orgId, set: { mode: row.mode, updatedByLabel: row.updatedByLabel, updatedAt: row.updatedAt } });
}

export async function countDocumentsOfYear(db: Db, orgId: string, year: number): Promise<number> {
	const rows = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(issuedDocument)
		.where(and(eq(issuedDocument.orgId, orgId), eq(issuedDocument.year, year)));
	return rows[0]?.n ?? 0;
}

/**
 * Takes the next number of a series: one statement that creates the counter at 1 or adds 1 to it,
 * and holds the counter row's lock until the caller's transaction ends. Concurrent issuers of the
 * same series wait for each other here, so no two get the same number; a rolled-back transaction
 * gives its number back, a committed one never does.
 */
export async function takeNextNumber(db: Db, key: { orgId: string; year: number; series: string }): Promise<number> {
	const rows = await db
		.insert(documentSequence)
		.values({ ...key, lastNumber: 1 })
		.onConflictDoUpdate({
			target: [documentSequence.orgId, documentSequence.year, documentSequence.series],
			set: { lastNumber: sql`${documentSequence.lastNumber} + 1` }
		})
		.returning({ lastNumber: documentSequence.lastNumber });
	return rows[0].lastNumber;
}

/** Whether a number of the series is already held (by a number typed by hand, say). */
export async function documentNumberTaken(db: Db, key: { orgId: string; year: number; series: string; number: number }): Promise<boolean> {
	const rows = await db
		.select({ id: issuedDocument.id })
		.from(issuedDocument)
		.where(and(eq(issuedDocument.orgId, key.orgId), eq(issuedDocument.year, key.year), eq(issuedDocument.series, key.series), eq(issuedDocument.number, key.number)))
		.limit(1);
	return rows.length > 0;
}

// ── documents ─────────────────────────────────────────────────────────────────────────────

export async function insertDocument(db: Db, row: NewDocumentRow): Promise<DocumentRow> {
	const rows = await db.insert(issuedDocument).values(row).returning();
	return rows[0];
}

export async function insertRecipients(db: Db, rows: Array<typeof documentRecipient.$inferInsert>): Promise<void> {
	if (rows.length) await db.insert(documentRecipient).values(rows).onConflictDoNothing();
}

export async function selectDocument(db: Db, id: string): Promise<DocumentRow | undefined> {
	const rows = await db.select().from(issuedDocument).where(eq(issuedDocument.id, id)).limit(1);
	return rows[0];
}

export async function selectDocumentsOfCampaign(db: Db, campaignId: string): Promise<DocumentRow[]> {
	return db.select().from(issuedDocument).where(eq(issuedDocument.campaignId, campaignId)).orderBy(asc(issuedDocument.createdAt));
}

export async function selectRecipients(db: Db, documentIds: string[]): Promise<DocumentRecipientRow[]> {
	if (!documentIds.length) return [];
	return db.select().from(documentRecipient).where(inArray(documentRecipient.documentId, documentIds)).orderBy(asc(documentRecipient.createdAt));
}

/** Each folded search word must appear in the folded search text. */
function matchesWords(words: string[]): SQL | undefined {
	if (!words.length) return undefined;
	return and(...words.map((w) => sql`${issuedDocument.searchText} like ${'%' + w.replace(/[\\%_]/g, (c) => `\\${c}`) + '%'}`));
}

/** One organisation's register for a year, in register order: by series, then number. */
export async function selectRegister(db: Db, f: { orgId: string; year: number; type?: string; words: string[] }): Promise<DocumentRow[]> {
	return db
		.select()
		.from(issuedDocument)
		.where(and(eq(issuedDocument.orgId, f.orgId), eq(issuedDocument.year, f.year), f.type ? eq(issuedDocument.type, f.type) : undefined, matchesWords(f.words)))
		.orderBy(asc(issuedDocument.series), asc(issuedDocument.number));
}

/** The years an organisation has documents in, newest first. */
export async function selectRegisterYears(db: Db, orgId: string): Promise<number[]> {
	const rows = await db.selectDistinct({ year: issuedDocument.year }).from(issuedDocument).where(eq(issuedDocument.orgId, orgId)).orderBy(desc(issuedDocument.year));
	return rows.map((r) => r.year);
}

/** The documents sent to these organisations: unread first, then the newest. */
export async function selectInbox(db: Db, f: { orgIds: string[]; limit: number }): Promise<Array<{ recipient: DocumentRecipientRow; document: DocumentRow }>> {
	if (!f.orgIds.length) return [];
	return db
		.select({ recipient: documentRecipient, document: issuedDocument })
		.from(documentRecipient)
		.innerJoin(issuedDocument, eq(issuedDocument.id, documentRecipient.documentId))
		.where(inArray(documentRecipient.orgId, f.orgIds))
		.orderBy(sql`${documentRecipient.readAt} is null desc`, desc(issuedDocument.documentDate), desc(issuedDocument.createdAt))
		.limit(f.limit);
}

/** Marks the document read for those of `orgIds` that had not opened it; returns the organisations marked. */
export async function markRecipientsRead(db: Db, f: { documentId: string; orgIds: string[]; at: Date; userId: string | null; label: string }): Promise<string[]> {
	if (!f.orgIds.length) return [];
	const rows = await db
		.update(documentRecipient)
		.set({ readAt: f.at, readByUserId: f.userId, readByLabel: f.label })
		.where(and(eq(documentRecipient.documentId, f.documentId), inArray(documentRecipient.orgId, f.orgIds), isNull(documentRecipient.readAt)))
		.returning({ orgId: documentRecipient.orgId });
	return rows.map((r) => r.orgId);
}

export async function updateDocumentRow(db: Db, id: string, patch: Partial<NewDocumentRow>): Promise<DocumentRow | undefined> {
	const rows = await db.update(issuedDocument).set(patch).where(eq(issuedDocument.id, id)).returning();
	return rows[0];
}

/** Cancels a document only while it is issued; undefined when it was cancelled meanwhile. */
export async function cancelDocumentRow(db: Db, id: string, patch: { cancelledAt: Date; cancelReason: string }): Promise<DocumentRow | undefined> {
	const rows = await db
		.update(issuedDocument)
		.set({ ...patch, status: 'cancelled' })
		.where(and(eq(issuedDocument.id, id), eq(issuedDocument.status, 'issued')))
		.returning();
	return rows[0];
}

/** Documents of the campaign issued (not cancelled) by the organisations `orgIds`. */
export async function countIssuedDocumentsOfCampaign(db: Db, campaignId: string, orgIds: string[]): Promise<number> {
	if (!orgIds.length) return 0;
	const rows = await db
		.select({ n: sql<number | string>`count(*)` })
		.from(issuedDocument)
		.where(and(eq(issuedDocument.campaignId, campaignId), eq(issuedDocument.status, 'issued'), inArray(issuedDocument.orgId, orgIds)));
	return Number(rows[0]?.n ?? 0);
}
