import { listEduAppProposalOrgs, listPublicEduApps } from '$lib/server/partners/service';
import { parseEduAppFilters } from '$lib/features/partners/inputs';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const filters = parseEduAppFilters(url.searchParams);
	return {
		filters,
		apps: await listPublicEduApps(locals.db, filters),
		filtered: Object.keys(filters).length > 0,
		// Partners' accounts and the agencies' people may add to it.
		canPropose: locals.actor.kind === 'user' && (await listEduAppProposalOrgs(locals.db, locals.actor)).length > 0
	};
};
