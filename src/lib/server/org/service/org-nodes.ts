import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { recordAudit } from '../../audit/service';
import { scopePaths, systemActor, type Actor, type Role } from '../../auth/actor';
import { cleanText, foldVietnamese, vietnameseCollator } from '$lib/vn/text';
import { createOrgNodeInput, updateOrgNodeInput, type CreateOrgNodeInput, type UpdateOrgNodeInput } from '$lib/features/org/inputs';
import { canCreateOrgNode, canDeleteOrgNode, canManageOrgNode, canMoveOrgNode, canSeeOrgNode, orgScope } from '../policy';
import {
	countChildren,
	countPeopleOfUnit,
	deleteOrgNodeRow,
	insertOrgNodes,
	isForeignKeyViolation,
	isUniqueViolation,
	rewriteSubtreePaths,
	selectMaxSortOrder,
	selectOrgNodeById,
	selectOrgNodesByIds,
	selectOrgNodesInScope,
	selectSiblingWithCode,
	updateOrgNodeRow
} from '../queries';
import type { OrgNodeRow } from '../tables';
import { parseInput } from '../../core/http';

/** The one input check of every service (core/http). */
export { parseInput };

/** Folded name and code, searched diacritics-insensitively. */
export function orgNodeSearchText(node: { name: string; shortCode: string }): string {
	return foldVietnamese(`${node.name} ${node.shortCode}`);
}

/** The node if the actor may see it; NOT_FOUND otherwise, so another organisation's nodes do not leak. */
export async function requireVisibleNode(db: Db, actor: Actor, id: string): Promise<OrgNodeRow> {
	const node = await selectOrgNodeById(db, id);
	if (!node || !canSeeOrgNode(actor, node)) throw new AppError('NOT_FOUND');
	return node;
}

function codeTaken(): AppError {
	return new AppError('CONFLICT', { fields: { shortCode: 'field_taken' } });
}

/** What the audit log keeps of a node. */
function auditView(n: OrgNodeRow) {
	return { parentId: n.parentId, path: n.path, kind: n.kind, name: n.name, shortCode: n.shortCode, address: n.address, email: n.email, phone: n.phone, website: n.website, sortOrder: n.sortOrder };
}

/**
 * Creates a node of the tree: a child by an administrator of its parent, a root only by the system.
 * Refuses an unknown or invisible parent (NOT_FOUND), anyone else (FORBIDDEN), a short code a sibling
 * holds (CONFLICT, shortCode: field_taken) and bad fields (VALIDATION).
 */
