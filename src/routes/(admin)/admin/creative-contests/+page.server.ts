import { now } from '$lib/server/core/clock';
import { listContestCards } from '$lib/server/creative/service';
import { contestPhase } from '$lib/features/creative/format';
import type { PageServerLoad } from './$types';

// The creative contests of the nodes the actor coordinates or supervises, drafts included.
export const load: PageServerLoad = async ({ locals }) => {
	const at = now();
	const contests = await listContestCards(locals.db, locals.actor, { managed: true });
	return { contests: contests.map((c) => ({ ...c, phase: contestPhase(c, at) })) };
};
