import { orPageError } from '$lib/server/core/http';
import { computeCampaignStatistics } from '$lib/server/reports/service';
import { getCampaign } from '$lib/server/campaigns/service';
import type { PageServerLoad } from './$types';

// The campaign's dashboard: its figures as server-drawn charts, for the back office of its node.
export const load: PageServerLoad = async ({ locals, params }) => {
	const campaign = await orPageError(() => getCampaign(locals.db, locals.actor, params.id));
	const stats = await orPageError(() => computeCampaignStatistics(locals.db, locals.actor, params.id));
	return { campaign: { id: campaign.id, title: campaign.title, orgName: campaign.orgName }, stats };
};
