import { error } from '@sveltejs/kit';
import { orPageError } from '$lib/server/core/http';
import { awardDecisionDocument } from '$lib/server/recognition/service';
import { renderDocx, renderPdf } from '$lib/server/documents/service';
import { contentDisposition, documentFileNames } from '$lib/features/documents/format';
import type { RequestHandler } from './$types';

const FORMATS = {
	pdf: { render: renderPdf, type: 'application/pdf' },
	docx: { render: renderDocx, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }
} as const;

/** GET /recognition/decisions/[id]/document.pdf|docx: the Quyết định khen thưởng in the Decree 30 layout, numbered once issued, for the campaign's overseers. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const format = FORMATS[params.format as keyof typeof FORMATS];
	if (!format) error(404);
	const document = await orPageError(() => awardDecisionDocument(locals.db, locals.actor, params.id));
	const file = await format.render(document);
	return new Response(new Uint8Array(file), {
		headers: {
			'content-type': format.type,
			'content-disposition': contentDisposition(documentFileNames(document, params.format)),
			'content-length': String(file.length),
			'cache-control': 'private, no-store'
		}
	});
};
