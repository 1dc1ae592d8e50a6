import { error } from '@sveltejs/kit';
import { orPageError, translate } from '$lib/server/core/http';
import { getEntry, getRecognitionHub, updateInitiative } from '$lib/server/recognition/service';
import { initiativeFormToInput, initiativeToFormValues } from '$lib/features/recognition/inputs';
import { act } from '../../../act.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const view = await orPageError(() => getEntry(locals.db, locals.actor, 'initiative', params.id));
	if (!view.can.edit || !view.initiative) error(403, { message: translate('errors_forbidden'), code: 'FORBIDDEN' });
	const hub = await orPageError(() => getRecognitionHub(locals.db, locals.actor, view.campaign.id));
	// Authors may come from any unit of the organisation, not only where the submitter works.
	const units = [...new Map([...hub.submitUnits.map((u) => [u.id, u.name] as const), ...view.initiative.authors.map((a) => [a.unitId, a.unitName] as const)]).entries()].map(([value, label]) => ({ value, label }));
	return { view, units, initial: initiativeToFormValues(view.initiative) };
};

export const actions: Actions = {
	default: (event) => act(event, 'update', (v, db) => updateInitiative(db, event.locals.actor, event.params.id, initiativeFormToInput(v)), `/recognition/initiatives/${event.params.id}`)
};
