import { verifyCertificate } from '$lib/server/activities/service';
import { orPageError } from '$lib/server/core/http';
import type { PageServerLoad } from './$types';

// Anyone holding a certificate's QR code checks it here; an unknown or withdrawn code answers 404.
export const load: PageServerLoad = async ({ locals, params }) => {
	const view = await orPageError(() => verifyCertificate(locals.db, params.code.toUpperCase()));
	return { certificate: view };
};
