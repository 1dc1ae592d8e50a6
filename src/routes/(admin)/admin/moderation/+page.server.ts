import { redirect } from '@sveltejs/kit';
import { failAction, formValues, orPageError } from '$lib/server/core/http';
import { dismissReports, liftSuspension, listModerationQueue, setPostHidden, suspendAuthor } from '$lib/server/community/service';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => ({
	...(await orPageError(() => listModerationQueue(locals.db, locals.actor))),
	notice: url.searchParams.get('notice')
});

const done = (notice: string) => localizeHref(`/admin/moderation?notice=${notice}`);

export const actions: Actions = {
	hide: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		try {
			await setPostHidden(locals.db, locals.actor, String(values.postId ?? ''), true, { reason: String(values.reason ?? '') });
		} catch (e) {
			return failAction('hide', e, values);
		}
		redirect(303, done('hidden'));
	},
	dismiss: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		try {
			await dismissReports(locals.db, locals.actor, String(values.postId ?? ''));
		} catch (e) {
			return failAction('dismiss', e, values);
		}
		redirect(303, done('dismissed'));
	},
	suspend: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		try {
			await suspendAuthor(locals.db, locals.actor, String(values.postId ?? ''), { until: values.until as string, reason: values.reason as string });
		} catch (e) {
			return failAction('suspend', e, values);
		}
		redirect(303, done('suspended'));
	},
	lift: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		try {
			await liftSuspension(locals.db, locals.actor, String(values.suspensionId ?? ''));
		} catch (e) {
			return failAction('lift', e, values);
		}
		redirect(303, done('lifted'));
	}
};
