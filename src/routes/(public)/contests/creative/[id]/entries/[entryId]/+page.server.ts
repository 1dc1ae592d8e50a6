import { randomUUID } from 'node:crypto';
import { error, redirect } from '@sveltejs/kit';
import { failAction, formValues, orPageError, translate } from '$lib/server/core/http';
import { castVote, disqualifyEntry, getEntryPage } from '$lib/server/creative/service';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const p = await orPageError(() => getEntryPage(locals.db, locals.actor, params.entryId));
	if (p.contest.id !== params.id) error(404, { message: translate('errors_not_found'), code: 'NOT_FOUND' });
	return {
		contest: { id: p.contest.id, title: p.contest.title, status: p.contest.status },
		orgName: p.orgName,
		entry: p.entry,
		isAuthor: p.isAuthor,
		canManage: p.canManage,
		voted: p.voted,
		voteOpen: p.voteOpen,
		canVote: p.canVote,
		votesLeft: p.votesLeft,
		certificate: p.certificate,
		signedIn: locals.actor.kind === 'user',
		requestKey: randomUUID(),
		notice: url.searchParams.get('notice')
	};
};

export const actions: Actions = {
	vote: async ({ request, locals, params, getClientAddress }) => {
		const values = formValues(await request.formData());
		try {
			await castVote(locals.db, locals.actor, params.entryId, { requestKey: String(values.requestKey ?? ''), clientAddress: getClientAddress() });
		} catch (e) {
			return failAction('vote', e, values);
		}
		redirect(303, localizeHref(`/contests/creative/${params.id}/entries/${params.entryId}?notice=voted`));
	},
	disqualify: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await disqualifyEntry(locals.db, locals.actor, params.entryId, { reason: values.reason });
		} catch (e) {
			return failAction('disqualify', e, values);
		}
		redirect(303, localizeHref(`/contests/creative/${params.id}/entries/${params.entryId}?notice=disqualified`));
	}
};
