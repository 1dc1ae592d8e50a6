import { redirect } from '@sveltejs/kit';
import { signIn } from '$lib/server/auth/service';
import { failForm, parseForm } from '$lib/server/core/http';
import { signInInput } from '$lib/features/accounts/inputs';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

/** Only same-site paths are followed after sign-in. */
function safeNext(next: string | undefined): string {
	return next && next.startsWith('/') && !next.startsWith('//') ? next : localizeHref('/');
}

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.actor.kind === 'user') redirect(303, safeNext(url.searchParams.get('next') ?? undefined));
	return { next: url.searchParams.get('next') ?? '', notice: url.searchParams.get('notice') ?? '' };
};

export const actions: Actions = {
	default: async ({ request, locals, getClientAddress }) => {
		const parsed = parseForm(signInInput, await request.formData());
		if (!parsed.ok) return parsed.failure;
		try {
			await signIn(locals.db, { email: parsed.data.email, password: parsed.data.password, ip: getClientAddress(), headers: request.headers });
		} catch (e) {
			return failForm(e, parsed.values);
		}
		redirect(303, safeNext(parsed.data.next));
	}
};
