import { randomUUID } from 'node:crypto';
import { redirect } from '@sveltejs/kit';
import { runOnce } from '$lib/server/idempotency/service';
import { orPageError } from '$lib/server/core/http';
import { createResource, listLibraryOrgs, RESOURCE_EDITORS } from '$lib/server/library/service';
import { localizeHref } from '$lib/paraglide/runtime';
import { failResource, maxSize, readResourceForm } from '../resource-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const orgs = await orPageError(() => listLibraryOrgs(locals.db, locals.actor, RESOURCE_EDITORS));
	return { orgs: orgs.map((o) => ({ id: o.id, name: o.name })), maxSize, requestKey: randomUUID() };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const read = await readResourceForm(request);
		if ('failure' in read) return read.failure;
		let id: string;
		try {
			id = (await runOnce(locals.db, locals.actor, { key: String(read.values.requestKey ?? ''), scope: 'library.create' }, (tx) => createResource(tx, locals.actor, String(read.values.orgId), read.values as never, read.file))).id;
		} catch (e) {
			return failResource(e, read.values);
		}
		redirect(303, localizeHref(`/admin/library/${id}?notice=saved`));
	}
};
