import { orPageError } from '$lib/server/core/http';
import { getLearningReport, listLibraryOrgs, LEARNING_READERS } from '$lib/server/library/service';
import { listCampaigns } from '$lib/server/campaigns/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const orgs = await listLibraryOrgs(locals.db, locals.actor, LEARNING_READERS);
	const orgId = url.searchParams.get('org') || orgs[0]?.id || '';
	const campaignId = url.searchParams.get('campaign') || null;
	const report = await orPageError(() => getLearningReport(locals.db, locals.actor, orgId, { campaignId }));
	const campaigns = await listCampaigns(locals.db, locals.actor).catch(() => []);
	return { orgs: orgs.map((o) => ({ id: o.id, name: o.name })), orgId, campaignId, campaigns: campaigns.map((c) => ({ id: c.id, title: `${c.title} (${c.year})` })), report };
};
