// What the partners use cases load first: a partner with its agency and its own node, the facts the
// policy decides on, and the organisations an actor's roles reach. Other domains are read as the
// system; the partners policy decides.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { systemActor, type Actor, type Role } from '../../auth/actor';
import { findOrgNode, listOrgTree, type OrgNodeRow } from '../../org/service';
import { listCampaigns } from '../../campaigns/service';
import type { CampaignSummary } from '$lib/features/campaigns/types';
import { canManagePartner, canReadPartner, type PartnerResource } from '../policy';
import { selectPartner } from '../queries';
import type { PartnerRow } from '../tables';

/** The partners domain reads organisations and campaigns as the system, after its own policy. */
export const PARTNERS_SYSTEM = systemActor('partners');

/** A partner with its agency and node. */
export interface PartnerContext {
	partner: PartnerRow;
	agency: OrgNodeRow;
	node: OrgNodeRow;
	resource: PartnerResource;
}

/** Loads a partner with its agency and node; NOT_FOUND when it does not exist. `lock` holds the row (inside a transaction). */
export async function loadPartnerContext(db: Db, id: string, options: { lock?: boolean } = {}): Promise<PartnerContext> {
	const partner = await selectPartner(db, id, options);
	const agency = partner && (await findOrgNode(db, partner.orgId));
	const node = partner && (await findOrgNode(db, partner.nodeId));
	if (!partner || !agency || !node) throw new AppError('NOT_FOUND');
	return { partner, agency, node, resource: { agencyPath: agency.path, nodePath: node.path } };
}

/** The partner if the actor may read it; NOT_FOUND otherwise, so another agency's partners do not betray their existence. */
export async function requireReadablePartner(db: Db, actor: Actor, id: string): Promise<PartnerContext> {
	const ctx = await loadPartnerContext(db, id);
	if (!canReadPartner(actor, ctx.resource)) throw new AppError('NOT_FOUND');
	return ctx;
}

/** The partner if the actor may change it: NOT_FOUND when it may not even read it, FORBIDDEN when it may read but not change. */
export async function requireManagedPartner(db: Db, actor: Actor, id: string): Promise<PartnerContext> {
	const ctx = await requireReadablePartner(db, actor, id);
	if (!canManagePartner(actor, ctx.resource)) throw new AppError('FORBIDDEN');
	return ctx;
}

/** The nodes at or under the nodes where the actor holds one of `roles` (every node for the system): list queries filter by their ids. */
export async function nodesReachedBy(db: Db, actor: Actor, roles: readonly Role[]): Promise<OrgNodeRow[]> {
	if (actor.kind === 'system') return listOrgTree(db, actor);
	const grants = actor.grants.filter((g) => roles.includes(g.role));
	return grants.length ? listOrgTree(db, { ...actor, grants }) : [];
}

/** What the audit log keeps of a partner. */
export function partnerAuditView(p: PartnerRow) {
	return { orgId: p.orgId, nodeId: p.nodeId, kind: p.kind, name: p.name, website: p.website, description: p.description };
}

/** The campaigns of the agency and the nodes below it, by id: the ones its partners may sponsor. */
export async function campaignsOfAgency(db: Db, agencyId: string): Promise<Map<string, CampaignSummary>> {
	return new Map((await listCampaigns(db, PARTNERS_SYSTEM, { orgId: agencyId })).map((c) => [c.id, c]));
}
