// `npm run bench`: builds and starts LearnWeek on a fresh demo data folder, measures requests/s and
// p99 latency of the public campaign page, an API read and concurrent registrations (POST), beside a bare node:http server
// measured in the same run, and prints each as a ratio to that baseline. Not a test: no pass/fail.
import { fork, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { waitFor } from './support';

const DURATION = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const APP_PORT = 3901;
const BARE_PORT = 3902;

async function measure(url: string): Promise<{ rps: number; p99: number; errors: number }> {
	// A short warm-up so the JIT and caches are in the same state for every target.
	await autocannon({ url, connections: CONNECTIONS, duration: 2 });
	const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
	return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

/** The first published activity of the demo that has not started: registrations stay open through the run. */
async function findUpcomingActivity(campaignIds: string[]): Promise<string> {
	for (const id of campaignIds) {
		const r = (await (await fetch(`http://127.0.0.1:${APP_PORT}/api/v1/campaigns/${id}/activities`)).json()) as { items?: Array<{ id: string; status: string; startsAt: string }> };
		const a = r.items?.find((x) => x.status === 'published' && new Date(x.startsAt) > new Date());
		if (a) return a.id;
	}
	throw new Error('the demo has no upcoming activity');
}

async function measureRegistrations(url: string): Promise<{ rps: number; p99: number; errors: number; total: number }> {
	let n = 0;
	const run = (duration: number) =>
		autocannon({
			url,
			connections: CONNECTIONS,
			duration,
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			requests: [
				{
					setupRequest: (req) => ({ ...req, body: JSON.stringify({ name: `Người học ${++n}`, email: `bench${n}.${process.pid}@example.vn`, consents: ['statistics'] }) })
				}
			]
		});
	await run(2);
	const r = await run(DURATION);
	return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx, total: n };
}

async function main(): Promise<void> {
	if (!process.env.BENCH_SKIP_BUILD) {
		const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
		if (b.status !== 0) throw new Error('build failed');
	}
	const dataDir = mkdtempSync(join(tmpdir(), 'learnweek-bench-'));
	const app = spawn('node', ['scripts/serve.js'], {
		env: { ...process.env, PORT: String(APP_PORT), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${APP_PORT}`, DATA_DIR: dataDir, DEMO: '1', LOG_LEVEL: 'error', DATABASE_URL: '' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const bare = fork('bench/bare-server.js', { env: { ...process.env, PORT: String(BARE_PORT) } });
	try {
		await waitFor(`http://127.0.0.1:${APP_PORT}/healthz`, app);
		await waitFor(`http://127.0.0.1:${BARE_PORT}/`, bare);
		const list = (await (await fetch(`http://127.0.0.1:${APP_PORT}/api/v1/campaigns`)).json()) as { items: Array<{ id: string }> };
		const id = list.items[0]?.id;
		if (!id) throw new Error('the demo has no public campaign');

		const targets = [
			{ name: 'bare node:http JSON (baseline)', url: `http://127.0.0.1:${BARE_PORT}/` },
			{ name: 'public campaign page (SSR)', url: `http://127.0.0.1:${APP_PORT}/campaigns/${id}` },
			{ name: 'API read GET /api/v1/campaigns/:id', url: `http://127.0.0.1:${APP_PORT}/api/v1/campaigns/${id}` }
		];
		const results = [];
		for (const t of targets) results.push({ ...t, ...(await measure(t.url)) });
		const base = results[0];
		const apiRead = results[2];

		// Registrations under concurrency: guests with distinct e-mails POST to an upcoming demo activity
		// (places, then the waitlist); every request writes a registration, its consents and a mail job.
		const upcoming = await findUpcomingActivity(list.items.map((c) => c.id));
		const registrations = await measureRegistrations(`http://127.0.0.1:${APP_PORT}/api/v1/activities/${upcoming}/registrations`);
		console.log(`\nLearnWeek bench — ${CONNECTIONS} connections, ${DURATION} s each, same machine, same run`);
		console.log('target'.padEnd(40), 'req/s'.padStart(9), 'p99 ms'.padStart(8), 'req/s ÷ bare'.padStart(13), 'p99 ÷ bare'.padStart(11), 'errors'.padStart(7));
		for (const r of results) {
			console.log(
				r.name.padEnd(40),
				r.rps.toFixed(0).padStart(9),
				String(r.p99).padStart(8),
				(r.rps / base.rps).toFixed(3).padStart(13),
				(r.p99 / Math.max(base.p99, 1)).toFixed(1).padStart(11),
				String(r.errors).padStart(7)
			);
		}
		console.log(
			'registrations (POST, concurrent)'.padEnd(40),
			registrations.rps.toFixed(0).padStart(9),
			String(registrations.p99).padStart(8),
			(registrations.rps / base.rps).toFixed(3).padStart(13),
			(registrations.p99 / Math.max(base.p99, 1)).toFixed(1).padStart(11),
			String(registrations.errors).padStart(7)
		);
		console.log(`registrations/s ÷ API read req/s: ${(registrations.rps / apiRead.rps).toFixed(3)} (${registrations.total} registrations written)`);
	} finally {
		app.kill('SIGTERM');
		bare.kill('SIGTERM');
		await new Promise((r) => setTimeout(r, 1500));
		rmSync(dataDir, { recursive: true, force: true });
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
