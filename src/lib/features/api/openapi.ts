// The OpenAPI 3.1 document of /api/v1, generated from the same Zod schemas the forms and the
// services use. Each domain lists its operations in paths-<domain>.ts.
import { z } from 'zod';

export interface Operation {
	method: 'get' | 'post' | 'patch' | 'put' | 'delete';
	path: string;
	summary: string;
	tags: string[];
	/** false: readable without a token. */
	auth: boolean;
	/** Zod object of query parameters. */
	query?: z.ZodObject;
	/** Names of path parameters (all strings). */
	params?: string[];
	body?: z.ZodType;
	/** The 2xx response body. */
	response?: z.ZodType;
	status?: number;
	/** Error codes this operation may answer with, beyond VALIDATION/UNAUTHENTICATED. */
	errors?: Array<'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'INVALID_TRANSITION' | 'STALE' | 'TOO_LARGE' | 'UNSUPPORTED_TYPE' | 'RATE_LIMITED'>;
}

export const errorBody = z.object({
	code: z.string().meta({ description: 'A stable code: VALIDATION, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, …' }),
	message: z.string().meta({ description: 'Human text in the language of Accept-Language (vi by default, en)' }),
	fields: z.record(z.string(), z.string()).optional().meta({ description: 'For VALIDATION: each field at fault and why' })
});

const STATUS: Record<string, string> = {
	VALIDATION: '400',
	UNAUTHENTICATED: '401',
	FORBIDDEN: '403',
	NOT_FOUND: '404',
	CONFLICT: '409',
	INVALID_TRANSITION: '409',
	STALE: '409',
	TOO_LARGE: '413',
	UNSUPPORTED_TYPE: '415',
	RATE_LIMITED: '429'
};

function schema(s: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
	// OpenAPI 3.1 uses JSON Schema 2020-12; transforms are described by what they accept or give.
	const out = z.toJSONSchema(s, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;
	delete out.$schema;
	return out;
}

/** Builds the whole document from the operations of every domain. */
export function buildOpenApiDocument(operations: Operation[], info: { version: string; serverUrl: string }): Record<string, unknown> {
	const paths: Record<string, Record<string, unknown>> = {};
	for (const op of operations) {
		const parameters: unknown[] = [];
		for (const name of op.params ?? []) parameters.push({ name, in: 'path', required: true, schema: { type: 'string' } });
		if (op.query) {
			const q = schema(op.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
			for (const [name, s] of Object.entries(q.properties ?? {})) {
				parameters.push({ name, in: 'query', required: (q.required ?? []).includes(name), schema: s });
			}
		}
		const responses: Record<string, unknown> = {
			[String(op.status ?? 200)]: op.response
				? { description: 'OK', content: { 'application/json': { schema: schema(op.response, 'output') } } }
				: { description: 'OK' }
		};
		const codes = new Set<string>(['VALIDATION', ...(op.auth ? ['UNAUTHENTICATED'] : []), ...(op.errors ?? [])]);
		for (const code of codes) {
			const status = STATUS[code];
			responses[status] ??= { description: code, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
			if (!String((responses[status] as { description: string }).description).includes(code)) {
				(responses[status] as { description: string }).description += `, ${code}`;
			}
		}
		const operation: Record<string, unknown> = {
			summary: op.summary,
			tags: op.tags,
			operationId: `${op.method}${op.path.replace(/\{(\w+)\}/g, 'By_$1').replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
			parameters,
			responses,
			security: op.auth ? [{ bearer: [] }] : []
		};
		if (op.body) operation.requestBody = { required: true, content: { 'application/json': { schema: schema(op.body, 'input') } } };
		paths[op.path] ??= {};
		paths[op.path][op.method] = operation;
	}
	return {
		openapi: '3.1.0',
		info: {
			title: 'LearnWeek API',
			version: info.version,
			description: 'Campaigns of the Lifelong Learning Week (public reads), organisations and people (with a token).'
		},
		servers: [{ url: info.serverUrl }],
		components: {
			securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token (lw_…) created on the Account page' } },
			schemas: { Error: schema(errorBody, 'output') }
		},
		paths
	};
}
