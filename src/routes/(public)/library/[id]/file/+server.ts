import { orPageError } from '$lib/server/core/http';
import { readResourceFile } from '$lib/server/library/service';
import type { RequestHandler } from './$types';

// The uploaded file of a readable resource, always as a download (never rendered in our origin).
export const GET: RequestHandler = async ({ locals, params }) => {
	const file = await orPageError(() => readResourceFile(locals.db, locals.actor, params.id));
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
			'x-content-type-options': 'nosniff'
		}
	});
};
