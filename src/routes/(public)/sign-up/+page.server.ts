import { redirect } from '@sveltejs/kit';
import { signUpLearner } from '$lib/server/auth/service';
import { failForm, parseForm } from '$lib/server/core/http';
import { signUpInput } from '$lib/features/accounts/inputs';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const parsed = parseForm(signUpInput, await request.formData());
		if (!parsed.ok) return parsed.failure;
		try {
			await signUpLearner(locals.db, { ...parsed.data, locale: getLocale() as 'vi' | 'en' });
		} catch (e) {
			return failForm(e, parsed.values);
		}
		redirect(303, localizeHref('/sign-in?notice=signed_up'));
	}
};
