import { orPageError } from '$lib/server/core/http';
import { awardDecisionDocument } from '$lib/server/recognition/service';
import { renderDocx } from '$lib/server/documents/service';
import { contentDisposition, documentFileNames } from '$lib/features/documents/format';
import type { RequestHandler } from './$types';

/** GET /recognition/decisions/[id]/document.docx: the Quyết định khen thưởng in the Decree 30 layout, numbered once issued, for the campaign's overseers. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const document = await orPageError(() => awardDecisionDocument(locals.db, locals.actor, params.id));
	const file = await renderDocx(document);
	return new Response(new Uint8Array(file), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'content-disposition': contentDisposition(documentFileNames(document, 'docx')),
			'content-length': String(file.length),
			'cache-control': 'private, no-store'
		}
	});
};
