import { campaignCalendar, CALENDAR_CONTENT_TYPE } from '$lib/server/activities/service';
import { orPageError } from '$lib/server/core/http';
import type { RequestHandler } from './$types';

/** The campaign's published programme as an iCalendar feed that calendar apps subscribe to. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const body = await orPageError(() => campaignCalendar(locals.db, params.id));
	return new Response(body, {
		headers: {
			'content-type': CALENDAR_CONTENT_TYPE,
			'content-disposition': 'inline; filename="chuong-trinh.ics"',
			// Calendar apps poll the feed; a few minutes' staleness spares the database.
			'cache-control': 'public, max-age=300'
		}
	});
};
