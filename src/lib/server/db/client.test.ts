import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { executeRows, isNewDataDir, openDatabase } from './client';

const dir = mkdtempSync(join(tmpdir(), 'learnweek-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function openFromAnotherProcess(): { status: number | null; out: string } {
	const r = spawnSync('npx', ['tsx', 'src/lib/server/db/fixtures/open-data-dir.ts', dir], { encoding: 'utf8', timeout: 60_000 });
	return { status: r.status, out: r.stdout + r.stderr };
}

describe('the embedded database folder', () => {
	it('is held by one process at a time, and refused to another with a clear message', async () => {
		expect(isNewDataDir(dir)).toBe(true);
		const database = await openDatabase({ dataDir: dir });
		expect(await executeRows(database.db, sql`select 1 as one`)).toEqual([{ one: 1 }]);
		const second = openFromAnotherProcess();
		expect(second.status).toBe(3);
		expect(second.out).toMatch(/cannot open the data folder .* process \d+ is already using it/);
		await database.close();
		expect(existsSync(join(dir, 'learnweek.lock'))).toBe(false);
		expect(isNewDataDir(dir)).toBe(false);
		// Released on close: the other process may open it now.
		expect(openFromAnotherProcess().out).toMatch(/opened/);
	});
});
