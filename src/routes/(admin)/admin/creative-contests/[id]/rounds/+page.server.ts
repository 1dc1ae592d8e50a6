import { redirect } from '@sveltejs/kit';
import { failAction, formValues, orPageError } from '$lib/server/core/http';
import { addJuror, canManageContest, closeRound, createRound, getContest, getRoundProgress, listRounds, openRound, removeJuror } from '$lib/server/creative/service';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

// Jury rounds of a contest: rubric, jurors, opening and closing, progress while open (counts
// only), every rating once closed.
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { db, actor } = locals;
	const ctx = await orPageError(() => getContest(db, actor, params.id));
	const rounds = await orPageError(() => listRounds(db, actor, params.id));
	const progress = [];
	for (const r of rounds) {
		const p = await getRoundProgress(db, actor, r.id);
		progress.push({
			id: r.id,
			number: r.number,
			title: r.title,
			status: r.status,
			criteria: r.criteria,
			advanceCount: r.advanceCount,
			entryCount: p.entryCount,
			jurors: p.jurors,
			results: p.results?.map((x) => ({ entryId: x.entry.id, title: x.entry.title, authorName: x.entry.authorName, unitName: x.unitName, status: x.entry.status, juryScore: x.juryScore, ratings: x.ratings })) ?? null
		});
	}
	return { contest: { id: ctx.contest.id, title: ctx.contest.title }, manage: canManageContest(actor, { orgPath: ctx.org.path }), rounds: progress, notice: url.searchParams.get('notice') };
};

const back = (id: string, notice: string) => redirect(303, localizeHref(`/admin/creative-contests/${id}/rounds?notice=${notice}`));

export const actions: Actions = {
	create: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await createRound(locals.db, locals.actor, params.id, values);
		} catch (e) {
			return failAction('create', e, values);
		}
		back(params.id, 'created');
	},
	juror: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await addJuror(locals.db, locals.actor, String(values.roundId ?? ''), { email: values.email });
		} catch (e) {
			return failAction(`juror-${values.roundId}`, e, values);
		}
		back(params.id, 'juror');
	},
	unjuror: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await removeJuror(locals.db, locals.actor, String(values.roundId ?? ''), String(values.userId ?? ''));
		} catch (e) {
			return failAction(`juror-${values.roundId}`, e, values);
		}
		back(params.id, 'juror_removed');
	},
	open: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await openRound(locals.db, locals.actor, String(values.roundId ?? ''));
		} catch (e) {
			return failAction(`round-${values.roundId}`, e, values);
		}
		back(params.id, 'opened');
	},
	close: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await closeRound(locals.db, locals.actor, String(values.roundId ?? ''));
		} catch (e) {
			return failAction(`round-${values.roundId}`, e, values);
		}
		back(params.id, 'closed');
	}
};
