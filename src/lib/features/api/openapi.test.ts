import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi';
import { apiOperations } from './operations';

const ROOT = 'src/routes/api/v1';

/** Every `METHOD /path` implemented by a +server.ts under /api/v1 (the document itself aside). */
function implemented(): string[] {
	const out: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const full = join(dir, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (name === '+server.ts') {
				const path = '/' + relative(ROOT, dir).split('\\').join('/').replace(/\[(\w+)\]/g, '{$1}');
				if (path === '/openapi.json') continue;
				for (const m of readFileSync(full, 'utf8').matchAll(/export const (GET|POST|PATCH|PUT|DELETE)\b/g)) out.push(`${m[1].toLowerCase()} ${path}`);
			}
		}
	};
	walk(ROOT);
	return out.sort();
}

describe('the OpenAPI document', () => {
	it('describes exactly the operations the routes implement', () => {
		const described = apiOperations.map((o) => `${o.method} ${o.path}`).sort();
		expect(described).toEqual(implemented());
	});

	it('is OpenAPI 3.1 with an error schema and bearer security', () => {
		const doc = buildOpenApiDocument(apiOperations, { version: '1', serverUrl: 'http://localhost:3000/api/v1' }) as {
			openapi: string;
			components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
			paths: Record<string, Record<string, { operationId: string }>>;
		};
		expect(doc.openapi).toBe('3.1.0');
		expect(doc.components.securitySchemes.bearer).toBeDefined();
		expect(doc.components.schemas.Error).toBeDefined();
		const ids = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
		expect(new Set(ids).size).toBe(ids.length);
	});
});

describe('README.md', () => {
	it('lists every operation of the API (run `npx tsx scripts/readme-api.ts`)', async () => {
		const { apiMarkdownTable } = await import('./readme');
		expect(readFileSync('README.md', 'utf8')).toContain(apiMarkdownTable(apiOperations));
	});
});
