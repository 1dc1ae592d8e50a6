import { and, asc, eq, getTableColumns, inArray, isNull, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/types';
import { user } from '../auth/tables';
import { importBatch, orgNode, person, roleGrant, type ImportBatchRow, type OrgNodeRow, type PersonRow, type Role, type RoleGrantRow } from './tables';

/** Every list takes the subtrees it may show: 'all' (the system) or node paths. */
export type OrgScope = 'all' | string[];

/** LIKE pattern for "starts with `prefix`" (paths hold ids and '/', but escape anyway). */
function startsWith(column: SQL | typeof orgNode.path, prefix: string): SQL {
	return sql`${column} like ${prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%'}`;
}

/** The condition "path lies under one of the scope's paths"; false for an empty scope. */
function underScope(column: typeof orgNode.path, scope: OrgScope): SQL {
	if (scope === 'all') return sql`true`;
	if (scope.length === 0) return sql`false`;
	return or(...scope.map((p) => startsWith(column, p)))!;
}

/** Each folded search word must appear in the folded search text. */
function matchesWords(column: typeof orgNode.searchText | typeof person.searchText, words: string[]): SQL {
	if (!words.length) return sql`true`;
	return and(...words.map((w) => sql`${column} like ${'%' + w.replace(/[\\%_]/g, (c) => `\\${c}`) + '%'}`))!;
}

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

/** True when the database refused a write for a missing or still-referenced row (SQLSTATE 23503). */
export function isForeignKeyViolation(e: unknown): boolean {
	return errorCode(e) === '23503';
}

// ── nodes ─────────────────────────────────────────────────────────────────────────────────

export async function selectOrgNodeById(db: Db, id: string): Promise<OrgNodeRow | undefined> {
	const rows = await db.select().from(orgNode).where(eq(orgNode.id, id)).limit(1);
	return rows[0];
}

export async function selectOrgNodesByIds(db: Db, ids: string[]): Promise<OrgNodeRow[]> {
	if (!ids.length) return [];
	return db.select().from(orgNode).where(inArray(orgNode.id, ids));
}

/** Nodes in the scope, optionally only under `under` and matching folded search words. */
export async function selectOrgNodesInScope(db: Db, scope: OrgScope, options: { under?: string; words?: string[] } = {}): Promise<OrgNodeRow[]> {
	return db
		.select()
		.from(orgNode)
		.where(and(underScope(orgNode.path, scope), options.under ? startsWith(orgNode.path, options.under) : undefined, matchesWords(orgNode.searchText, options.words ?? [])))
		.orderBy(asc(orgNode.path));
}

/** A sibling (same parent) holding `shortCode`, compared case-insensitively. */
export async function selectSiblingWithCode(db: Db, parentId: string | null, shortCode: string, exceptId?: string): Promise<OrgNodeRow | undefined> {
	const rows = await db
		.select()
		.from(orgNode)
		.where(
			and(
				parentId ? eq(orgNode.parentId, parentId) : isNull(orgNode.parentId),
				sql`lower(${orgNode.shortCode}) = lower(${shortCode})`,
				exceptId ? ne(orgNode.id, exceptId) : undefined
			)
		)
		.limit(1);
	return rows[0];
}

export async function selectMaxSortOrder(db: Db, parentId: string | null): Promise<number> {
	const rows = await db
		.select({ max: sql<number | null>`max(${orgNode.sortOrder})` })
		.from(orgNode)
		.where(parentId ? eq(orgNode.parentId, parentId) : isNull(orgNode.parentId));
	return Number(rows[0]?.max ?? 0);
}

export async function insertOrgNodes(db: Db, rows: Array<typeof orgNode.$inferInsert>): Promise<OrgNodeRow[]> {
	if (!rows.length) return [];
	return db.insert(orgNode).values(rows).returning();
}

export async function updateOrgNodeRow(db: Db, id: string, patch: Partial<typeof orgNode.$inferInsert>): Promise<OrgNodeRow> {
	const rows = await db.update(orgNode).set(patch).where(eq(orgNode.id, id)).returning();
	return rows[0];
}

/** Rewrites the paths of every node under `oldPrefix` (the moved node's descendants) to `newPrefix`. */
export async function rewriteSubtreePaths(db: Db, oldPrefix: string, newPrefix: string, at: Date): Promise<number> {
	const rows = await db
		.update(orgNode)
		.set({ path: sql`${newPrefix} || substr(${orgNode.path}, ${oldPrefix.length + 1})`, updatedAt: at })
		.where(and(startsWith(orgNode.path, oldPrefix), ne(orgNode.path, oldPrefix)))
		.returning({ id: orgNode.id });
	return rows.length;
}

export async function deleteOrgNodeRow(db: Db, id: string): Promise<void> {
	await db.delete(orgNode).where(eq(orgNode.id, id));
}

export async function countChildren(db: Db, id: string): Promise<number> {
	const rows = await db.select({ n: sql<number>`count(*)` }).from(orgNode).where(eq(orgNode.parentId, id));
	return Number(rows[0].n);
}

// ── people ────────────────────────────────────────────────────────────────────────────────

/** A person with the unit they belong to. */
export type PersonWithUnit = PersonRow & { unitName: string; unitShortCode: string; unitPath: string };

const personWithUnit = {
	person,
	unitName: orgNode.name,
	unitShortCode: orgNode.shortCode,
	unitPath: orgNode.path
};

function flatten(r: { person: PersonRow; unitName: string; unitShortCode: string; unitPath: string }): PersonWithUnit {
	return { ...r.person, unitName: r.unitName, unitShortCode: r.unitShortCode, unitPath: r.unitPath };
}

export async function selectPersonById(db: Db, id: string): Promise<PersonWithUnit | undefined> {
	const rows = await db.select(personWithUnit).from(person).innerJoin(orgNode, eq(orgNode.id, person.unitId)).where(eq(person.id, id)).limit(1);
	return rows[0] && flatten(rows[0]);
}

/** People whose unit lies in the scope (and under `under`), matching every folded search word. */
export async function selectPeopleInScope(db: Db, scope: OrgScope, options: { under?: string; words?: string[] } = {}): Promise<PersonWithUnit[]> {
	const rows = await db
		.select(personWithUnit)
		.from(person)
		.innerJoin(orgNode, eq(orgNode.id, person.unitId))
		.where(and(underScope(orgNode.path, scope), options.under ? startsWith(orgNode.path, options.under) : undefined, matchesWords(person.searchText, options.words ?? [])));
	return rows.map(flatten);
}

/** A person of the tree under `rootPath` holding `email` (case-insensitive). */
export async function selectPersonByEmailUnder(db: Db, rootPath: string, email: string, exceptId?: string): Promise<PersonRow | undefined> {
	const rows = await db
		.select({ person })
		.from(person)
		.innerJoin(orgNode, eq(orgNode.id, person.unitId))
		.where(and(startsWith(orgNode.path, rootPath), sql`lower(${person.email}) = lower(${email})`, exceptId ? ne(person.id, exceptId) : undefined))
		.limit(1);
	return rows[0]?.person;
}

/** Which of `emails` people of the tree under `rootPath` already hold (lower-cased). */
export async function selectTakenEmailsUnder(db: Db, rootPath: string, emails: string[]): Promise<string[]> {
	const wanted = [...new Set(emails.map((e) => e.toLowerCase()))];
	const taken: string[] = [];
	// Bounded IN lists: a 5 MB upload may hold tens of thousands of addresses.
	for (let i = 0; i < wanted.length; i += 500) {
		const rows = await db
			.select({ email: sql<string>`lower(${person.email})` })
			.from(person)
			.innerJoin(orgNode, eq(orgNode.id, person.unitId))
			.where(and(startsWith(orgNode.path, rootPath), inArray(sql`lower(${person.email})`, wanted.slice(i, i + 500))));
		taken.push(...rows.map((r) => r.email));
	}
	return taken;
}

export async function selectPersonByUserId(db: Db, userId: string): Promise<PersonWithUnit | undefined> {
	const rows = await db
		.select(personWithUnit)
		.from(person)
		.innerJoin(orgNode, eq(orgNode.id, person.unitId))
		.where(eq(person.userId, userId))
		.orderBy(asc(person.createdAt))
		.limit(1);
	return rows[0] && flatten(rows[0]);
}

export async function countPeopleOfUnit(db: Db, unitId: string): Promise<number> {
	const rows = await db.select({ n: sql<number>`count(*)` }).from(person).where(eq(person.unitId, unitId));
	return Number(rows[0].n);
}

export async function insertPeople(db: Db, rows: Array<typeof person.$inferInsert>): Promise<PersonRow[]> {
	if (!rows.length) return [];
	return db.insert(person).values(rows).returning();
}

export async function updatePersonRow(db: Db, id: string, patch: Partial<typeof person.$inferInsert>): Promise<PersonRow> {
	const rows = await db.update(person).set(patch).where(eq(person.id, id)).returning();
	return rows[0];
}

export async function deletePersonRow(db: Db, id: string): Promise<void> {
	await db.delete(person).where(eq(person.id, id));
}

// ── role grants ───────────────────────────────────────────────────────────────────────────

/** A grant with the names a page shows (the account's from better-auth's `user` table). */
export type GrantWithNames = RoleGrantRow & { orgName: string; orgShortCode: string; orgPath: string; userName: string; userEmail: string };

export async function selectGrantsOfUser(db: Db, userId: string): Promise<Array<{ role: Role; orgId: string; orgPath: string }>> {
	return db
		.select({ role: roleGrant.role, orgId: roleGrant.orgId, orgPath: orgNode.path })
		.from(roleGrant)
		.innerJoin(orgNode, eq(orgNode.id, roleGrant.orgId))
		.where(eq(roleGrant.userId, userId))
		.orderBy(asc(orgNode.path), asc(roleGrant.role));
}

const grantWithNames = {
	grant: roleGrant,
	orgName: orgNode.name,
	orgShortCode: orgNode.shortCode,
	orgPath: orgNode.path,
	userName: user.name,
	userEmail: user.email
};

function flattenGrant(r: { grant: RoleGrantRow; orgName: string; orgShortCode: string; orgPath: string; userName: string; userEmail: string }): GrantWithNames {
	return { ...r.grant, orgName: r.orgName, orgShortCode: r.orgShortCode, orgPath: r.orgPath, userName: r.userName, userEmail: r.userEmail };
}

export async function selectGrantById(db: Db, id: string): Promise<GrantWithNames | undefined> {
	const rows = await db
		.select(grantWithNames)
		.from(roleGrant)
		.innerJoin(orgNode, eq(orgNode.id, roleGrant.orgId))
		.innerJoin(user, eq(user.id, roleGrant.userId))
		.where(eq(roleGrant.id, id))
		.limit(1);
	return rows[0] && flattenGrant(rows[0]);
}

export async function selectGrant(db: Db, key: { userId: string; orgId: string; role: Role }): Promise<RoleGrantRow | undefined> {
	const rows = await db
		.select()
		.from(roleGrant)
		.where(and(eq(roleGrant.userId, key.userId), eq(roleGrant.orgId, key.orgId), eq(roleGrant.role, key.role)))
		.limit(1);
	return rows[0];
}

export async function selectGrantsInScope(db: Db, scope: OrgScope, under?: string): Promise<GrantWithNames[]> {
	const rows = await db
		.select(grantWithNames)
		.from(roleGrant)
		.innerJoin(orgNode, eq(orgNode.id, roleGrant.orgId))
		.innerJoin(user, eq(user.id, roleGrant.userId))
		.where(and(underScope(orgNode.path, scope), under ? startsWith(orgNode.path, under) : undefined));
	return rows.map(flattenGrant);
}

export async function userExists(db: Db, userId: string): Promise<boolean> {
	const rows = await db.select({ id: user.id }).from(user).where(eq(user.id, userId)).limit(1);
	return rows.length > 0;
}

/**
 * A bare account row (no password, no session) for tests and seeds that need a user to grant a
 * role to. Real accounts are made by auth/service (better-auth), which depends on this domain.
 */
export async function insertBareUser(db: Db, row: { id: string; name: string; email: string; isDemo?: boolean; at: Date }): Promise<void> {
	await db.insert(user).values({ id: row.id, name: row.name, email: row.email.toLowerCase(), isDemo: row.isDemo ?? false, createdAt: row.at, updatedAt: row.at });
}

export async function insertGrant(db: Db, row: typeof roleGrant.$inferInsert): Promise<RoleGrantRow> {
	const rows = await db.insert(roleGrant).values(row).returning();
	return rows[0];
}

export async function deleteGrantRow(db: Db, id: string): Promise<void> {
	await db.delete(roleGrant).where(eq(roleGrant.id, id));
}

// ── imports ───────────────────────────────────────────────────────────────────────────────

export async function insertImportBatch(db: Db, row: typeof importBatch.$inferInsert): Promise<ImportBatchRow> {
	const rows = await db.insert(importBatch).values(row).returning();
	return rows[0];
}

/** The batch with its organisation's path; `lock` holds the row until the transaction ends. */
export async function selectImportBatch(db: Db, id: string, options: { lock?: boolean } = {}): Promise<(ImportBatchRow & { orgPath: string }) | undefined> {
	const query = db.select({ batch: importBatch, orgPath: orgNode.path }).from(importBatch).innerJoin(orgNode, eq(orgNode.id, importBatch.orgId)).where(eq(importBatch.id, id)).limit(1);
	const rows = options.lock ? await query.for('update', { of: importBatch }) : await query;
	return rows[0] && { ...rows[0].batch, orgPath: rows[0].orgPath };
}

export async function updateImportBatchRow(db: Db, id: string, patch: Partial<typeof importBatch.$inferInsert>): Promise<ImportBatchRow> {
	const rows = await db.update(importBatch).set(patch).where(eq(importBatch.id, id)).returning();
	return rows[0];
}

/** Batches (without their rows) of nodes in the scope, optionally of one node, newest first. */
export async function selectImportBatchesInScope(db: Db, scope: OrgScope, orgId?: string): Promise<Array<Omit<ImportBatchRow, 'rows'>>> {
	const { rows: _rows, ...columns } = getTableColumns(importBatch);
	void _rows;
	return db
		.select(columns)
		.from(importBatch)
		.innerJoin(orgNode, eq(orgNode.id, importBatch.orgId))
		.where(and(underScope(orgNode.path, scope), orgId ? eq(importBatch.orgId, orgId) : undefined))
		.orderBy(sql`${importBatch.createdAt} desc`, asc(importBatch.id));
}

// ── contacts ──────────────────────────────────────────────────────────────────────────────

/** The accounts holding `role` exactly on one of `orgIds`, with the e-mail of the person record linked to each (if any). */
export async function selectRoleHolderContacts(db: Db, orgIds: string[], role: Role): Promise<Array<{ orgId: string; userId: string; userName: string; userEmail: string; personEmail: string | null }>> {
	if (!orgIds.length) return [];
	return db
		.selectDistinctOn([roleGrant.orgId, user.id], { orgId: roleGrant.orgId, userId: user.id, userName: user.name, userEmail: user.email, personEmail: person.email })
		.from(roleGrant)
		.innerJoin(user, eq(user.id, roleGrant.userId))
		.leftJoin(person, eq(person.userId, user.id))
		.where(and(inArray(roleGrant.orgId, orgIds), eq(roleGrant.role, role)))
		.orderBy(asc(roleGrant.orgId), asc(user.id), asc(person.createdAt));
}

// ── figures for reports (read through export.ts) ──────────────────────────────────────────

/** Kinds of the nodes partners get under the agency they partner (partners domain): not its units. */
const PARTNER_NODE_KINDS: Array<'enterprise' | 'media'> = ['enterprise', 'media'];

/** The number of units strictly below `path` (the node itself not counted; partners' nodes neither). */
export async function countNodesBelow(db: Db, path: string): Promise<number> {
	const rows = await db
		.select({ n: sql<number | string>`count(*)` })
		.from(orgNode)
		.where(and(startsWith(orgNode.path, path), ne(orgNode.path, path), notInArray(orgNode.kind, PARTNER_NODE_KINDS)));
	return Number(rows[0]?.n ?? 0);
}

/** The nodes of the subtree at `path` (the node included): id, name, path and sort order. */
export async function selectNodeOutlinesUnder(db: Db, path: string): Promise<Array<{ id: string; name: string; path: string; sortOrder: number }>> {
	return db.select({ id: orgNode.id, name: orgNode.name, path: orgNode.path, sortOrder: orgNode.sortOrder }).from(orgNode).where(startsWith(orgNode.path, path));
}

/** People recorded in each node of the subtree at `path`; nodes with none are left out. */
export async function countPeopleByNodeUnder(db: Db, path: string): Promise<Array<{ id: string; name: string; path: string; sortOrder: number; count: number }>> {
	const rows = await db
		.select({ id: orgNode.id, name: orgNode.name, path: orgNode.path, sortOrder: orgNode.sortOrder, n: sql<number | string>`count(${person.id})` })
		.from(orgNode)
		.innerJoin(person, eq(person.unitId, orgNode.id))
		.where(startsWith(orgNode.path, path))
		.groupBy(orgNode.id, orgNode.name, orgNode.path, orgNode.sortOrder);
	return rows.map((r) => ({ id: r.id, name: r.name, path: r.path, sortOrder: Number(r.sortOrder), count: Number(r.n) }));
}

/** People of the subtree at `path` in each learner group (a person in several counts in each). */
export async function countPeopleByLearnerGroupUnder(db: Db, path: string): Promise<Array<{ group: string; count: number }>> {
	const groups = db
		.select({ group: sql<string>`jsonb_array_elements_text(${person.learnerGroups})`.as('learner_group') })
		.from(person)
		.innerJoin(orgNode, eq(orgNode.id, person.unitId))
		.where(startsWith(orgNode.path, path))
		.as('person_group');
	const rows = await db
		.select({ group: groups.group, n: sql<number | string>`count(*)` })
		.from(groups)
		.groupBy(groups.group);
	return rows.map((r) => ({ group: r.group, count: Number(r.n) }));
}

/** People of the subtree at `path` by employee category. */
export async function countPeopleByCategoryUnder(db: Db, path: string): Promise<Array<{ category: string; count: number }>> {
	const rows = await db
		.select({ category: person.category, n: sql<number | string>`count(*)` })
		.from(person)
		.innerJoin(orgNode, eq(orgNode.id, person.unitId))
		.where(startsWith(orgNode.path, path))
		.groupBy(person.category);
	return rows.map((r) => ({ category: r.category, count: Number(r.n) }));
}
