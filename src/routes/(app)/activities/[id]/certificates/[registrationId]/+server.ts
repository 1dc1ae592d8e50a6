import { orPageError } from '$lib/server/core/http';
import { certificatePdfForStaff } from '$lib/server/activities/service';
import { contentDisposition } from '$lib/features/documents/format';
import { downloadFileNames } from '$lib/features/activities/format';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

/** GET /activities/[id]/certificates/[registrationId]: a completion certificate of a training class, for its staff to print and hand over. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { fileName, pdf } = await orPageError(() => certificatePdfForStaff(locals.db, locals.actor, params.id, params.registrationId, getLocale()));
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': contentDisposition(downloadFileNames(fileName, 'chung-nhan.pdf')),
			'content-length': String(pdf.byteLength),
			'cache-control': 'private, no-store'
		}
	});
};
