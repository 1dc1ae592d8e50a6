import { json } from '@sveltejs/kit';
import { AppError } from '$lib/server/core/errors';
import { apiHandler, readJson } from '$lib/server/core/http';
import { settings } from '$lib/server/core/env';
import { registerForActivity, getRegistrationById } from '$lib/server/activities/service';
import { runOnce } from '$lib/server/idempotency/service';
import { toRegistrationJson } from '$lib/features/activities/api';
import type { RequestHandler } from './$types';

/**
 * POST /api/v1/activities/:id/registrations: a place (or a waitlist place). With an
 * Idempotency-Key header a retried request answers with the first one's registration (200).
 */
export const POST: RequestHandler = apiHandler(async ({ locals, params, request }) => {
	const body = await readJson(request);
	if (!body || typeof body !== 'object' || Array.isArray(body)) throw new AppError('VALIDATION', { fields: { _: 'field_invalid' } });
	const origin = settings().ORIGIN.replace(/\/$/, '');
	const key = request.headers.get('idempotency-key');
	if (!key) {
		const row = await registerForActivity(locals.db, locals.actor, params.id, body);
		return json(toRegistrationJson(row, origin), { status: 201 });
	}
	const { id, repeated } = await runOnce(locals.db, locals.actor, { key, scope: `activity-register:${params.id}` }, (tx) => registerForActivity(tx, locals.actor, params.id, body));
	return json(toRegistrationJson(await getRegistrationById(locals.db, id), origin), { status: repeated ? 200 : 201 });
});
