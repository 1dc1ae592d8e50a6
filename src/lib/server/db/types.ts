import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema';

/** A database handle or an open transaction: both drivers (PGlite, postgres.js) fit. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
