import { error } from '@sveltejs/kit';
import { isAppError } from '$lib/server/core/errors';
import { translate } from '$lib/server/core/http';
import { attemptCertificatePdf, participantOf } from '$lib/server/quizzes/service';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

// The participant's certificate of the round (prize or taking part), once the results are published.
export const GET: RequestHandler = async (event) => {
	try {
		const { fileName, pdf } = await attemptCertificatePdf(event.locals.db, participantOf(event), event.params.id, getLocale() as 'vi' | 'en');
		return new Response(new Uint8Array(pdf), { headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${fileName}"`, 'cache-control': 'private, no-store' } });
	} catch (e) {
		if (isAppError(e)) error(e.status, { message: translate(`errors_${e.code.toLowerCase()}`), code: e.code });
		throw e;
	}
};
