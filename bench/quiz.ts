// `npx tsx bench/quiz.ts` (part of `npm run bench`): the answer path of a quiz contest (issue 6 §9).
// Simulated participants each start an attempt, answer its 20 questions one request at a time (each
// acknowledged only once committed) and submit, on PGlite and on the PostgreSQL server. Printed
// beside, measured in the same run: a bare node:http JSON server, the app's own smallest JSON
// endpoint (GET /healthz, one `select 1` through the same hooks), and pgbench's simple-update TPS
// (`pgbench -N`) on the same PostgreSQL server — as ratios, since the machine is noisy. Not a test.
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { freePort, runInVite, stop, waitFor } from './support';

const load = async () => ({
	...(await import('../src/lib/server/db/client')),
	...(await import('../src/lib/server/db/migrate')),
	...(await import('../src/lib/server/org/seed')),
	...(await import('../src/lib/server/campaigns/seed')),
	...(await import('../src/lib/server/quizzes/seed'))
});

const PARTICIPANTS = Number(process.env.BENCH_QUIZ_PARTICIPANTS || 1500);
const CONCURRENCY = Number(process.env.BENCH_QUIZ_CONCURRENCY || 100);
const QUESTIONS = 20;
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const PG_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

function p95(samples: number[]): number {
	const s = [...samples].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] ?? 0;
}

/** req/s and p95 of GET `url` under the same number of connections as the participants. */
async function measureGet(url: string): Promise<{ rps: number; p95: number }> {
	await autocannon({ url, connections: CONCURRENCY, duration: 2 });
	const r = await autocannon({ url, connections: CONCURRENCY, duration: SECONDS });
	// autocannon reports p97.5 and p99, not p95; p97_5 is the nearest above.
	return { rps: r.requests.average, p95: (r.latency as unknown as Record<string, number>).p97_5 ?? r.latency.p99 };
}

/** A fresh database with an open round, 40 questions and entrants holding their browser tokens. */
async function seed(M: Awaited<ReturnType<typeof load>>, target: { url?: string; dataDir?: string }): Promise<{ roundId: string; tokens: string[] }> {
	const database = await M.openDatabase(target);
	try {
		await M.applyMigrations(database);
		const db = database.db;
		const office = await M.createOrgNode(db, { kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
		const campaign = await M.createCampaign(db, { orgId: office.id, year: 2021, status: 'running' });
		await M.createQuestionBank(db, office.id, 40);
		const { round } = await M.createContest(db, { orgId: office.id, campaignId: campaign.id, entryRule: 'email_code', quotas: [{ tag: null, difficulty: null, count: QUESTIONS }], timeLimitMinutes: 60 });
		return { roundId: round.id, tokens: await M.createCodeEntrants(db, round.id, PARTICIPANTS) };
	} finally {
		await database.close();
	}
}

/** POSTs JSON as the participant holding `token`; the load generator shares the app's cores, so it does as little as it can. */
function post(agent: Agent, target: { host: string; port: string }, path: string, token: string, body: unknown): Promise<{ status: number; json: unknown }> {
	const data = JSON.stringify(body);
	return new Promise((resolve, reject) => {
		const req = httpRequest(
			{ agent, host: target.host, port: target.port, path, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), cookie: `lw_quiz=${token}` } },
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (c: string) => (text += c));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null }));
			}
		);
		req.on('error', reject);
		req.end(data);
	});
}

interface Flow {
	answers: number;
	errors: number;
	seconds: number;
	answerLatencies: number[];
	submitted: number;
}

