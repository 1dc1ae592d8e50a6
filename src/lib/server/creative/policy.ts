// Who may do what with creative contests, and the windows and blind-judging rules. Pure: the
// service loads the contest, the round, the juror's units and the entry first.
import { hasRoleAt, isSignedIn, type Actor, type Role } from '../auth/actor';
import type { ContestStatus, RoundStatus } from '../../features/creative/types';

/** Coordinators of the organiser's node (or above) run its contests: rules, rounds, jurors, disqualifications, results. */
export const CONTEST_MANAGERS: readonly Role[] = ['coordinator'];

/** Supervisors above the organiser follow a contest (progress, results) without changing it. */
export const CONTEST_READERS: readonly Role[] = ['coordinator', 'supervisor'];

export interface ContestResource {
	orgPath: string;
	status: ContestStatus;
}

export function canManageContest(actor: Actor, contest: { orgPath: string }): boolean {
	return hasRoleAt(actor, CONTEST_MANAGERS, contest.orgPath);
}

/** A published contest is everyone's; a draft only its managers' and supervisors'. */
export function canReadContest(actor: Actor, contest: ContestResource): boolean {
	return contest.status !== 'draft' || hasRoleAt(actor, CONTEST_READERS, contest.orgPath);
}

/** Managers and supervisors follow the jury's progress and, once a round is closed, its ratings. */
export function canFollowJudging(actor: Actor, contest: { orgPath: string }): boolean {
	return hasRoleAt(actor, CONTEST_READERS, contest.orgPath);
}

/** True while the contest takes entries. */
export function submissionOpen(contest: { status: ContestStatus; submissionOpensAt: Date; submissionClosesAt: Date }, at: Date): boolean {
	return contest.status === 'published' && contest.submissionOpensAt <= at && at < contest.submissionClosesAt;
}

/** True while the public vote is open. */
export function voteOpen(contest: { status: ContestStatus; voteOpensAt: Date | null; voteClosesAt: Date | null }, at: Date): boolean {
	return contest.status === 'published' && Boolean(contest.voteOpensAt && contest.voteClosesAt) && contest.voteOpensAt! <= at && at < contest.voteClosesAt!;
}

/** Anyone signed in submits entries; the contest's window decides when. */
export function canSubmitEntry(actor: Actor): boolean {
	return actor.kind === 'user' && isSignedIn(actor);
}

/** One vote per verified account: a signed-in person whose e-mail address is confirmed. */
export function canVote(actor: Actor, account: { emailVerified: boolean } | undefined): boolean {
	return actor.kind === 'user' && Boolean(account?.emailVerified);
}

/**
 * Blind judging: a juror never judges an entry of their own unit (or of a unit below it), nor
 * their own entry.
 */
export function jurorMayJudge(juror: { userId: string; unitPaths: string[] }, entry: { authorUserId: string; unitPath: string | null }): boolean {
	if (entry.authorUserId === juror.userId) return false;
	return !entry.unitPath || !juror.unitPaths.some((p) => entry.unitPath!.startsWith(p));
}

/** Ratings are sealed while a round is open: no one, managers and other jurors included, reads them. */
export function ratingsUnsealed(round: { status: RoundStatus }): boolean {
	return round.status === 'closed';
}
