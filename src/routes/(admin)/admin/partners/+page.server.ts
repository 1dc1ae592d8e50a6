import { randomUUID } from 'node:crypto';
import { fail, redirect } from '@sveltejs/kit';
import { failForm, formValues } from '$lib/server/core/http';
import { runOnce } from '$lib/server/idempotency/service';
import { createPartner, listPartnerAgencyOptions, listPartners } from '$lib/server/partners/service';
import { partnerFormToInput } from '$lib/features/partners/inputs';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const { db, actor } = locals;
	return {
		partners: await listPartners(db, actor),
		agencies: await listPartnerAgencyOptions(db, actor),
		// A second post of the form (a double click, a resend) adds nothing more.
		requestKey: randomUUID()
	};
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		let id: string;
		try {
			const input = partnerFormToInput(values);
			const key = { key: String(values.requestKey ?? ''), scope: 'partners.create' };
			id = (await runOnce(locals.db, locals.actor, key, (tx) => createPartner(tx, locals.actor, String(values.orgId ?? ''), input))).id;
		} catch (e) {
			const failure = failForm(e, values);
			return fail(failure.status, failure.data);
		}
		redirect(303, localizeHref(`/admin/partners/${id}?notice=created`));
	}
};
