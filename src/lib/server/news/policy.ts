// Who may do what with news posts. Pure: the service loads the post and its unit's path first.
import { hasRoleAt, type Actor, type Role } from '../auth/actor';
import type { NewsPostStatus } from '../../features/news/types';

/** Staff and unit leaders write their unit's posts; coordinators write too (PRODUCT M5). */
export const NEWS_WRITERS: readonly Role[] = ['staff', 'unit_leader', 'coordinator'];

/** Coordinators of the unit's node or above review, schedule, publish and archive. */
export const NEWS_EDITORS: readonly Role[] = ['coordinator'];

/** What the policy needs to know of a post. */
export interface NewsPostResource {
	unitPath: string;
	status: NewsPostStatus;
}

/** Writers and editors of the unit (or above) see its posts in the back office. */
export function canReadPostDraft(actor: Actor, post: { unitPath: string }): boolean {
	return hasRoleAt(actor, NEWS_WRITERS, post.unitPath);
}

/** Anyone reads a published post; the back office reads the rest. */
export function canReadPost(actor: Actor, post: NewsPostResource): boolean {
	return post.status === 'published' || canReadPostDraft(actor, post);
}

/** Writers of a unit start posts for it. */
export function canWritePostFor(actor: Actor, unit: { path: string }): boolean {
	return hasRoleAt(actor, NEWS_WRITERS, unit.path);
}

/** Writers edit a draft or a post in review; editors also a scheduled or published one; an archived post is kept as it was. */
export function canEditPost(actor: Actor, post: NewsPostResource): boolean {
	if (post.status === 'archived') return false;
	if (post.status === 'draft' || post.status === 'in_review') return hasRoleAt(actor, NEWS_WRITERS, post.unitPath);
	return canReviewPost(actor, post);
}

/** Coordinators of the unit's node or above review, publish, schedule and archive its posts. */
export function canReviewPost(actor: Actor, post: { unitPath: string }): boolean {
	return hasRoleAt(actor, NEWS_EDITORS, post.unitPath);
}

/** Staff log where a post was carried once it is public. */
export function canLogChannel(actor: Actor, post: NewsPostResource): boolean {
	return (post.status === 'published' || post.status === 'archived') && hasRoleAt(actor, NEWS_WRITERS, post.unitPath);
}

export type NewsTransition = 'submit' | 'return' | 'publish' | 'schedule' | 'unschedule' | 'archive';

/** The workflow: draft → in_review → scheduled | published → archived; a coordinator may publish a draft directly. */
export const NEWS_TRANSITIONS: Record<NewsTransition, { from: readonly NewsPostStatus[]; to: NewsPostStatus }> = {
	submit: { from: ['draft'], to: 'in_review' },
	return: { from: ['in_review', 'scheduled'], to: 'draft' },
	publish: { from: ['draft', 'in_review', 'scheduled'], to: 'published' },
	schedule: { from: ['draft', 'in_review'], to: 'scheduled' },
	unschedule: { from: ['scheduled'], to: 'in_review' },
	archive: { from: ['published'], to: 'archived' }
};

/** Submitting is the writers'; every other step is the editors'. */
export function canTransitionPost(actor: Actor, post: NewsPostResource, transition: NewsTransition): boolean {
	return transition === 'submit' ? hasRoleAt(actor, NEWS_WRITERS, post.unitPath) : canReviewPost(actor, post);
}

/** Whether the workflow allows `transition` from the post's status. */
export function transitionAllowed(post: { status: NewsPostStatus }, transition: NewsTransition): boolean {
	return NEWS_TRANSITIONS[transition].from.includes(post.status);
}

/** Writers of the campaign's node, of a unit under it or of a node above print its banners and posters. */
export function canPrintForCampaign(actor: Actor, campaign: { orgPath: string }): boolean {
	if (hasRoleAt(actor, NEWS_WRITERS, campaign.orgPath)) return true;
	return actor.grants.some((g) => NEWS_WRITERS.includes(g.role) && g.orgPath.startsWith(campaign.orgPath));
}
