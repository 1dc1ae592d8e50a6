import { listPublicPosts } from '$lib/server/news/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const list = await listPublicPosts(locals.db, { q: url.searchParams.get('q') ?? '', tag: url.searchParams.get('tag') ?? '', page: Number(url.searchParams.get('page')) || 1 });
	return {
		...list,
		posts: list.posts.map((p) => ({ id: p.id, slug: p.slug, title: p.title, summary: p.summary, tags: p.tags, publishedAt: p.publishedAt?.toISOString() ?? null, hasCover: Boolean(p.coverKey), coverAlt: p.coverAlt }))
	};
};
