import { orPageError } from '$lib/server/core/http';
import { listInbox } from '$lib/server/documents/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	return { items: await orPageError(() => listInbox(locals.db, locals.actor)) };
};
