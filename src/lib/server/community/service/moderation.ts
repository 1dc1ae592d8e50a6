// Moderation (M11): anyone signed in reports a post; the coordinators and administrators of the
// forum's node hide posts, lock threads and suspend people from the node's forums. Every act goes
// to the moderation log and to the audit log.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { parseInput } from '../../core/http';
import { actorLabel, scopePaths, type Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { reportInput, suspendInput, type ReportInput, type SuspendInput } from '$lib/features/community/inputs';
import { canModerate, canReadHiddenPost, FORUM_MODERATORS } from '../policy';
import {
	insertModerationLog,
	insertReport,
	insertSuspension,
	resolveReportsOfPost,
	selectActiveSuspensions,
	selectModerationLog,
	selectOpenReports,
	selectSuspension,
	updatePost,
	updateSuspension,
	updateThread
} from '../queries';
import type { ForumPostRow, ForumReportRow, ForumRow, ForumSuspensionRow, ForumThreadRow, ModerationAction, ModerationLogRow } from '../tables';
import { loadPost, loadThread, participantLabel, requireSignedIn } from './context';

/** Writes the act to the moderation log and the audit log; call inside the act's transaction. */
async function logAct(
	db: Db,
	actor: Actor,
	forum: Pick<ForumRow, 'orgId' | 'orgPath'>,
	act: { action: ModerationAction; postId?: string; threadId?: string; targetUserId?: string | null; targetLabel?: string; reason?: string; entity: string; entityId: string }
): Promise<ModerationLogRow> {
	const row = await insertModerationLog(db, {
		id: newId(),
		orgId: forum.orgId,
		orgPath: forum.orgPath,
		action: act.action,
		actorUserId: actor.userId ?? null,
		actorLabel: actor.name ?? actorLabel(actor),
		postId: act.postId ?? null,
		threadId: act.threadId ?? null,
		targetUserId: act.targetUserId ?? null,
		targetLabel: act.targetLabel ?? null,
		reason: act.reason ?? '',
		createdAt: now()
	});
	await recordAudit(db, actor, {
		orgId: forum.orgId,
		orgPath: forum.orgPath,
		entity: act.entity,
		entityId: act.entityId,
		action: act.action,
		after: { postId: act.postId, threadId: act.threadId, targetUserId: act.targetUserId, reason: act.reason }
	});
	return row;
}

function requireModerator(actor: Actor, forum: ForumRow): void {
	if (!canModerate(actor, forum)) throw new AppError('FORBIDDEN');
}

/** Reports a post to the moderators with a reason. Refuses a visitor (UNAUTHENTICATED), an unknown post (NOT_FOUND) and an empty reason (VALIDATION). */
export async function reportPost(db: Db, actor: Actor, postId: string, input: ReportInput): Promise<ForumReportRow> {
	requireSignedIn(actor);
	const { post, forum } = await loadPost(db, postId);
	const data = parseInput(reportInput, input);
	return insertReport(db, {
		id: newId(),
		postId: post.id,
		orgId: forum.orgId,
		orgPath: forum.orgPath,
		reporterUserId: actor.userId ?? 'system',
		reporterLabel: participantLabel(actor),
		reason: data.reason,
		createdAt: now()
	});
}

/**
 * Hides a post (others see that a moderator hid it) or shows it again, closing its open reports.
 * Refuses an unknown post (NOT_FOUND) and anyone but the forum's moderators (FORBIDDEN).
 */
export async function setPostHidden(db: Db, actor: Actor, postId: string, hidden: boolean, options: { reason?: string } = {}): Promise<ForumPostRow> {
	const { post, forum } = await loadPost(db, postId);
	requireModerator(actor, forum);
	const at = now();
	return db.transaction(async (tx) => {
		const row = await updatePost(tx, post.id, hidden ? { hidden: true, hiddenBy: actor.userId ?? null, hiddenAt: at } : { hidden: false, hiddenBy: null, hiddenAt: null });
		await resolveReportsOfPost(tx, post.id, { userId: actor.userId ?? null, at });
		await logAct(tx, actor, forum, {
			action: hidden ? 'hide' : 'unhide',
			postId: post.id,
			threadId: post.threadId,
			targetUserId: post.authorUserId,
			targetLabel: post.authorLabel,
			reason: options.reason,
			entity: 'forum_post',
			entityId: post.id
		});
		return row;
	});
}

/** Closes a post's open reports without hiding it. Refuses an unknown post (NOT_FOUND) and anyone but the forum's moderators (FORBIDDEN). */
export async function dismissReports(db: Db, actor: Actor, postId: string): Promise<number> {
	const { post, forum } = await loadPost(db, postId);
	requireModerator(actor, forum);
	return db.transaction(async (tx) => {
		const n = await resolveReportsOfPost(tx, post.id, { userId: actor.userId ?? null, at: now() });
		await logAct(tx, actor, forum, { action: 'dismiss_report', postId: post.id, threadId: post.threadId, targetUserId: post.authorUserId, targetLabel: post.authorLabel, entity: 'forum_post', entityId: post.id });
		return n;
	});
}

/** Locks a thread (no more replies) or unlocks it. Refuses an unknown thread (NOT_FOUND) and anyone but the forum's moderators (FORBIDDEN). */
export async function setThreadLocked(db: Db, actor: Actor, threadId: string, locked: boolean): Promise<ForumThreadRow> {
	const { thread, forum } = await loadThread(db, threadId);
	requireModerator(actor, forum);
	return db.transaction(async (tx) => {
		const row = await updateThread(tx, thread.id, { locked });
		await logAct(tx, actor, forum, { action: locked ? 'lock' : 'unlock', threadId: thread.id, entity: 'forum_thread', entityId: thread.id });
		return row;
	});
}

/** The end of a day (yyyy-mm-dd) in Vietnam (UTC+7, no daylight saving). */
function endOfVietnamDay(iso: string): Date {
	return new Date(`${iso}T23:59:59.999+07:00`);
}

/**
 * Suspends a post's author from posting in the forums of the post's node (and below) until the end
 * of the given day. Refuses an unknown post (NOT_FOUND), anyone but the forum's moderators
 * (FORBIDDEN), a post with no author account, one's own post, a day already past (VALIDATION).
 */
export async function suspendAuthor(db: Db, actor: Actor, postId: string, input: SuspendInput): Promise<ForumSuspensionRow> {
	const { post, forum } = await loadPost(db, postId);
	requireModerator(actor, forum);
	const data = parseInput(suspendInput, input);
	if (!post.authorUserId || post.authorUserId === actor.userId) throw new AppError('VALIDATION', { fields: { _: 'community_cannot_suspend' } });
	const at = now();
	const until = endOfVietnamDay(data.until);
	if (until <= at) throw new AppError('VALIDATION', { fields: { until: 'community_until_past' } });
	return db.transaction(async (tx) => {
		const row = await insertSuspension(tx, {
			id: newId(),
			orgId: forum.orgId,
			orgPath: forum.orgPath,
			userId: post.authorUserId!,
			userLabel: post.authorLabel,
			until,
			reason: data.reason,
			createdBy: actor.userId ?? null,
			createdAt: at
		});
		await logAct(tx, actor, forum, {
			action: 'suspend',
			postId: post.id,
			threadId: post.threadId,
			targetUserId: post.authorUserId,
			targetLabel: post.authorLabel,
			reason: data.reason,
			entity: 'forum_suspension',
			entityId: row.id
		});
		return row;
	});
}

/** Ends a suspension now. Refuses an unknown suspension (NOT_FOUND) and anyone but the moderators of its node (FORBIDDEN). */
export async function liftSuspension(db: Db, actor: Actor, suspensionId: string): Promise<ForumSuspensionRow> {
	const suspension = await selectSuspension(db, suspensionId);
	if (!suspension) throw new AppError('NOT_FOUND');
	if (!canModerate(actor, suspension)) throw new AppError('FORBIDDEN');
	if (suspension.liftedAt) return suspension;
	return db.transaction(async (tx) => {
		const row = await updateSuspension(tx, suspension.id, { liftedAt: now() });
		await logAct(tx, actor, suspension, { action: 'lift_suspension', targetUserId: suspension.userId, targetLabel: suspension.userLabel, entity: 'forum_suspension', entityId: suspension.id });
		return row;
	});
}

/** The moderator's pages: open reports with their posts, running suspensions and the log, for the nodes the actor moderates. */
export interface ModerationQueue {
	reports: Array<{ report: ForumReportRow; post: ForumPostRow }>;
	suspensions: ForumSuspensionRow[];
}

function moderatedPaths(actor: Actor): string[] {
	if (actor.kind === 'system') return [''];
	const paths = scopePaths(actor, FORUM_MODERATORS);
	if (!paths.length) throw new AppError('FORBIDDEN');
	return paths;
}

/** Open reports and running suspensions in the forums the actor moderates. Refuses anyone who moderates none (FORBIDDEN). */
export async function listModerationQueue(db: Db, actor: Actor): Promise<ModerationQueue> {
	const paths = moderatedPaths(actor);
	const [reports, suspensions] = await Promise.all([selectOpenReports(db, paths, 500), selectActiveSuspensions(db, paths, now())]);
	return { reports, suspensions };
}

/** The moderation log of the forums the actor moderates, newest first. Refuses anyone who moderates none (FORBIDDEN). */
export async function listModerationLog(db: Db, actor: Actor, options: { limit?: number } = {}): Promise<ModerationLogRow[]> {
	return selectModerationLog(db, moderatedPaths(actor), Math.min(options.limit ?? 200, 1000));
}

/** The post a report form is about, as the actor may read it, with its thread; NOT_FOUND when it does not exist. */
export async function getPostToReport(db: Db, actor: Actor, postId: string): Promise<{ post: { id: string; authorLabel: string; body: string; hidden: boolean }; thread: ForumThreadRow }> {
	const { post, thread, forum } = await loadPost(db, postId);
	const body = post.hidden && !canReadHiddenPost(actor, post, forum) ? '' : post.body;
	return { post: { id: post.id, authorLabel: post.authorLabel, body, hidden: post.hidden }, thread };
}

/** A post with its thread for the moderator's page. Refuses an unknown post (NOT_FOUND) and anyone but the forum's moderators (FORBIDDEN). */
export async function getPostToModerate(db: Db, actor: Actor, postId: string): Promise<{ post: ForumPostRow; thread: ForumThreadRow }> {
	const { post, thread, forum } = await loadPost(db, postId);
	requireModerator(actor, forum);
	return { post, thread };
}
