import { randomUUID } from 'node:crypto';
import { redirect } from '@sveltejs/kit';
import { now } from '$lib/server/core/clock';
import { failAction, formValues, orPageError } from '$lib/server/core/http';
import { castVote, getContestPage } from '$lib/server/creative/service';
import { contestPhase, contestView } from '$lib/features/creative/format';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const p = await orPageError(() => getContestPage(locals.db, locals.actor, params.id));
	const c = p.ctx.contest;
	return {
		contest: contestView(c),
		phase: contestPhase(c, now()),
		orgName: p.ctx.org.name,
		campaignTitle: p.ctx.campaign.title,
		entries: p.entries,
		mine: p.mine,
		myVotes: p.myVotes,
		can: p.can,
		submissionOpen: p.submissionOpen,
		voteOpen: p.voteOpen,
		signedIn: locals.actor.kind === 'user',
		results: p.results && {
			roundTitle: p.results.round.title,
			ranking: p.results.ranking.map((r) => ({ rank: r.rank, entryId: r.entryId, title: r.entry.title, authorName: r.entry.authorName, unitName: r.unitName, juryScore: r.juryScore, publicScore: r.publicScore, finalScore: r.finalScore, votes: r.votes }))
		},
		// One key per vote button: a double click or a resend counts once.
		voteKeys: Object.fromEntries(p.entries.map((e) => [e.id, randomUUID()])),
		notice: url.searchParams.get('notice')
	};
};

export const actions: Actions = {
	vote: async ({ request, locals, getClientAddress }) => {
		const values = formValues(await request.formData());
		const entryId = String(values.entryId ?? '');
		try {
			await castVote(locals.db, locals.actor, entryId, { requestKey: String(values.requestKey ?? ''), clientAddress: getClientAddress() });
		} catch (e) {
			return failAction('vote', e, values);
		}
		redirect(303, localizeHref(`${new URL(request.url).pathname}?notice=voted#entry-${entryId}`));
	}
};
