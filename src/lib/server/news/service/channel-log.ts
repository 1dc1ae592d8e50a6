// The channel log: where a published post was carried and the reach staff entered (PRODUCT M5).
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { parseInput } from '../../core/http';
import { actorLabel, type Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { newsChannelEntryInput, type NewsChannelEntryInput } from '$lib/features/news/inputs';
import { canLogChannel, canReadPostDraft } from '../policy';
import { insertChannelEntry } from '../queries';
import type { NewsChannelEntryRow } from '../tables';
import { loadPost } from './post-context';

/**
 * Logs one channel a post was carried on (portal, website, Facebook, YouTube, Zalo OA, Viber,
 * newspaper, TV) with its link and reach. Refuses a post the actor may not see (NOT_FOUND), a
 * post not yet public or an actor not of its unit's writers (FORBIDDEN), and bad input
 * (VALIDATION: unknown channel, bad link, negative reach, bad date).
 */
export async function logPostChannel(db: Db, actor: Actor, postId: string, input: NewsChannelEntryInput): Promise<NewsChannelEntryRow> {
	const post = await loadPost(db, postId);
	if (!canReadPostDraft(actor, post)) throw new AppError('NOT_FOUND');
	if (!canLogChannel(actor, post)) throw new AppError('FORBIDDEN');
	const data = parseInput(newsChannelEntryInput, input);
	return db.transaction(async (tx) => {
		const row = await insertChannelEntry(tx, {
			id: newId(),
			postId: post.id,
			orgId: post.orgId,
			channel: data.channel,
			url: data.url ?? '',
			reach: data.reach,
			publishedOn: data.publishedOn,
			note: data.note,
			enteredBy: actor.name ?? actorLabel(actor),
			createdAt: now()
		});
		await recordAudit(tx, actor, { orgId: post.orgId, orgPath: post.unitPath, entity: 'news_post', entityId: post.id, action: 'log_channel', after: { channel: row.channel, url: row.url, reach: row.reach, publishedOn: row.publishedOn } });
		return row;
	});
}