/** CONCURRENCY participants at a time: start, 20 answers one after the other, submit. */
async function runParticipants(origin: string, roundId: string, tokens: string[]): Promise<Flow> {
	const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
	const { hostname: host, port } = new URL(origin);
	const target = { host, port };
	const flow: Flow = { answers: 0, errors: 0, seconds: 0, answerLatencies: [], submitted: 0 };
	let next = 0;
	const started = performance.now();
	const worker = async () => {
		for (let i = next++; i < tokens.length; i = next++) {
			const token = tokens[i];
			const attempt = await post(agent, target, `/api/v1/quiz-rounds/${roundId}/attempts`, token, {});
			if (attempt.status >= 300) {
				flow.errors++;
				continue;
			}
			const questions = (attempt.json as { id: string; questions: Array<{ id: string; kind: string; options: Array<{ id: string }> }> }).questions;
			const id = (attempt.json as { id: string }).id;
			for (const q of questions) {
				const value = q.kind === 'short' ? ['hà nội'] : [q.options[0].id];
				const t = performance.now();
				const r = await post(agent, target, `/api/v1/quiz-attempts/${id}/answers`, token, { answers: [{ questionId: q.id, value }] });
				flow.answerLatencies.push(performance.now() - t);
				if (r.status === 200) flow.answers++;
				else flow.errors++;
			}
			const s = await post(agent, target, `/api/v1/quiz-attempts/${id}/submission`, token, {});
			if (s.status === 201) flow.submitted++;
			else flow.errors++;
		}
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
	flow.seconds = (performance.now() - started) / 1000;
	agent.destroy();
	return flow;
}

async function startApp(env: Record<string, string>): Promise<{ child: ChildProcess; origin: string }> {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	// BENCH_APP_NODE_ARGS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, profiles the app, not the bench.
	const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean);
	const child = spawn('node', [...nodeArgs, 'scripts/serve.js'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin, DEMO: '0', LOG_LEVEL: 'error', DATABASE_URL: '', ...env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	await waitFor(`${origin}/healthz`, child);
	return { child, origin };
}

interface EngineResult {
	engine: string;
	healthz: { rps: number; p95: number };
	flow: Flow;
}

/** One engine's run; on PostgreSQL `processes` app processes share the port (WEB_CONCURRENCY). */
async function benchEngine(M: Awaited<ReturnType<typeof load>>, engine: 'pglite' | 'postgres', processes = 1): Promise<EngineResult> {
	let env: Record<string, string>;
	let cleanup: () => Promise<void>;
	let target: { url?: string; dataDir?: string };
	if (engine === 'pglite') {
		const dir = mkdtempSync(join(tmpdir(), 'learnweek-bench-quiz-'));
		target = { dataDir: dir };
		env = { DATA_DIR: dir };
		cleanup = async () => rmSync(dir, { recursive: true, force: true });
	} else {
		const name = `lw_bench_quiz_${process.pid}`;
		const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.unsafe(`create database ${name}`);
		const url = new URL(PG_URL);
		url.pathname = `/${name}`;
		target = { url: url.toString() };
		env = { DATABASE_URL: url.toString(), AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-42', WEB_CONCURRENCY: String(processes) };
		cleanup = async () => {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		};
	}
	try {
		const { roundId, tokens } = await seed(M, target);
		const app = await startApp(env);
		try {
			const healthz = await measureGet(`${app.origin}/healthz`);
			const flow = await runParticipants(app.origin, roundId, tokens);
			return { engine: processes > 1 ? `${engine} ×${processes}` : engine, healthz, flow };
		} finally {
			await stop(app.child);
		}
	} finally {
		await cleanup();
	}
}

/** pgbench's simple-update TPS (`-N`) on a scratch database of the same server, as many clients as participants at once (capped at 50). */
function pgbenchTps(): number | undefined {
	const url = new URL(PG_URL);
	const name = `lw_bench_pgbench_${process.pid}`;
	const base = ['-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username || 'postgres')];
	const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' });
	if (run('createdb', [...base, name]).status !== 0) return undefined;
	try {
		if (run('pgbench', [...base, '-i', '-q', '-s', '1', name]).status !== 0) return undefined;
		const clients = String(Math.min(CONCURRENCY, 50));
		const out = run('pgbench', [...base, '-N', '-c', clients, '-j', '2', '-T', String(SECONDS), name]);
		const tps = /tps = ([\d.]+)/.exec(out.stdout ?? '')?.[1];
		return tps ? Number(tps) : undefined;
	} finally {
		run('dropdb', [...base, '--if-exists', name]);
	}
}

async function postgresReachable(): Promise<boolean> {
	const sql = postgres(PG_URL, { max: 1, connect_timeout: 3, onnotice: () => {} });
	try {
		await sql`select 1`;
		return true;
	} catch {
		return false;
	} finally {
		await sql.end({ timeout: 1 });
	}
}

export async function run(): Promise<void> {
	if (!process.env.BENCH_SKIP_BUILD) {
		const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
		if (b.status !== 0) throw new Error('build failed');
	}
	const M = await load();
	const barePort = await freePort();
	const bare = fork('bench/bare-server.js', { env: { ...process.env, PORT: String(barePort) } });
	let baseline: { rps: number; p95: number };
	try {
		await waitFor(`http://127.0.0.1:${barePort}/`, bare);
		baseline = await measureGet(`http://127.0.0.1:${barePort}/`);
	} finally {
		await stop(bare);
	}
	// BENCH_ENGINES picks runs (comma-separated): pglite, postgres (one app process), postgres2 (two, WEB_CONCURRENCY=2).
	const only = (process.env.BENCH_ENGINES ?? 'pglite,postgres,postgres2').split(',').map((e) => e.trim());
	const engines: EngineResult[] = [];
	if (only.includes('pglite')) engines.push(await benchEngine(M, 'pglite'));
	const pg = (only.includes('postgres') || only.includes('postgres2')) && (await postgresReachable());
	if (pg && only.includes('postgres')) engines.push(await benchEngine(M, 'postgres'));
	if (pg && only.includes('postgres2')) engines.push(await benchEngine(M, 'postgres', 2));
	const tps = pg ? pgbenchTps() : undefined;

	console.log(`\nQuiz answer path — ${PARTICIPANTS} participants, ${CONCURRENCY} at a time, ${QUESTIONS} answers each (one request per answer, acknowledged after commit), then submit`);
	console.log(`bare node:http JSON: ${baseline.rps.toFixed(0)} req/s, p97.5 ${baseline.p95} ms`);
	if (tps !== undefined) console.log(`pgbench -N (simple update), ${Math.min(CONCURRENCY, 50)} clients: ${tps.toFixed(0)} TPS`);
	else console.log('pgbench: not run (no PostgreSQL server or pgbench/createdb not found)');
	console.log(
		'engine'.padEnd(10),
		'answers/s'.padStart(10),
		'p95 ms'.padStart(8),
		'÷ healthz'.padStart(10),
		'÷ bare'.padStart(8),
		'÷ pgbench'.padStart(10),
		'healthz/s'.padStart(10),
		'errors'.padStart(7),
		'submitted'.padStart(10)
	);
	for (const e of engines) {
		const rate = e.flow.answers / e.flow.seconds;
		console.log(
			e.engine.padEnd(10),
			rate.toFixed(0).padStart(10),
			p95(e.flow.answerLatencies).toFixed(1).padStart(8),
			(rate / e.healthz.rps).toFixed(3).padStart(10),
			(rate / baseline.rps).toFixed(3).padStart(8),
			(e.engine.startsWith('postgres') && tps ? (rate / tps).toFixed(3) : '—').padStart(10),
			e.healthz.rps.toFixed(0).padStart(10),
			String(e.flow.errors).padStart(7),
			`${e.flow.submitted}/${PARTICIPANTS}`.padStart(10)
		);
	}
	console.log('Target (issue 6 §9, PostgreSQL, 2 cores): 2,000 answers/s, p95 under 150 ms. The load generator runs on the same cores.');
}

await runInVite('/bench/quiz.ts', 'LEARNWEEK_BENCH_QUIZ_INNER');
