// Forums (diễn đàn, M11): one per club and one per campaign; threads and replies in plain text,
// replies that quote a post, posting refused to suspended people and beyond the posting limits.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { parseInput } from '../../core/http';
import type { Actor } from '../../auth/actor';
import { findUser } from '../../auth/service';
import { findOrgNode } from '../../org/service';
import { getCampaign } from '../../campaigns/service';
import { formatDate } from '$lib/vn/dates';
import { replyInput, threadInput, type ReplyInput, type ThreadInput } from '$lib/features/community/inputs';
import type { PostView } from '$lib/features/community/types';
import { canModerate, canReadHiddenPost, canTakePart, postingLimitFor, suspensionApplies } from '../policy';
import {
	countPostsOfAuthorSince,
	insertForum,
	insertPost,
	insertThread,
	selectActiveSuspensionsOfUser,
	selectClub,
	selectForumBy,
	selectPostsByIds,
	selectPostsOfThread,
	selectSubscriptionsOfUser,
	selectThreadsOfForum,
	updateThread
} from '../queries';
import type { ClubRow, ForumPostRow, ForumRow, ForumThreadRow } from '../tables';
import { loadForum, loadThread, participantLabel, requireSignedIn } from './context';

/** The campaign's forum, made the first time it is opened. NOT_FOUND for a campaign the actor may not read. */
export async function openCampaignForum(db: Db, actor: Actor, campaignId: string): Promise<ForumRow> {
	const campaign = await getCampaign(db, actor, campaignId);
	return (await selectForumBy(db, { campaignId: campaign.id })) ?? insertForum(db, { id: newId(), orgId: campaign.orgId, orgPath: campaign.orgPath, campaignId: campaign.id, title: campaign.title, createdAt: now() });
}

/** A forum page: its threads and what the actor may do. */
export interface ForumDetail {
	forum: ForumRow;
	club: ClubRow | null;
	orgName: string;
	threads: Array<ForumThreadRow & { posts: number }>;
	subscribed: boolean;
	can: { post: boolean; moderate: boolean };
}

/** The forum with its threads, most recently active first; NOT_FOUND when it does not exist. */
export async function getForum(db: Db, actor: Actor, forumId: string): Promise<ForumDetail> {
	const forum = await loadForum(db, forumId);
	const [threads, club, org, subscribed] = await Promise.all([
		selectThreadsOfForum(db, forum.id, 200),
		forum.clubId ? selectClub(db, forum.clubId) : undefined,
		findOrgNode(db, forum.orgId),
		isSubscribed(db, actor, { forumId: forum.id })
	]);
	return { forum, club: club ?? null, orgName: org?.name ?? '', threads, subscribed, can: { post: canTakePart(actor), moderate: canModerate(actor, forum) } };
}

/** A thread page: its posts as the actor may see them. */
export interface ThreadDetail {
	thread: ForumThreadRow;
	forum: ForumRow;
	posts: PostView[];
	subscribed: boolean;
	can: { post: boolean; moderate: boolean };
}

/** Turns stored posts into what the actor may read: a hidden post's text only for its author and the moderators. */
function viewPosts(actor: Actor, forum: ForumRow, posts: ForumPostRow[], quoted: Map<string, ForumPostRow>): PostView[] {
	const text = (p: ForumPostRow) => (p.hidden && !canReadHiddenPost(actor, p, forum) ? '' : p.body);
	return posts.map((p) => {
		const q = p.quotedPostId ? quoted.get(p.quotedPostId) : undefined;
		return {
			id: p.id,
			threadId: p.threadId,
			authorUserId: p.authorUserId,
			authorLabel: p.authorLabel,
			body: text(p),
			hidden: p.hidden,
			createdAt: p.createdAt,
			quoted: q ? { id: q.id, authorLabel: q.authorLabel, body: text(q), hidden: q.hidden } : null
		};
	});
}

/** The thread with its posts, oldest first; NOT_FOUND when it does not exist. */
export async function getThread(db: Db, actor: Actor, threadId: string): Promise<ThreadDetail> {
	const { thread, forum } = await loadThread(db, threadId);
	const posts = await selectPostsOfThread(db, thread.id, 1000);
	const byId = new Map(posts.map((p) => [p.id, p]));
	const missing = posts.map((p) => p.quotedPostId).filter((id): id is string => Boolean(id) && !byId.has(id!));
	for (const p of await selectPostsByIds(db, missing)) byId.set(p.id, p);
	const moderate = canModerate(actor, forum);
	return { thread, forum, posts: viewPosts(actor, forum, posts, byId), subscribed: await isSubscribed(db, actor, { threadId: thread.id }), can: { post: canTakePart(actor) && (!thread.locked || moderate), moderate } };
}

