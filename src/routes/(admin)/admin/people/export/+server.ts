import { redirect } from '@sveltejs/kit';
import { orPageError } from '$lib/server/core/http';
import { exportPeopleXlsx } from '$lib/server/org/export';
import { getOrgNode } from '$lib/server/org/service';
import { foldVietnamese } from '$lib/vn/text';
import { localizeHref } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** GET /admin/people/export?unitId=…: the people of a unit and its sub-units as an Excel staff list. */
export const GET: RequestHandler = async ({ locals, url }) => {
	if (locals.actor.kind !== 'user') redirect(303, localizeHref(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`));
	const orgId = url.searchParams.get('unitId') ?? '';
	const file = await orPageError(() => exportPeopleXlsx(locals.db, locals.actor, { orgId }));
	const node = await orPageError(() => getOrgNode(locals.db, locals.actor, orgId));
	const name = `nhan-su-${foldVietnamese(node.shortCode).replace(/[^a-z0-9]+/g, '-')}.xlsx`;
	return new Response(new Uint8Array(file), {
		headers: { 'content-type': XLSX, 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'private, no-store' }
	});
};
