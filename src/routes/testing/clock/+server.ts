import { json, error } from '@sveltejs/kit';
import { settings } from '$lib/server/core/env';
import { freezeClock, now } from '$lib/server/core/clock';
import type { RequestHandler } from './$types';

/**
 * Test runs only (TEST_CLOCK=1): sets the app's clock to `{ at: ISO instant }`, or releases it with
 * `{ at: null }`. Answers 404 in every other run, as if it did not exist.
 */
export const POST: RequestHandler = async ({ request }) => {
	if (!settings().TEST_CLOCK) error(404, { message: 'Not found', code: 'NOT_FOUND' });
	const body = (await request.json().catch(() => ({}))) as { at?: string | null };
	const at = body.at ? new Date(body.at) : undefined;
	if (at && Number.isNaN(at.getTime())) error(400, { message: 'at must be an ISO instant', code: 'VALIDATION' });
	freezeClock(at);
	return json({ now: now().toISOString(), frozen: Boolean(at) });
};
