import { error, redirect } from '@sveltejs/kit';
import { failAction, formValues, orPageError, translate } from '$lib/server/core/http';
import { getJurorRound, rateEntry } from '$lib/server/creative/service';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

// One entry for a juror to play and score, blind; NOT_FOUND for an entry they may not judge.
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const view = await orPageError(() => getJurorRound(locals.db, locals.actor, params.roundId));
	const index = view.entries.findIndex((e) => e.id === params.entryId);
	if (index < 0) error(404, { message: translate('errors_not_found'), code: 'NOT_FOUND' });
	return {
		round: { id: view.round.id, title: view.round.title, status: view.round.status, contestId: view.round.contestId, criteria: view.round.criteria },
		contestTitle: view.contestTitle,
		entry: view.entries[index],
		next: view.entries[index + 1]?.id ?? null,
		mine: view.mine[params.entryId] ?? null,
		notice: url.searchParams.get('notice')
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await rateEntry(locals.db, locals.actor, params.roundId, params.entryId, values);
		} catch (e) {
			return failAction('rate', e, values);
		}
		redirect(303, localizeHref(`/jury/${params.roundId}/entries/${params.entryId}?notice=saved`));
	}
};
