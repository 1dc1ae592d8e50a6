import { error } from '@sveltejs/kit';
import { readEntryMedia, storedFileResponse } from '$lib/server/creative/service';
import { orPageError } from '$lib/server/core/http';
import type { RequestHandler } from './$types';

// The file of an entry for its player, with byte ranges so audio and video can seek.
export const GET: RequestHandler = async ({ locals, params, request }) => {
	const media = await orPageError(() => readEntryMedia(locals.db, locals.actor, params.entryId));
	if (!media) error(404);
	return storedFileResponse(media, request.headers.get('range'));
};
