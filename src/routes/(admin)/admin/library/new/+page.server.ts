import { redirect } from '@sveltejs/kit';
import { orPageError } from '$lib/server/core/http';
import { createResource, listLibraryOrgs, RESOURCE_EDITORS } from '$lib/server/library/service';
import { localizeHref } from '$lib/paraglide/runtime';
import { failResource, maxSize, readResourceForm } from '../resource-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const orgs = await orPageError(() => listLibraryOrgs(locals.db, locals.actor, RESOURCE_EDITORS));
	return { orgs: orgs.map((o) => ({ id: o.id, name: o.name })), maxSize };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const read = await readResourceForm(request);
		if ('failure' in read) return read.failure;
		let id: string;
		try {
			id = (await createResource(locals.db, locals.actor, String(read.values.orgId), read.values as never, read.file)).id;
		} catch (e) {
			return failResource(e, read.values);
		}
		redirect(303, localizeHref(`/admin/library/${id}?notice=saved`));
	}
};
