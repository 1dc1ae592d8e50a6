import { orPageError } from '$lib/server/core/http';
import { currentActivityCode, getActivityPage } from '$lib/server/activities/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const page = await orPageError(() => getActivityPage(locals.db, locals.actor, params.id));
	const code = await orPageError(() => currentActivityCode(locals.db, locals.actor, params.id));
	// Reloading by itself is the projector's mode, chosen by a link: nobody else's page changes under them.
	return { activity: { id: page.ctx.activity.id, title: page.ctx.activity.title }, code, auto: url.searchParams.get('auto') === '1' };
};
