import { orPageError } from '$lib/server/core/http';
import { campaignDocument } from '$lib/server/campaigns/export';
import { renderPdf } from '$lib/server/documents/service';
import { contentDisposition, documentFileNames, planToOfficialDocument } from '$lib/features/documents/format';
import type { RequestHandler } from './$types';

/** GET /admin/campaigns/[id]/document.pdf: the plan as a PDF in the Decree 30 layout, fonts embedded, for whoever may read the campaign. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const document = planToOfficialDocument(await orPageError(() => campaignDocument(locals.db, locals.actor, params.id)));
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
