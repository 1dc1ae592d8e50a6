import type { Operation } from './openapi';

/** The API table of README.md, generated from the operations so the two cannot drift. */
export function apiMarkdownTable(operations: Operation[]): string {
	const rows = operations.map((o) => `| \`${o.method.toUpperCase()}\` | \`/api/v1${o.path}\` | ${o.auth ? 'token' : 'public'} | ${o.summary} |`);
	return ['| method | path | access | what it does |', '|---|---|---|---|', ...rows].join('\n');
}
