// What the activity form offers the actor: the units it may host an activity for, the partners of
// the campaign's organisation, and the places. Offering is not allowing: createActivity and
// updateActivity check every choice again when the form is sent.
import type { Db } from '../../db/types';
import type { Actor } from '../../auth/actor';
import { listOrgTree } from '../../org/service';
import { listPartners, partnersOfActor } from '../../partners/service';
import { listAdminUnits, type AdminUnitRow } from '../../localities/service';
import type { CampaignDetail } from '../../campaigns/service';
import { canCreateActivity } from '../policy';
import { ACTIVITIES_SYSTEM, loadCampaign } from './activity-context';
import { refuseCreate } from './manage-activity';

export interface ActivityFormChoices {
	campaign: CampaignDetail;
	/** Units under the campaign's node, in tree order; id '' is the campaign's own organisation. */
	hostUnits: Array<{ id: string; name: string; depth: number }>;
	/** Partners of the campaign's organisation that the actor may read, by name. */
	partners: Array<{ id: string; name: string }>;
	/** The partner a partner's account acts for, to pre-select. */
	ownPartnerId: string | null;
	/** Places, by name (empty when not asked for). */
	adminUnits: AdminUnitRow[];
}

/**
 * The choices of the activity form of a campaign for the actor: the host units where it plans
 * (coordinators, unit leaders) — the campaign's own organisation also for a partner's account, whose
 * training classes it hosts — the partners and, unless `places: false`, the administrative units.
 * NOT_FOUND for a campaign the actor may not read; FORBIDDEN when it may plan no activity there.
 */
export async function listActivityFormChoices(db: Db, actor: Actor, campaignId: string, options: { places?: boolean } = {}): Promise<ActivityFormChoices> {
	const campaign = await loadCampaign(db, campaignId);
	const partners = await listPartners(db, actor, campaign.orgId);
	const own = (await partnersOfActor(db, actor)).filter((p) => partners.some((x) => x.id === p.id));
	// A partner's own node is where its accounts act, not a unit that hosts activities.
	const partnerNodes = new Set(partners.map((p) => p.nodeId));
	const plans = (path: string) => canCreateActivity(actor, { campaignOrgPath: campaign.orgPath, hostUnitPath: path, type: 'seminar', partnerNodePath: null });
	const tree = await listOrgTree(db, ACTIVITIES_SYSTEM, { rootId: campaign.orgId });
	const hostUnits = tree
		.filter((n) => !partnerNodes.has(n.id) && (plans(n.path) || (n.id === campaign.orgId && own.length > 0)))
		.map((n) => ({ id: n.id === campaign.orgId ? '' : n.id, name: n.name, depth: n.depth }));
	if (!hostUnits.length) refuseCreate(actor, campaign);
	return {
		campaign,
		hostUnits,
		partners: partners.map((p) => ({ id: p.id, name: p.name })),
		ownPartnerId: own[0]?.id ?? null,
		adminUnits: options.places === false ? [] : await listAdminUnits(db)
	};
}
