import { json } from '@sveltejs/kit';
import { AppError } from '$lib/server/core/errors';
import { apiHandler, readJson } from '$lib/server/core/http';
import { deleteOrgNode, getOrgNode, updateOrgNode } from '$lib/server/org/service';
import type { UpdateOrgNodeInput } from '$lib/features/org/inputs';
import { toOrganisationJson } from '$lib/features/org/api';
import type { RequestHandler } from './$types';

/** GET /api/v1/organisations/{id}: a node the caller may see (404 otherwise). */
export const GET: RequestHandler = apiHandler(async ({ locals, params }) => {
	if (locals.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
	return json(toOrganisationJson(await getOrgNode(locals.db, locals.actor, params.id)));
});

/** PATCH /api/v1/organisations/{id}: the fields sent change; a new parentId moves the subtree. */
export const PATCH: RequestHandler = apiHandler(async ({ locals, params, request }) => {
	if (locals.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
	// The service checks the caller's rights first, then validates with updateOrgNodeInput.
	const body = (await readJson(request)) as UpdateOrgNodeInput;
	return json(toOrganisationJson(await updateOrgNode(locals.db, locals.actor, params.id, body)));
});

/** DELETE /api/v1/organisations/{id}: an empty unit (409 while it has sub-units, people or records). */
export const DELETE: RequestHandler = apiHandler(async ({ locals, params }) => {
	if (locals.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
	await deleteOrgNode(locals.db, locals.actor, params.id);
	return new Response(null, { status: 204 });
});
