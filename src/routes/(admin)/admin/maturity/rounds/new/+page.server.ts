import { redirect } from '@sveltejs/kit';
import { failAction, formValues, orPageError } from '$lib/server/core/http';
import { createRound, getMaturityOverview, listEnrollableUnits } from '$lib/server/maturity/service';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

// Step one picks the campaign (a GET form, so the page works without JavaScript); step two its units.
export const load: PageServerLoad = async ({ locals, url }) => {
	const overview = await orPageError(() => getMaturityOverview(locals.db, locals.actor));
	const campaignId = url.searchParams.get('campaignId') ?? '';
	const campaign = overview.campaigns.find((c) => c.id === campaignId) ?? null;
	const units = campaign ? await orPageError(() => listEnrollableUnits(locals.db, locals.actor, campaign.id)) : [];
	return { campaigns: overview.campaigns, frameworks: overview.frameworks, campaign, units };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const values = { ...formValues(form), unitIds: form.getAll('unitIds').map(String) };
		let id: string;
		try {
			id = (await createRound(locals.db, locals.actor, values as never)).id;
		} catch (e) {
			return failAction('create', e, values);
		}
		redirect(303, localizeHref(`/admin/maturity/rounds/${id}?notice=created`));
	}
};
