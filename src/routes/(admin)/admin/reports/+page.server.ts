import { orPageError } from '$lib/server/core/http';
import { getRollup, listRollupCampaigns } from '$lib/server/reports/service';
import type { PageServerLoad } from './$types';

// The supervisor's roll-up: the plans with child campaigns the actor may roll up, and the chosen one's figures.
export const load: PageServerLoad = async ({ locals, url }) => {
	const campaigns = await orPageError(() => listRollupCampaigns(locals.db, locals.actor));
	const chosen = url.searchParams.get('campaign') || campaigns[0]?.id || '';
	const rollup = chosen ? await orPageError(() => getRollup(locals.db, locals.actor, chosen)) : null;
	return { campaigns: campaigns.map((c) => ({ id: c.id, label: `${c.year} · ${c.orgName} · ${c.title}` })), chosen, rollup };
};
