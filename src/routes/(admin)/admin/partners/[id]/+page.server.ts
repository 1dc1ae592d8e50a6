import { randomUUID } from 'node:crypto';
import { fail, redirect } from '@sveltejs/kit';
import { failForm, formValues, orPageError } from '$lib/server/core/http';
import { runOnce } from '$lib/server/idempotency/service';
import { addPartnerContact, getPartner, listSponsorshipCampaigns, recordSponsorship, removePartnerContact } from '$lib/server/partners/service';
import type { PartnerContactInput, SponsorshipInput } from '$lib/features/partners/inputs';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { db, actor } = locals;
	const detail = await orPageError(() => getPartner(db, actor, params.id));
	const campaigns = detail.can.recordSponsorship ? await orPageError(() => listSponsorshipCampaigns(db, actor, params.id)) : [];
	return {
		...detail,
		campaigns: campaigns.map((c) => ({ value: c.id, label: `${c.title} — ${c.orgName}` })),
		notice: url.searchParams.get('notice'),
		// A second post of the sponsorship form (a double click, a resend) records nothing more.
		requestKey: randomUUID()
	};
};

/** Runs a form's use case and comes back to the page with a notice, or answers with what failed and which form it came from. */
async function act(action: string, event: { request: Request; params: { id: string } }, run: (values: Record<string, unknown>) => Promise<unknown>) {
	const values = formValues(await event.request.formData());
	try {
		await run(values);
	} catch (e) {
		const failure = failForm(e, values);
		return fail(failure.status, { ...failure.data, action });
	}
	redirect(303, localizeHref(`/admin/partners/${event.params.id}?notice=${action}`));
}

export const actions: Actions = {
	addContact: (event) => act('addContact', event, (v) => addPartnerContact(event.locals.db, event.locals.actor, event.params.id, v as PartnerContactInput)),
	removeContact: (event) => act('removeContact', event, (v) => removePartnerContact(event.locals.db, event.locals.actor, event.params.id, String(v.contactId ?? ''))),
	sponsor: (event) =>
		act('sponsor', event, (v) =>
			runOnce(event.locals.db, event.locals.actor, { key: String(v.requestKey ?? ''), scope: 'partners.sponsorship' }, (tx) =>
				recordSponsorship(tx, event.locals.actor, { ...(v as SponsorshipInput), partnerId: event.params.id })
			)
		)
};
