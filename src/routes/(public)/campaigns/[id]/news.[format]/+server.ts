import { orPageError } from '$lib/server/core/http';
import { campaignNewsFeed } from '$lib/server/news/service';
import type { RequestHandler } from './$types';

/** The campaign's published posts as an RSS 2.0 (news.rss) or Atom (news.atom) feed that portals syndicate. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const feed = await orPageError(() => campaignNewsFeed(locals.db, params.id, params.format));
	return new Response(feed.body, { headers: { 'content-type': feed.contentType, 'cache-control': 'public, max-age=300' } });
};
