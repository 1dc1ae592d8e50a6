import { redirect } from '@sveltejs/kit';
import { failAction, orPageError } from '$lib/server/core/http';
import { listLibraryOrgs, listManagedPaths, listManagedResources, PATH_CURATORS, saveLearningPath } from '$lib/server/library/service';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const paths = await orPageError(() => listManagedPaths(locals.db, locals.actor));
	const orgs = await listLibraryOrgs(locals.db, locals.actor, PATH_CURATORS);
	// The choices: the newest resources the coordinator may edit (a path names at most 100).
	const resources = [];
	for (let page = 1; page <= 5; page++) {
		const batch = await listManagedResources(locals.db, locals.actor, { page: page as never });
		resources.push(...batch.items);
		if (!batch.hasNext) break;
	}
	return { paths, orgs: orgs.map((o) => ({ id: o.id, name: o.name })), resources: resources.map((r) => ({ id: r.id, title: r.title })), notice: url.searchParams.get('notice') };
};

function read(form: FormData) {
	return {
		pathId: String(form.get('pathId') ?? ''),
		orgId: String(form.get('orgId') ?? ''),
		learnerGroup: String(form.get('learnerGroup') ?? ''),
		title: String(form.get('title') ?? ''),
		description: String(form.get('description') ?? ''),
		resourceIds: form.getAll('resourceIds').map(String)
	};
}

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const values = read(await request.formData());
		try {
			await saveLearningPath(locals.db, locals.actor, values.orgId, values as never, values.pathId || undefined);
		} catch (e) {
			return failAction(values.pathId || 'new', e, values);
		}
		redirect(303, localizeHref('/admin/library/paths?notice=saved'));
	}
};
