import { redirect } from '@sveltejs/kit';
import { orPageError } from '$lib/server/core/http';
import { exportUnitsXlsx } from '$lib/server/org/export';
import { getOrgNode } from '$lib/server/org/service';
import { foldVietnamese } from '$lib/vn/text';
import { localizeHref } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** GET /admin/org/export?orgId=…: the units under a node as an Excel workbook. */
export const GET: RequestHandler = async ({ locals, url }) => {
	if (locals.actor.kind !== 'user') redirect(303, localizeHref(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`));
	const orgId = url.searchParams.get('orgId') ?? '';
	const node = await orPageError(() => getOrgNode(locals.db, locals.actor, orgId));
	const file = await orPageError(() => exportUnitsXlsx(locals.db, locals.actor, { orgId }));
	const name = `don-vi-${foldVietnamese(node.shortCode).replace(/[^a-z0-9]+/g, '-')}.xlsx`;
	return new Response(new Uint8Array(file), {
		headers: { 'content-type': XLSX, 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'private, no-store' }
	});
};
