import { readMaterialFile } from '$lib/server/activities/service';
import { orPageError } from '$lib/server/core/http';
import { contentDisposition } from '$lib/features/documents/format';
import { downloadFileNames } from '$lib/features/activities/format';
import type { RequestHandler } from './$types';

/** Downloads a material file of an activity, for those who may read the activity. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { material, bytes } = await orPageError(() => readMaterialFile(locals.db, locals.actor, params.id, params.materialId));
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': material.contentType ?? 'application/octet-stream',
			'content-length': String(bytes.byteLength),
			// Always a download: an uploaded file is never rendered in the site's origin.
			'content-disposition': contentDisposition(downloadFileNames(material.fileName ?? material.title)),
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		}
	});
};
