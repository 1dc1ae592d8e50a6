import { listNewsEditorOptions } from '$lib/server/news/service';
import { listAdminUnits } from '$lib/server/localities/service';
import { translate } from '$lib/server/core/http';
import { groupPlacesByProvince } from '$lib/features/activities/form-options';
import type { PageServerLoad } from './$types';

// The form is sent by GET to ./pdf; a refusal comes back here with what was typed and the errors.
// A banner hangs somewhere (the distancing rule is checked there); a poster needs no place.
export const load: PageServerLoad = async ({ locals, url }) => {
	const [options, units] = await Promise.all([listNewsEditorOptions(locals.db, locals.actor), listAdminUnits(locals.db)]);
	const values = Object.fromEntries(['campaignId', 'format', 'slogan', 'adminUnitCode', 'from', 'to'].map((k) => [k, url.searchParams.get(k) ?? '']));
	const errors = Object.fromEntries([...url.searchParams.entries()].filter(([k]) => k.startsWith('error.')).map(([k, v]) => [k.slice(6), translate(v)]));
	return {
		campaigns: options.campaigns,
		places: groupPlacesByProvince(units, translate('activities_place_other')),
		values,
		errors,
		message: url.searchParams.get('message') ? translate(url.searchParams.get('message')!) : ''
	};
};
