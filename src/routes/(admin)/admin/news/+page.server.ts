import { listBackOfficePosts } from '$lib/server/news/service';
import { NEWS_POST_STATUSES, type NewsPostStatus } from '$lib/features/news/types';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const s = url.searchParams.get('status') ?? '';
	const status = (NEWS_POST_STATUSES as readonly string[]).includes(s) ? (s as NewsPostStatus) : undefined;
	const items = await listBackOfficePosts(locals.db, locals.actor, { status });
	return {
		status: status ?? '',
		posts: items.map(({ post, unitName }) => ({ id: post.id, title: post.title, status: post.status, unitName, updatedAt: post.updatedAt.toISOString() }))
	};
};
