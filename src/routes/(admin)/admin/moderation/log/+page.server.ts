import { orPageError } from '$lib/server/core/http';
import { listModerationLog } from '$lib/server/community/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ entries: await orPageError(() => listModerationLog(locals.db, locals.actor)) });
