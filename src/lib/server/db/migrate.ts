import { resolve } from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { Database } from './client';

/**
 * Applies the SQL migrations in `folder` (default `./drizzle`, resolved from the working
 * directory because adapter-node does not copy it into the build — STACK-NOTES §4).
 */
export async function applyMigrations(database: Pick<Database, 'db' | 'engine'>, folder = process.env.MIGRATIONS_DIR || './drizzle'): Promise<void> {
	const migrationsFolder = resolve(folder);
	if (database.engine === 'pglite') {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		await migratePglite(database.db as any, { migrationsFolder });
	} else {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		await migratePostgres(database.db as any, { migrationsFolder });
	}
}
