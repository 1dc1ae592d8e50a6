import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import type { LayoutServerLoad } from './$types';

// Signed-in work: a visitor is sent to sign in and brought back.
export const load: LayoutServerLoad = ({ locals, url }) => {
	if (locals.actor.kind !== 'user') redirect(303, localizeHref(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`));
};
