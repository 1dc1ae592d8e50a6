import { verifyEmail } from '$lib/server/auth/service';
import { failForm } from '$lib/server/core/http';
import type { Actions, PageServerLoad } from './$types';

// The link in the mail opens a page with one button: a mail scanner that follows links (GET)
// does not use the link up before its owner does.
export const load: PageServerLoad = async ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const token = String((await request.formData()).get('token') ?? '');
		try {
			const user = await verifyEmail(locals.db, token);
			return { verified: user.email };
		} catch (e) {
			return failForm(e, { token });
		}
	}
};
