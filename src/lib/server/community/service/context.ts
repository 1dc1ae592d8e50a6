// What the community use cases load first: the forum, thread or post with the node it belongs to.
// Other domains are read as the system; the community policy decides.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { systemActor, type Actor } from '../../auth/actor';
import { canTakePart } from '../policy';
import { selectForum, selectPost, selectThread } from '../queries';
import type { ForumPostRow, ForumRow, ForumThreadRow } from '../tables';

/** The community domain reads other domains as the system, after its own policy. */
export const COMMUNITY_SYSTEM = systemActor('community');

/** The forum, or NOT_FOUND. */
export async function loadForum(db: Db, id: string): Promise<ForumRow> {
	const row = await selectForum(db, id);
	if (!row) throw new AppError('NOT_FOUND');
	return row;
}

/** The thread with its forum, or NOT_FOUND. `lock` holds the thread row (inside a transaction). */
export async function loadThread(db: Db, id: string, options: { lock?: boolean } = {}): Promise<{ thread: ForumThreadRow; forum: ForumRow }> {
	const thread = await selectThread(db, id, options);
	if (!thread) throw new AppError('NOT_FOUND');
	return { thread, forum: await loadForum(db, thread.forumId) };
}

/** The post with its thread and forum, or NOT_FOUND. */
export async function loadPost(db: Db, id: string): Promise<{ post: ForumPostRow; thread: ForumThreadRow; forum: ForumRow }> {
	const post = await selectPost(db, id);
	if (!post) throw new AppError('NOT_FOUND');
	return { post, ...(await loadThread(db, post.threadId)) };
}

/** Refuses a visitor who is not signed in (UNAUTHENTICATED): taking part needs an account. */
export function requireSignedIn(actor: Actor): void {
	if (!canTakePart(actor)) throw new AppError('UNAUTHENTICATED');
}

/** How a person is named on posts and member lists. */
export function participantLabel(actor: Actor): string {
	return actor.name?.trim() || actor.email || 'system';
}
