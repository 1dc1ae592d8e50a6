import { orPageError } from '$lib/server/core/http';
import { getLeaderboard } from '$lib/server/maturity/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const board = await orPageError(() => getLeaderboard(locals.db, locals.actor, params.id));
	return { board };
};
