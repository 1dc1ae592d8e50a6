import { getCampaign, CAMPAIGN_ACTION_ROLES } from '$lib/server/campaigns/service';
import { listOrgAncestors } from '$lib/server/org/service';
import { hasRoleAt } from '$lib/server/auth/actor';
import { now } from '$lib/server/core/clock';
import { orPageError } from '$lib/server/core/http';
import { toCampaignJson } from '$lib/features/campaigns/api';
import { campaignPhase } from '$lib/features/campaigns/format';
import { isPublicCampaignStatus } from '$lib/features/campaigns/types';
import type { PageServerLoad } from './$types';

// Visitors read issued, running and closed plans; a draft answers 404 to them and is a preview
// for the back-office roles of its node.
export const load: PageServerLoad = async ({ locals, params }) => {
	const { db, actor } = locals;
	const detail = await orPageError(() => getCampaign(db, actor, params.id));
	const ancestors = await listOrgAncestors(db, { path: detail.orgPath });
	const today = now();
	return {
		campaign: toCampaignJson(detail),
		governingBody: ancestors.at(-2)?.name ?? '',
		phase: campaignPhase(detail.startsOn, detail.endsOn, today),
		children: detail.children.map((c) => ({ ...c, phase: campaignPhase(c.startsOn, c.endsOn, today) })),
		isPublic: isPublicCampaignStatus(detail.status),
		canManage: hasRoleAt(actor, CAMPAIGN_ACTION_ROLES.read, detail.orgPath)
	};
};
