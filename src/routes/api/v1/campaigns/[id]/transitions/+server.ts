import { json } from '@sveltejs/kit';
import { AppError } from '$lib/server/core/errors';
import { apiHandler, readJson } from '$lib/server/core/http';
import { approveCampaign, closeCampaign, getCampaign, issueCampaign, returnCampaign, startCampaign, submitCampaign } from '$lib/server/campaigns/service';
import { campaignTransitionBody, toCampaignJson } from '$lib/features/campaigns/api';
import type { RequestHandler } from './$types';

/** POST /api/v1/campaigns/{id}/transitions: one workflow step, allowed only to its role and from its statuses. */
export const POST: RequestHandler = apiHandler(async ({ locals, params, request }) => {
	if (locals.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
	const { action, reason } = campaignTransitionBody.parse(await readJson(request));
	const { db, actor } = locals;
	const step = {
		submit: () => submitCampaign(db, actor, params.id),
		approve: () => approveCampaign(db, actor, params.id),
		return: () => returnCampaign(db, actor, params.id, { reason: reason ?? '' }),
		issue: () => issueCampaign(db, actor, params.id),
		start: () => startCampaign(db, actor, params.id),
		close: () => closeCampaign(db, actor, params.id)
	}[action];
	await step();
	return json(toCampaignJson(await getCampaign(db, actor, params.id)));
});
