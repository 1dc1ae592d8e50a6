import { describe, expect, it } from 'vitest';
import { getAuthTables } from 'better-auth/db';
import { getTableColumns } from 'drizzle-orm';
import * as tables from './tables';

// The auth tables are written by hand (the better-auth CLI does not run on Node 20):
// every field better-auth expects must exist with a compatible type.
describe('auth tables', () => {
	it('hold every field better-auth needs', () => {
		const expected = getAuthTables({ rateLimit: { storage: 'database', enabled: true }, user: { additionalFields: { isDemo: { type: 'boolean' } } } });
		const ours: Record<string, ReturnType<typeof getTableColumns>> = {
			user: getTableColumns(tables.user),
			session: getTableColumns(tables.session),
			account: getTableColumns(tables.account),
			verification: getTableColumns(tables.verification),
			rateLimit: getTableColumns(tables.rateLimit)
		};
		const dataType = { string: 'string', boolean: 'boolean', date: 'date', number: 'number' } as const;
		for (const [model, def] of Object.entries(expected)) {
			const columns = ours[model];
			expect(columns, model).toBeDefined();
			for (const [field, attr] of Object.entries(def.fields)) {
				const column = columns[field];
				expect(column, `${model}.${field}`).toBeDefined();
				expect(column.dataType, `${model}.${field}`).toBe(dataType[attr.type as keyof typeof dataType]);
				if (attr.required) expect(column.notNull || column.hasDefault, `${model}.${field} required`).toBe(true);
			}
		}
	});
});
