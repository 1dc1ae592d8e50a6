import { redirect } from '@sveltejs/kit';
import { failForm, formValues, orPageError } from '$lib/server/core/http';
import { canManagePeople, deletePerson, getPerson, listOrgTree, updatePerson } from '$lib/server/org/service';
import type { UpdatePersonInput } from '$lib/features/org/inputs';
import { displayPhone } from '$lib/features/org/format';
import { fullName } from '$lib/vn/names';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { db, actor } = locals;
	const p = await orPageError(() => getPerson(db, actor, params.id));
	const canEdit = canManagePeople(actor, { path: p.unitPath });
	const units = canEdit ? (await listOrgTree(db, actor)).filter((n) => canManagePeople(actor, n)) : [];
	return {
		person: {
			id: p.id,
			name: fullName(p),
			familyName: p.familyName,
			middleName: p.middleName,
			givenName: p.givenName,
			position: p.position ?? '',
			category: p.category,
			learnerGroups: p.learnerGroups,
			unitId: p.unitId,
			unitName: p.unitName,
			email: p.email ?? '',
			phone: displayPhone(p.phone)
		},
		canEdit,
		unitOptions: units.map((n) => ({ value: n.id, label: `${'\u00a0\u00a0\u00a0'.repeat(n.depth)}${n.name}` })),
		notice: url.searchParams.get('notice') ?? ''
	};
};

export const actions: Actions = {
	update: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			// The service checks the actor's rights on both units, then validates every field.
			await updatePerson(locals.db, locals.actor, params.id, values as UpdatePersonInput);
		} catch (e) {
			return failForm(e, values);
		}
		return { saved: true };
	},
	delete: async ({ locals, params }) => {
		let name: string;
		try {
			name = fullName(await getPerson(locals.db, locals.actor, params.id));
			await deletePerson(locals.db, locals.actor, params.id);
		} catch (e) {
			// Marked so the page shows the refusal beside the delete button.
			return failForm(e, { _action: 'delete' });
		}
		redirect(303, localizeHref(`/admin/people?deleted=${encodeURIComponent(name)}`));
	}
};
