import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../db/testing';
import { freezeClock } from '../core/clock';
import { claimDueJobs, selectJobById, selectJobsByKeyPrefix } from './queries';
import { enqueueJob, JOB_LEASE_MS, retryDelayMs, runDueJobs, startJobWorker, type JobHandlers } from './service';

const db = await createTestDb();
const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';

afterEach(() => freezeClock());

/** A handler that counts its calls per job id. */
function counting(calls: Map<string, number>, delayMs = 0): JobHandlers[string] {
	return async (_payload, { job }) => {
		calls.set(job.id, (calls.get(job.id) ?? 0) + 1);
		if (delayMs) await new Promise((r) => setTimeout(r, Math.random() * delayMs));
	};
}

describe(`job queue (${engine})`, () => {
	it('enqueues a unique key once and returns the first job the second time', async () => {
		const first = await enqueueJob(db, { kind: 'test.once', payload: { n: 1 }, uniqueKey: 'once:1' });
		const second = await enqueueJob(db, { kind: 'test.once', payload: { n: 2 }, uniqueKey: 'once:1' });
		expect(first.created).toBe(true);
		expect(second).toMatchObject({ created: false, job: { id: first.job.id, payload: { n: 1 } } });
		expect(await selectJobsByKeyPrefix(db, 'once:')).toHaveLength(1);
	});

	it('keeps one job when the same key is enqueued many times at once', async () => {
		const results = await Promise.all(Array.from({ length: 10 }, () => enqueueJob(db, { kind: 'test.race', uniqueKey: 'race:1' })));
		expect(results.filter((r) => r.created)).toHaveLength(1);
		expect(new Set(results.map((r) => r.job.id)).size).toBe(1);
	});

	it('runs a due job once, marks it done, and leaves a future job for later', async () => {
		freezeClock(new Date('2026-10-01T01:00:00Z'));
		const calls = new Map<string, number>();
		const due = await enqueueJob(db, { kind: 'test.timing', runAt: new Date('2026-10-01T00:59:00Z') });
		const later = await enqueueJob(db, { kind: 'test.timing', runAt: new Date('2026-10-02T01:00:00Z') });
		const first = await runDueJobs(db, { 'test.timing': counting(calls) }, { workerId: 'w1' });
		expect(first).toEqual({ claimed: 1, done: 1, retried: 0, failed: 0 });
		expect(calls.get(due.job.id)).toBe(1);
		expect((await selectJobById(db, due.job.id))?.doneAt).toEqual(new Date('2026-10-01T01:00:00Z'));
		expect(await runDueJobs(db, { 'test.timing': counting(calls) }, { workerId: 'w1' })).toMatchObject({ claimed: 0 });

		freezeClock(new Date('2026-10-02T01:00:00Z'));
		await runDueJobs(db, { 'test.timing': counting(calls) }, { workerId: 'w1' });
		expect(calls.get(later.job.id)).toBe(1);
		expect(calls.get(due.job.id)).toBe(1);
	});

	it('leaves jobs of a kind the worker has no handler for', async () => {
		const job = await enqueueJob(db, { kind: 'test.unhandled' });
		await runDueJobs(db, { 'test.other': async () => {} }, { workerId: 'w1' });
		expect(await selectJobById(db, job.job.id)).toMatchObject({ attempts: 0, doneAt: null, lockedBy: null });
	});

	it('retries a failing handler with backoff, keeps the error, and marks it failed after the last attempt', async () => {
		const start = new Date('2026-10-05T02:00:00Z');
		freezeClock(start);
		const { job } = await enqueueJob(db, { kind: 'test.failing', maxAttempts: 3 });
		let calls = 0;
		const handlers: JobHandlers = {
			'test.failing': async () => {
				calls++;
				throw new Error(`SMTP down (${calls})`);
			}
		};
		expect(await runDueJobs(db, handlers, { workerId: 'w1' })).toMatchObject({ claimed: 1, retried: 1 });
		let row = await selectJobById(db, job.id);
		expect(row).toMatchObject({ attempts: 1, failedAt: null, doneAt: null, lockedUntil: null, lastError: 'Error: SMTP down (1)' });
		expect(row!.runAt).toEqual(new Date(start.getTime() + retryDelayMs(1)));

		// Not before its backoff.
		expect(await runDueJobs(db, handlers, { workerId: 'w1' })).toMatchObject({ claimed: 0 });
		freezeClock(new Date(row!.runAt.getTime()));
		expect(await runDueJobs(db, handlers, { workerId: 'w1' })).toMatchObject({ retried: 1 });
		row = await selectJobById(db, job.id);
		expect(row!.attempts).toBe(2);
		expect(row!.lockedUntil).toBeNull();

		freezeClock(new Date(row!.runAt.getTime()));
		expect(await runDueJobs(db, handlers, { workerId: 'w1' })).toMatchObject({ failed: 1 });
		row = await selectJobById(db, job.id);
		expect(row).toMatchObject({ attempts: 3, lastError: 'Error: SMTP down (3)' });
		expect(row!.failedAt).not.toBeNull();

		// A failed job is not taken again.
		freezeClock(new Date(row!.runAt.getTime() + 24 * 3600_000));
		expect(await runDueJobs(db, handlers, { workerId: 'w1' })).toMatchObject({ claimed: 0 });
		expect(calls).toBe(3);
	});

	it('gives a job whose worker died to another worker once its lease has passed', async () => {
		const start = new Date('2026-10-06T02:00:00Z');
		freezeClock(start);
		const { job } = await enqueueJob(db, { kind: 'test.crash' });
		// Worker w-dead claims the job and never finishes it.
		const taken = await claimDueJobs(db, { workerId: 'w-dead', kinds: ['test.crash'], limit: 10, at: start, lockedUntil: new Date(start.getTime() + JOB_LEASE_MS) });
		expect(taken.map((j) => j.id)).toEqual([job.id]);
		const calls = new Map<string, number>();
		expect(await runDueJobs(db, { 'test.crash': counting(calls) }, { workerId: 'w2' })).toMatchObject({ claimed: 0 });

		freezeClock(new Date(start.getTime() + JOB_LEASE_MS + 1000));
		expect(await runDueJobs(db, { 'test.crash': counting(calls) }, { workerId: 'w2' })).toMatchObject({ claimed: 1, done: 1 });
		expect(await selectJobById(db, job.id)).toMatchObject({ attempts: 2, lockedBy: 'w2' });
		expect(calls.get(job.id)).toBe(1);
	});

	it('runs a job enqueued before a restart with the new worker', async () => {
		freezeClock();
		const calls = new Map<string, number>();
		// The first process's worker knows no such kind and stops ("restart").
		const before = startJobWorker(db, { handlers: { 'test.none': async () => {} }, pollMs: 20 });
		const { job } = await enqueueJob(db, { kind: 'test.restart', payload: { taskId: 't1' } });
		await new Promise((r) => setTimeout(r, 60));
		await before.stop();
		expect(calls.size).toBe(0);

		const after = startJobWorker(db, { handlers: { 'test.restart': counting(calls) }, pollMs: 20 });
		for (let i = 0; i < 100 && !calls.get(job.id); i++) await new Promise((r) => setTimeout(r, 20));
		await after.stop();
		expect(calls.get(job.id)).toBe(1);
		expect((await selectJobById(db, job.id))?.doneAt).not.toBeNull();
	});

	it('runs each of many jobs exactly once with two workers polling at the same time', async () => {
		freezeClock();
		const calls = new Map<string, number>();
		const ids: string[] = [];
		for (let i = 0; i < 60; i++) ids.push((await enqueueJob(db, { kind: 'test.concurrent', payload: { i } })).job.id);
		const byWorker: Record<string, number> = { a: 0, b: 0 };
		const handler = (name: 'a' | 'b'): JobHandlers => ({
			'test.concurrent': async (payload, context) => {
				byWorker[name]++;
				await counting(calls, 5)(payload, context);
			}
		});
		// Two workers draining the queue at once, in small batches, as two app processes would.
		const drain = async (name: 'a' | 'b') => {
			for (;;) {
				const r = await runDueJobs(db, handler(name), { workerId: `worker-${name}`, limit: 3 });
				if (r.claimed === 0) break;
			}
		};
		await Promise.all([drain('a'), drain('b')]);
		expect(ids.map((id) => calls.get(id))).toEqual(ids.map(() => 1));
		expect(byWorker.a + byWorker.b).toBe(60);
		if (engine === 'PostgreSQL') {
			// On a server both workers got a share; PGlite runs one statement at a time and may not interleave.
			expect(byWorker.a).toBeGreaterThan(0);
			expect(byWorker.b).toBeGreaterThan(0);
		}
	});

	it('runs each job once with two started workers (two app processes) sharing the queue', async () => {
		freezeClock();
		const calls = new Map<string, number>();
		const ids: string[] = [];
		for (let i = 0; i < 30; i++) ids.push((await enqueueJob(db, { kind: 'test.workers', uniqueKey: `workers:${i}` })).job.id);
		const one = startJobWorker(db, { handlers: { 'test.workers': counting(calls, 3) }, pollMs: 10, limit: 2 });
		const two = startJobWorker(db, { handlers: { 'test.workers': counting(calls, 3) }, pollMs: 10, limit: 2 });
		for (let i = 0; i < 300 && ids.some((id) => !calls.get(id)); i++) await new Promise((r) => setTimeout(r, 20));
		await Promise.all([one.stop(), two.stop()]);
		expect(ids.map((id) => calls.get(id))).toEqual(ids.map(() => 1));
	});
});
