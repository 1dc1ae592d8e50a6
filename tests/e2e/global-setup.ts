import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { startSmtpServer } from './smtp';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
	}
}

/** A port nobody listens on now. */
export async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const s = createServer();
		s.listen(0, '127.0.0.1', () => {
			const port = (s.address() as { port: number }).port;
			s.close(() => resolve(port));
		});
	});
}

let server: ChildProcess | undefined;
let dataDir: string | undefined;
let dropDatabase: (() => Promise<void>) | undefined;
let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;

export async function setup(project: TestProject): Promise<void> {
	if (!process.env.E2E_SKIP_BUILD || !existsSync('build/index.js')) {
		const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
		if (build.status !== 0) throw new Error('vite build failed');
	}
	const port = await freePort();
	// As a newcomer runs it: no ORIGIN, no HOST, the site at http://localhost:PORT.
	const baseURL = `http://localhost:${port}`;
	dataDir = mkdtempSync(join(tmpdir(), 'learnweek-e2e-'));
	const env: Record<string, string> = {
		...(process.env as Record<string, string>),
		PORT: String(port),
		DATA_DIR: dataDir,
		DEMO: '1',
		LOG_LEVEL: 'warn',
		SIGNIN_MAX_ATTEMPTS: '20'
	};
	// A real SMTP server receives the app's mail; stories read it with inject('smtpMailbox').
	smtp = await startSmtpServer();
	env.SMTP_URL = smtp.url;
	env.JOBS_POLL_MS = '500';
	// Stories may move the app's clock (scheduled publishing) through POST /testing/clock.
	env.TEST_CLOCK = '1';
	delete env.ORIGIN;
	delete env.HOST;
	delete env.DATABASE_URL;
	const pgUrl = process.env.TEST_DATABASE_URL;
	if (pgUrl) {
		// The same stories on a PostgreSQL server: a fresh database, dropped afterwards.
		const name = `lw_e2e_${process.pid}`;
		const admin = postgres(pgUrl, { max: 1, onnotice: () => {} });
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.unsafe(`create database ${name}`);
		const url = new URL(pgUrl);
		url.pathname = `/${name}`;
		env.DATABASE_URL = url.toString();
		env.AUTH_SECRET = 'e2e-secret-e2e-secret-e2e-secret-e2e-secret';
		dropDatabase = async () => {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		};
	}
	server = spawn('node', ['scripts/serve.js'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
	const deadline = Date.now() + 120_000;
	for (;;) {
		if (server.exitCode !== null) throw new Error(`the app exited with ${server.exitCode}`);
		try {
			const res = await fetch(`${baseURL}/healthz`);
			if (res.ok) break;
		} catch {
			/* not listening yet */
		}
		if (Date.now() > deadline) throw new Error('the app did not become healthy in 120 s');
		await new Promise((r) => setTimeout(r, 250));
	}
	project.provide('baseURL', baseURL);
	project.provide('smtpMailbox', smtp.mailboxFile);
}

export async function teardown(): Promise<void> {
	if (server && server.exitCode === null) {
		const exited = new Promise((r) => server!.once('exit', r));
		server.kill('SIGTERM');
		let timer: NodeJS.Timeout | undefined;
		await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 15_000)))]);
		clearTimeout(timer);
		if (server.exitCode === null) server.kill('SIGKILL');
	}
	await dropDatabase?.();
	await smtp?.close();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
