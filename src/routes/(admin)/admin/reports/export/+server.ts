import { redirect } from '@sveltejs/kit';
import { orPageError } from '$lib/server/core/http';
import { exportRollupXlsx } from '$lib/server/reports/export';
import { localizeHref } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** GET /admin/reports/export?campaign=…: the roll-up of the child campaigns as an Excel workbook. */
export const GET: RequestHandler = async ({ locals, url }) => {
	if (locals.actor.kind !== 'user') redirect(303, localizeHref(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`));
	const file = await orPageError(() => exportRollupXlsx(locals.db, locals.actor, url.searchParams.get('campaign') ?? ''));
	return new Response(new Uint8Array(file), {
		headers: { 'content-type': XLSX, 'content-disposition': 'attachment; filename="tong-hop-bao-cao.xlsx"', 'cache-control': 'private, no-store' }
	});
};
