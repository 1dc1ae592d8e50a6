// The campaigns of /api/v1: public reads for anyone, drafts and changes with a token of the right
// role. src/routes/api/v1/campaigns implements exactly these.
import { campaignCloneInput } from '$lib/features/campaigns/inputs';
import {
	campaignCreateBody,
	campaignJson,
	campaignListJson,
	campaignTransitionBody,
	campaignUpdateBody,
	publicCampaignListQuery
} from '$lib/features/campaigns/api';
import type { Operation } from './openapi';

const tags = ['campaigns'];

export const campaignOperations: Operation[] = [
	{
		method: 'get',
		path: '/campaigns',
		summary: 'The issued, running and closed campaigns of every organisation, newest first; q ignores diacritics',
		tags,
		auth: false,
		query: publicCampaignListQuery,
		response: campaignListJson
	},
	{
		method: 'get',
		path: '/campaigns/{id}',
		summary: 'One campaign with its plan, parent, children and cited campaigns; drafts need a token of a back-office role of its organisation',
		tags,
		auth: false,
		params: ['id'],
		response: campaignJson,
		errors: ['NOT_FOUND']
	},
	{
		method: 'post',
		path: '/campaigns',
		summary: 'Create a draft plan on an organisation where the caller is coordinator or administrator',
		tags,
		auth: true,
		body: campaignCreateBody,
		response: campaignJson,
		status: 201,
		errors: ['FORBIDDEN', 'NOT_FOUND']
	},
	{
		method: 'patch',
		path: '/campaigns/{id}',
		summary: "Replace a draft's content (coordinator); expectedVersion must be the version read",
		tags,
		auth: true,
		params: ['id'],
		body: campaignUpdateBody,
		response: campaignJson,
		errors: ['FORBIDDEN', 'NOT_FOUND', 'INVALID_TRANSITION', 'STALE']
	},
	{
		method: 'post',
		path: '/campaigns/{id}/transitions',
		summary: 'One workflow step: submit, start, close (coordinator); approve, return with a reason, issue (unit leader)',
		tags,
		auth: true,
		params: ['id'],
		body: campaignTransitionBody,
		response: campaignJson,
		errors: ['FORBIDDEN', 'NOT_FOUND', 'INVALID_TRANSITION']
	},
	{
		method: 'post',
		path: '/campaigns/{id}/clone',
		summary: 'Clone a campaign into another year (default: the next) as a new draft; the original is untouched',
		tags,
		auth: true,
		params: ['id'],
		body: campaignCloneInput,
		response: campaignJson,
		status: 201,
		errors: ['FORBIDDEN', 'NOT_FOUND']
	}
];
