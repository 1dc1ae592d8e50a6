import { error } from '@sveltejs/kit';
import { isAppError } from '$lib/server/core/errors';
import { translate } from '$lib/server/core/http';
import { exportRoundResultsXlsx } from '$lib/server/quizzes/service';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	try {
		const body = await exportRoundResultsXlsx(locals.db, locals.actor, params.id, getLocale());
		return new Response(new Uint8Array(body), {
			headers: {
				'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				'content-disposition': `attachment; filename="ket-qua-${params.id.slice(0, 8)}.xlsx"`
			}
		});
	} catch (e) {
		if (isAppError(e)) error(e.status, { message: translate(`errors_${e.code.toLowerCase()}`), code: e.code });
		throw e;
	}
};
