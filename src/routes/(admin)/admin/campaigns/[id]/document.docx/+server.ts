import { orPageError } from '$lib/server/core/http';
import { campaignDocument } from '$lib/server/campaigns/export';
import { renderDocx } from '$lib/server/documents/service';
import { contentDisposition, documentFileNames, planToOfficialDocument } from '$lib/features/documents/format';
import type { RequestHandler } from './$types';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** GET /admin/campaigns/[id]/document.docx: the plan as a Word file in the Decree 30 layout, for whoever may read the campaign. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const document = planToOfficialDocument(await orPageError(() => campaignDocument(locals.db, locals.actor, params.id)));
	const file = await renderDocx(document);
	return new Response(new Uint8Array(file), {
		headers: {
			'content-type': DOCX,
			'content-disposition': contentDisposition(documentFileNames(document, 'docx')),
			'content-length': String(file.length),
			'cache-control': 'private, no-store'
		}
	});
};
