import { listClubOrgOptions, listClubs } from '$lib/server/community/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const [clubs, orgOptions] = await Promise.all([listClubs(locals.db), listClubOrgOptions(locals.db, locals.actor)]);
	return { clubs, canCreate: orgOptions.length > 0 };
};
