import { error } from '@sveltejs/kit';
import { isAppError } from '$lib/server/core/errors';
import { translate } from '$lib/server/core/http';
import { exportQuestionsXlsx } from '$lib/server/quizzes/service';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

// The bank of one organisation as an XLSX in the import's columns.
export const GET: RequestHandler = async ({ locals, url }) => {
	try {
		const body = await exportQuestionsXlsx(locals.db, locals.actor, url.searchParams.get('orgId') ?? '', getLocale());
		return new Response(new Uint8Array(body), {
			headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': 'attachment; filename="ngan-hang-cau-hoi.xlsx"' }
		});
	} catch (e) {
		if (isAppError(e)) error(e.status, { message: translate(`errors_${e.code.toLowerCase()}`), code: e.code });
		throw e;
	}
};