export async function createOrgNode(db: Db, actor: Actor, input: CreateOrgNodeInput): Promise<OrgNodeRow> {
	const data = parseInput(createOrgNodeInput, input);
	const parent = data.parentId ? await requireVisibleNode(db, actor, data.parentId) : null;
	if (!canCreateOrgNode(actor, parent)) throw new AppError('FORBIDDEN');
	try {
		return await db.transaction(async (tx) => {
			const parentId = parent?.id ?? null;
			if (await selectSiblingWithCode(tx, parentId, data.shortCode)) throw codeTaken();
			const id = newId();
			const at = now();
			const [row] = await insertOrgNodes(tx, [
				{
					id,
					parentId,
					path: `${parent?.path ?? '/'}${id}/`,
					kind: data.kind,
					name: data.name,
					shortCode: data.shortCode,
					address: data.address ?? null,
					email: data.email ?? null,
					phone: data.phone ?? null,
					website: data.website ?? null,
					sortOrder: data.sortOrder ?? (await selectMaxSortOrder(tx, parentId)) + 1,
					searchText: orgNodeSearchText(data),
					createdAt: at,
					updatedAt: at
				}
			]);
			await recordAudit(tx, actor, { orgId: row.id, orgPath: row.path, entity: 'org_node', entityId: row.id, action: 'create', after: auditView(row) });
			return row;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw codeTaken();
		throw e;
	}
}

/** Returns a node the actor may see (any role on it or above); NOT_FOUND otherwise. */
export async function getOrgNode(db: Db, actor: Actor, id: string): Promise<OrgNodeRow> {
	return requireVisibleNode(db, actor, id);
}

/**
 * A node by id without any check of the actor, or undefined: for other domains that must name or
 * scope a record's organisation (a public campaign's issuer and its parent body).
 */
export async function findOrgNode(db: Db, id: string): Promise<OrgNodeRow | undefined> {
	return selectOrgNodeById(db, id);
}

/** Nodes by id without any check of the actor (see findOrgNode), in no particular order. */
export async function listOrgNodesByIds(db: Db, ids: string[]): Promise<OrgNodeRow[]> {
	return selectOrgNodesByIds(db, [...new Set(ids)]);
}

/**
 * Changes a node's details; a new `parentId` moves it with its whole subtree (their paths follow).
 * Refuses an invisible node (NOT_FOUND), a non-administrator (FORBIDDEN), a move the actor may not
 * make (FORBIDDEN: it needs an administrator above the node and of the new parent), a move under
 * the node itself or its descendants (VALIDATION, parentId: field_invalid_parent) and a short code
 * a new sibling holds (CONFLICT).
 */
export async function updateOrgNode(db: Db, actor: Actor, id: string, input: UpdateOrgNodeInput): Promise<OrgNodeRow> {
	const node = await requireVisibleNode(db, actor, id);
	if (!canManageOrgNode(actor, node)) throw new AppError('FORBIDDEN');
	const data = parseInput(updateOrgNodeInput, input);
	const moving = data.parentId !== undefined && data.parentId !== node.parentId;
	let newParent: OrgNodeRow | null = null;
	if (moving && !canDeleteOrgNode(actor, node)) throw new AppError('FORBIDDEN');
	if (moving && data.parentId) {
		newParent = (await selectOrgNodeById(db, data.parentId)) ?? null;
		if (!newParent || !canSeeOrgNode(actor, newParent)) throw new AppError('VALIDATION', { fields: { parentId: 'field_invalid' } });
		if (newParent.path.startsWith(node.path)) throw new AppError('VALIDATION', { fields: { parentId: 'field_invalid_parent' } });
	}
	if (moving && !canMoveOrgNode(actor, node, newParent)) throw new AppError('FORBIDDEN');
	const parentId = moving ? (newParent?.id ?? null) : node.parentId;
	const shortCode = data.shortCode ?? node.shortCode;
	try {
		return await db.transaction(async (tx) => {
			if ((moving || shortCode.toLowerCase() !== node.shortCode.toLowerCase()) && (await selectSiblingWithCode(tx, parentId, shortCode, node.id))) throw codeTaken();
			const at = now();
			const path = moving ? `${newParent?.path ?? '/'}${node.id}/` : node.path;
			const name = data.name ?? node.name;
			const patch = {
				kind: data.kind ?? node.kind,
				name,
				shortCode,
				address: data.address !== undefined ? data.address : node.address,
				email: data.email !== undefined ? data.email : node.email,
				phone: data.phone !== undefined ? data.phone : node.phone,
				website: data.website !== undefined ? data.website : node.website,
				sortOrder: data.sortOrder ?? (moving ? (await selectMaxSortOrder(tx, parentId)) + 1 : node.sortOrder),
				parentId,
				path,
				searchText: orgNodeSearchText({ name, shortCode }),
				updatedAt: at
			};
			const row = await updateOrgNodeRow(tx, node.id, patch);
			if (moving) await rewriteSubtreePaths(tx, node.path, path, at);
			await recordAudit(tx, actor, { orgId: row.id, orgPath: row.path, entity: 'org_node', entityId: row.id, action: moving ? 'move' : 'update', before: auditView(node), after: auditView(row) });
			return row;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw codeTaken();
		throw e;
	}
}

/**
 * Deletes an empty node. Refuses an invisible node (NOT_FOUND), anyone but an administrator above it
 * (FORBIDDEN), and a node that still has sub-units, people or records of other domains (CONFLICT).
 */
export async function deleteOrgNode(db: Db, actor: Actor, id: string): Promise<void> {
	const node = await requireVisibleNode(db, actor, id);
	if (!canDeleteOrgNode(actor, node)) throw new AppError('FORBIDDEN');
	try {
		await db.transaction(async (tx) => {
			const children = await countChildren(tx, node.id);
			if (children > 0) throw new AppError('CONFLICT', { fields: { _: 'org_node_has_children' }, detail: { children } });
			const people = await countPeopleOfUnit(tx, node.id);
			if (people > 0) throw new AppError('CONFLICT', { fields: { _: 'org_node_has_people' }, detail: { people } });
			await deleteOrgNodeRow(tx, node.id);
			await recordAudit(tx, actor, { orgId: node.id, orgPath: node.path, entity: 'org_node', entityId: node.id, action: 'delete', before: auditView(node) });
		});
	} catch (e) {
		// Campaigns and other records keep their organisation (on delete restrict).
		if (isForeignKeyViolation(e)) throw new AppError('CONFLICT', { fields: { _: 'org_node_in_use' } });
		throw e;
	}
}

/** A node placed for display: its depth below the top of what the actor sees, and whether the actor administers it. */
export type OrgTreeItem = OrgNodeRow & { depth: number; canManage: boolean };

/** Siblings in their set order, then by name in Vietnamese collation. */
export function compareSiblings(a: OrgNodeRow, b: OrgNodeRow): number {
	return a.sortOrder - b.sortOrder || vietnameseCollator.compare(a.name, b.name) || a.id.localeCompare(b.id);
}

/**
 * Lists the subtree(s) the actor may see (the nodes under each of its grants; everything for the
 * system), ordered for display: each node followed by its children. With `rootId`, only that node's
 * subtree (NOT_FOUND when the actor may not see it); with `q`, only nodes whose name or code matches
 * (diacritics-insensitive), each still with its depth. Anonymous visitors get an empty list.
 */
export async function listOrgTree(db: Db, actor: Actor, options: { rootId?: string; q?: string } = {}): Promise<OrgTreeItem[]> {
	const root = options.rootId ? await requireVisibleNode(db, actor, options.rootId) : undefined;
	const scope = orgScope(actor);
	const nodes = await selectOrgNodesInScope(db, scope, { under: root?.path });
	const words = options.q ? foldVietnamese(cleanText(options.q)).split(' ').filter(Boolean) : [];
	const byParent = new Map<string | null, OrgNodeRow[]>();
	const ids = new Set(nodes.map((n) => n.id));
	for (const n of nodes) {
		const key = n.parentId && ids.has(n.parentId) ? n.parentId : null;
		const list = byParent.get(key) ?? [];
		list.push(n);
		byParent.set(key, list);
	}
	const out: OrgTreeItem[] = [];
	const visit = (n: OrgNodeRow, depth: number) => {
		if (words.every((w) => n.searchText.includes(w))) out.push({ ...n, depth, canManage: canManageOrgNode(actor, n) });
		for (const c of (byParent.get(n.id) ?? []).sort(compareSiblings)) visit(c, depth + 1);
	};
	for (const top of (byParent.get(null) ?? []).sort(compareSiblings)) visit(top, 0);
	return out;
}

/**
 * The nodes at or below those where the actor holds one of `roles` (every node for the system,
 * none for a visitor), in display order: what a domain's back office lists for the actor.
 */
export async function listOrgNodesInRoleScope(db: Db, actor: Actor, roles: readonly Role[]): Promise<OrgNodeRow[]> {
	if (actor.kind === 'anonymous') return [];
	const nodes = await listOrgTree(db, systemActor('org'));
	if (actor.kind === 'system') return nodes;
	const paths = scopePaths(actor, roles);
	return nodes.filter((n) => paths.some((p) => n.path.startsWith(p)));
}

/** The nodes from the root down to `node` (both included), for breadcrumbs and document headers; no actor check. */
export async function listOrgAncestors(db: Db, node: Pick<OrgNodeRow, 'path'>): Promise<OrgNodeRow[]> {
	const ids = node.path.split('/').filter(Boolean);
	const rows = await selectOrgNodesByIds(db, ids);
	return ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is OrgNodeRow => !!r);
}
