// Subscriptions to a forum or a thread, and the daily digest mail: one mail per subscriber with
// what was posted since their last digest, sent by a durable job.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { settings } from '../../core/env';
import { translate } from '../../core/http';
import type { Actor } from '../../auth/actor';
import { sendMail } from '../../notifications/service';
import { enqueueJob, type JobContext, type JobHandlers } from '../../jobs/service';
import { formatDateTime, isoDateInVietnam } from '$lib/vn/dates';
import { countSubscriptions, deleteSubscription, insertSubscription, markDigested, selectAllSubscriptions, selectNewPosts } from '../queries';
import type { ForumPostRow, ForumSubscriptionRow } from '../tables';
import { loadForum, loadThread, requireSignedIn } from './context';

/** The job kind of the daily digest. */
export const COMMUNITY_DIGEST_JOB = 'community.digest';

/** The digest goes out at 07:00 in Vietnam (00:00 UTC), before the office day. */
export const DIGEST_HOUR_UTC = 0;

/** The next digest time strictly after `at`. */
export function nextDigestTime(at: Date): Date {
	const next = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), DIGEST_HOUR_UTC));
	if (next <= at) next.setUTCDate(next.getUTCDate() + 1);
	return next;
}

/** Enqueues the next daily digest unless it is already queued (one per day across every copy of the app). */
export async function scheduleForumDigest(db: Db, at: Date = now()): Promise<void> {
	const runAt = nextDigestTime(at);
	await enqueueJob(db, { kind: COMMUNITY_DIGEST_JOB, runAt, uniqueKey: `community-digest:${isoDateInVietnam(runAt)}` });
}

type Target = { forumId: string } | { threadId: string };

/**
 * Follows a forum or a thread: new posts come in the daily digest. Following twice changes
 * nothing. Refuses a visitor (UNAUTHENTICATED), an account with no e-mail (VALIDATION) and an
 * unknown forum or thread (NOT_FOUND).
 */
export async function subscribe(db: Db, actor: Actor, target: Target): Promise<void> {
	requireSignedIn(actor);
	if (!actor.userId || !actor.email) throw new AppError('VALIDATION', { fields: { _: 'community_no_email' } });
	if ('forumId' in target) await loadForum(db, target.forumId);
	else await loadThread(db, target.threadId);
	const at = now();
	await db.transaction(async (tx) => {
		await insertSubscription(tx, {
			id: newId(),
			userId: actor.userId!,
			email: actor.email!,
			forumId: 'forumId' in target ? target.forumId : null,
			threadId: 'threadId' in target ? target.threadId : null,
			lastDigestAt: at,
			createdAt: at
		});
		await scheduleForumDigest(tx, at);
	});
}

/** Stops following a forum or thread; refuses a visitor (UNAUTHENTICATED). */
export async function unsubscribe(db: Db, actor: Actor, target: Target): Promise<void> {
	requireSignedIn(actor);
	if (actor.userId) await deleteSubscription(db, actor.userId, target);
}

/** The digest mail, in Vietnamese: each new post's thread, author, time and first lines, and its link. */
export function composeDigestMail(posts: Array<{ post: ForumPostRow; threadTitle: string }>): { subject: string; text: string } {
	const origin = settings().ORIGIN.replace(/\/$/, '');
	const lines = [translate('community_digest_intro', { count: posts.length }, 'vi'), ''];
	for (const { post, threadTitle } of posts) {
		const excerpt = post.body.length > 300 ? `${post.body.slice(0, 300)}…` : post.body;
		lines.push(`${threadTitle} — ${post.authorLabel}, ${formatDateTime(post.createdAt)}`, excerpt, `${origin}/forums/threads/${post.threadId}#post-${post.id}`, '');
	}
	lines.push(translate('community_digest_footer', {}, 'vi'));
	return { subject: translate('community_digest_subject', { count: posts.length }, 'vi'), text: lines.join('\n') };
}

/**
 * Sends each subscriber one mail with the visible posts of what they follow written since their
 * last digest (not their own), then moves their mark to `at`. A job run twice finds nothing new.
 * Returns the number of mails sent.
 */
export async function runForumDigest(db: Db, at: Date = now()): Promise<number> {
	const byUser = new Map<string, ForumSubscriptionRow[]>();
	for (const s of await selectAllSubscriptions(db)) byUser.set(s.userId, [...(byUser.get(s.userId) ?? []), s]);
	let sent = 0;
	for (const [userId, subs] of byUser) {
		const seen = new Map<string, { post: ForumPostRow; threadTitle: string }>();
		for (const s of subs) {
			const target: Target = s.forumId ? { forumId: s.forumId } : { threadId: s.threadId! };
			for (const row of await selectNewPosts(db, target, { since: s.lastDigestAt, until: at, exceptUserId: userId })) seen.set(row.post.id, row);
		}
		const posts = [...seen.values()].sort((a, b) => a.post.createdAt.getTime() - b.post.createdAt.getTime());
		if (posts.length) {
			await sendMail(db, { to: subs[0].email, ...composeDigestMail(posts) });
			sent++;
		}
		await markDigested(
			db,
			subs.map((s) => s.id),
			at
		);
	}
	return sent;
}

/** The community domain's job handlers, for the worker that src/hooks.server.ts starts. */
export const communityJobHandlers: JobHandlers = {
	[COMMUNITY_DIGEST_JOB]: async (_payload: Record<string, unknown>, context: JobContext) => {
		const at = now();
		await runForumDigest(context.db, at);
		if ((await countSubscriptions(context.db)) > 0) await scheduleForumDigest(context.db, at);
	}
};
