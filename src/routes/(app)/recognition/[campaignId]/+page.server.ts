import { randomUUID } from 'node:crypto';
import { orPageError } from '$lib/server/core/http';
import { createAwardDecision, createCall, createCouncil, getRecognitionHub } from '$lib/server/recognition/service';
import type { CallInput, CouncilInput, DecisionInput } from '$lib/features/recognition/inputs';
import { RUBRIC_CRITERIA } from '$lib/features/recognition/types';
import { act } from '../act.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const hub = await orPageError(() => getRecognitionHub(locals.db, locals.actor, params.campaignId));
	return { ...hub, notice: url.searchParams.get('notice'), requestKey: randomUUID() };
};

const here = (id: string) => `/recognition/${id}`;

export const actions: Actions = {
	createCall: (event) =>
		act(event, 'createCall', (v, db) => createCall(db, event.locals.actor, { ...(v as CallInput), campaignId: event.params.campaignId }), here(event.params.campaignId), { once: 'recognition.call' }),
	createCouncil: (event) =>
		act(
			event,
			'createCouncil',
			(v, db) =>
				createCouncil(db, event.locals.actor, {
					campaignId: event.params.campaignId,
					name: v.name,
					passMark: v.passMark,
					weights: Object.fromEntries(RUBRIC_CRITERIA.map((c) => [c, v[`weights.${c}`]])) as CouncilInput['weights']
				}),
			(r) => `/recognition/councils/${r.id}`,
			{ once: 'recognition.council' }
		),
	createDecision: (event) =>
		act(event, 'createDecision', (v, db) => createAwardDecision(db, event.locals.actor, { ...(v as DecisionInput), campaignId: event.params.campaignId }), (r) => `/recognition/decisions/${r.id}`, { once: 'recognition.decision' })
};
