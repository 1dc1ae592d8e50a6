import { randomUUID } from 'node:crypto';
import { fail, redirect } from '@sveltejs/kit';
import { AppError } from '$lib/server/core/errors';
import { failForm, formValues, throwPageError } from '$lib/server/core/http';
import { runOnce } from '$lib/server/idempotency/service';
import { listEduAppProposalOrgs, proposeEduApp } from '$lib/server/partners/service';
import type { EduAppInput } from '$lib/features/partners/inputs';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const orgs = await listEduAppProposalOrgs(locals.db, locals.actor);
	if (!orgs.length) throwPageError(new AppError('FORBIDDEN'));
	// A second post of the form (a double click, a resend) proposes nothing more.
	return { orgs, initial: { orgId: orgs[0].id, requestKey: randomUUID() } };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const values: Record<string, unknown> = { ...formValues(form), platforms: form.getAll('platforms').map(String) };
		try {
			const key = { key: String(values.requestKey ?? ''), scope: 'partners.edu_app' };
			await runOnce(locals.db, locals.actor, key, (tx) => proposeEduApp(tx, locals.actor, String(values.orgId ?? ''), values as unknown as EduAppInput));
		} catch (e) {
			const failure = failForm(e, values);
			return fail(failure.status, failure.data);
		}
		redirect(303, localizeHref('/admin/apps?notice=proposed'));
	}
};
