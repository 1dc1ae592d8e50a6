// Reading campaigns: the public site's and the back office's views, each filtered by the policy.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { systemActor, type Actor } from '../../auth/actor';
import { foldVietnamese } from '../../../vn/text';
import { findOrgNode, listOrgAncestors, listOrgNodesByIds, listOrgTree, type OrgNodeRow } from '../../org/service';
import { CAMPAIGN_ACTION_ROLES, canListCampaigns, canReadCampaign, PUBLIC_STATUSES } from '../policy';
import { selectCampaign, selectCampaignList, selectCampaignSummaries, selectChildCampaigns, type CampaignSummaryRow } from '../queries';
import type { CampaignRow } from '../tables';
import type { CampaignStatus, CampaignSummary } from '../../../features/campaigns/types';

/** A campaign row with the node it belongs to. */
export type CampaignWithOrg = CampaignRow & { orgPath: string; orgName: string; orgShortCode: string };

/** A summary with its node's path, so the policy can be applied to each. */
export type CampaignSummaryWithPath = CampaignSummary & { orgPath: string };

/** A campaign with its node, the campaign it implements, its children and the campaigns its legal bases cite (those the actor may read). */
export interface CampaignDetail extends CampaignWithOrg {
	parent: CampaignSummary | null;
	children: CampaignSummary[];
	/** Campaigns cited by `legalBases` (kind 'campaign'), by id. */
	linkedCampaigns: Record<string, CampaignSummary>;
}

function toSummary(row: CampaignSummaryWithPath): CampaignSummary {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { orgPath, ...summary } = row;
	return summary;
}

/** Puts each row's node (path, name, code) beside it; rows whose node is gone are dropped. */
async function withOrgs(db: Db, rows: CampaignSummaryRow[], known?: Map<string, OrgNodeRow>): Promise<CampaignSummaryWithPath[]> {
	const nodes = known ?? new Map((await listOrgNodesByIds(db, rows.map((r) => r.orgId))).map((n) => [n.id, n]));
	return rows.flatMap((r) => {
		const org = nodes.get(r.orgId);
		return org ? [{ ...r, orgName: org.name, orgShortCode: org.shortCode, orgPath: org.path }] : [];
	});
}

/** Campaign summaries by id with their nodes, whoever may read them (the caller applies the policy). */
export async function loadCampaignSummaries(db: Db, ids: string[]): Promise<CampaignSummaryWithPath[]> {
	return withOrgs(db, await selectCampaignSummaries(db, [...new Set(ids)]));
}

/** The campaign if the actor may read it; NOT_FOUND otherwise, so drafts do not betray their existence. */
export async function loadReadableCampaign(db: Db, actor: Actor, id: string): Promise<CampaignWithOrg> {
	const row = await selectCampaign(db, id);
	const org = row && (await findOrgNode(db, row.orgId));
	if (!row || !org || !canReadCampaign(actor, { orgPath: org.path, status: row.status })) throw new AppError('NOT_FOUND');
	return { ...row, orgPath: org.path, orgName: org.name, orgShortCode: org.shortCode };
}

/** Reads one campaign with its parent, children and cited campaigns; refuses (NOT_FOUND) a draft, submitted or approved plan to anyone but the administrators, coordinators, unit leaders and supervisors of its node or above. */
export async function getCampaign(db: Db, actor: Actor, id: string): Promise<CampaignDetail> {
	const row = await loadReadableCampaign(db, actor, id);
	const linkedIds = row.legalBases.filter((b) => b.kind === 'campaign' && b.campaignId).map((b) => b.campaignId as string);
	const related = await loadCampaignSummaries(db, [...(row.parentId ? [row.parentId] : []), ...linkedIds]);
	const readable = new Map(related.filter((r) => canReadCampaign(actor, r)).map((r) => [r.id, toSummary(r)]));
	return {
		...row,
		parent: (row.parentId && readable.get(row.parentId)) || null,
		children: await readableChildren(db, actor, row.id),
		linkedCampaigns: Object.fromEntries(linkedIds.filter((cid) => readable.has(cid)).map((cid) => [cid, readable.get(cid)!]))
	};
}

async function readableChildren(db: Db, actor: Actor, parentId: string): Promise<CampaignSummary[]> {
	const children = await withOrgs(db, await selectChildCampaigns(db, parentId));
	return children
		.filter((c) => canReadCampaign(actor, c))
		.sort((a, b) => b.year - a.year || a.orgPath.localeCompare(b.orgPath))
		.map(toSummary);
}

