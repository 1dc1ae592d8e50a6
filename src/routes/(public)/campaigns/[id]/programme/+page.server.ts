import { getProgramme } from '$lib/server/activities/service';
import { orPageError } from '$lib/server/core/http';
import { programmeQuery, publicActivity } from '$lib/features/activities/format';
import type { PageServerLoad } from './$types';

// The Week's programme for everyone, by day; the filters are a GET form, so a filtered view is a link.
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const filters = programmeQuery(url.searchParams);
	const { campaign, days, total } = await orPageError(() => getProgramme(locals.db, params.id, filters));
	return {
		campaign: { id: campaign.id, title: campaign.title, orgName: campaign.orgName },
		filters,
		filtered: Object.values(filters).some(Boolean),
		total,
		days: days.map((d) => ({
			day: d.day,
			items: d.items.map((c) => ({ activity: publicActivity(c.activity), hostName: c.hostName, placesLeft: c.placesLeft }))
		}))
	};
};
