import { json } from '@sveltejs/kit';
import { buildOpenApiDocument } from '$lib/features/api/openapi';
import { apiOperations } from '$lib/features/api/operations';
import type { RequestHandler } from './$types';

let cached: Record<string, unknown> | undefined;

export const GET: RequestHandler = ({ url }) => {
	cached ??= buildOpenApiDocument(apiOperations, { version: '1', serverUrl: `${url.origin}/api/v1` });
	return json(cached, { headers: { 'cache-control': 'public, max-age=300' } });
};
