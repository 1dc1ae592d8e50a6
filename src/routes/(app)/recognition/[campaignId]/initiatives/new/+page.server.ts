import { randomUUID } from 'node:crypto';
import { error } from '@sveltejs/kit';
import { formValues, orPageError, translate } from '$lib/server/core/http';
import { addEvidence, getRecognitionHub, submitInitiative } from '$lib/server/recognition/service';
import { initiativeFormToInput } from '$lib/features/recognition/inputs';
import { act } from '../../../act.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const hub = await orPageError(() => getRecognitionHub(locals.db, locals.actor, params.campaignId));
	const call = hub.calls.find((c) => c.id === url.searchParams.get('call'));
	if (!call) error(404, { message: translate('errors_not_found'), code: 'NOT_FOUND' });
	const units = hub.submitUnits.map((u) => ({ value: u.id, label: u.name }));
	return { campaign: hub.campaign, call, units, initial: { requestKey: randomUUID(), callId: call.id, unitId: units.length === 1 ? units[0].value : '' } };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const values = formValues(form);
		const files = form.getAll('evidence').filter((f): f is File => typeof f !== 'string' && f.size > 0);
		return act(
			event,
			'submit',
			async (v, db) => {
				const row = await submitInitiative(db, event.locals.actor, initiativeFormToInput(v));
				for (const file of files) await addEvidence(db, event.locals.actor, 'initiative', row.id, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
				return row;
			},
			(r) => `/recognition/initiatives/${r.id}`,
			{ once: 'recognition.initiative', values }
		);
	}
};
