import { orPageError } from '$lib/server/core/http';
import { entryCertificatePdf } from '$lib/server/creative/service';
import { contentDisposition } from '$lib/features/documents/format';
import { downloadFileNames } from '$lib/features/activities/format';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

/** GET …/entries/[entryId]/certificate: the entry's certificate (prize or taking part), for its author and the contest's coordinators. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { fileName, pdf } = await orPageError(() => entryCertificatePdf(locals.db, locals.actor, params.entryId, getLocale() === 'en' ? 'en' : 'vi'));
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': contentDisposition(downloadFileNames(fileName, 'chung-nhan.pdf')),
			'content-length': String(pdf.byteLength),
			'cache-control': 'private, no-store'
		}
	});
};
