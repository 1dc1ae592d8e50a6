// The public vote (M13): one vote per verified account per entry (or K in the whole contest),
// rate-limited from the vote log, closed on the server's clock, every vote logged; the same vote
// sent twice (a double click, a retry with the same request key) counts once.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/types';
import { AppError, isAppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId, sha256 } from '../../core/ids';
import type { Actor } from '../../auth/actor';
import { findUser } from '../../auth/service';
import { runOnce } from '../../idempotency/service';
import { VOTE_RATE_LIMIT } from '$lib/features/creative/types';
import { canVote, voteOpen } from '../policy';
import { countVoteLogsOfUserSince, countVotesByEntry, countVotesOfUser, countVoteLogOutcomes, insertVote, insertVoteLog, lockVoter, selectVotedEntryIds } from '../queries';
import { requireManagedContest } from './context';
import { requireReadableEntry } from './entries';

export interface VoteOutcome {
	/** True when this request was a repeat of one already counted. */
	repeated: boolean;
	votes: number;
}

/**
 * Casts the actor's vote for an entry. Refuses a visitor (UNAUTHENTICATED), an entry not public
 * (NOT_FOUND), an account whose e-mail is not verified (FORBIDDEN), a vote outside the contest's
 * window (INVALID_TRANSITION), too many votes in a short time (RATE_LIMITED), a second vote for the
 * same entry or beyond the contest's K (CONFLICT). A repeat of the same request counts once and
 * answers as the first did. Every attempt is written to the vote log.
 */
export async function castVote(db: Db, actor: Actor, entryId: string, options: { requestKey?: string; clientAddress?: string } = {}): Promise<VoteOutcome> {
	const at = now();
	const requestKey = options.requestKey || randomUUID();
	let contestId = '';
	const log = (outcome: string) =>
		insertVoteLog(db, { id: newId(), contestId, entryId, userId: actor.userId ?? null, outcome, requestKey, clientHash: options.clientAddress ? sha256(options.clientAddress) : null, at });
	try {
		if (actor.kind !== 'user' || !actor.userId) throw new AppError('UNAUTHENTICATED');
		const { ctx, entry } = await requireReadableEntry(db, actor, entryId);
		if (!entry.publishable || entry.status !== 'submitted') throw new AppError('NOT_FOUND');
		contestId = ctx.contest.id;
		if (!canVote(actor, await findUser(db, actor.userId))) throw new AppError('FORBIDDEN', { fields: { _: 'creative_vote_unverified' } });
		if (!voteOpen(ctx.contest, at)) throw new AppError('INVALID_TRANSITION', { fields: { _: 'creative_vote_closed' } });
		const recent = await countVoteLogsOfUserSince(db, actor.userId, new Date(at.getTime() - VOTE_RATE_LIMIT.windowSeconds * 1000));
		if (recent >= VOTE_RATE_LIMIT.maxVotes) throw new AppError('RATE_LIMITED', { fields: { _: 'creative_vote_rate_limited' }, detail: { max: VOTE_RATE_LIMIT.maxVotes } });
		const { repeated } = await runOnce(db, actor, { key: requestKey, scope: `creative-vote:${entryId}` }, async (tx) => {
			await lockVoter(tx, ctx.contest.id, actor.userId!);
			if (ctx.contest.voteMode === 'per_contest' && (await countVotesOfUser(tx, ctx.contest.id, actor.userId!)) >= ctx.contest.votesPerAccount) {
				throw new AppError('CONFLICT', { fields: { _: 'creative_vote_limit' }, detail: { max: ctx.contest.votesPerAccount } });
			}
			const id = newId();
			if (!(await insertVote(tx, { id, contestId: ctx.contest.id, entryId, userId: actor.userId!, at }))) throw new AppError('CONFLICT', { fields: { _: 'creative_vote_already' } });
			await insertVoteLog(tx, { id: newId(), contestId: ctx.contest.id, entryId, userId: actor.userId!, outcome: 'counted', requestKey, clientHash: options.clientAddress ? sha256(options.clientAddress) : null, at });
			return { id };
		});
		if (repeated) await log('repeated');
		return { repeated, votes: (await countVotesByEntry(db, ctx.contest.id)).get(entryId) ?? 0 };
	} catch (e) {
		if (isAppError(e) && contestId) await log(e.code.toLowerCase());
		throw e;
	}
}

/** What the actor's vote looks like on a contest's pages: the entries they voted for and how many votes they have left. */
export async function getMyVotes(db: Db, actor: Actor, contest: { id: string; voteMode: string; votesPerAccount: number }): Promise<{ entryIds: string[]; left: number | null }> {
	if (actor.kind !== 'user' || !actor.userId) return { entryIds: [], left: null };
	const entryIds = await selectVotedEntryIds(db, contest.id, actor.userId);
	return { entryIds, left: contest.voteMode === 'per_contest' ? Math.max(0, contest.votesPerAccount - entryIds.length) : null };
}

/** Votes per entry of a contest (public figures). */
export async function countContestVotes(db: Db, contestId: string): Promise<Map<string, number>> {
	return countVotesByEntry(db, contestId);
}

/** The vote log of a contest by outcome (counted, repeated, refusals), for its managers; FORBIDDEN for others. */
export async function getVoteLogSummary(db: Db, actor: Actor, contestId: string): Promise<Array<{ outcome: string; n: number }>> {
	await requireManagedContest(db, actor, contestId);
	return countVoteLogOutcomes(db, contestId);
}
