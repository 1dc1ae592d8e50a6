import { CAMPAIGN_ACTION_ROLES, listCampaigns } from '$lib/server/campaigns/service';
import { hasRoleAnywhere } from '$lib/server/auth/actor';
import { orPageError, translate, zodFieldErrors } from '$lib/server/core/http';
import { campaignListQuery } from '$lib/features/campaigns/inputs';
import { campaignReference } from '$lib/features/campaigns/format';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const raw = { status: url.searchParams.get('status') ?? '', year: url.searchParams.get('year') ?? '', q: url.searchParams.get('q') ?? '' };
	const parsed = campaignListQuery.safeParse(raw);
	// A bad filter is named beside its field and left out; the list still shows.
	const errors: Record<string, string> = parsed.success ? {} : Object.fromEntries(Object.entries(zodFieldErrors(parsed.error)).map(([k, v]) => [k, translate(v)]));
	const filter = parsed.success ? parsed.data : campaignListQuery.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, errors[k] ? '' : v])));
	const items = await orPageError(() => listCampaigns(locals.db, locals.actor, filter));
	return {
		filter: raw,
		errors,
		canCreate: hasRoleAnywhere(locals.actor, CAMPAIGN_ACTION_ROLES.create),
		items: items.map((c) => ({ id: c.id, title: c.title, orgName: c.orgName, year: c.year, reference: campaignReference(c), startsOn: c.startsOn, endsOn: c.endsOn, status: c.status }))
	};
};
