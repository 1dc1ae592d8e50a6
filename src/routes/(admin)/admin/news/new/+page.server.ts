import { redirect } from '@sveltejs/kit';
import { failForm, formValues } from '$lib/server/core/http';
import { createPost, listNewsEditorOptions } from '$lib/server/news/service';
import { localizeHref } from '$lib/paraglide/runtime';
import { coverFromForm } from '$lib/features/news/inputs';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ options: await listNewsEditorOptions(locals.db, locals.actor) });

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const values = formValues(form);
		let id: string;
		try {
			id = (await createPost(locals.db, locals.actor, String(values.unitId ?? ''), values, await coverFromForm(form))).id;
		} catch (e) {
			return failForm(e, values);
		}
		redirect(303, localizeHref(`/admin/news/${id}?notice=saved`));
	}
};
