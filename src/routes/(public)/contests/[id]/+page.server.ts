import { redirect } from '@sveltejs/kit';
import { failAction, formValues, orPageError } from '$lib/server/core/http';
import { now } from '$lib/server/core/clock';
import { findOpenAttempt, getContest, keepEntrantToken, listEntryUnits, participantOf, requestEntryCode, startAttempt, verifyEntryCode } from '$lib/server/quizzes/service';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { roundPhase } from '$lib/features/quizzes/format';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { locals, params, url } = event;
	const { contest, org, rounds, canOrganise } = await orPageError(() => getContest(locals.db, locals.actor, params.id));
	const at = now();
	const participant = participantOf(event);
	const mine = await Promise.all(rounds.map((r) => findOpenAttempt(locals.db, participant, r.id)));
	return {
		contest: {
			id: contest.id,
			title: contest.title,
			description: contest.description,
			orgName: org.name,
			entryRule: contest.entryRule,
			attemptsAllowed: contest.attemptsAllowed,
			timeLimitMinutes: Math.round(contest.timeLimitSeconds / 60),
			graceSeconds: contest.graceSeconds,
			questionCount: contest.quotas.reduce((n, q) => n + q.count, 0),
			status: contest.status
		},
		rounds: rounds.map((r, i) => ({
			id: r.id,
			name: r.name,
			opensAt: r.opensAt,
			closesAt: r.closesAt,
			phase: roundPhase(r, at),
			openAttemptId: mine[i]?.open?.id ?? null,
			finishedAttemptIds: mine[i]?.finished.map((a) => a.id) ?? [],
			attemptsLeft: mine[i]?.left ?? contest.attemptsAllowed,
			entered: Boolean(mine[i]?.entered)
		})),
		units: contest.entryRule === 'email_code' ? await listEntryUnits(locals.db, locals.actor, contest.id) : [],
		canOrganise,
		signedIn: locals.actor.kind === 'user',
		notice: url.searchParams.get('notice'),
		codeSentTo: url.searchParams.get('sent')
	};
};

export const actions: Actions = {
	start: async (event) => {
		const values = formValues(await event.request.formData());
		let id: string;
		try {
			id = (await startAttempt(event.locals.db, participantOf(event), String(values.roundId ?? ''))).id;
		} catch (e) {
			return failAction('start', e, values);
		}
		redirect(303, localizeHref(`/contests/attempts/${id}`));
	},
	requestCode: async (event) => {
		const values = formValues(await event.request.formData());
		try {
			await requestEntryCode(event.locals.db, event.locals.actor, String(values.roundId ?? ''), values, getLocale());
		} catch (e) {
			return failAction('requestCode', e, values);
		}
		redirect(303, localizeHref(`/contests/${event.params.id}?notice=code_sent&sent=${encodeURIComponent(String(values.email ?? '').trim().toLowerCase())}#code-${values.roundId}`));
	},
	verifyCode: async (event) => {
		const values = formValues(await event.request.formData());
		try {
			const { token } = await verifyEntryCode(event.locals.db, event.locals.actor, String(values.roundId ?? ''), values);
			keepEntrantToken(event.cookies, token, event.url.protocol === 'https:');
		} catch (e) {
			return failAction('verifyCode', e, values);
		}
		redirect(303, localizeHref(`/contests/${event.params.id}?notice=verified`));
	}
};