async function isSubscribed(db: Db, actor: Actor, target: { forumId: string } | { threadId: string }): Promise<boolean> {
	if (!actor.userId) return false;
	const subs = await selectSubscriptionsOfUser(db, actor.userId);
	return subs.some((s) => ('forumId' in target ? s.forumId === target.forumId : s.threadId === target.threadId));
}

/**
 * Refuses a post by someone suspended from the forum's node (FORBIDDEN, community_suspended, with
 * the day it ends) or beyond the posting limit (RATE_LIMITED), counted from the stored posts.
 */
async function assertMayPost(db: Db, actor: Actor, forum: ForumRow, at: Date): Promise<void> {
	if (actor.kind !== 'user' || !actor.userId) return;
	const suspension = (await selectActiveSuspensionsOfUser(db, actor.userId, at)).find((s) => suspensionApplies(s, forum, at));
	if (suspension) throw new AppError('FORBIDDEN', { fields: { _: 'community_suspended' }, detail: { until: formatDate(suspension.until) } });
	const account = await findUser(db, actor.userId);
	const limit = postingLimitFor(account?.createdAt, at);
	const recent = await countPostsOfAuthorSince(db, actor.userId, new Date(at.getTime() - limit.windowSeconds * 1000));
	if (recent >= limit.maxPosts) {
		const minutes = Math.max(1, Math.round(limit.windowSeconds / 60));
		throw new AppError('RATE_LIMITED', { fields: { _: limit.newAccount ? 'community_rate_limited_new' : 'community_rate_limited' }, detail: { max: limit.maxPosts, minutes } });
	}
}

function authorOf(actor: Actor): { authorUserId: string | null; authorLabel: string } {
	return { authorUserId: actor.userId ?? null, authorLabel: participantLabel(actor) };
}

/**
 * Starts a thread in a forum with its opening post. Refuses a visitor (UNAUTHENTICATED), an unknown
 * forum (NOT_FOUND), bad input (VALIDATION), a suspended person (FORBIDDEN) and posting beyond the
 * limit (RATE_LIMITED).
 */
export async function startThread(db: Db, actor: Actor, forumId: string, input: ThreadInput): Promise<{ thread: ForumThreadRow; post: ForumPostRow }> {
	requireSignedIn(actor);
	const forum = await loadForum(db, forumId);
	const data = parseInput(threadInput, input);
	const at = now();
	await assertMayPost(db, actor, forum, at);
	return db.transaction(async (tx) => {
		const thread = await insertThread(tx, { id: newId(), forumId: forum.id, orgId: forum.orgId, title: data.title, ...authorOf(actor), lastPostAt: at, createdAt: at });
		const post = await insertPost(tx, { id: newId(), threadId: thread.id, forumId: forum.id, orgId: forum.orgId, ...authorOf(actor), body: data.body, createdAt: at });
		return { thread, post };
	});
}

/**
 * Replies to a thread, quoting one of its posts if asked. Refuses a visitor (UNAUTHENTICATED), an
 * unknown thread (NOT_FOUND), bad input or a quote from elsewhere (VALIDATION), a locked thread
 * (INVALID_TRANSITION; moderators may still answer), a suspended person (FORBIDDEN) and posting
 * beyond the limit (RATE_LIMITED).
 */
export async function replyToThread(db: Db, actor: Actor, threadId: string, input: ReplyInput): Promise<ForumPostRow> {
	requireSignedIn(actor);
	const { thread, forum } = await loadThread(db, threadId);
	const data = parseInput(replyInput, input);
	if (data.quotedPostId) {
		const [quoted] = await selectPostsByIds(db, [data.quotedPostId]);
		if (!quoted || quoted.threadId !== thread.id) throw new AppError('VALIDATION', { fields: { quotedPostId: 'field_invalid' } });
	}
	const at = now();
	await assertMayPost(db, actor, forum, at);
	return db.transaction(async (tx) => {
		const { thread: current } = await loadThread(tx, thread.id, { lock: true });
		if (current.locked && !canModerate(actor, forum)) throw new AppError('INVALID_TRANSITION', { fields: { _: 'community_thread_locked' } });
		const post = await insertPost(tx, { id: newId(), threadId: thread.id, forumId: forum.id, orgId: forum.orgId, ...authorOf(actor), body: data.body, quotedPostId: data.quotedPostId, createdAt: at });
		await updateThread(tx, thread.id, { lastPostAt: at });
		return post;
	});
}
