import { redirect } from '@sveltejs/kit';
import { orPageError } from '$lib/server/core/http';
import { getSignedPdf } from '$lib/server/documents/service';
import { localizeHref } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

/** GET /admin/documents/[id]/signed.pdf: the signed copy, for whoever may read the document. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	if (locals.actor.kind !== 'user') redirect(303, localizeHref(`/sign-in?next=${encodeURIComponent(url.pathname)}`));
	const file = await orPageError(() => getSignedPdf(locals.db, locals.actor, params.id));
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${file.fileName}"`,
			// The fingerprint the register keeps, so a recipient can compare it with what arrived.
			'x-content-sha256': file.sha256,
			'cache-control': 'private, no-store'
		}
	});
};
