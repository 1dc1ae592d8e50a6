import { redirect } from '@sveltejs/kit';
import { failAction, orPageError } from '$lib/server/core/http';
import { getClub, getForum, joinClub, leaveClub } from '$lib/server/community/service';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const detail = await orPageError(() => getClub(locals.db, locals.actor, params.id));
	const forum = await getForum(locals.db, locals.actor, detail.forum.id);
	return { ...detail, threads: forum.threads.slice(0, 10), signedIn: locals.actor.kind === 'user', notice: url.searchParams.get('notice') };
};

export const actions: Actions = {
	join: async ({ locals, params }) => {
		try {
			await joinClub(locals.db, locals.actor, params.id);
		} catch (e) {
			return failAction('join', e, {});
		}
		redirect(303, localizeHref(`/clubs/${params.id}?notice=joined`));
	},
	leave: async ({ locals, params }) => {
		try {
			await leaveClub(locals.db, locals.actor, params.id);
		} catch (e) {
			return failAction('leave', e, {});
		}
		redirect(303, localizeHref(`/clubs/${params.id}?notice=left`));
	}
};
