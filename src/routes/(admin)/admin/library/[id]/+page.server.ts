import { redirect } from '@sveltejs/kit';
import { AppError } from '$lib/server/core/errors';
import { orPageError, throwPageError } from '$lib/server/core/http';
import { getResource, updateResource } from '$lib/server/library/service';
import { localizeHref } from '$lib/paraglide/runtime';
import { failResource, maxSize, readResourceForm } from '../resource-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const r = await orPageError(() => getResource(locals.db, locals.actor, params.id));
	if (!r.canEdit) throwPageError(new AppError('FORBIDDEN'));
	const values = { ...r, description: r.descriptionHtml, themes: r.themes.join(', '), url: r.url ?? '', durationMinutes: r.durationMinutes ?? '' };
	return { values, fileName: r.fileName, title: r.title, maxSize, notice: url.searchParams.get('notice') };
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const read = await readResourceForm(request);
		if ('failure' in read) return read.failure;
		try {
			await updateResource(locals.db, locals.actor, params.id, read.values as never, { file: read.file, expectedVersion: Number(read.values.version) || undefined });
		} catch (e) {
			return failResource(e, read.values);
		}
		redirect(303, localizeHref(`/admin/library/${params.id}?notice=saved`));
	}
};
