import { redirect } from '@sveltejs/kit';
import { resetPassword } from '$lib/server/auth/service';
import { failForm, parseForm } from '$lib/server/core/http';
import { resetPasswordInput } from '$lib/features/accounts/inputs';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '', invite: url.searchParams.has('invite') });

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const parsed = parseForm(resetPasswordInput, await request.formData());
		if (!parsed.ok) return parsed.failure;
		try {
			await resetPassword(locals.db, parsed.data);
		} catch (e) {
			return failForm(e, parsed.values);
		}
		redirect(303, localizeHref('/sign-in?notice=reset'));
	}
};
