import { listPublicContests } from '$lib/server/quizzes/service';
import { now } from '$lib/server/core/clock';
import type { PageServerLoad } from './$types';

// The contests of the public campaigns (quizzes; other kinds add their own list beside this one).
export const load: PageServerLoad = async ({ locals, url }) => {
	const campaignId = url.searchParams.get('campaign') ?? undefined;
	return { quizzes: await listPublicContests(locals.db, { campaignId }), now: now() };
};
