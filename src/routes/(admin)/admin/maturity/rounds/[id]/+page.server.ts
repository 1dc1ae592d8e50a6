import { redirect } from '@sveltejs/kit';
import { failAction, formValues, orPageError } from '$lib/server/core/http';
import { enrolUnits, getRound, publishRound, setRoundDeadline } from '$lib/server/maturity/service';
import { formatDate } from '$lib/vn/dates';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const r = await orPageError(() => getRound(locals.db, locals.actor, params.id));
	return {
		round: r.round,
		campaign: { id: r.campaign.id, title: r.campaign.title, year: r.campaign.year },
		framework: { id: r.framework.id, name: r.framework.name, version: r.version.version },
		assessments: r.assessments,
		enrollable: r.enrollable,
		can: r.can,
		deadlineText: formatDate(r.round.deadline),
		notice: url.searchParams.get('notice')
	};
};

const done = (id: string, notice: string) => redirect(303, localizeHref(`/admin/maturity/rounds/${id}?notice=${notice}`));

export const actions: Actions = {
	deadline: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await setRoundDeadline(locals.db, locals.actor, params.id, values as never);
		} catch (e) {
			return failAction('deadline', e, values);
		}
		done(params.id, 'deadline');
	},
	enrol: async ({ request, locals, params }) => {
		const form = await request.formData();
		const values = { unitIds: form.getAll('unitIds').map(String) };
		try {
			await enrolUnits(locals.db, locals.actor, params.id, values);
		} catch (e) {
			return failAction('enrol', e, values);
		}
		done(params.id, 'enrolled');
	},
	publish: async ({ locals, params }) => {
		try {
			await publishRound(locals.db, locals.actor, params.id);
		} catch (e) {
			return failAction('publish', e, {});
		}
		done(params.id, 'published');
	}
};
