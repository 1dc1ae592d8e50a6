import { redirect } from '@sveltejs/kit';
import { failAction, formValues, orPageError } from '$lib/server/core/http';
import { copyTemplate, getMaturityOverview, MATURITY_ROUND_READERS } from '$lib/server/maturity/service';
import { hasRoleAnywhere } from '$lib/server/auth/actor';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	// A unit's leader or staff fills in the assessment on their own page.
	if (!hasRoleAnywhere(locals.actor, MATURITY_ROUND_READERS) && hasRoleAnywhere(locals.actor, ['unit_leader', 'staff'])) redirect(303, localizeHref('/maturity'));
	return orPageError(() => getMaturityOverview(locals.db, locals.actor));
};

export const actions: Actions = {
	copy: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		let id: string;
		try {
			id = (await copyTemplate(locals.db, locals.actor, values as never)).id;
		} catch (e) {
			return failAction('copy', e, values);
		}
		redirect(303, localizeHref(`/admin/maturity/frameworks/${id}?notice=copied`));
	}
};
