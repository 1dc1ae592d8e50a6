import { handleTusRequest } from '$lib/server/creative/service';
import type { RequestHandler } from './$types';

// Resumable uploads of contest entries (tus 1.0.0): every method goes to the creative domain,
// which speaks the protocol; the signed-in actor comes from the session cookie.
export const fallback: RequestHandler = ({ locals, request, params, url }) =>
	handleTusRequest(locals.db, locals.actor, request, { id: params.id, collectionUrl: `${url.origin}/api/uploads` });
