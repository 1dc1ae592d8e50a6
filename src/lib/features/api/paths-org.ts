// The organisations and people of /api/v1 (authenticated; each answers within the caller's roles).
// src/routes/api/v1/organisations and src/routes/api/v1/people implement exactly these.
import { createOrgNodeInput, createPersonInput, listPeopleQuery, updateOrgNodeInput, updatePersonInput } from '$lib/features/org/inputs';
import { organisationJson, organisationListJson, peoplePageJson, personJson } from '$lib/features/org/api';
import type { Operation } from './openapi';

const organisations = ['organisations'];
const people = ['people'];

export const orgOperations: Operation[] = [
	{
		method: 'get',
		path: '/organisations',
		summary: 'The organisation tree the caller may see, each node followed by its sub-units',
		tags: organisations,
		auth: true,
		response: organisationListJson
	},
	{
		method: 'get',
		path: '/organisations/{id}',
		summary: 'One organisation node the caller may see',
		tags: organisations,
		auth: true,
		params: ['id'],
		response: organisationJson,
		errors: ['NOT_FOUND']
	},
	{
		method: 'post',
		path: '/organisations',
		summary: 'Add a unit under a node the caller administers',
		tags: organisations,
		auth: true,
		body: createOrgNodeInput,
		response: organisationJson,
		status: 201,
		errors: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT']
	},
	{
		method: 'patch',
		path: '/organisations/{id}',
		summary: "Change a node's details; a new parentId moves it with its sub-units",
		tags: organisations,
		auth: true,
		params: ['id'],
		body: updateOrgNodeInput,
		response: organisationJson,
		errors: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT']
	},
	{
		method: 'delete',
		path: '/organisations/{id}',
		summary: 'Delete a unit that has no sub-units, people or other records',
		tags: organisations,
		auth: true,
		params: ['id'],
		status: 204,
		errors: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT']
	},
	{
		method: 'get',
		path: '/people',
		summary: 'People of the units the caller may read, sorted by given name (Vietnamese order); q ignores diacritics',
		tags: people,
		auth: true,
		query: listPeopleQuery,
		response: peoplePageJson,
		errors: ['FORBIDDEN', 'NOT_FOUND']
	},
	{
		method: 'get',
		path: '/people/{id}',
		summary: 'One person of a unit the caller may read',
		tags: people,
		auth: true,
		params: ['id'],
		response: personJson,
		errors: ['NOT_FOUND']
	},
	{
		method: 'post',
		path: '/people',
		summary: 'Record a person in a unit the caller administers',
		tags: people,
		auth: true,
		body: createPersonInput,
		response: personJson,
		status: 201,
		errors: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT']
	},
	{
		method: 'patch',
		path: '/people/{id}',
		summary: 'Change a person; fields left out stay as they are; a new unitId moves them',
		tags: people,
		auth: true,
		params: ['id'],
		body: updatePersonInput,
		response: personJson,
		errors: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT']
	},
	{
		method: 'delete',
		path: '/people/{id}',
		summary: 'Remove a person',
		tags: people,
		auth: true,
		params: ['id'],
		status: 204,
		errors: ['FORBIDDEN', 'NOT_FOUND']
	}
];
