import { randomUUID } from 'node:crypto';
import { isAppError } from '$lib/server/core/errors';
import { formValues, orPageError } from '$lib/server/core/http';
import { getRecognitionHub, listNominationSuggestions, nominate } from '$lib/server/recognition/service';
import type { NominationInput } from '$lib/features/recognition/inputs';
import { act } from '../../../act.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const hub = await orPageError(() => getRecognitionHub(locals.db, locals.actor, params.campaignId));
	// Unit leaders nominate from their unit without the coordinators' suggestions.
	const suggestions = await listNominationSuggestions(locals.db, locals.actor, params.campaignId).catch((e) => {
		if (isAppError(e) && e.code === 'FORBIDDEN') return [];
		throw e;
	});
	const from = suggestions[Number(url.searchParams.get('from') ?? -1)];
	const initial: Record<string, unknown> = { requestKey: randomUUID(), kind: 'person' };
	if (from) Object.assign(initial, { kind: from.kind, name: from.name, unitId: from.unitId ?? '', userId: from.userId ?? '', story: from.evidence, source: from.source, sourceFacts: JSON.stringify(from.facts) });
	return { campaign: hub.campaign, units: hub.submitUnits.map((u) => ({ value: u.id, label: u.name })), suggestions, initial, fromSuggestion: Boolean(from) };
};

export const actions: Actions = {
	default: async (event) => {
		const values = formValues(await event.request.formData());
		return act(
			event,
			'nominate',
			(v, db) => {
				let facts: unknown = {};
				try {
					facts = v.sourceFacts ? JSON.parse(String(v.sourceFacts)) : {};
				} catch {
					facts = {};
				}
				return nominate(db, event.locals.actor, { ...(v as NominationInput), campaignId: event.params.campaignId, sourceFacts: facts as NominationInput['sourceFacts'] });
			},
			(r) => `/recognition/nominations/${r.id}`,
			{ once: 'recognition.nomination', values }
		);
	}
};
