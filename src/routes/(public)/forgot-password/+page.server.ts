import { requestPasswordReset } from '$lib/server/auth/service';
import { parseForm } from '$lib/server/core/http';
import { forgotPasswordInput } from '$lib/features/accounts/inputs';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const parsed = parseForm(forgotPasswordInput, await request.formData());
		if (!parsed.ok) return parsed.failure;
		await requestPasswordReset(locals.db, { email: parsed.data.email, locale: getLocale() });
		return { sent: true };
	}
};
