// Who may keep the list of administrative units and declare social distancing. Pure: no I/O.
// The units and the orders are public reference data: anyone reads them.
import { hasRoleAnywhere, hasRoleAt, type Actor, type Role } from '../auth/actor';

/** Administrators keep the list of units: codes and names change with each reform (DOMAIN-VN §6.1). */
export const ADMIN_UNIT_KEEPERS: readonly Role[] = ['administrator'];

/** Coordinators and administrators record the distancing orders the authorities issue (M6). */
export const DISTANCING_DECLARERS: readonly Role[] = ['coordinator', 'administrator'];

/** An administrator of any node adds and edits administrative units. */
export function canManageAdminUnits(actor: Actor): boolean {
	return hasRoleAnywhere(actor, ADMIN_UNIT_KEEPERS);
}

/** A coordinator or administrator of any node declares and lifts distancing orders. */
export function canDeclareDistancing(actor: Actor): boolean {
	return hasRoleAnywhere(actor, DISTANCING_DECLARERS);
}

/** True when the actor may record an order in the name of the node at `orgPath` (the role held there or above). */
export function canDeclareDistancingFor(actor: Actor, orgPath: string): boolean {
	return hasRoleAt(actor, DISTANCING_DECLARERS, orgPath);
}

/** The nodes on which the actor holds a declaring role, first grant first, each once: the default is the first. */
export function distancingOrgChoices(actor: Actor): Array<{ orgId: string; orgPath: string }> {
	const choices = new Map<string, { orgId: string; orgPath: string }>();
	for (const g of actor.grants) if (DISTANCING_DECLARERS.includes(g.role) && !choices.has(g.orgId)) choices.set(g.orgId, { orgId: g.orgId, orgPath: g.orgPath });
	return [...choices.values()];
}
