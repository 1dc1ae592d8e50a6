import { orPageError } from '$lib/server/core/http';
import { organisationNewsFeed } from '$lib/server/news/service';
import type { RequestHandler } from './$types';

/** The published posts of an organisation and its units as an RSS 2.0 or Atom feed. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const feed = await orPageError(() => organisationNewsFeed(locals.db, params.id, params.format));
	return new Response(feed.body, { headers: { 'content-type': feed.contentType, 'cache-control': 'public, max-age=300' } });
};
