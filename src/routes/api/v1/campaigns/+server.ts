import { json } from '@sveltejs/kit';
import { AppError } from '$lib/server/core/errors';
import { apiHandler, readJson } from '$lib/server/core/http';
import { createCampaign, getCampaign, listPublicCampaigns } from '$lib/server/campaigns/service';
import type { CampaignInputValues } from '$lib/features/campaigns/inputs';
import { publicCampaignListQuery, toCampaignJson, toCampaignSummaryJson } from '$lib/features/campaigns/api';
import type { RequestHandler } from './$types';

/** GET /api/v1/campaigns: the public list (issued, running, closed), newest first; ?year= and ?q= narrow it. */
export const GET: RequestHandler = apiHandler(async ({ locals, url }) => {
	const query = publicCampaignListQuery.parse(Object.fromEntries(url.searchParams));
	const items = await listPublicCampaigns(locals.db, { year: query.year, q: query.q });
	return json({ items: items.map(toCampaignSummaryJson) });
});

/** POST /api/v1/campaigns: a draft on a node where the caller is coordinator or administrator. */
export const POST: RequestHandler = apiHandler(async ({ locals, request }) => {
	if (locals.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
	const body = await readJson(request);
	if (!body || typeof body !== 'object' || Array.isArray(body)) throw new AppError('VALIDATION', { fields: { _: 'field_invalid' } });
	const { orgId, ...values } = body as Record<string, unknown>;
	if (typeof orgId !== 'string' || !orgId) throw new AppError('VALIDATION', { fields: { orgId: 'field_required' } });
	// The service checks the node and the caller's rights, then validates every field.
	const row = await createCampaign(locals.db, locals.actor, { ...(values as unknown as CampaignInputValues), orgId });
	return json(toCampaignJson(await getCampaign(locals.db, locals.actor, row.id)), { status: 201 });
});