/** Lists the campaigns that implement `parentId` with their status and node, those the actor may read; refuses (NOT_FOUND) a parent the actor may not read. */
export async function listChildCampaigns(db: Db, actor: Actor, parentId: string): Promise<CampaignSummary[]> {
	await loadReadableCampaign(db, actor, parentId);
	return readableChildren(db, actor, parentId);
}

const depth = (path: string) => path.split('/').length;

/**
 * Lists the issued, running and closed campaigns of every node for the public site, newest first
 * (a parent's plan before its children's); `year` and `q` (words of the title, themes, number or
 * node name, diacritics and case ignored) narrow it. Refuses nothing: drafts are simply not there.
 */
export async function listPublicCampaigns(db: Db, options: { limit?: number; year?: number; q?: string } = {}): Promise<CampaignSummary[]> {
	const q = options.q ? foldVietnamese(options.q) : '';
	const matchingOrgs = q ? (await listOrgTree(db, systemActor('campaigns'))).filter((n) => n.searchText.includes(q)).map((n) => n.id) : undefined;
	const rows = await withOrgs(
		db,
		await selectCampaignList(db, {
			orgIds: 'all',
			statuses: PUBLIC_STATUSES,
			year: options.year,
			q: q || undefined,
			orMatchingOrgIds: matchingOrgs,
			limit: Math.min(options.limit ?? 100, 500)
		})
	);
	return rows.sort((a, b) => b.startsOn.localeCompare(a.startsOn) || depth(a.orgPath) - depth(b.orgPath)).map(toSummary);
}

export interface CampaignListOptions {
	/** Only campaigns of this node and the nodes below it. */
	orgId?: string;
	status?: CampaignStatus;
	/** Words of the title, themes, number or node name; diacritics and case do not matter. */
	q?: string;
	year?: number;
}

/** The nodes under which the actor reads every campaign (each back-office grant's subtree; every node for the system). */
async function readableNodes(db: Db, actor: Actor): Promise<OrgNodeRow[]> {
	const system = systemActor('campaigns');
	if (actor.kind === 'system') return listOrgTree(db, system);
	const roots = [...new Set(actor.grants.filter((g) => CAMPAIGN_ACTION_ROLES.read.includes(g.role)).map((g) => g.orgId))];
	const nodes = new Map<string, OrgNodeRow>();
	for (const rootId of roots) {
		const subtree = await listOrgTree(db, system, { rootId }).catch((e: unknown) => {
			// A grant on a node deleted since the session began scopes nothing.
			if (e instanceof AppError && e.code === 'NOT_FOUND') return [];
			throw e;
		});
		for (const n of subtree) nodes.set(n.id, n);
	}
	return [...nodes.values()];
}

/** Lists, for the back office, every campaign at or below the nodes where the actor is administrator, coordinator, unit leader or supervisor, newest first; refuses anonymous visitors (UNAUTHENTICATED) and every other role (FORBIDDEN). */
export async function listCampaigns(db: Db, actor: Actor, options: CampaignListOptions = {}): Promise<CampaignSummary[]> {
	if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
	if (!canListCampaigns(actor)) throw new AppError('FORBIDDEN');
	let nodes = await readableNodes(db, actor);
	if (options.orgId) {
		const under = nodes.find((n) => n.id === options.orgId);
		nodes = under ? nodes.filter((n) => n.path.startsWith(under.path)) : [];
	}
	const q = options.q ? foldVietnamese(options.q) : '';
	const rows = await selectCampaignList(db, {
		orgIds: nodes.map((n) => n.id),
		statuses: options.status ? [options.status] : undefined,
		year: options.year,
		q: q || undefined,
		orMatchingOrgIds: q ? nodes.filter((n) => n.searchText.includes(q)).map((n) => n.id) : undefined,
		limit: 500
	});
	return (await withOrgs(db, rows, new Map(nodes.map((n) => [n.id, n])))).map(toSummary);
}

/** Lists the campaigns the actor may read on the nodes above `orgId`: the choices for a campaign's parent; refuses an unknown node (NOT_FOUND). */
export async function listParentCandidates(db: Db, actor: Actor, orgId: string): Promise<CampaignSummary[]> {
	const org = await findOrgNode(db, orgId);
	if (!org) throw new AppError('NOT_FOUND');
	const ancestors = (await listOrgAncestors(db, org)).filter((n) => n.id !== org.id);
	if (!ancestors.length) return [];
	const rows = await selectCampaignList(db, { orgIds: ancestors.map((n) => n.id), limit: 500 });
	return (await withOrgs(db, rows, new Map(ancestors.map((n) => [n.id, n])))).filter((r) => canReadCampaign(actor, r)).map(toSummary);
}
