import { redirect } from '@sveltejs/kit';
import { failAction, formValues, orPageError } from '$lib/server/core/http';
import { now } from '$lib/server/core/clock';
import { addRound, getContest, publishRound, updateContest, updateRound } from '$lib/server/quizzes/service';
import { localizeHref } from '$lib/paraglide/runtime';
import { dateTimeInputValue } from '$lib/vn/dates';
import { roundPhase } from '$lib/features/quizzes/format';
import { campaignChoices, readContestForm } from '../contest-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { contest, org, rounds, canOrganise } = await orPageError(() => getContest(locals.db, locals.actor, params.id));
	const at = now();
	return {
		contest: {
			id: contest.id,
			orgName: org.name,
			title: contest.title,
			values: {
				campaignId: contest.campaignId,
				title: contest.title,
				description: contest.description,
				entryRule: contest.entryRule,
				timeLimitMinutes: Math.round(contest.timeLimitSeconds / 60),
				graceSeconds: contest.graceSeconds,
				attemptsAllowed: contest.attemptsAllowed,
				quotas: contest.quotas,
				predictionQuestion: contest.predictionQuestion ?? '',
				status: contest.status
			}
		},
		rounds: rounds.map((r) => ({ id: r.id, name: r.name, opensAt: dateTimeInputValue(r.opensAt), closesAt: dateTimeInputValue(r.closesAt), phase: roundPhase(r, at) })),
		canOrganise,
		campaigns: await campaignChoices(locals.db, locals.actor),
		notice: url.searchParams.get('notice')
	};
};

const back = (id: string, notice: string) => redirect(303, localizeHref(`/admin/contests/${id}?notice=${notice}`));

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const values = readContestForm(await request.formData());
		try {
			await updateContest(locals.db, locals.actor, params.id, values as never);
		} catch (e) {
			return failAction('save', e, values);
		}
		back(params.id, 'saved');
	},
	addRound: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await addRound(locals.db, locals.actor, params.id, values as never);
		} catch (e) {
			return failAction('addRound', e, values);
		}
		back(params.id, 'round_added');
	},
	updateRound: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await updateRound(locals.db, locals.actor, String(values.roundId ?? ''), values as never);
		} catch (e) {
			return failAction('updateRound', e, values);
		}
		back(params.id, 'round_saved');
	},
	publish: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await publishRound(locals.db, locals.actor, String(values.roundId ?? ''));
		} catch (e) {
			return failAction('publish', e, values);
		}
		back(params.id, 'published');
	}
};
