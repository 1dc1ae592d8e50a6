import { z } from 'zod';
import { inviteStaff } from '$lib/server/auth/service';
import { settings } from '$lib/server/core/env';
import { failForm, formValues, orPageError, parseForm } from '$lib/server/core/http';
import { canManageGrants, listGrants, listOrgTree, revokeRole } from '$lib/server/org/service';
import { grantRoleInput } from '$lib/features/org/inputs';
import { cleanText } from '$lib/vn/text';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

/** The invitation form: who (name, e-mail) gets which role on which node. */
const inviteInput = grantRoleInput.pick({ orgId: true, role: true }).extend({
	name: z
		.string({ error: 'field_required' })
		.transform(cleanText)
		.pipe(z.string().min(1, 'field_required').max(120, 'field_too_long')),
	email: z
		.string({ error: 'field_required' })
		.trim()
		.toLowerCase()
		.min(1, 'field_required')
		.max(254, 'field_too_long')
		.pipe(z.email('field_invalid_email'))
});

export const load: PageServerLoad = async ({ locals }) => {
	const { db, actor } = locals;
	const grants = await orPageError(() => listGrants(db, actor));
	const orgs = (await listOrgTree(db, actor)).filter((n) => canManageGrants(actor, n));
	return {
		// An administrator does not revoke their own roles here, so no one locks themselves out by a click.
		grants: grants.map((g) => ({ id: g.id, userName: g.userName, userEmail: g.userEmail, role: g.role, orgName: g.orgName, own: g.userId === actor.userId })),
		orgOptions: orgs.map((n) => ({ value: n.id, label: `${'\u00a0\u00a0\u00a0'.repeat(n.depth)}${n.name}` })),
		initial: { orgId: orgs[0]?.id ?? '', role: 'staff' },
		mailKeptInOutbox: !settings().SMTP_URL
	};
};

export const actions: Actions = {
	invite: async ({ request, locals }) => {
		const parsed = parseForm(inviteInput, await request.formData());
		if (!parsed.ok) return parsed.failure;
		try {
			await inviteStaff(locals.db, locals.actor, { ...parsed.data, locale: getLocale() });
		} catch (e) {
			return failForm(e, parsed.values);
		}
		return { invited: parsed.data.email };
	},
	revoke: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		try {
			await revokeRole(locals.db, locals.actor, String(values.grantId ?? ''));
		} catch (e) {
			return failForm(e, {});
		}
		return { revoked: true };
	}
};
