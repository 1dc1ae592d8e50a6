import { randomUUID } from 'node:crypto';
import { redirect } from '@sveltejs/kit';
import { failForm, formValues } from '$lib/server/core/http';
import { createContest, listCampaignsForContests } from '$lib/server/creative/service';
import { runOnce } from '$lib/server/idempotency/service';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const campaigns = await listCampaignsForContests(locals.db, locals.actor);
	return { campaigns, campaignId: url.searchParams.get('campaign') ?? campaigns[0]?.id ?? '', requestKey: randomUUID() };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const values: Record<string, unknown> = { ...formValues(form), entryTypes: form.getAll('entryTypes').map(String) };
		let id: string;
		try {
			const key = { key: String(values.requestKey ?? ''), scope: 'creative-contest-create' };
			id = (await runOnce(locals.db, locals.actor, key, (tx) => createContest(tx, locals.actor, String(values.campaignId ?? ''), values))).id;
		} catch (e) {
			return failForm(e, values);
		}
		redirect(303, localizeHref(`/admin/creative-contests/${id}?notice=created`));
	}
};
