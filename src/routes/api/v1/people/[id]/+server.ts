import { json } from '@sveltejs/kit';
import { AppError } from '$lib/server/core/errors';
import { apiHandler, readJson } from '$lib/server/core/http';
import { deletePerson, getPerson, updatePerson } from '$lib/server/org/service';
import type { UpdatePersonInput } from '$lib/features/org/inputs';
import { toPersonJson } from '$lib/features/org/api';
import type { RequestHandler } from './$types';

/** GET /api/v1/people/{id}: a person of a unit the caller may read (404 otherwise). */
export const GET: RequestHandler = apiHandler(async ({ locals, params }) => {
	if (locals.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
	return json(toPersonJson(await getPerson(locals.db, locals.actor, params.id)));
});

/** PATCH /api/v1/people/{id}: the fields sent change; a new unitId moves the person. */
export const PATCH: RequestHandler = apiHandler(async ({ locals, params, request }) => {
	if (locals.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
	// The service checks the caller's rights first, then validates with updatePersonInput.
	await updatePerson(locals.db, locals.actor, params.id, (await readJson(request)) as UpdatePersonInput);
	return json(toPersonJson(await getPerson(locals.db, locals.actor, params.id)));
});

/** DELETE /api/v1/people/{id}: removes the person. */
export const DELETE: RequestHandler = apiHandler(async ({ locals, params }) => {
	if (locals.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
	await deletePerson(locals.db, locals.actor, params.id);
	return new Response(null, { status: 204 });
});
