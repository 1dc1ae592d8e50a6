import { createApiToken, findUser, listApiTokens, resendEmailVerification, revokeApiToken } from '$lib/server/auth/service';
import { getLocale } from '$lib/paraglide/runtime';
import { failForm, parseForm } from '$lib/server/core/http';
import { apiTokenInput } from '$lib/features/accounts/inputs';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const [tokens, user] = await Promise.all([listApiTokens(locals.db, locals.actor), locals.actor.userId ? findUser(locals.db, locals.actor.userId) : undefined]);
	return {
		emailVerified: Boolean(user?.emailVerified),
		grants: locals.actor.grants.map((g) => ({ role: g.role, orgId: g.orgId })),
		tokens: tokens.map((t) => ({ id: t.id, name: t.name, prefix: t.prefix, createdAt: t.createdAt, lastUsedAt: t.lastUsedAt, revokedAt: t.revokedAt }))
	};
};

export const actions: Actions = {
	createToken: async ({ request, locals }) => {
		const parsed = parseForm(apiTokenInput, await request.formData());
		if (!parsed.ok) return parsed.failure;
		try {
			const { token } = await createApiToken(locals.db, locals.actor, parsed.data);
			return { token };
		} catch (e) {
			return failForm(e, parsed.values);
		}
	},
	resendVerification: async ({ locals }) => {
		try {
			return { resent: (await resendEmailVerification(locals.db, locals.actor, getLocale() as 'vi' | 'en')).sent };
		} catch (e) {
			return failForm(e, {});
		}
	},
	revokeToken: async ({ request, locals }) => {
		const form = await request.formData();
		try {
			await revokeApiToken(locals.db, locals.actor, String(form.get('id') ?? ''));
			return { revoked: true };
		} catch (e) {
			return failForm(e, {});
		}
	}
};
