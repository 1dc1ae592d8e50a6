// Who may do what with quiz contests. Pure: the service loads the organisation's path first.
import { hasRoleAt, isSignedIn, type Actor, type Role } from '../auth/actor';

/** Coordinators of the organiser (or above) set contests and rounds up and publish results (M11, M13). */
export const CONTEST_ORGANISERS: readonly Role[] = ['coordinator'];

/** Staff write questions for their organisation's bank; coordinators too. */
export const QUESTION_EDITORS: readonly Role[] = ['coordinator', 'staff'];

/** Who reads a round's results before they are published: its organisers and supervisors above. */
export const RESULT_READERS: readonly Role[] = ['coordinator', 'supervisor'];

export function canOrganiseContests(actor: Actor, org: { orgPath: string }): boolean {
	return hasRoleAt(actor, CONTEST_ORGANISERS, org.orgPath);
}

export function canEditQuestions(actor: Actor, org: { orgPath: string }): boolean {
	return hasRoleAt(actor, QUESTION_EDITORS, org.orgPath);
}

/** A published contest is public; a draft only for its organisers. */
export function canReadContest(actor: Actor, contest: { orgPath: string; status: 'draft' | 'published' }): boolean {
	return contest.status === 'published' || canOrganiseContests(actor, contest);
}

/** Results are public once published; before that only organisers and supervisors read them. */
export function canReadResults(actor: Actor, round: { orgPath: string; published: boolean }): boolean {
	return round.published || hasRoleAt(actor, RESULT_READERS, round.orgPath);
}

/** The full results (every participant, as a spreadsheet) are for organisers and supervisors only. */
export function canExportResults(actor: Actor, round: { orgPath: string }): boolean {
	return hasRoleAt(actor, RESULT_READERS, round.orgPath);
}

/** The signed-in rule needs an account; the code rule a verified e-mail (with or without one). */
export function canEnterWithAccount(actor: Actor): boolean {
	return actor.kind === 'user' && isSignedIn(actor) && Boolean(actor.userId);
}
