import { and, desc, eq, gte, lte, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/types';
import { auditEntry, type AuditEntryRow } from './tables';

export type NewAuditEntry = typeof auditEntry.$inferInsert;

export async function insertAuditEntry(db: Db, entry: NewAuditEntry): Promise<void> {
	await db.insert(auditEntry).values(entry);
}

export interface AuditFilter {
	/** Only entries of records under these org paths (null orgId entries are global: admins of a root see them). */
	scopePaths: string[];
	includeGlobal: boolean;
	entity?: string;
	entityId?: string;
	actor?: string;
	action?: string;
	from?: Date;
	to?: Date;
	limit: number;
	offset: number;
}

export async function selectAuditEntries(db: Db, f: AuditFilter): Promise<AuditEntryRow[]> {
	const conditions: SQL[] = [];
	const scope: SQL[] = [];
	if (f.scopePaths.length) {
		scope.push(or(...f.scopePaths.map((p) => like(auditEntry.orgPath, `${p}%`)))!);
	}
	if (f.includeGlobal) scope.push(sql`${auditEntry.orgId} is null`);
	if (!scope.length) return [];
	conditions.push(or(...scope)!);
	if (f.entity) conditions.push(eq(auditEntry.entity, f.entity));
	if (f.entityId) conditions.push(eq(auditEntry.entityId, f.entityId));
	if (f.action) conditions.push(eq(auditEntry.action, f.action));
	if (f.actor) conditions.push(like(sql`lower(${auditEntry.actorLabel})`, `%${f.actor.toLowerCase()}%`));
	if (f.from) conditions.push(gte(auditEntry.at, f.from));
	if (f.to) conditions.push(lte(auditEntry.at, f.to));
	return db
		.select()
		.from(auditEntry)
		.where(and(...conditions))
		.orderBy(desc(auditEntry.at), desc(auditEntry.id))
		.limit(f.limit)
		.offset(f.offset);
}
