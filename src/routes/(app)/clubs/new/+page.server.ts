import { randomUUID } from 'node:crypto';
import { error, redirect } from '@sveltejs/kit';
import { runOnce } from '$lib/server/idempotency/service';
import { failForm, formValues, translate } from '$lib/server/core/http';
import { createClub, listClubOrgOptions } from '$lib/server/community/service';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const orgOptions = await listClubOrgOptions(locals.db, locals.actor);
	if (!orgOptions.length) error(403, { message: translate('errors_forbidden'), code: 'FORBIDDEN' });
	return { orgOptions, requestKey: randomUUID() };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		let id: string;
		try {
			id = (await runOnce(locals.db, locals.actor, { key: String(values.requestKey ?? ''), scope: 'community.club' }, (tx) => createClub(tx, locals.actor, { name: values.name as string, description: values.description as string, orgId: values.orgId as string }))).id;
		} catch (e) {
			return failForm(e, values);
		}
		redirect(303, localizeHref(`/clubs/${id}`));
	}
};
