import { pgTable, text, timestamp, jsonb, integer, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * Durable background work (reminders, scheduled mail…): a row per job, taken by one worker across
 * every copy of the app with `FOR UPDATE SKIP LOCKED` and a lease (`locked_until`).
 */
export const job = pgTable(
	'job',
	{
		id: text('id').primaryKey(),
		/** Which handler runs it, e.g. 'task.reminder'. */
		kind: text('kind').notNull(),
		payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
		/** Not before this instant. */
		runAt: timestamp('run_at', { withTimezone: true }).notNull(),
		/** Claims so far, counted when a worker takes the job (a crash mid-run counts too). */
		attempts: integer('attempts').notNull().default(0),
		maxAttempts: integer('max_attempts').notNull().default(5),
		/** The lease: until then the job belongs to `lockedBy`; after, any worker may take it again. */
		lockedUntil: timestamp('locked_until', { withTimezone: true }),
		lockedBy: text('locked_by'),
		doneAt: timestamp('done_at', { withTimezone: true }),
		/** Set once the last attempt failed; the job is not run again. */
		failedAt: timestamp('failed_at', { withTimezone: true }),
		lastError: text('last_error'),
		/** Enqueuing the same key twice keeps the first job: the same reminder is sent once. */
		uniqueKey: text('unique_key'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('job_unique_key_idx').on(t.uniqueKey),
		index('job_due_idx').on(t.runAt).where(sql`${t.doneAt} is null and ${t.failedAt} is null`)
	]
);

export type JobRow = typeof job.$inferSelect;
