import { json } from '@sveltejs/kit';
import { AppError } from '$lib/server/core/errors';
import { apiHandler, readJson } from '$lib/server/core/http';
import { createOrgNode, listOrgTree } from '$lib/server/org/service';
import type { CreateOrgNodeInput } from '$lib/features/org/inputs';
import { toOrganisationJson, toOrganisationTreeItemJson } from '$lib/features/org/api';
import type { RequestHandler } from './$types';

/** GET /api/v1/organisations: the tree the caller may see, each node followed by its sub-units. */
export const GET: RequestHandler = apiHandler(async ({ locals }) => {
	if (locals.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
	const tree = await listOrgTree(locals.db, locals.actor);
	return json({ items: tree.map(toOrganisationTreeItemJson) });
});

/** POST /api/v1/organisations: a unit under a node the caller administers. */
export const POST: RequestHandler = apiHandler(async ({ locals, request }) => {
	if (locals.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
	// The service validates the body with createOrgNodeInput after checking the parent.
	const node = await createOrgNode(locals.db, locals.actor, (await readJson(request)) as CreateOrgNodeInput);
	return json(toOrganisationJson(node), { status: 201 });
});
