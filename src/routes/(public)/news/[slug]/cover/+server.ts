import { orPageError } from '$lib/server/core/http';
import { readPostCover } from '$lib/server/news/service';
import type { RequestHandler } from './$types';

/** The post's cover image, for whoever may read the post. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const cover = await orPageError(() => readPostCover(locals.db, locals.actor, params.slug));
	return new Response(new Uint8Array(cover.bytes), { headers: { 'content-type': cover.contentType, 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' } });
};
