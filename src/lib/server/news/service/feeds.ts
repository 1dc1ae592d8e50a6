// RSS 2.0 and Atom feeds of published posts, per campaign and per organisation, for portals to
// syndicate (PRODUCT M5). Built with the `feed` library; no actor: feeds hold public posts only.
import { Feed } from 'feed';
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { anonymousActor } from '../../auth/actor';
import { findOrgNode } from '../../org/service';
import { getCampaign } from '../../campaigns/service';
import { selectPublishedPosts } from '../queries';
import type { NewsPostRow } from '../tables';
import { absoluteUrl, postPath } from './read-posts';

/** A feed carries the latest 50 posts: what readers and portals poll for, without an unbounded file. */
export const FEED_SIZE = 50;

export type FeedFormat = 'rss' | 'atom';

/** A feed document and the media type it is served with. */
export interface FeedDocument {
	body: string;
	contentType: string;
}

/** The format named in a feed's address (news.rss, news.atom); NOT_FOUND for any other. */
export function feedFormat(name: string): FeedFormat {
	if (name === 'rss' || name === 'atom') return name;
	throw new AppError('NOT_FOUND');
}

function buildFeed(options: { title: string; description: string; selfPath: string; pagePath: string; posts: NewsPostRow[] }, format: FeedFormat): FeedDocument {
	const link = absoluteUrl(options.pagePath);
	const feed = new Feed({
		title: options.title,
		description: options.description,
		id: link,
		link,
		language: 'vi',
		updated: options.posts[0]?.publishedAt ?? now(),
		generator: 'LearnWeek',
		copyright: options.title,
		feedLinks: { [format]: absoluteUrl(options.selfPath) }
	});
	for (const p of options.posts) {
		const url = absoluteUrl(postPath(p));
		feed.addItem({
			title: p.title,
			id: url,
			link: url,
			description: p.summary,
			content: p.bodyHtml,
			date: p.publishedAt ?? p.updatedAt,
			category: p.tags.map((name) => ({ name })),
			...(p.coverKey ? { image: absoluteUrl(`/news/${p.id}/cover`) } : {})
		});
	}
	return format === 'rss' ? { body: feed.rss2(), contentType: 'application/rss+xml; charset=utf-8' } : { body: feed.atom1(), contentType: 'application/atom+xml; charset=utf-8' };
}

/** The feed of a public campaign's published posts; NOT_FOUND for a campaign the public may not read. */
export async function campaignNewsFeed(db: Db, campaignId: string, format: string): Promise<FeedDocument> {
	const kind = feedFormat(format);
	const campaign = await getCampaign(db, anonymousActor, campaignId);
	const posts = await selectPublishedPosts(db, { campaignId: campaign.id, limit: FEED_SIZE });
	return buildFeed({ title: campaign.title, description: campaign.themes.join(' — ') || campaign.title, selfPath: `/campaigns/${campaign.id}/news.${kind}`, pagePath: `/campaigns/${campaign.id}`, posts }, kind);
}

/** The feed of the published posts of an organisation and the units under it; NOT_FOUND for an unknown one. */
export async function organisationNewsFeed(db: Db, orgId: string, format: string): Promise<FeedDocument> {
	const kind = feedFormat(format);
	const org = await findOrgNode(db, orgId);
	if (!org) throw new AppError('NOT_FOUND');
	const posts = await selectPublishedPosts(db, { underPath: org.path, limit: FEED_SIZE });
	return buildFeed({ title: org.name, description: org.name, selfPath: `/organisations/${org.id}/news.${kind}`, pagePath: '/news', posts }, kind);
}
