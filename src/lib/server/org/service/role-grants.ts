import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { recordAudit } from '../../audit/service';
import { ROLES, type Actor, type Grant } from '../../auth/actor';
import { vietnameseCollator } from '$lib/vn/text';
import { grantRoleInput, type GrantRoleInput } from '$lib/features/org/inputs';
import { canManageGrants, orgScope } from '../policy';
import { deleteGrantRow, insertGrant, isForeignKeyViolation, isUniqueViolation, selectGrant, selectGrantById, selectGrantsInScope, selectGrantsOfUser, userExists, type GrantWithNames } from '../queries';
import type { RoleGrantRow } from '../tables';
import { parseInput, requireVisibleNode } from './org-nodes';

export type { GrantWithNames };

/**
 * Grants `role` on a node to an account; granting what the account already holds returns that
 * grant and changes nothing. Refuses an invisible node (NOT_FOUND), anyone but an administrator of
 * the node (FORBIDDEN) and an unknown account (VALIDATION, userId: field_invalid).
 */
export async function grantRole(db: Db, actor: Actor, input: GrantRoleInput): Promise<RoleGrantRow> {
	const data = parseInput(grantRoleInput, input);
	const node = await requireVisibleNode(db, actor, data.orgId);
	if (!canManageGrants(actor, node)) throw new AppError('FORBIDDEN');
	const existing = await selectGrant(db, data);
	if (existing) return existing;
	if (!(await userExists(db, data.userId))) throw new AppError('VALIDATION', { fields: { userId: 'field_invalid' } });
	try {
		return await db.transaction(async (tx) => {
			const row = await insertGrant(tx, { id: newId(), userId: data.userId, orgId: node.id, role: data.role, grantedBy: actor.userId ?? actor.name ?? actor.kind, createdAt: now() });
			await recordAudit(tx, actor, { orgId: node.id, orgPath: node.path, entity: 'role_grant', entityId: row.id, action: 'create', after: { userId: row.userId, orgId: row.orgId, role: row.role } });
			return row;
		});
	} catch (e) {
		// The same grant sent twice at once: the second finds the first.
		if (isUniqueViolation(e)) return (await selectGrant(db, data))!;
		if (isForeignKeyViolation(e)) throw new AppError('VALIDATION', { fields: { userId: 'field_invalid' } });
		throw e;
	}
}

/** Revokes a grant by id. Refuses a grant on a node the actor cannot see (NOT_FOUND) and anyone but an administrator of that node (FORBIDDEN). */
export async function revokeRole(db: Db, actor: Actor, grantId: string): Promise<void> {
	const grant = await selectGrantById(db, grantId);
	if (!grant) throw new AppError('NOT_FOUND');
	const node = await requireVisibleNode(db, actor, grant.orgId);
	if (!canManageGrants(actor, node)) throw new AppError('FORBIDDEN');
	await db.transaction(async (tx) => {
		await deleteGrantRow(tx, grant.id);
		await recordAudit(tx, actor, { orgId: node.id, orgPath: node.path, entity: 'role_grant', entityId: grant.id, action: 'delete', before: { userId: grant.userId, orgId: grant.orgId, role: grant.role } });
	});
}

/**
 * Lists the grants on the nodes the actor administers (with `orgId`, on that node and below), by
 * node name, role and account name. Refuses an actor who administers nothing, or not that node
 * (FORBIDDEN), and an invisible node (NOT_FOUND).
 */
export async function listGrants(db: Db, actor: Actor, options: { orgId?: string } = {}): Promise<GrantWithNames[]> {
	const scope = orgScope(actor, ['administrator']);
	if (scope !== 'all' && scope.length === 0) throw new AppError('FORBIDDEN');
	let under: string | undefined;
	if (options.orgId) {
		const node = await requireVisibleNode(db, actor, options.orgId);
		if (!canManageGrants(actor, node)) throw new AppError('FORBIDDEN');
		under = node.path;
	}
	const rows = await selectGrantsInScope(db, scope, under);
	return rows.sort(
		(a, b) =>
			a.orgPath.split('/').length - b.orgPath.split('/').length ||
			vietnameseCollator.compare(a.orgName, b.orgName) ||
			ROLES.indexOf(a.role) - ROLES.indexOf(b.role) ||
			vietnameseCollator.compare(a.userName, b.userName) ||
			a.id.localeCompare(b.id)
	);
}

/** The roles an account holds, each with its node's path; no actor check (the auth layer builds the Actor with it). */
export async function loadActorGrants(db: Db, userId: string): Promise<Grant[]> {
	return selectGrantsOfUser(db, userId);
}
