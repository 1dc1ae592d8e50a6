import { orPageError } from '$lib/server/core/http';
import { reportDocument } from '$lib/server/reports/service';
import { renderPdf } from '$lib/server/documents/service';
import { contentDisposition, documentFileNames } from '$lib/features/documents/format';
import type { RequestHandler } from './$types';

/** GET /admin/campaigns/[id]/report.pdf: the campaign's Báo cáo in the Decree 30 layout, for whoever may read its report. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const document = await orPageError(() => reportDocument(locals.db, locals.actor, params.id));
	const file = await renderPdf(document);
	return new Response(new Uint8Array(file), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': contentDisposition(documentFileNames(document, 'pdf')),
			'content-length': String(file.length),
			'cache-control': 'private, no-store'
		}
	});
};
