// The activities of /api/v1: the public programme and activity, and registration for anyone.
// src/routes/api/v1 implements exactly these.
import { activityJson, activityListJson, programmeQuery, registrationBody, registrationJson } from '$lib/features/activities/api';
import type { Operation } from './openapi';

const tags = ['activities'];

export const activityOperations: Operation[] = [
	{
		method: 'get',
		path: '/campaigns/{id}/activities',
		summary: "A public campaign's programme: its published (and cancelled) activities by start, filtered by mode, type, learner group or text",
		tags,
		auth: false,
		params: ['id'],
		query: programmeQuery,
		response: activityListJson,
		errors: ['NOT_FOUND']
	},
	{
		method: 'get',
		path: '/activities/{id}',
		summary: 'One activity with its places; drafts only for its staff',
		tags,
		auth: false,
		params: ['id'],
		response: activityJson,
		errors: ['NOT_FOUND']
	},
	{
		method: 'post',
		path: '/activities/{id}/registrations',
		summary: 'Register (a place while they last, then the waitlist); a guest without a token, the account with one. Idempotency-Key makes a retry act once',
		tags,
		auth: false,
		params: ['id'],
		body: registrationBody,
		response: registrationJson,
		status: 201,
		errors: ['NOT_FOUND', 'CONFLICT', 'INVALID_TRANSITION']
	}
];
