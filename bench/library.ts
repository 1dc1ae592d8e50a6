// `npx tsx bench/library.ts`: diacritics-insensitive search of the learning library over 100,000
// published resources on PGlite (issue 5). Seeds with batch inserts through the library's queries
// (the service's own search columns) into a data folder migrated with the app's migrations, then
// 1. in the database: searches beside a primary-key read of one resource;
// 2. over HTTP: starts the built app on that folder and requests, one at a time, the search page
//    beside the API read GET /api/v1/campaigns.
// Both print median and p95 in ms and as ratios to their baseline, measured in the same run. Not a test.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { freePort, runInVite, stop, waitFor } from './support';

const load = async () => ({
	...(await import('../src/lib/server/db/client')),
	...(await import('../src/lib/server/db/migrate')),
	...(await import('../src/lib/server/auth/actor')),
	...(await import('../src/lib/server/core/ids')),
	...(await import('../src/lib/server/org/seed')),
	...(await import('../src/lib/server/library/queries')),
	...(await import('../src/lib/server/library/service/library-context')),
	...(await import('../src/lib/server/library/service')),
	...(await import('../src/lib/features/library/types'))
});

const ROWS = Number(process.env.BENCH_RESOURCES || 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 30);
const HTTP_REQUESTS = Number(process.env.BENCH_HTTP_REQUESTS || 200);
const BATCH = 1000;

// Phrases of real library titles and descriptions, so common and rare words occur as they would.
const WORDS = (
	'học tập suốt đời, kỹ năng số, chuyển đổi số, an toàn thông tin, trí tuệ nhân tạo, dịch vụ công trực tuyến, người dân, cán bộ công chức, ' +
	'giáo viên, học sinh sinh viên, phụ nữ, người cao tuổi, dân tộc thiểu số, người khuyết tật, trẻ em, tiếng Thái, tiếng Mông, bài giảng, ' +
	'sách điện tử, khóa học, tài liệu hướng dẫn, sử dụng điện thoại, máy tính, mạng xã hội, bảo vệ dữ liệu cá nhân, lừa đảo trực tuyến, ' +
	'thanh toán điện tử, sức khỏe, môi trường, văn hóa, pháp luật, bình đẳng giới, ngoại ngữ, tư duy sáng tạo, giải quyết vấn đề, ' +
	'nông nghiệp, chăn nuôi, trồng trọt, du lịch cộng đồng, thư viện, khuyến học, gia đình học tập, dòng họ'
).split(', ');

function pick(rand: () => number, n: number): string {
	const out: string[] = [];
	for (let i = 0; i < n; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)]);
	return out.join(' ');
}

/** A small deterministic generator, so every run searches the same rows. */
function mulberry32(seed: number): () => number {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function stats(samples: number[]): { median: number; p95: number } {
	const s = [...samples].sort((a, b) => a - b);
	return { median: s[Math.floor(s.length / 2)], p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] };
}

async function time(fn: () => Promise<unknown>, rounds = ROUNDS, warmUp = 3): Promise<{ median: number; p95: number }> {
	for (let i = 0; i < warmUp; i++) await fn();
	const samples: number[] = [];
	for (let i = 0; i < rounds; i++) {
		const t = performance.now();
		await fn();
		samples.push(performance.now() - t);
	}
	return stats(samples);
}

