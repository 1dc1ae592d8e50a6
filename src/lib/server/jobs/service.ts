// The durable job queue (ARCHITECTURE "Scaling out"): background work kept in PostgreSQL, each job
// taken by one worker across every copy of the app. Domains enqueue inside their own transaction
// and export their handlers; src/hooks.server.ts starts one worker per process with all of them.
//
// Delivery is at least once: a worker that dies after a handler's side effect but before marking
// the job done leaves it to run again when its lease ends. Handlers therefore re-read the state
// they act on and do nothing when the work is already done.
import { hostname } from 'node:os';
import type { Db } from '../db/types';
import { now } from '../core/clock';
import { newId } from '../core/ids';
import { logger } from '../core/logger';
import { claimDueJobs, insertJob, markJobDone, markJobFailure, selectJobByKey, selectJobsByKeyPrefix } from './queries';
import type { JobRow } from './tables';

export type { JobRow };

/** What a handler is given besides the payload. */
export interface JobContext {
	db: Db;
	job: JobRow;
}

/** Runs one job; throwing makes it fail this attempt (retried with backoff until max attempts). */
export type JobHandler = (payload: Record<string, unknown>, context: JobContext) => Promise<void>;

/** Handlers by job kind. A worker only takes jobs of the kinds it has a handler for. */
export type JobHandlers = Record<string, JobHandler>;

/** How long a claimed job belongs to its worker; a handler taking longer may be run again by another. */
export const JOB_LEASE_MS = 5 * 60_000;

/** Attempts before a job is marked failed (the first run counts). */
export const JOB_MAX_ATTEMPTS = 5;

/** Waits between attempts: 1 min, 2, 4, 8…, at most an hour (an SMTP server down for a while). */
export function retryDelayMs(attempts: number): number {
	return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

/**
 * Enqueues a job to run at `runAt` (default now). With a `uniqueKey` that another job already
 * holds, enqueues nothing and returns that job (`created: false`). Refuses nothing else; call it
 * inside the transaction of the change that needs the job, so both are kept or neither.
 */
export async function enqueueJob(
	db: Db,
	input: { kind: string; payload?: Record<string, unknown>; runAt?: Date; uniqueKey?: string; maxAttempts?: number }
): Promise<{ job: JobRow; created: boolean }> {
	const row = await insertJob(db, {
		id: newId(),
		kind: input.kind,
		payload: input.payload ?? {},
		runAt: input.runAt ?? now(),
		maxAttempts: input.maxAttempts ?? JOB_MAX_ATTEMPTS,
		uniqueKey: input.uniqueKey ?? null,
		createdAt: now()
	});
	if (row) return { job: row, created: true };
	const existing = input.uniqueKey ? await selectJobByKey(db, input.uniqueKey) : undefined;
	if (!existing) throw new Error(`job ${input.kind} was neither inserted nor found`);
	return { job: existing, created: false };
}

/** Finds the job that holds `uniqueKey`, or undefined; no actor: jobs are the system's. */
export async function findJobByKey(db: Db, uniqueKey: string): Promise<JobRow | undefined> {
	return selectJobByKey(db, uniqueKey);
}

/** Lists the jobs whose unique key starts with `prefix` (a domain's jobs about one record), by run time; no actor: for tests and read models. */
export async function listJobsByKeyPrefix(db: Db, prefix: string): Promise<JobRow[]> {
	return selectJobsByKeyPrefix(db, prefix);
}

export interface JobRunResult {
	claimed: number;
	done: number;
	retried: number;
	failed: number;
}

function errorText(e: unknown): string {
	const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
	return text.slice(0, 2000);
}

/**
 * Claims up to `limit` due jobs for `workerId` and runs each with its handler, one after the
 * other: a success marks the job done; a failure records the error and puts the job back after a
 * backoff, or marks it failed after its last attempt. Jobs of kinds without a handler are left
 * for a worker that has one. Refuses nothing; a handler's error never escapes.
 */
export async function runDueJobs(db: Db, handlers: JobHandlers, options: { workerId: string; limit?: number }): Promise<JobRunResult> {
	const at = now();
	const claimed = await claimDueJobs(db, {
		workerId: options.workerId,
		kinds: Object.keys(handlers),
		limit: options.limit ?? 10,
		at,
		lockedUntil: new Date(at.getTime() + JOB_LEASE_MS)
	});
	const result: JobRunResult = { claimed: claimed.length, done: 0, retried: 0, failed: 0 };
	for (const row of claimed) {
		try {
			await handlers[row.kind](row.payload, { db, job: row });
			if (await markJobDone(db, row.id, options.workerId, now())) result.done++;
		} catch (e) {
			const error = errorText(e);
			if (row.attempts >= row.maxAttempts) {
				await markJobFailure(db, row.id, options.workerId, { error, failedAt: now() });
				result.failed++;
				logger.error({ jobId: row.id, kind: row.kind, attempts: row.attempts, err: e }, 'job failed for good');
			} else {
				await markJobFailure(db, row.id, options.workerId, { error, runAt: new Date(now().getTime() + retryDelayMs(row.attempts)) });
				result.retried++;
				logger.warn({ jobId: row.id, kind: row.kind, attempts: row.attempts, err: e }, 'job failed; will retry');
			}
		}
		// Let requests in between jobs: a long batch must not starve the server.
		await new Promise((r) => setImmediate(r));
	}
	return result;
}

/** A name for this process's worker in `locked_by`: host, pid and a random part. */
export function newWorkerId(): string {
	return `${hostname()}:${process.pid}:${newId().slice(0, 8)}`;
}

/**
 * Starts polling for due jobs every `pollMs` (the first look is right away); each round runs
 * batches until fewer than a full batch was due. `stop()` ends the polling and waits for the
 * round in progress. Refuses nothing; a round that fails (database unreachable) is logged and
 * the next one tried.
 */
export function startJobWorker(db: Db, options: { handlers: JobHandlers; pollMs: number; workerId?: string; limit?: number }): { stop(): Promise<void>; workerId: string } {
	const workerId = options.workerId ?? newWorkerId();
	const limit = options.limit ?? 10;
	let stopped = false;
	let timer: NodeJS.Timeout | undefined;
	let round: Promise<void> = Promise.resolve();

	const runRound = async () => {
		try {
			while (!stopped) {
				const r = await runDueJobs(db, options.handlers, { workerId, limit });
				if (r.claimed < limit) break;
			}
		} catch (e) {
			logger.error({ err: e, workerId }, 'job worker round failed');
		}
	};
	const schedule = (delay: number) => {
		if (stopped) return;
		timer = setTimeout(() => {
			round = runRound().then(() => schedule(options.pollMs));
		}, delay);
		// A waiting worker does not keep the process alive at shutdown.
		timer.unref?.();
	};
	schedule(0);
	logger.debug({ workerId, pollMs: options.pollMs, kinds: Object.keys(options.handlers) }, 'job worker started');

	return {
		workerId,
		async stop() {
			stopped = true;
			if (timer) clearTimeout(timer);
			await round;
		}
	};
}
