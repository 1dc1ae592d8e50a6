import { orPageError } from '$lib/server/core/http';
import { renderShareImage } from '$lib/server/news/service';
import type { RequestHandler } from './$types';

/** The post's Open Graph image (1200 × 630 PNG): its title on the campaign's theme. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const png = await orPageError(() => renderShareImage(locals.db, locals.actor, params.slug));
	return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png', 'cache-control': 'public, max-age=3600' } });
};
