import { orPageError } from '$lib/server/core/http';
import { readEvidence } from '$lib/server/recognition/service';
import type { RequestHandler } from './$types';

// An evidence file of an initiative or nomination the reader may see, always as a download (never rendered in our origin).
export const GET: RequestHandler = async ({ locals, params }) => {
	const { row, bytes } = await orPageError(() => readEvidence(locals.db, locals.actor, params.id));
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': row.contentType,
			'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		}
	});
};
