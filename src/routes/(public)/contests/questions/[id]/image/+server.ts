import { error } from '@sveltejs/kit';
import { isAppError } from '$lib/server/core/errors';
import { translate } from '$lib/server/core/http';
import { readQuestionImage } from '$lib/server/quizzes/service';
import type { RequestHandler } from './$types';

// A question's picture, as shown in attempts (it says nothing of the answer).
export const GET: RequestHandler = async ({ locals, params }) => {
	try {
		const { bytes, contentType } = await readQuestionImage(locals.db, params.id);
		return new Response(new Uint8Array(bytes), { headers: { 'content-type': contentType, 'cache-control': 'private, max-age=3600', 'x-content-type-options': 'nosniff' } });
	} catch (e) {
		if (isAppError(e)) error(e.status, { message: translate(`errors_${e.code.toLowerCase()}`), code: e.code });
		throw e;
	}
};
