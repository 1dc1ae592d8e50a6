import { throwPageError } from '$lib/server/core/http';
import { readTaskEvidence } from '$lib/server/tasks/service';
import type { RequestHandler } from './$types';

/** Downloads one evidence file of a task, for those who may read the task. */
export const GET: RequestHandler = async ({ locals, params }) => {
	let file: Awaited<ReturnType<typeof readTaskEvidence>>;
	try {
		file = await readTaskEvidence(locals.db, locals.actor, params.id, params.evidenceId);
	} catch (e) {
		throwPageError(e);
	}
	const ascii = file.fileName.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'minh-chung';
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'content-type': file.contentType,
			'content-length': String(file.bytes.byteLength),
			// Always a download: evidence is never rendered in the site's origin.
			'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		}
	});
};
