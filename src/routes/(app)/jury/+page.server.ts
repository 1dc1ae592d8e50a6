import { listMyJuryRounds } from '$lib/server/creative/service';
import type { PageServerLoad } from './$types';

// The jury rounds a person judges.
export const load: PageServerLoad = async ({ locals }) => {
	const rounds = await listMyJuryRounds(locals.db, locals.actor);
	return { rounds: rounds.map((r) => ({ id: r.round.id, title: r.round.title, number: r.round.number, status: r.round.status, contestTitle: r.contestTitle, toRate: r.toRate, rated: r.rated })) };
};
