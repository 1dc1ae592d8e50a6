import { fail, redirect } from '@sveltejs/kit';
import { AppError } from '$lib/server/core/errors';
import { failForm, formValues, orPageError, throwPageError } from '$lib/server/core/http';
import { getPartner, updatePartner } from '$lib/server/partners/service';
import type { PartnerUpdateInput } from '$lib/features/partners/inputs';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const detail = await orPageError(() => getPartner(locals.db, locals.actor, params.id));
	if (!detail.can.manage) throwPageError(new AppError('FORBIDDEN'));
	const p = detail.partner;
	return { partner: { id: p.id, name: p.name }, values: { name: p.name, kind: p.kind, website: p.website ?? '', description: p.description } };
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await updatePartner(locals.db, locals.actor, params.id, values as PartnerUpdateInput);
		} catch (e) {
			const failure = failForm(e, values);
			return fail(failure.status, failure.data);
		}
		redirect(303, localizeHref(`/admin/partners/${params.id}?notice=updated`));
	}
};
