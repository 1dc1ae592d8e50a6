import { redirect } from '@sveltejs/kit';
import { failAction, formValues, orPageError } from '$lib/server/core/http';
import { getPostToModerate, setPostHidden, suspendAuthor } from '$lib/server/community/service';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	...(await orPageError(() => getPostToModerate(locals.db, locals.actor, params.id))),
	notice: url.searchParams.get('notice')
});

export const actions: Actions = {
	hide: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await setPostHidden(locals.db, locals.actor, params.id, values.hidden === 'true');
		} catch (e) {
			return failAction('hide', e, values);
		}
		redirect(303, localizeHref(`/admin/moderation/posts/${params.id}?notice=${values.hidden === 'true' ? 'hidden' : 'shown'}`));
	},
	suspend: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await suspendAuthor(locals.db, locals.actor, params.id, { until: values.until as string, reason: values.reason as string });
		} catch (e) {
			return failAction('suspend', e, values);
		}
		redirect(303, localizeHref(`/admin/moderation/posts/${params.id}?notice=suspended`));
	}
};
