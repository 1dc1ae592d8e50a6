import { redirect } from '@sveltejs/kit';
import { failForm, formValues, orPageError } from '$lib/server/core/http';
import { findMyRecord, getResource, recordLearning } from '$lib/server/library/service';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const resource = await orPageError(() => getResource(locals.db, locals.actor, params.id));
	const record = await findMyRecord(locals.db, locals.actor, params.id);
	return { resource, record: record ? { status: record.status, minutes: record.minutes, reflection: record.reflection } : null, signedIn: locals.actor.kind === 'user', notice: url.searchParams.get('notice') };
};

export const actions: Actions = {
	record: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await recordLearning(locals.db, locals.actor, params.id, { status: values.status as never, minutes: values.minutes as string, reflection: values.reflection as string });
		} catch (e) {
			return failForm(e, values);
		}
		redirect(303, localizeHref(`/library/${params.id}?notice=recorded`));
	}
};
