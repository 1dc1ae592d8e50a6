import { certificatePdfByToken } from '$lib/server/activities/service';
import { orPageError } from '$lib/server/core/http';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

/** The registrant's certificate of completion, by the secret address of their registration. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { fileName, pdf } = await orPageError(() => certificatePdfByToken(locals.db, params.token, getLocale() === 'en' ? 'en' : 'vi'));
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-length': String(pdf.byteLength),
			'content-disposition': `attachment; filename="${fileName}"`,
			'referrer-policy': 'no-referrer',
			'cache-control': 'private, no-store'
		}
	});
};
