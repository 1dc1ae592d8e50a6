import { redirect } from '@sveltejs/kit';
import { failAction, formValues, orPageError } from '$lib/server/core/http';
import { acceptRemainingCriteria, assessmentPageData, openAssessment, returnAssessment, reviewCriterion, verifyAssessment } from '$lib/server/maturity/service';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	...assessmentPageData(await orPageError(() => openAssessment(locals.db, locals.actor, params.id))),
	notice: url.searchParams.get('notice')
});

const done = (id: string, notice: string, anchor = '') => redirect(303, localizeHref(`/admin/maturity/assessments/${id}?notice=${notice}${anchor}`));

export const actions: Actions = {
	review: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await reviewCriterion(locals.db, locals.actor, params.id, values as never);
		} catch (e) {
			return failAction('review', e, values);
		}
		done(params.id, 'reviewed', `#c-${String(values.criterionKey ?? '')}`);
	},
	acceptRest: async ({ locals, params }) => {
		try {
			await acceptRemainingCriteria(locals.db, locals.actor, params.id);
		} catch (e) {
			return failAction('acceptRest', e, {});
		}
		done(params.id, 'accepted');
	},
	return: async ({ locals, params }) => {
		try {
			await returnAssessment(locals.db, locals.actor, params.id);
		} catch (e) {
			return failAction('return', e, {});
		}
		done(params.id, 'returned');
	},
	verify: async ({ locals, params }) => {
		try {
			await verifyAssessment(locals.db, locals.actor, params.id);
		} catch (e) {
			return failAction('verify', e, {});
		}
		done(params.id, 'verified');
	}
};
