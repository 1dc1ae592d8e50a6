// The only SQL of the job queue. Jobs belong to no organisation: their payload names what they act on.
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/types';
import { job, type JobRow } from './tables';

export type NewJobRow = typeof job.$inferInsert;

/** Inserts a job; with a `uniqueKey` already taken, inserts nothing and returns undefined. */
export async function insertJob(db: Db, row: NewJobRow): Promise<JobRow | undefined> {
	const rows = await db.insert(job).values(row).onConflictDoNothing({ target: job.uniqueKey }).returning();
	return rows[0];
}

export async function selectJobByKey(db: Db, uniqueKey: string): Promise<JobRow | undefined> {
	const rows = await db.select().from(job).where(eq(job.uniqueKey, uniqueKey)).limit(1);
	return rows[0];
}

export async function selectJobById(db: Db, id: string): Promise<JobRow | undefined> {
	const rows = await db.select().from(job).where(eq(job.id, id)).limit(1);
	return rows[0];
}

/** Jobs whose unique key starts with `prefix`, oldest run first (tests and read models). */
export async function selectJobsByKeyPrefix(db: Db, prefix: string): Promise<JobRow[]> {
	return db
		.select()
		.from(job)
		.where(sql`${job.uniqueKey} like ${prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%'}`)
		.orderBy(asc(job.runAt), asc(job.id));
}

/**
 * Takes up to `limit` due jobs of `kinds` for `workerId` until `lockedUntil`, in one statement:
 * rows another worker is taking right now are skipped (SKIP LOCKED), and a row taken meanwhile is
 * re-checked against the lease, so no two workers hold the same job.
 */
export async function claimDueJobs(db: Db, options: { workerId: string; kinds: string[]; limit: number; at: Date; lockedUntil: Date }): Promise<JobRow[]> {
	if (!options.kinds.length || options.limit <= 0) return [];
	const due = db
		.select({ id: job.id })
		.from(job)
		.where(
			and(
				isNull(job.doneAt),
				isNull(job.failedAt),
				lte(job.runAt, options.at),
				or(isNull(job.lockedUntil), lt(job.lockedUntil, options.at)),
				inArray(job.kind, options.kinds)
			)
		)
		.orderBy(asc(job.runAt), asc(job.id))
		.limit(options.limit)
		.for('update', { skipLocked: true });
	const rows = await db
		.update(job)
		.set({ lockedUntil: options.lockedUntil, lockedBy: options.workerId, attempts: sql`${job.attempts} + 1` })
		.where(inArray(job.id, due))
		.returning();
	return rows.sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id.localeCompare(b.id));
}

/** Marks a job done, if `workerId` still holds it; false when the lease passed to another worker. */
export async function markJobDone(db: Db, id: string, workerId: string, at: Date): Promise<boolean> {
	const rows = await db
		.update(job)
		.set({ doneAt: at, lockedUntil: null, lastError: null })
		.where(and(eq(job.id, id), eq(job.lockedBy, workerId), isNull(job.doneAt)))
		.returning({ id: job.id });
	return rows.length > 0;
}

/** Puts a failed job back for another attempt at `runAt`, or marks it failed for good (`failedAt`). */
export async function markJobFailure(db: Db, id: string, workerId: string, patch: { error: string; runAt?: Date; failedAt?: Date }): Promise<void> {
	await db
		.update(job)
		.set({ lastError: patch.error, lockedUntil: null, ...(patch.runAt ? { runAt: patch.runAt } : {}), ...(patch.failedAt ? { failedAt: patch.failedAt } : {}) })
		.where(and(eq(job.id, id), eq(job.lockedBy, workerId), isNull(job.doneAt)));
}
