import { json } from '@sveltejs/kit';
import { apiHandler } from '$lib/server/core/http';
import { settings } from '$lib/server/core/env';
import { getActivityPage } from '$lib/server/activities/service';
import { toActivityJson } from '$lib/features/activities/api';
import type { RequestHandler } from './$types';

/** GET /api/v1/activities/:id: one activity with its places. */
export const GET: RequestHandler = apiHandler(async ({ locals, params }) => {
	const page = await getActivityPage(locals.db, locals.actor, params.id);
	return json(toActivityJson(page.ctx.activity, page, settings().ORIGIN.replace(/\/$/, '')));
});
