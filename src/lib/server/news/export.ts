// The news domain's read model for reports: posts published and the reach of each channel (the
// publicity block of the report, M16).
import type { Db } from '../db/types';
import { NEWS_CHANNELS, type NewsPublicityStats } from '$lib/features/news/types';
import { selectChannelEntriesOfPosts, selectPublishedForReport } from './queries';

/** Posts of the campaign published (or published then archived) by units under `underPath`, with their channel entries summed by channel; the caller checks who may read it. */
export async function campaignPublicityStats(db: Db, options: { campaignId: string; underPath: string }): Promise<NewsPublicityStats> {
	const posts = await selectPublishedForReport(db, options);
	const entries = await selectChannelEntriesOfPosts(db, posts.map((p) => p.id));
	const byChannel = NEWS_CHANNELS.map((channel) => {
		const of = entries.filter((e) => e.channel === channel);
		return { channel, entries: of.length, reach: of.reduce((s, e) => s + e.reach, 0) };
	}).filter((c) => c.entries > 0);
	return { postsPublished: posts.length, channelEntries: entries.length, byChannel, totalReach: byChannel.reduce((s, c) => s + c.reach, 0) };
}
