import { redirect } from '@sveltejs/kit';
import { failForm } from '$lib/server/core/http';
import { createContest, listContestOrgs, listManagedContests } from '$lib/server/quizzes/service';
import { localizeHref } from '$lib/paraglide/runtime';
import { campaignChoices, readContestForm } from './contest-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const contests = await listManagedContests(locals.db, locals.actor);
	return {
		contests: contests.map((c) => ({ id: c.id, title: c.title, status: c.status, createdAt: c.createdAt })),
		orgs: (await listContestOrgs(locals.db, locals.actor)).map((o) => ({ id: o.id, name: o.name })),
		campaigns: await campaignChoices(locals.db, locals.actor)
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const values = readContestForm(await request.formData());
		let id: string;
		try {
			id = (await createContest(locals.db, locals.actor, String(values.orgId ?? ''), values as never)).id;
		} catch (e) {
			return failForm(e, values);
		}
		redirect(303, localizeHref(`/admin/contests/${id}?notice=saved`));
	}
};
