import { randomUUID } from 'node:crypto';
import { redirect } from '@sveltejs/kit';
import { failForm, formValues, orPageError, translate } from '$lib/server/core/http';
import { createActivity, listActivityFormChoices } from '$lib/server/activities/service';
import { runOnce } from '$lib/server/idempotency/service';
import { groupPlacesByProvince, hostUnitOptions } from '$lib/features/activities/form-options';
import { campaignReference } from '$lib/features/campaigns/format';
import type { ActivityInput } from '$lib/features/activities/inputs';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const choices = await orPageError(() => listActivityFormChoices(locals.db, locals.actor, params.id));
	const c = choices.campaign;
	return {
		campaign: { id: c.id, title: c.title, reference: campaignReference(c), orgName: c.orgName },
		hostUnits: hostUnitOptions(choices.hostUnits),
		partners: choices.partners.map((p) => ({ value: p.id, label: p.name })),
		places: groupPlacesByProvince(choices.adminUnits, translate('activities_place_other')),
		// A partner's account plans its own training classes; a second post of this form (a double click, a resend) makes no second activity.
		initial: { requestKey: randomUUID(), partnerId: choices.ownPartnerId ?? '', type: choices.ownPartnerId ? 'training_class' : '' }
	};
};

export const actions: Actions = {
	create: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		let id: string;
		try {
			({ id } = await runOnce(locals.db, locals.actor, { key: String(values.requestKey ?? ''), scope: 'activities.create' }, (tx) => createActivity(tx, locals.actor, params.id, values as ActivityInput)));
		} catch (e) {
			return failForm(e, values);
		}
		redirect(303, localizeHref(`/activities/${id}/manage?notice=created`));
	}
};
