import { orPageError, translate } from '$lib/server/core/http';
import { getPublicPost, shareLinks } from '$lib/server/news/service';
import type { PageServerLoad } from './$types';

// Visitors read published posts; a draft answers 404 to them and is a preview for its back office.
export const load: PageServerLoad = async ({ locals, params }) => {
	const { post, campaign, unit, url, imageUrl } = await orPageError(() => getPublicPost(locals.db, locals.actor, params.slug));
	return {
		post: { id: post.id, title: post.title, summary: post.summary, bodyHtml: post.bodyHtml, tags: post.tags, status: post.status, publishedAt: post.publishedAt?.toISOString() ?? null, hasCover: Boolean(post.coverKey), coverAlt: post.coverAlt },
		campaign,
		unit,
		imageUrl,
		share: await shareLinks(url, post.title, translate('news_share_qr'))
	};
};
