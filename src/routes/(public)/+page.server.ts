import { listPublicCampaigns } from '$lib/server/campaigns/service';
import { now } from '$lib/server/core/clock';
import { campaignPhase, campaignReference } from '$lib/features/campaigns/format';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const today = now();
	const campaigns = (await listPublicCampaigns(locals.db)).map((c) => ({
		id: c.id,
		title: c.title,
		orgName: c.orgName,
		reference: campaignReference(c),
		startsOn: c.startsOn,
		endsOn: c.endsOn,
		status: c.status,
		phase: campaignPhase(c.startsOn, c.endsOn, today)
	}));
	return {
		// Upcoming first by the nearest start; running ones before them.
		current: campaigns.filter((c) => c.phase.phase !== 'ended').sort((a, b) => a.startsOn.localeCompare(b.startsOn)),
		past: campaigns.filter((c) => c.phase.phase === 'ended')
	};
};
