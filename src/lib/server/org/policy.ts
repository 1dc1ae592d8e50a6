// Who may see and change organisation nodes, people, roles and imports. Pure: no I/O.
//
// One rule for rows of another organisation: what the actor may not see answers NOT_FOUND
// (its existence does not leak); what it may see but not change answers FORBIDDEN.
import { hasRoleAt, ROLES, type Actor, type Role } from '../auth/actor';

interface HasPath {
	path: string;
}

/** Roles that read the people of their subtree (PRODUCT.md: coordinators and leaders read people; supervisors read everything below). */
export const PEOPLE_READERS: readonly Role[] = ['administrator', 'coordinator', 'unit_leader', 'supervisor'];
const ADMIN: readonly Role[] = ['administrator'];

/** The subtrees a list may show: every node ('all', the system) or the nodes under these paths. */
export type OrgScope = 'all' | string[];

/** The scope of the nodes under which the actor holds one of `roles`. */
export function orgScope(actor: Actor, roles: readonly Role[] = ROLES): OrgScope {
	if (actor.kind === 'system') return 'all';
	return actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.orgPath);
}

/** True when `path` lies in the scope. */
export function inScope(scope: OrgScope, path: string): boolean {
	return scope === 'all' || scope.some((p) => path.startsWith(p));
}

/** The path of a node's parent ('/' for a root). */
export function parentPathOf(path: string): string {
	return path.replace(/[^/]+\/$/, '');
}

/** The path of the root of a node's tree: the organisation it belongs to. */
export function rootPathOf(path: string): string {
	return `/${path.split('/')[1]}/`;
}

/** Any role on the node or above it lets one see the node (its name, address, place in the tree). */
export function canSeeOrgNode(actor: Actor, node: HasPath): boolean {
	return hasRoleAt(actor, ROLES, node.path);
}

/** Administrators of the node or above edit the node's own details. */
export function canManageOrgNode(actor: Actor, node: HasPath): boolean {
	return hasRoleAt(actor, ADMIN, node.path);
}

/** A child needs an administrator of the parent; a root (a new organisation) only the system. */
export function canCreateOrgNode(actor: Actor, parent: HasPath | null): boolean {
	return parent ? hasRoleAt(actor, ADMIN, parent.path) : actor.kind === 'system';
}

/**
 * Deleting or moving a node takes an administrator above it, so no one removes the node their
 * own administration hangs from; a root only the system.
 */
export function canDeleteOrgNode(actor: Actor, node: HasPath): boolean {
	const parentPath = parentPathOf(node.path);
	return parentPath === '/' ? actor.kind === 'system' : hasRoleAt(actor, ADMIN, parentPath);
}

/** Moving needs the right to take the node from where it is and to add it under its new parent. */
export function canMoveOrgNode(actor: Actor, node: HasPath, newParent: HasPath | null): boolean {
	return canDeleteOrgNode(actor, node) && canCreateOrgNode(actor, newParent);
}

/** Administrators, coordinators, unit leaders and supervisors read the people of their subtree. */
export function canReadPeople(actor: Actor, unit: HasPath): boolean {
	return hasRoleAt(actor, PEOPLE_READERS, unit.path);
}

/** Only administrators add, change and remove people (and import them). */
export function canManagePeople(actor: Actor, unit: HasPath): boolean {
	return hasRoleAt(actor, ADMIN, unit.path);
}

/** Administrators of a node grant and revoke roles on it and below, and read those grants. */
export function canManageGrants(actor: Actor, node: HasPath): boolean {
	return hasRoleAt(actor, ADMIN, node.path);
}

/** Imports of units and people are an administrator's work. */
export function canImportInto(actor: Actor, node: HasPath): boolean {
	return hasRoleAt(actor, ADMIN, node.path);
}
