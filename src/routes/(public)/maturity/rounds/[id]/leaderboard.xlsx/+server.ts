import { orPageError } from '$lib/server/core/http';
import { exportLeaderboardXlsx } from '$lib/server/maturity/export';
import { contentDisposition } from '$lib/features/documents/format';
import type { RequestHandler } from './$types';

/** The leaderboard as XLSX: for everyone once published; before, the round's coordinators' preview only. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { fileName, xlsx } = await orPageError(() => exportLeaderboardXlsx(locals.db, locals.actor, params.id));
	return new Response(new Uint8Array(xlsx), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': contentDisposition({ ascii: fileName, utf8: fileName }),
			'x-content-type-options': 'nosniff'
		}
	});
};
