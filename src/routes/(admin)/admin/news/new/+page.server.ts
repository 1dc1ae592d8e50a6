import { randomUUID } from 'node:crypto';
import { redirect } from '@sveltejs/kit';
import { runOnce } from '$lib/server/idempotency/service';
import { failForm, formValues } from '$lib/server/core/http';
import { createPost, listNewsEditorOptions } from '$lib/server/news/service';
import { localizeHref } from '$lib/paraglide/runtime';
import { coverFromForm } from '$lib/features/news/inputs';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ options: await listNewsEditorOptions(locals.db, locals.actor), requestKey: randomUUID() });

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const values = formValues(form);
		let id: string;
		try {
			const cover = await coverFromForm(form);
			id = (await runOnce(locals.db, locals.actor, { key: String(values.requestKey ?? ''), scope: 'news.create' }, (tx) => createPost(tx, locals.actor, String(values.unitId ?? ''), values, cover))).id;
		} catch (e) {
			return failForm(e, values);
		}
		redirect(303, localizeHref(`/admin/news/${id}?notice=saved`));
	}
};
