// Who may do what in clubs and forums. Pure: the service loads the club, forum or post first.
import { hasRoleAt, isSignedIn, type Actor, type Role } from '../auth/actor';
import { POSTING_LIMITS, type PostingLimit } from '../../features/community/types';

/** Staff, unit leaders and coordinators (and administrators) of a node start its clubs (PRODUCT M11). */
export const CLUB_CREATORS: readonly Role[] = ['administrator', 'coordinator', 'unit_leader', 'staff'];

/** Coordinators and administrators of a forum's node (or above) moderate it. */
export const FORUM_MODERATORS: readonly Role[] = ['administrator', 'coordinator'];

/** Staff and leaders of a node (or above) create clubs on it. */
export function canCreateClub(actor: Actor, org: { path: string }): boolean {
	return actor.kind === 'user' ? hasRoleAt(actor, CLUB_CREATORS, org.path) : actor.kind === 'system';
}

/** Anyone signed in joins or leaves a club, posts, reports and subscribes. */
export function canTakePart(actor: Actor): boolean {
	return isSignedIn(actor);
}

/** Coordinators and administrators of the forum's node or above moderate it. */
export function canModerate(actor: Actor, forum: { orgPath: string }): boolean {
	return hasRoleAt(actor, FORUM_MODERATORS, forum.orgPath);
}

/** The author of a post sees its text even when hidden; so do the moderators. */
export function canReadHiddenPost(actor: Actor, post: { authorUserId: string | null }, forum: { orgPath: string }): boolean {
	return canModerate(actor, forum) || (actor.kind === 'user' && Boolean(post.authorUserId) && actor.userId === post.authorUserId);
}

/** The posting limit for an account made at `accountCreatedAt`: stricter during its first day. */
export function postingLimitFor(accountCreatedAt: Date | null | undefined, at: Date): PostingLimit {
	const young = accountCreatedAt ? at.getTime() - accountCreatedAt.getTime() < POSTING_LIMITS.newAccountHours * 3600_000 : false;
	const limit = young ? POSTING_LIMITS.newAccount : POSTING_LIMITS.regular;
	return { maxPosts: limit.maxPosts, windowSeconds: limit.windowSeconds, newAccount: young };
}

/** A suspension on a node holds in the forums of that node and below, until its end, unless lifted. */
export function suspensionApplies(suspension: { orgPath: string; until: Date; liftedAt: Date | null }, forum: { orgPath: string }, at: Date): boolean {
	return !suspension.liftedAt && suspension.until > at && forum.orgPath.startsWith(suspension.orgPath);
}
