import { redirect } from '@sveltejs/kit';
import { AppError } from '$lib/server/core/errors';
import { failForm, formValues, orPageError, throwPageError } from '$lib/server/core/http';
import { canManagePeople, createPerson, listOrgTree } from '$lib/server/org/service';
import type { CreatePersonInput } from '$lib/features/org/inputs';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const units = (await orPageError(() => listOrgTree(locals.db, locals.actor))).filter((n) => canManagePeople(locals.actor, n));
	// Only administrators record people; readers of the list (coordinators, leaders…) are refused.
	if (!units.length) throwPageError(new AppError('FORBIDDEN'));
	const wanted = url.searchParams.get('unit');
	return {
		unitOptions: units.map((n) => ({ value: n.id, label: `${'\u00a0\u00a0\u00a0'.repeat(n.depth)}${n.name}` })),
		initial: { unitId: units.find((n) => n.id === wanted)?.id ?? units[0].id, category: 'cong_chuc', learnerGroups: [] as string[] }
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		let id: string;
		try {
			// The service checks the unit and the actor's rights, then validates every field.
			id = (await createPerson(locals.db, locals.actor, values as CreatePersonInput)).id;
		} catch (e) {
			return failForm(e, values);
		}
		redirect(303, localizeHref(`/admin/people/${id}?notice=created`));
	}
};
