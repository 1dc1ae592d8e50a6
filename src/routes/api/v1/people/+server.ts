import { json } from '@sveltejs/kit';
import { AppError } from '$lib/server/core/errors';
import { apiHandler, readJson } from '$lib/server/core/http';
import { createPerson, getPerson, listPeople } from '$lib/server/org/service';
import type { CreatePersonInput, ListPeopleQuery } from '$lib/features/org/inputs';
import { toPersonJson } from '$lib/features/org/api';
import type { RequestHandler } from './$types';

/** GET /api/v1/people?unitId=&q=&page=: the people the caller may read, a page at a time. */
export const GET: RequestHandler = apiHandler(async ({ locals, url }) => {
	if (locals.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
	// The service validates the parameters with listPeopleQuery.
	const query = Object.fromEntries(url.searchParams) as ListPeopleQuery;
	const { items, total, page, pageSize } = await listPeople(locals.db, locals.actor, query);
	return json({ items: items.map(toPersonJson), total, page, pageSize });
});

/** POST /api/v1/people: a person in a unit the caller administers. */
export const POST: RequestHandler = apiHandler(async ({ locals, request }) => {
	if (locals.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
	// The service validates the body with createPersonInput.
	const created = await createPerson(locals.db, locals.actor, (await readJson(request)) as CreatePersonInput);
	return json(toPersonJson(await getPerson(locals.db, locals.actor, created.id)), { status: 201 });
});
