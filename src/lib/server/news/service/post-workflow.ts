// The post's workflow: draft → in review → scheduled or published → archived, with scheduled
// publishing as a durable job (ARCHITECTURE "Scaling out").
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { parseInput } from '../../core/http';
import { systemActor, type Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { enqueueJob, type JobContext, type JobHandlers } from '../../jobs/service';
import { newsScheduleInput, type NewsScheduleInput } from '$lib/features/news/inputs';
import { canReadPostDraft, canTransitionPost, NEWS_TRANSITIONS, transitionAllowed, type NewsTransition } from '../policy';
import { updatePostRow, type NewNewsPostRow } from '../queries';
import type { NewsPostRow } from '../tables';
import { loadPost, postAuditView } from './post-context';

/** The job kind of a scheduled publication. */
export const NEWS_PUBLISH_JOB = 'news.publish';

/** The key that makes one publication job per post and time across every app process. */
export function publishJobKey(postId: string, at: Date): string {
	return `news-publish:${postId}:${at.toISOString()}`;
}

async function applyTransition(db: Db, actor: Actor, postId: string, transition: NewsTransition, patch: (post: NewsPostRow, at: Date) => Partial<NewNewsPostRow>, after?: (tx: Db, row: NewsPostRow) => Promise<void>): Promise<NewsPostRow> {
	const post = await loadPost(db, postId);
	if (!canReadPostDraft(actor, post)) throw new AppError('NOT_FOUND');
	if (!canTransitionPost(actor, post, transition)) throw new AppError('FORBIDDEN');
	return db.transaction(async (tx) => {
		const current = await loadPost(tx, post.id, { lock: true });
		if (!transitionAllowed(current, transition)) throw new AppError('INVALID_TRANSITION');
		const at = now();
		const row = await updatePostRow(tx, current.id, { status: NEWS_TRANSITIONS[transition].to, updatedAt: at, ...patch(current, at) });
		await recordAudit(tx, actor, { orgId: row.orgId, orgPath: row.unitPath, entity: 'news_post', entityId: row.id, action: transition, before: postAuditView(current), after: postAuditView(row) });
		if (after) await after(tx, row);
		return row;
	});
}

/** Sends a draft to review. Refuses a post the actor may not see (NOT_FOUND), a non-writer (FORBIDDEN), a post not in draft (INVALID_TRANSITION). */
export async function submitPost(db: Db, actor: Actor, postId: string): Promise<NewsPostRow> {
	return applyTransition(db, actor, postId, 'submit', () => ({}));
}

/** Sends a post in review (or scheduled) back to its writer as a draft. Refuses a non-coordinator (FORBIDDEN) and other statuses (INVALID_TRANSITION). */
export async function returnPost(db: Db, actor: Actor, postId: string): Promise<NewsPostRow> {
	return applyTransition(db, actor, postId, 'return', () => ({ scheduledAt: null }));
}

/** Publishes a post now. Refuses anyone but a coordinator of its unit or above (FORBIDDEN), and a post already published or archived (INVALID_TRANSITION). */
export async function publishPost(db: Db, actor: Actor, postId: string): Promise<NewsPostRow> {
	return applyTransition(db, actor, postId, 'publish', (_p, at) => ({ publishedAt: at, scheduledAt: null }));
}

/**
 * Schedules a post to go public at `publishAt` ("dd/mm/yyyy hh:mm", Vietnam time) and enqueues
 * the job that will publish it. Refuses what publishPost refuses, and a time missing, malformed or
 * not in the future (VALIDATION, publishAt).
 */
export async function schedulePost(db: Db, actor: Actor, postId: string, input: NewsScheduleInput): Promise<NewsPostRow> {
	const { publishAt } = parseInput(newsScheduleInput, input);
	if (publishAt.getTime() <= now().getTime()) throw new AppError('VALIDATION', { fields: { publishAt: 'news_schedule_in_past' } });
	return applyTransition(
		db,
		actor,
		postId,
		'schedule',
		() => ({ scheduledAt: publishAt }),
		async (tx, row) => {
			await enqueueJob(tx, { kind: NEWS_PUBLISH_JOB, payload: { postId: row.id, at: publishAt.toISOString() }, runAt: publishAt, uniqueKey: publishJobKey(row.id, publishAt) });
		}
	);
}

/** Takes a scheduled post back to review; its job then finds it not scheduled and does nothing. Refuses a non-coordinator (FORBIDDEN) and other statuses (INVALID_TRANSITION). */
export async function unschedulePost(db: Db, actor: Actor, postId: string): Promise<NewsPostRow> {
	return applyTransition(db, actor, postId, 'unschedule', () => ({ scheduledAt: null }));
}

/** Withdraws a published post from the public site and its feeds. Refuses a non-coordinator (FORBIDDEN) and a post not published (INVALID_TRANSITION). */
export async function archivePost(db: Db, actor: Actor, postId: string): Promise<NewsPostRow> {
	return applyTransition(db, actor, postId, 'archive', (_p, at) => ({ archivedAt: at }));
}

/**
 * Runs one scheduled publication: publishes the post when it is still scheduled for the job's
 * time and that time has come; does nothing for a post unscheduled, rescheduled, deleted or
 * already published (a job run twice publishes once).
 */
export async function runScheduledPublication(db: Db, payload: Record<string, unknown>): Promise<NewsPostRow | undefined> {
	const postId = String(payload.postId ?? '');
	const at = String(payload.at ?? '');
	const actor = systemActor('jobs');
	return db.transaction(async (tx) => {
		let post: NewsPostRow;
		try {
			post = await loadPost(tx, postId, { lock: true });
		} catch (e) {
			if (e instanceof AppError && e.code === 'NOT_FOUND') return undefined;
			throw e;
		}
		if (post.status !== 'scheduled' || post.scheduledAt?.toISOString() !== at || post.scheduledAt.getTime() > now().getTime()) return undefined;
		const row = await updatePostRow(tx, post.id, { status: 'published', publishedAt: post.scheduledAt, scheduledAt: null, updatedAt: now() });
		await recordAudit(tx, actor, { orgId: row.orgId, orgPath: row.unitPath, entity: 'news_post', entityId: row.id, action: 'publish', before: postAuditView(post), after: postAuditView(row) });
		return row;
	});
}

/** The news domain's job handlers, for the worker that src/hooks.server.ts starts. */
export const newsJobHandlers: JobHandlers = {
	[NEWS_PUBLISH_JOB]: async (payload: Record<string, unknown>, context: JobContext) => {
		await runScheduledPublication(context.db, payload);
	}
};
