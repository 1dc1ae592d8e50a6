import { orPageError } from '$lib/server/core/http';
import { listManagedResources } from '$lib/server/library/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const q = url.searchParams.get('q') ?? '';
	const page = url.searchParams.get('page') ?? '1';
	const list = await orPageError(() => listManagedResources(locals.db, locals.actor, { q, page: page as never }));
	return { list, q, canCurate: locals.actor.grants.some((g) => g.role === 'coordinator' || g.role === 'supervisor') };
};
