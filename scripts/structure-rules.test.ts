import { describe, expect, it } from 'vitest';
import { checkStructure } from './structure-rules';

const file = (path: string, content = '') => ({ path, content });

describe('structure check', () => {
	it('accepts a domain laid out as ARCHITECTURE.md says', () => {
		expect(
			checkStructure([
				file('src/lib/server/org/tables.ts', "import { pgTable } from 'drizzle-orm/pg-core';"),
				file('src/lib/server/org/queries.ts', "import { eq } from 'drizzle-orm';\nimport { person } from './tables';"),
				file('src/lib/server/org/policy.ts', "import { hasRoleAt, type Actor } from '../auth/actor';"),
				file('src/lib/server/org/service.ts', "import { selectPeople } from './queries';\nimport { recordAudit } from '../audit/service';"),
				file('src/lib/server/org/service/import-people.ts', ''),
				file('src/lib/server/org/service.test.ts', "import { createTestDb } from '../db/testing';"),
				file('src/routes/admin/+page.server.ts', "import { listPeople } from '$lib/server/org/service';")
			])
		).toEqual([]);
	});

	it('names where a helper file belongs', () => {
		const [v] = checkStructure([file('src/lib/server/org/utils.ts')]);
		expect(v.message).toMatch(/service\/<use-case>\.ts/);
	});

	it('refuses a route that imports queries or the database', () => {
		const v = checkStructure([
			file('src/routes/x/+page.server.ts', "import { selectPeople } from '$lib/server/org/queries';\nimport { openDatabase } from '$lib/server/db/client';")
		]);
		expect(v).toHaveLength(2);
		expect(v[0].message).toMatch(/service\.ts/);
	});

	it('refuses SQL outside queries.ts', () => {
		const [v] = checkStructure([file('src/lib/server/org/service.ts', "import { eq } from 'drizzle-orm';")]);
		expect(v.message).toMatch(/only queries\.ts builds SQL/);
	});

	it('refuses entering another domain other than through its service', () => {
		const [v] = checkStructure([file('src/lib/server/campaigns/service.ts', "import { selectPeople } from '../org/queries';")]);
		expect(v.message).toMatch(/entered only through its service\.ts/);
	});

	it('refuses server imports from client code and features from components', () => {
		const v = checkStructure([
			file('src/routes/+page.svelte', "import { x } from '$lib/server/org/service';"),
			file('src/lib/components/Table.svelte', "import { y } from '$lib/features/org/format';")
		]);
		expect(v.map((x) => x.path)).toEqual(['src/routes/+page.svelte', 'src/lib/components/Table.svelte']);
	});

	it('finds a cycle between domains', () => {
		const v = checkStructure([
			file('src/lib/server/a/service.ts', "import { f } from '../b/service';"),
			file('src/lib/server/b/service.ts', "import { g } from '../a/service';")
		]);
		expect(v.some((x) => /cycle/.test(x.message))).toBe(true);
	});

	it("lets tests arrange data through other domains' exports and seeds without forming a cycle", () => {
		expect(
			checkStructure([
				file('src/lib/server/a/service.ts', "import { f } from '../b/service';"),
				file('src/lib/server/b/service.test.ts', "import { doc } from '../a/export';\nimport { createA } from '../a/seed';")
			])
		).toEqual([]);
	});

	it('keeps policy.ts pure', () => {
		const [v] = checkStructure([file('src/lib/server/org/policy.ts', "import { selectPeople } from './queries';")]);
		expect(v.message).toMatch(/pure/);
	});
});
