import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { resetSettings } from '../core/env';
import { AppError } from '../core/errors';
import * as schema from './schema';
import type { Db } from './types';
import { applyMigrations } from './migrate';

let template: Blob | undefined;

/**
 * A fresh, migrated database for one test file, closed after the file. PGlite in memory by
 * default; when TEST_DATABASE_URL is set, a new database on that PostgreSQL server, dropped after.
 */
export async function createTestDb(): Promise<Db> {
	const url = process.env.TEST_DATABASE_URL;
	if (url) {
		const name = `lw_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
		const admin = postgres(url, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name}`);
		const target = new URL(url);
		target.pathname = `/${name}`;
		const client = postgres(target.toString(), { max: 4, onnotice: () => {} });
		const db = drizzlePostgres(client, { schema }) as unknown as Db;
		await applyMigrations({ db, engine: 'postgres' });
		afterAll(async () => {
			await client.end({ timeout: 5 });
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end({ timeout: 5 });
		});
		return db;
	}
	// Migrating a new PGlite takes seconds; do it once per worker and copy the result.
	if (!template) {
		const first = new PGlite();
		await applyMigrations({ db: drizzlePglite(first, { schema }) as unknown as Db, engine: 'pglite' });
		template = (await first.dumpDataDir('none')) as Blob;
		await first.close();
	}
	const client = new PGlite({ loadDataDir: template });
	await client.waitReady;
	afterAll(async () => {
		await client.close();
	});
	return drizzlePglite(client, { schema }) as unknown as Db;
}

/**
 * A fresh file store for one test file: FILES_DIR points at a new temporary folder before its
 * tests and is removed after them. Returns the folder.
 */
export function useTempFilesDir(prefix: string): string {
	const dir = mkdtempSync(join(tmpdir(), `learnweek-${prefix}-`));
	beforeAll(() => {
		process.env.FILES_DIR = dir;
		resetSettings();
	});
	afterAll(() => {
		delete process.env.FILES_DIR;
		resetSettings();
		rmSync(dir, { recursive: true, force: true });
	});
	return dir;
}

/** The AppError a use case refused with; fails the test when it did not refuse (or threw anything else). */
export async function refusal(p: Promise<unknown>): Promise<AppError> {
	try {
		await p;
	} catch (e) {
		if (e instanceof AppError) return e;
		throw e;
	}
	throw new Error('expected a refusal');
}
