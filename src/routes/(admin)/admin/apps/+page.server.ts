import { fail, redirect } from '@sveltejs/kit';
import { failForm, formValues } from '$lib/server/core/http';
import { listEduAppProposalOrgs, listEduAppsForReview, listMyEduApps, reviewEduApp, reviewsEduApps } from '$lib/server/partners/service';
import type { EduAppReviewInput } from '$lib/features/partners/inputs';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db, actor } = locals;
	return {
		canReview: reviewsEduApps(actor),
		queue: await listEduAppsForReview(db, actor),
		mine: await listMyEduApps(db, actor),
		canPropose: (await listEduAppProposalOrgs(db, actor)).length > 0,
		notice: url.searchParams.get('notice')
	};
};

export const actions: Actions = {
	review: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		try {
			await reviewEduApp(locals.db, locals.actor, String(values.appId ?? ''), values as EduAppReviewInput);
		} catch (e) {
			const failure = failForm(e, values);
			return fail(failure.status, failure.data);
		}
		redirect(303, localizeHref(`/admin/apps?notice=${values.decision === 'approved' ? 'approved' : 'rejected'}`));
	}
};
