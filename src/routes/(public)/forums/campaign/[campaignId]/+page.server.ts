import { redirect } from '@sveltejs/kit';
import { orPageError } from '$lib/server/core/http';
import { openCampaignForum } from '$lib/server/community/service';
import { localizeHref } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

// A campaign's forum is made the first time someone opens it.
export const load: PageServerLoad = async ({ locals, params }) => {
	const forum = await orPageError(() => openCampaignForum(locals.db, locals.actor, params.campaignId));
	redirect(303, localizeHref(`/forums/${forum.id}`));
};
