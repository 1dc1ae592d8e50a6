import { json } from '@sveltejs/kit';
import { apiHandler } from '$lib/server/core/http';
import { settings } from '$lib/server/core/env';
import { getProgramme } from '$lib/server/activities/service';
import { programmeQuery, toActivityJson } from '$lib/features/activities/api';
import type { RequestHandler } from './$types';

/** GET /api/v1/campaigns/:id/activities: the public programme, filtered. */
export const GET: RequestHandler = apiHandler(async ({ locals, params, url }) => {
	const filters = programmeQuery.parse(Object.fromEntries(url.searchParams));
	const { days } = await getProgramme(locals.db, params.id, filters);
	const origin = settings().ORIGIN.replace(/\/$/, '');
	return json({ items: days.flatMap((d) => d.items.map((c) => toActivityJson(c.activity, c, origin))) });
});
