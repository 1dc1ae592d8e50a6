import { json } from '@sveltejs/kit';
import { AppError } from '$lib/server/core/errors';
import { apiHandler, readJson } from '$lib/server/core/http';
import { getCampaign, updateCampaign } from '$lib/server/campaigns/service';
import type { CampaignInputValues } from '$lib/features/campaigns/inputs';
import { campaignVersionInput, toCampaignJson } from '$lib/features/campaigns/api';
import type { RequestHandler } from './$types';

/** GET /api/v1/campaigns/{id}: anyone reads an issued, running or closed campaign; a draft only a back-office role of its node (404 otherwise). */
export const GET: RequestHandler = apiHandler(async ({ locals, params }) => {
	return json(toCampaignJson(await getCampaign(locals.db, locals.actor, params.id)));
});

/** PATCH /api/v1/campaigns/{id}: replaces a draft's content; the body carries the version it was read at. */
export const PATCH: RequestHandler = apiHandler(async ({ locals, params, request }) => {
	if (locals.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
	const body = await readJson(request);
	if (!body || typeof body !== 'object' || Array.isArray(body)) throw new AppError('VALIDATION', { fields: { _: 'field_invalid' } });
	const { expectedVersion, ...values } = body as Record<string, unknown>;
	const version = campaignVersionInput.parse({ expectedVersion });
	// The service checks the caller's rights and the status before it validates the content.
	await updateCampaign(locals.db, locals.actor, params.id, values as unknown as CampaignInputValues, version);
	return json(toCampaignJson(await getCampaign(locals.db, locals.actor, params.id)));
});
