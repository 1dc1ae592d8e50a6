import { mkdirSync, openSync, readFileSync, writeFileSync, closeSync, rmSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { getTableColumns, sql, type Column, type SQL, type Table } from 'drizzle-orm';
import postgres from 'postgres';
import * as schema from './schema';
import { StartupError } from '../core/env';
import type { Db } from './types';

export type { Db };

export interface Database {
	db: Db;
	engine: 'pglite' | 'postgres';
	/**
	 * Runs `work` while no other copy of the app runs its own (a PostgreSQL advisory lock held on
	 * one connection): copies started together apply migrations and seed one after the other.
	 * PGlite is one process already.
	 */
	exclusive<T>(work: () => Promise<T>): Promise<T>;
	close(): Promise<void>;
}

/** The advisory lock key of start-up work (migrations, demo), the same in every copy of the app. */
const STARTUP_LOCK = 'learnweek:startup';

/**
 * PGlite keeps no lock of its own and two processes on one folder silently lose data
 * (STACK-NOTES §8), so the app holds `<dir>/learnweek.lock` with its pid while it runs.
 */
function lockDataDir(dir: string): () => void {
	const lockPath = join(dir, 'learnweek.lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(lockPath, 'wx');
			writeFileSync(fd, String(process.pid));
			closeSync(fd);
			return () => rmSync(lockPath, { force: true });
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
			const pid = Number(readFileSync(lockPath, 'utf8').trim());
			if (pid && pid !== process.pid && isAlive(pid)) {
				throw new StartupError(
					`LearnWeek cannot open the data folder ${dir}: process ${pid} is already using it. ` +
						`Stop that process first, or set DATA_DIR to another folder (or DATABASE_URL to a PostgreSQL server).`
				);
			}
			// A lock left by a process that died: take it over.
			rmSync(lockPath, { force: true });
		}
	}
	throw new Error(`LearnWeek cannot lock the data folder ${dir}.`);
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Opens PGlite in `dataDir` (locked to this process) or the PostgreSQL server at `url`. */
export async function openDatabase(options: { url?: string; dataDir?: string }): Promise<Database> {
	if (options.url) {
		const client = postgres(options.url, { max: 10, onnotice: () => {} });
		const db = drizzlePostgres(client, { schema }) as unknown as Db;
		const exclusive = async <T>(work: () => Promise<T>): Promise<T> => {
			const held = await client.reserve();
			try {
				await held`select pg_advisory_lock(hashtext(${STARTUP_LOCK}))`;
				try {
					return await work();
				} finally {
					await held`select pg_advisory_unlock(hashtext(${STARTUP_LOCK}))`;
				}
			} finally {
				held.release();
			}
		};
		return { db, engine: 'postgres', exclusive, close: () => client.end({ timeout: 5 }) };
	}
	const dir = resolve(options.dataDir ?? './data');
	// PGlite creates its own folder without `recursive` (STACK-NOTES §6).
	mkdirSync(dir, { recursive: true });
	const unlock = lockDataDir(dir);
	try {
		const client = new PGlite(join(dir, 'pgdata'));
		await client.waitReady;
		const db = drizzlePglite(client, { schema }) as unknown as Db;
		return {
			db,
			engine: 'pglite',
			exclusive: (work) => work(),
			close: async () => {
				await client.close();
				unlock();
			}
		};
	} catch (e) {
		unlock();
		throw e;
	}
}

/** True when the PGlite folder has never held a database. */
export function isNewDataDir(dataDir: string): boolean {
	return !existsSync(join(resolve(dataDir), 'pgdata', 'PG_VERSION'));
}

/** Runs raw SQL and returns its rows on either driver (STACK-NOTES §5). */
export async function executeRows<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
	const result = (await db.execute(query)) as unknown;
	if (Array.isArray(result)) return result as T[];
	return ((result as { rows?: T[] }).rows ?? []) as T[];
}

const tableColumns = new WeakMap<Table, Array<[key: string, name: string, column: Column]>>();

/**
 * Rows of `table` read by raw SQL (`select t.*`), typed as drizzle's own selects type them (Dates,
 * numbers, parsed JSON and arrays) on either driver. For the few hot statements written out as
 * constant text, where building a Drizzle select and mapping its rows cost more than running it
 * (the quiz answer path, bench/quiz.ts).
 */
export function rowsOf<T extends Table>(table: T, raw: Array<Record<string, unknown>>): Array<T['$inferSelect']> {
	let columns = tableColumns.get(table);
	if (!columns) tableColumns.set(table, (columns = Object.entries(getTableColumns(table)).map(([key, column]) => [key, column.name, column as Column])));
	return raw.map((r) => {
		const row: Record<string, unknown> = {};
		for (const [key, name, column] of columns) {
			const value = r[name];
			row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
		}
		return row as T['$inferSelect'];
	});
}

/** `select 1`, for health checks. */
export async function ping(db: Db): Promise<void> {
	await db.execute(sql`select 1`);
}
