// The maturity operations of /api/v1: a published leaderboard for anyone, a unit's own assessment
// for its people. src/routes/api/v1 implements exactly these.
import { assessmentJson, leaderboardJson } from '$lib/features/maturity/api';
import type { Operation } from './openapi';

const tags = ['maturity'];

export const maturityOperations: Operation[] = [
	{
		method: 'get',
		path: '/maturity/rounds/{id}/leaderboard',
		summary: "A published self-assessment round's leaderboard: units by total with levels, groups, pillars and progress since the previous edition",
		tags,
		auth: false,
		params: ['id'],
		response: leaderboardJson,
		errors: ['NOT_FOUND']
	},
	{
		method: 'get',
		path: '/maturity/assessments/{id}',
		summary: "A unit's digital-transformation self-assessment: criteria, values, scores, measured sources and review decisions; for the unit's own people and the round's coordinators",
		tags,
		auth: true,
		params: ['id'],
		response: assessmentJson,
		errors: ['NOT_FOUND']
	}
];
