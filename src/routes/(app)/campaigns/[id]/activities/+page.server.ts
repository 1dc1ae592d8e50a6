import { isAppError } from '$lib/server/core/errors';
import { orPageError } from '$lib/server/core/http';
import { listActivityFormChoices, listCampaignActivities } from '$lib/server/activities/service';
import { isPublicCampaignStatus } from '$lib/features/campaigns/types';
import { campaignReference } from '$lib/features/campaigns/format';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { db, actor } = locals;
	const { campaign, items } = await orPageError(() => listCampaignActivities(db, actor, params.id));
	const canCreate = await listActivityFormChoices(db, actor, campaign.id, { places: false }).then(
		() => true,
		(e) => {
			if (isAppError(e) && (e.code === 'FORBIDDEN' || e.code === 'NOT_FOUND')) return false;
			throw e;
		}
	);
	return {
		campaign: { id: campaign.id, title: campaign.title, reference: campaignReference(campaign), orgName: campaign.orgName, isPublic: isPublicCampaignStatus(campaign.status) },
		items: items.map((c) => ({
			id: c.activity.id,
			title: c.activity.title,
			type: c.activity.type,
			mode: c.activity.mode,
			onlineOnly: c.activity.onlineOnly,
			status: c.activity.status,
			startsAt: c.activity.startsAt,
			endsAt: c.activity.endsAt,
			capacity: c.activity.capacity,
			hostName: c.hostName,
			registered: c.registered,
			waitlisted: c.waitlisted,
			canManage: c.canManage,
			// The door (check-in, roster) is its host unit's staff's as well as its managers'.
			canStaff: c.canStaff
		})),
		canCreate
	};
};
