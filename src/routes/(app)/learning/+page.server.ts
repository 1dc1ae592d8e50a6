import { redirect } from '@sveltejs/kit';
import { failForm } from '$lib/server/core/http';
import { currentYear, getMyLearning, getSelfCheck, saveSelfCheck } from '$lib/server/library/service';
import { CITIZEN_CAPACITIES } from '$lib/features/library/types';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const year = currentYear();
	const [log, selfCheck] = await Promise.all([getMyLearning(locals.db, locals.actor), getSelfCheck(locals.db, locals.actor, year)]);
	return { log, year, selfCheck: selfCheck ?? null, notice: url.searchParams.get('notice') };
};

export const actions: Actions = {
	selfcheck: async ({ request, locals }) => {
		const form = await request.formData();
		const levels = Object.fromEntries(CITIZEN_CAPACITIES.map((c) => [c.key, String(form.get(`level_${c.key}`) ?? '')]));
		const values = { year: String(form.get('year') ?? ''), ...Object.fromEntries(Object.entries(levels).map(([k, v]) => [`level_${k}`, v])) };
		try {
			await saveSelfCheck(locals.db, locals.actor, { year: values.year, levels: levels as never });
		} catch (e) {
			const failure = failForm(e, values);
			// The service names fields levels.<key>; the form names them level_<key>.
			failure.data.errors = Object.fromEntries(Object.entries(failure.data.errors).map(([k, v]) => [k.replace(/^levels\./, 'level_'), v]));
			return failure;
		}
		redirect(303, localizeHref('/learning?notice=selfcheck'));
	}
};
