import { error } from '@sveltejs/kit';
import { personalCalendar, CALENDAR_CONTENT_TYPE } from '$lib/server/activities/service';
import { orPageError, translate } from '$lib/server/core/http';
import type { RequestHandler } from './$types';

/** A person's registrations as an iCalendar feed; calendar apps cannot sign in, so the file name is the secret. */
export const GET: RequestHandler = async ({ locals, params }) => {
	if (!params.file.endsWith('.ics')) error(404, { message: translate('errors_not_found'), code: 'NOT_FOUND' });
	const body = await orPageError(() => personalCalendar(locals.db, params.userId, params.file.slice(0, -'.ics'.length)));
	return new Response(body, {
		headers: {
			'content-type': CALENDAR_CONTENT_TYPE,
			'content-disposition': 'inline; filename="lich-ca-nhan.ics"',
			'referrer-policy': 'no-referrer',
			'cache-control': 'private, no-store'
		}
	});
};
