// The coordinators' starting page: the shipped templates, their frameworks and rounds, and the
// choices the forms need (nodes to copy onto, campaigns to open a round on, units to enrol).
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import type { Actor } from '../../auth/actor';
import { listCampaigns } from '../../campaigns/service';
import { vietnameseCollator } from '$lib/vn/text';
import { canManageRound, MATURITY_COORDINATORS, MATURITY_ROUND_READERS } from '../policy';
import { listFrameworks, listTemplates, type FrameworkListItem } from './frameworks';
import { listRounds, type RoundListItem } from './rounds';
import { allOrgNodes, loadCampaign, MATURITY_SYSTEM, orgsInScope } from './maturity-context';

export interface MaturityOverview {
	templates: Array<{ key: string; name: string; description: string; source: string }>;
	frameworks: FrameworkListItem[];
	rounds: RoundListItem[];
	/** Nodes the actor coordinates: where a template may be copied. */
	orgs: Array<{ id: string; name: string }>;
	/** Campaigns the actor coordinates: where a round may be opened. */
	campaigns: Array<{ id: string; title: string; year: number; orgName: string }>;
}

/** What the coordinators' page shows. Refuses anyone who neither coordinates nor supervises (FORBIDDEN). */
export async function getMaturityOverview(db: Db, actor: Actor): Promise<MaturityOverview> {
	const readable = await orgsInScope(db, actor, MATURITY_ROUND_READERS);
	if (!readable.length) throw new AppError('FORBIDDEN');
	const coordinated = await orgsInScope(db, actor, MATURITY_COORDINATORS);
	const campaigns = new Map<string, MaturityOverview['campaigns'][number]>();
	for (const o of coordinated) {
		for (const c of await listCampaigns(db, MATURITY_SYSTEM, { orgId: o.id })) campaigns.set(c.id, { id: c.id, title: c.title, year: c.year, orgName: c.orgName });
	}
	return {
		templates: listTemplates().map(({ key, name, description, source }) => ({ key, name, description, source })),
		frameworks: coordinated.length ? await listFrameworks(db, actor) : [],
		rounds: await listRounds(db, actor),
		orgs: coordinated.map((o) => ({ id: o.id, name: o.name })),
		campaigns: [...campaigns.values()].sort((a, b) => b.year - a.year || vietnameseCollator.compare(a.title, b.title))
	};
}

/** The units a round on a campaign may enrol (nodes below its node). Refuses anyone but its coordinators (FORBIDDEN; NOT_FOUND for an unknown campaign). */
export async function listEnrollableUnits(db: Db, actor: Actor, campaignId: string): Promise<Array<{ id: string; name: string }>> {
	const campaign = await loadCampaign(db, campaignId);
	if (!canManageRound(actor, { orgPath: campaign.orgPath })) throw new AppError('FORBIDDEN');
	return (await allOrgNodes(db)).filter((n) => n.path.startsWith(campaign.orgPath) && n.path !== campaign.orgPath).map((n) => ({ id: n.id, name: n.name }));
}
