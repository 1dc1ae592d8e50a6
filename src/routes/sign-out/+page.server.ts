import { redirect } from '@sveltejs/kit';
import { signOut } from '$lib/server/auth/service';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, localizeHref('/'));

export const actions: Actions = {
	default: async ({ locals, request }) => {
		await signOut(locals.db, request.headers);
		redirect(303, localizeHref('/'));
	}
};
