import { redirect } from '@sveltejs/kit';
import { failAction, formValues, orPageError } from '$lib/server/core/http';
import { addJuror, canManageContest, closeRound, createRound, getContest, getRoundProgress, listRounds, openRound, removeJuror } from '$lib/server/creative/service';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Action } from '@sveltejs/kit';
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

type Run = (db: App.Locals['db'], actor: App.Locals['actor'], values: Record<string, unknown>, roundId: string, contestId: string) => Promise<unknown>;

/** One form of the page: runs the use case, names the failing form (`form` + round id), comes back with a notice. */
function act(form: string, notice: string, run: Run): Action {
	return async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		const roundId = String(values.roundId ?? '');
		try {
			await run(locals.db, locals.actor, values, roundId, String(params.id));
		} catch (e) {
			return failAction(roundId ? `${form}-${roundId}` : form, e, values);
		}
		redirect(303, localizeHref(`/admin/creative-contests/${params.id}/rounds?notice=${notice}`));
	};
}

export const actions: Actions = {
	create: act('create', 'created', (db, actor, values, _roundId, contestId) => createRound(db, actor, contestId, values)),
	juror: act('juror', 'juror', (db, actor, values, roundId) => addJuror(db, actor, roundId, { email: values.email })),
	unjuror: act('juror', 'juror_removed', (db, actor, values, roundId) => removeJuror(db, actor, roundId, String(values.userId ?? ''))),
	open: act('round', 'opened', (db, actor, _values, roundId) => openRound(db, actor, roundId)),
	close: act('round', 'closed', (db, actor, _values, roundId) => closeRound(db, actor, roundId))
};
