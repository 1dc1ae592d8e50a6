import { redirect } from '@sveltejs/kit';
import { orPageError } from '$lib/server/core/http';
import { exportRegisterXlsx } from '$lib/server/documents/export';
import { foldVietnamese } from '$lib/vn/text';
import { localizeHref } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** GET /admin/documents/export?orgId=…&year=…[&type=…&q=…]: the outgoing register as an Excel workbook. */
export const GET: RequestHandler = async ({ locals, url }) => {
	if (locals.actor.kind !== 'user') redirect(303, localizeHref(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`));
	const q = url.searchParams;
	const query = { orgId: q.get('orgId') ?? '', year: q.get('year') ?? '', type: q.get('type') || undefined, q: q.get('q') || undefined };
	const file = await orPageError(() => exportRegisterXlsx(locals.db, locals.actor, query as never));
	const name = `so-van-ban-di-${foldVietnamese(query.year).replace(/[^a-z0-9]+/g, '-')}.xlsx`;
	return new Response(new Uint8Array(file), {
		headers: { 'content-type': XLSX, 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'private, no-store' }
	});
};
