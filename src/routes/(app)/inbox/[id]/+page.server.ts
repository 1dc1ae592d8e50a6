import { orPageError } from '$lib/server/core/http';
import { openDocument } from '$lib/server/documents/service';
import type { PageServerLoad } from './$types';

// Opening the page is the receipt: the recipient organisation's "Ký nhận" in the issuer's register.
export const load: PageServerLoad = async ({ locals, params }) => {
	return { document: await orPageError(() => openDocument(locals.db, locals.actor, params.id)) };
};
