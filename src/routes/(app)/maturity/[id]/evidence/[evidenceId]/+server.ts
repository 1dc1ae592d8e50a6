import { orPageError } from '$lib/server/core/http';
import { readEvidenceFile } from '$lib/server/maturity/service';
import { downloadFileNames } from '$lib/features/activities/format';
import { contentDisposition } from '$lib/features/documents/format';
import type { RequestHandler } from './$types';

/** Downloads an evidence file of an assessment, for those who may read the assessment (404 otherwise). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { row, bytes } = await orPageError(() => readEvidenceFile(locals.db, locals.actor, params.id, params.evidenceId));
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': row.contentType,
			'content-length': String(bytes.byteLength),
			// Always a download: evidence is never rendered in the site's origin.
			'content-disposition': contentDisposition(downloadFileNames(row.fileName, 'minh-chung')),
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		}
	});
};
