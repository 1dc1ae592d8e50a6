import { orPageError } from '$lib/server/core/http';
import { awardCertificatePdf } from '$lib/server/recognition/service';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

/** GET …/certificates/[recipientId]: the award certificate of one recipient of an issued decision, as a PDF to print and hand over. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { fileName, pdf } = await orPageError(() => awardCertificatePdf(locals.db, locals.actor, params.recipientId, getLocale() as 'vi' | 'en'));
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${fileName}"`,
			'content-length': String(pdf.length),
			'cache-control': 'private, no-store'
		}
	});
};
