import { orPageError } from '$lib/server/core/http';
import { getManagedContest, listContestEntriesForManager } from '$lib/server/creative/service';
import type { PageServerLoad } from './$types';

// Every entry of a contest with its author, unit, guardian and status, for its coordinators.
export const load: PageServerLoad = async ({ locals, params }) => {
	const ctx = await orPageError(() => getManagedContest(locals.db, locals.actor, params.id));
	const entries = await orPageError(() => listContestEntriesForManager(locals.db, locals.actor, ctx));
	return {
		contest: { id: ctx.contest.id, title: ctx.contest.title },
		entries: entries.map((e) => ({
			id: e.id,
			seq: e.seq,
			type: e.type,
			title: e.title,
			authorName: e.authorName,
			unitName: e.unitName,
			isMinor: e.isMinor,
			guardianName: e.guardianName,
			guardianRelation: e.guardianRelation,
			publishable: e.publishable,
			status: e.status,
			disqualifiedReason: e.disqualifiedReason,
			durationSeconds: e.durationSeconds,
			size: e.size,
			submittedAt: e.submittedAt
		}))
	};
};
