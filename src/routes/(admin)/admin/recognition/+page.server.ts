import { error } from '@sveltejs/kit';
import { orPageError, translate } from '$lib/server/core/http';
import { getRecognitionSettings, saveBaseSalary, saveCommendationForm } from '$lib/server/recognition/service';
import type { BaseSalaryInput, FormInput } from '$lib/features/recognition/inputs';
import { formValues } from '$lib/server/core/http';
import { act } from '../../../(app)/recognition/act.server';
import type { Actions, PageServerLoad } from './$types';

/** The organisation whose settings are shown: ?org=, or where the actor is coordinator or administrator. */
function orgOf(url: URL, grants: Array<{ role: string; orgId: string }>): string {
	const id = url.searchParams.get('org') ?? grants.find((g) => g.role === 'coordinator' || g.role === 'administrator')?.orgId;
	if (!id) error(403, { message: translate('errors_forbidden'), code: 'FORBIDDEN' });
	return id;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const orgId = orgOf(url, locals.actor.grants);
	return { orgId, ...(await orPageError(() => getRecognitionSettings(locals.db, locals.actor, orgId))), notice: url.searchParams.get('notice') };
};

export const actions: Actions = {
	form: async (e) => {
		const form = await e.request.formData();
		const values = { ...formValues(form), requiresHolds: form.getAll('requiresHolds').map(String).filter(Boolean) };
		const orgId = orgOf(e.url, e.locals.actor.grants);
		return act(e, 'form', (v, db) => saveCommendationForm(db, e.locals.actor, orgId, v as FormInput), `/admin/recognition?org=${orgId}`, { values });
	},
	salary: (e) => act(e, 'salary', (v, db) => saveBaseSalary(db, e.locals.actor, v as BaseSalaryInput), `/admin/recognition?org=${orgOf(e.url, e.locals.actor.grants)}`)
};
