// An operator runs LearnWeek on every core of a PostgreSQL install (WEB_CONCURRENCY), and the
// embedded PGlite install stays one process whatever the setting says. Each case starts its own
// server from the same build as the other stories.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../global-setup';

interface Started {
	child: ChildProcess;
	origin: string;
	lines: Array<Record<string, unknown>>;
	exited: Promise<number | null>;
}

const running: ChildProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
	for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
	for (const clean of cleanups.splice(0)) await clean();
});

/** Starts scripts/serve.js with `env`, collecting its JSON log lines (stdout and stderr). */
async function start(env: Record<string, string>): Promise<Started> {
	const port = await freePort();
	const base = { ...(process.env as Record<string, string>) };
	for (const k of ['DATABASE_URL', 'ORIGIN', 'HOST', 'TEST_CLOCK', 'SMTP_URL', 'WEB_CONCURRENCY']) delete base[k];
	const child = spawn('node', ['scripts/serve.js'], { env: { ...base, PORT: String(port), LOG_LEVEL: 'info', DEMO: '0', JOBS_POLL_MS: '60000', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	running.push(child);
	const lines: Array<Record<string, unknown>> = [];
	for (const stream of [child.stdout!, child.stderr!]) {
		let rest = '';
		stream.on('data', (chunk: Buffer) => {
			const parts = (rest + chunk.toString('utf8')).split('\n');
			rest = parts.pop() ?? '';
			for (const line of parts) {
				try {
					lines.push(JSON.parse(line) as Record<string, unknown>);
				} catch {
					lines.push({ msg: line });
				}
			}
		});
	}
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	return { child, origin: `http://127.0.0.1:${port}`, lines, exited };
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, seconds = 90): Promise<T> {
	const deadline = Date.now() + seconds * 1000;
	for (;;) {
		const value = await probe();
		if (value !== undefined && value !== false) return value;
		if (Date.now() > deadline) throw new Error(`waited ${seconds} s for ${what}`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

async function healthy(origin: string): Promise<true | undefined> {
	try {
		// A new connection each time, so the primary hands each to the next process.
		return (await fetch(`${origin}/healthz`, { headers: { connection: 'close' } })).ok || undefined;
	} catch {
		return undefined;
	}
}

const readyPids = (s: Started) => s.lines.filter((l) => l.msg === 'LearnWeek ready').map((l) => Number(l.pid));

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

describe('an operator runs several processes', () => {
	it('is refused a WEB_CONCURRENCY that is not a number, with the variable named', async () => {
		const s = await start({ WEB_CONCURRENCY: 'hai', DATA_DIR: mkdtempSync(join(tmpdir(), 'learnweek-cluster-')) });
		expect(await s.exited).toBe(1);
		expect(s.lines.map((l) => l.msg).join('\n')).toContain('WEB_CONCURRENCY: must be a whole number from 1 to 64 (got "hai")');
	});

	it.runIf(!process.env.TEST_DATABASE_URL)('keeps the embedded database in one process and says why', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'learnweek-cluster-'));
		cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
		const s = await start({ WEB_CONCURRENCY: '2', DATA_DIR: dir });
		await until('the app', () => healthy(s.origin));
		expect(readyPids(s)).toEqual([s.child.pid]);
		expect(s.lines.some((l) => String(l.msg).includes('WEB_CONCURRENCY=2 needs DATABASE_URL'))).toBe(true);
		s.child.kill('SIGTERM');
		expect(await s.exited).toBe(0);
	});

	it.runIf(Boolean(process.env.TEST_DATABASE_URL))(
		'serves from two processes on PostgreSQL, migrates once, replaces a process that dies and stops them all on SIGTERM',
		async () => {
			const name = `lw_cluster_${process.pid}`;
			const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.unsafe(`create database ${name}`);
			cleanups.push(async () => {
				await admin.unsafe(`drop database if exists ${name} with (force)`);
				await admin.end();
			});
			const url = new URL(process.env.TEST_DATABASE_URL!);
			url.pathname = `/${name}`;
			const s = await start({ WEB_CONCURRENCY: '2', DATABASE_URL: url.toString(), AUTH_SECRET: 'cluster-secret-cluster-secret-cluster-secret' });

			// Both processes started (one after the other behind the start-up lock) and both answer.
			const pids = await until('two processes', () => (new Set(readyPids(s)).size === 2 ? readyPids(s) : undefined));
			expect(pids).not.toContain(s.child.pid);
			await until('both processes answering', async () => {
				await healthy(s.origin);
				const served = new Set(s.lines.filter((l) => l.msg === 'request' && l.path === '/healthz').map((l) => Number(l.pid)));
				return pids.every((p) => served.has(p)) || undefined;
			});

			// Every migration was applied once, not once per process.
			const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
			try {
				const [{ n }] = await db<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`;
				expect(n).toBe(readdirSync('drizzle').filter((f) => f.endsWith('.sql')).length);
			} finally {
				await db.end();
			}

			// A process that dies is replaced; the site keeps answering.
			process.kill(pids[0], 'SIGKILL');
			const third = await until('a new process', () => readyPids(s).find((p) => !pids.includes(p)));
			expect(alive(third)).toBe(true);
			await until('the site after the loss', () => healthy(s.origin));

			// SIGTERM to the primary stops every process cleanly.
			s.child.kill('SIGTERM');
			expect(await s.exited).toBe(0);
			expect(alive(pids[1]) || alive(third)).toBe(false);
		},
		120_000
	);
});
