import { orPageError } from '$lib/server/core/http';
import { getJurorRound } from '$lib/server/creative/service';
import type { PageServerLoad } from './$types';

// A round for one of its jurors: entries without author or unit, and only the juror's own ratings.
export const load: PageServerLoad = async ({ locals, params }) => {
	const view = await orPageError(() => getJurorRound(locals.db, locals.actor, params.roundId));
	return {
		round: { id: view.round.id, title: view.round.title, status: view.round.status, contestId: view.round.contestId },
		contestTitle: view.contestTitle,
		entries: view.entries.map((e) => ({ id: e.id, code: e.code, type: e.type, title: e.title, rated: e.id in view.mine, score: view.mine[e.id]?.score ?? null }))
	};
};
