import { redirect } from '@sveltejs/kit';
import { failForm, formValues, orPageError } from '$lib/server/core/http';
import { getPostToReport, reportPost } from '$lib/server/community/service';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => orPageError(() => getPostToReport(locals.db, locals.actor, params.id));

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		let threadId: string;
		try {
			threadId = (await getPostToReport(locals.db, locals.actor, params.id)).thread.id;
			await reportPost(locals.db, locals.actor, params.id, { reason: values.reason as string });
		} catch (e) {
			return failForm(e, values);
		}
		redirect(303, localizeHref(`/forums/threads/${threadId}?notice=reported`));
	}
};
