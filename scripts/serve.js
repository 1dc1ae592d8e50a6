// Starts the built app (build/). adapter-node refuses request bodies over BODY_SIZE_LIMIT
// (512 KB by default) before LearnWeek sees them, and the form is then lost; so the limit defaults
// to the largest file a form takes plus 1 MB of form overhead: a library resource (100 MB,
// RESOURCE_MAX_BYTES in src/lib/server/library) or an import (IMPORT_MAX_BYTES), whichever is larger.
// Each form refuses its own smaller limit itself, in the user's language, keeping what was typed.
import cluster from 'node:cluster';

const LIBRARY_MAX_BYTES = 100 * 1024 * 1024;
const importMax = Number(process.env.IMPORT_MAX_BYTES) || 5 * 1024 * 1024;
process.env.BODY_SIZE_LIMIT ||= String(Math.max(importMax, LIBRARY_MAX_BYTES) + 1024 * 1024);
// Without ORIGIN, adapter-node takes every request for https and SvelteKit's origin check refuses
// the forms of http://localhost; the default matches LearnWeek's own (http://localhost:PORT).
process.env.ORIGIN ||= `http://localhost:${process.env.PORT || 3000}`;

/** A worker that dies this often (in a minute) is not started again: the app stops instead. */
const MAX_RESTARTS_PER_MINUTE = 5;

/**
 * WEB_CONCURRENCY: how many processes serve requests. A Node process uses one core; on PostgreSQL
 * several processes share the port (node:cluster) and the database, as copies of the app behind a
 * load balancer do. PGlite lives inside one process, so it always runs one.
 */
function processCount() {
	const raw = process.env.WEB_CONCURRENCY?.trim();
	if (!raw) return 1;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 1 || n > 64) {
		console.error(`\nLearnWeek cannot start: bad settings in the environment:\n  WEB_CONCURRENCY: must be a whole number from 1 to 64 (got ${JSON.stringify(raw)})\nSee the settings table in README.md.\n`);
		process.exit(1);
	}
	if (n > 1 && !process.env.DATABASE_URL) {
		console.warn(JSON.stringify({ level: 40, time: Date.now(), pid: process.pid, msg: `WEB_CONCURRENCY=${n} needs DATABASE_URL: the embedded PGlite database runs in one process, so LearnWeek starts one` }));
		return 1;
	}
	return n;
}

/** The primary process: starts the workers, replaces one that dies, stops them all on SIGTERM/SIGINT. */
function supervise(count) {
	let stopping = false;
	const restarts = [];
	const alive = new Map();
	const ready = new Set();
	const fork = () => {
		const worker = cluster.fork();
		alive.set(worker.id, worker);
		worker.once('listening', () => ready.add(worker.id));
	};
	const stopAll = () => {
		for (const w of alive.values()) w.process.kill('SIGTERM');
	};
	cluster.on('exit', (worker, code, signal) => {
		alive.delete(worker.id);
		const wasReady = ready.delete(worker.id);
		if (stopping) {
			if (alive.size === 0) process.exit(process.exitCode ?? 0);
			return;
		}
		// A worker that never started (bad settings, database down) would fail again: stop the app with its code.
		const now = Date.now();
		restarts.push(now);
		while (restarts.length && restarts[0] < now - 60_000) restarts.shift();
		if (!wasReady || restarts.length > MAX_RESTARTS_PER_MINUTE) {
			console.error(JSON.stringify({ level: 60, time: now, pid: process.pid, msg: `a LearnWeek process exited (${signal ?? code}) ${wasReady ? 'too often' : 'before it started'}; stopping` }));
			stopping = true;
			process.exitCode = code || 1;
			if (alive.size === 0) process.exit(process.exitCode);
			stopAll();
			return;
		}
		console.error(JSON.stringify({ level: 50, time: now, pid: process.pid, msg: `a LearnWeek process exited (${signal ?? code}); starting another` }));
		fork();
	});
	const stop = () => {
		if (stopping) return;
		stopping = true;
		// Each worker finishes its in-flight requests (SHUTDOWN_TIMEOUT_SECONDS) and closes the database.
		stopAll();
	};
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
	for (let i = 0; i < count; i++) fork();
}

const count = processCount();
if (count > 1 && cluster.isPrimary) {
	supervise(count);
} else {
	// A worker whose primary is gone stops cleanly instead of serving on alone.
	if (cluster.isWorker) process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
	await import('../build/index.js');
}
