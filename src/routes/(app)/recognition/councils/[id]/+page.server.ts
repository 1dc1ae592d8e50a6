import { orPageError, formValues } from '$lib/server/core/http';
import { addCouncilMember, closeCouncil, declareConflicts, getCouncil } from '$lib/server/recognition/service';
import type { MemberInput } from '$lib/features/recognition/inputs';
import { act } from '../../act.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => ({ council: await orPageError(() => getCouncil(locals.db, locals.actor, params.id)), notice: url.searchParams.get('notice') });

const here = (id: string) => `/recognition/councils/${id}`;

export const actions: Actions = {
	addMember: (e) => act(e, 'addMember', (v, db) => addCouncilMember(db, e.locals.actor, e.params.id, v as MemberInput), here(e.params.id)),
	conflicts: async (e) => {
		const form = await e.request.formData();
		const values = { ...formValues(form), unitIds: form.getAll('unitIds').map(String) };
		return act(e, 'conflicts', (v, db) => declareConflicts(db, e.locals.actor, e.params.id, { unitIds: v.unitIds }), here(e.params.id), { values });
	},
	close: (e) => act(e, 'close', (_v, db) => closeCouncil(db, e.locals.actor, e.params.id), here(e.params.id))
};