export async function run(): Promise<void> {
	const M = await load();
	const dir = mkdtempSync(join(tmpdir(), 'learnweek-bench-library-'));
	try {
		await seedAndSearchInDatabase(M, dir);
		// The database is closed: the app opens the same folder (it holds the folder's lock while running).
		await searchOverHttp(dir);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

async function seedAndSearchInDatabase(M: Awaited<ReturnType<typeof load>>, dir: string): Promise<void> {
	const database = await M.openDatabase({ dataDir: dir });
	const db = database.db;
	try {
		// The app's own migrations (./drizzle, or MIGRATIONS_DIR as the app reads it): the app applies the
		// same set at start, so it takes the folder as already up to date.
		await M.applyMigrations(database);
		const org = await M.createOrgNode(db, { name: 'Thư viện tỉnh', shortCode: 'TV' });
		const rand = mulberry32(2021);
		const seedStart = performance.now();
		let firstId = '';
		for (let b = 0; b * BATCH < ROWS; b++) {
			const rows = [];
			for (let i = 0; i < Math.min(BATCH, ROWS - b * BATCH); i++) {
				const n = b * BATCH + i;
				const title = `${pick(rand, 6)} ${n}`;
				const description = `<p>${pick(rand, 40)}</p>`;
				const themes = [pick(rand, 2), pick(rand, 2)];
				rows.push({
					id: M.newId(),
					orgId: org.id,
					kind: M.RESOURCE_KINDS[n % M.RESOURCE_KINDS.length],
					title,
					description,
					themes,
					learnerGroups: [M.LEARNER_GROUPS[n % M.LEARNER_GROUPS.length]],
					competenceAreas: [M.COMPETENCE_AREAS[n % M.COMPETENCE_AREAS.length].key],
					language: M.RESOURCE_LANGUAGES[n % 17 === 0 ? 1 : 0].key,
					url: `https://example.vn/${n}`,
					status: 'published' as const,
					publishedAt: new Date(Date.UTC(2021, 0, 1) + n * 60_000),
					...M.resourceSearchColumns({ title, description, themes })
				});
			}
			const inserted = await M.insertResources(db, rows);
			firstId ||= inserted[0].id;
			// PGlite never yields (STACK-NOTES §9).
			await new Promise((r) => setImmediate(r));
		}
		await M.executeRows(db, sql`analyze library_resource`);
		console.log(`seeded ${ROWS.toLocaleString('en')} resources in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

		const anonymous = M.anonymousActor;
		const baseline = await time(() => M.getResource(db, anonymous, firstId));
		const queries: Array<[string, Parameters<typeof M.searchLibrary>[1]]> = [
			['"hoc tap" (common words)', { q: 'hoc tap' }],
			['"an toan thong tin" (phrase)', { q: 'an toan thong tin' }],
			['"tri tue nhan tao" page 5', { q: 'tri tue nhan tao', page: 5 as never }],
			['"nong nghiep" + group + kind', { q: 'nong nghiep', group: 'nguoi_dan', kind: 'video' }],
			['"tieng thai" + language thai', { q: 'tieng thai', language: 'thai' }],
			['"12345" (one row)', { q: '12345' }],
			['"ky nang so" reversed: "so ky nang"', { q: 'so ky nang xyz' }],
			['filters only: competence safety', { competence: 'safety' }]
		];
		console.log(`library search in the database (${ROUNDS} rounds; baseline: read one resource by id, ${baseline.median.toFixed(2)} ms median, ${baseline.p95.toFixed(2)} ms p95):`);
		for (const [label, query] of queries) {
			const found = (await M.searchLibrary(db, query)).items.length;
			const s = await time(() => M.searchLibrary(db, query));
			console.log(
				`${label.padEnd(38)} ${String(found).padStart(3)} found   median ${s.median.toFixed(2).padStart(8)} ms (${(s.median / baseline.median).toFixed(1).padStart(6)}×)   p95 ${s.p95.toFixed(2).padStart(8)} ms (${(s.p95 / baseline.p95).toFixed(1).padStart(6)}×)`
			);
		}
	} finally {
		await database.close();
	}
}

/** One GET, body read to the end; refuses anything but 200 so an error page is never timed as a search. */
async function get(url: string): Promise<string> {
	const res = await fetch(url);
	const body = await res.text();
	if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
	return body;
}

/** The results shown on the search page: the items of its results section. */
function resultsShown(html: string): { count: number; hasNext: boolean } {
	const start = html.indexOf('id="results-heading"');
	if (start < 0) throw new Error('the library page has no results section');
	const section = html.slice(start, html.indexOf('</section>', start));
	return { count: section.match(/<li[\s>]/g)?.length ?? 0, hasNext: section.includes('rel="next"') };
}

async function searchOverHttp(dataDir: string): Promise<void> {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const app = spawn('node', ['scripts/serve.js'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin, DATA_DIR: dataDir, DEMO: '0', LOG_LEVEL: 'error', DATABASE_URL: '' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	try {
		await waitFor(`${origin}/healthz`, app);
		const baselineUrl = `${origin}/api/v1/campaigns`;
		const targets: Array<[string, string]> = [
			['GET /library?q=hoc+tap', `${origin}/library?q=hoc+tap`],
			['GET /library?q=an+toan+thong+tin', `${origin}/library?q=an+toan+thong+tin`],
			['GET /library?q=nong+nghiep&group&kind', `${origin}/library?q=nong+nghiep&group=nguoi_dan&kind=video`]
		];
		// Once each before timing: the page must show results, or the bench would time an empty search.
		for (const [label, url] of targets) {
			const shown = resultsShown(await get(url));
			if (shown.count === 0) throw new Error(`${label}: the library page shows no result`);
			console.log(`${label.padEnd(40)} shows ${shown.count} results on page 1${shown.hasNext ? ', more on the next pages' : ''}`);
		}
		const warmUp = Math.min(20, HTTP_REQUESTS);
		const baseline = await time(() => get(baselineUrl), HTTP_REQUESTS, warmUp);
		console.log(`\nlibrary search over HTTP (${HTTP_REQUESTS} sequential requests each after ${warmUp} warm-up, built app on the seeded folder):`);
		console.log('target'.padEnd(40), 'median ms'.padStart(10), 'p95 ms'.padStart(9), 'median ÷ API'.padStart(13), 'p95 ÷ API'.padStart(10));
		const row = (label: string, s: { median: number; p95: number }) =>
			console.log(label.padEnd(40), s.median.toFixed(2).padStart(10), s.p95.toFixed(2).padStart(9), (s.median / baseline.median).toFixed(1).padStart(13), (s.p95 / baseline.p95).toFixed(1).padStart(10));
		row('GET /api/v1/campaigns (API read, base)', baseline);
		for (const [label, url] of targets) row(label, await time(() => get(url), HTTP_REQUESTS, warmUp));
	} finally {
		await stop(app);
	}
}

if (!process.env.LW_BENCH_LIBRARY_INNER) {
	// `npm run bench` has just built the app in bench/run.ts; run alone, build it here as bench/run.ts does.
	const built = process.env.npm_lifecycle_event === 'bench' && existsSync('build/index.js');
	if (!process.env.BENCH_SKIP_BUILD && !built) {
		const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
		if (b.status !== 0) throw new Error('build failed');
	}
	await runInVite('/bench/library.ts', 'LW_BENCH_LIBRARY_INNER');
}
