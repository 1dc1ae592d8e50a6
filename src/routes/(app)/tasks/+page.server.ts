import { orPageError } from '$lib/server/core/http';
import { listMyTasks } from '$lib/server/tasks/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	return orPageError(() => listMyTasks(locals.db, locals.actor));
};
