import { json } from '@sveltejs/kit';
import { AppError } from '$lib/server/core/errors';
import { apiHandler } from '$lib/server/core/http';
import { cloneCampaign, getCampaign } from '$lib/server/campaigns/service';
import { toCampaignJson } from '$lib/features/campaigns/api';
import type { RequestHandler } from './$types';

/** POST /api/v1/campaigns/{id}/clone: a new draft in `year` (default the next); the original stays as it is. */
export const POST: RequestHandler = apiHandler(async ({ locals, params, request }) => {
	if (locals.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
	// The body is optional: none means "the year after".
	const raw = (await request.text()).trim();
	let body: unknown = {};
	if (raw) {
		try {
			body = JSON.parse(raw);
		} catch {
			throw new AppError('VALIDATION', { fields: { _: 'field_invalid' } });
		}
	}
	const year = body && typeof body === 'object' && !Array.isArray(body) ? (body as { year?: number | string }).year : undefined;
	const row = await cloneCampaign(locals.db, locals.actor, params.id, { year });
	return json(toCampaignJson(await getCampaign(locals.db, locals.actor, row.id)), { status: 201 });
});
