import { listNewsEditorOptions } from '$lib/server/news/service';
import { translate } from '$lib/server/core/http';
import type { PageServerLoad } from './$types';

// The form is sent by GET to ./pdf; a refusal comes back here with what was typed and the errors.
export const load: PageServerLoad = async ({ locals, url }) => {
	const options = await listNewsEditorOptions(locals.db, locals.actor);
	const values = Object.fromEntries(['campaignId', 'format', 'slogan', 'adminUnitCode', 'from', 'to'].map((k) => [k, url.searchParams.get(k) ?? '']));
	const errors = Object.fromEntries([...url.searchParams.entries()].filter(([k]) => k.startsWith('error.')).map(([k, v]) => [k.slice(6), translate(v)]));
	return { campaigns: options.campaigns, values, errors, message: url.searchParams.get('message') ? translate(url.searchParams.get('message')!) : '' };
};
