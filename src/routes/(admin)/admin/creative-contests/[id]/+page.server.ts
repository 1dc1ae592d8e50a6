import { redirect } from '@sveltejs/kit';
import { failAction, formValues, orPageError } from '$lib/server/core/http';
import { now } from '$lib/server/core/clock';
import { canManageContest, getContest, getContestResults, getVoteLogSummary, publishContest, publishResults, updateContest } from '$lib/server/creative/service';
import { contestFormValues, contestPhase } from '$lib/features/creative/format';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

// A contest's settings, publication, vote log and results, for its coordinators (supervisors read).
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { db, actor } = locals;
	const ctx = await orPageError(() => getContest(db, actor, params.id));
	const manage = canManageContest(actor, { orgPath: ctx.org.path });
	const results = await orPageError(() => getContestResults(db, actor, params.id));
	return {
		contest: { id: ctx.contest.id, title: ctx.contest.title, status: ctx.contest.status, juryWeight: ctx.contest.juryWeight },
		phase: contestPhase(ctx.contest, now()),
		orgName: ctx.org.name,
		campaignTitle: ctx.campaign.title,
		values: contestFormValues(ctx.contest),
		manage,
		voteLog: manage ? await getVoteLogSummary(db, actor, params.id) : [],
		results: results && { roundTitle: results.round.title, ranking: results.ranking.map((r) => ({ entryId: r.entryId, rank: r.rank, title: r.entry.title, authorName: r.entry.authorName, unitName: r.unitName, juryScore: r.juryScore, publicScore: r.publicScore, finalScore: r.finalScore, votes: r.votes })) },
		notice: url.searchParams.get('notice')
	};
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const form = await request.formData();
		const values: Record<string, unknown> = { ...formValues(form), entryTypes: form.getAll('entryTypes').map(String) };
		try {
			await updateContest(locals.db, locals.actor, params.id, values);
		} catch (e) {
			return failAction('save', e, values);
		}
		redirect(303, localizeHref(`/admin/creative-contests/${params.id}?notice=saved`));
	},
	publish: async ({ locals, params }) => {
		try {
			await publishContest(locals.db, locals.actor, params.id);
		} catch (e) {
			return failAction('publish', e, {});
		}
		redirect(303, localizeHref(`/admin/creative-contests/${params.id}?notice=published`));
	},
	results: async ({ locals, params }) => {
		try {
			await publishResults(locals.db, locals.actor, params.id);
		} catch (e) {
			return failAction('results', e, {});
		}
		redirect(303, localizeHref(`/admin/creative-contests/${params.id}?notice=results`));
	}
};
