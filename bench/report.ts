// `npx tsx bench/report.ts`: the time to compute a campaign's statistics and render its Báo cáo
// (model + PDF + DOCX) for an organisation of 100 units, 10,000 people, 500 tasks and 500
// published activities with 10,000 registrations and their attendance (issue 3), beside the same
// for an empty organisation measured in the same run, printed as a ratio. Seeds with the
// factories and the activities service on a PGlite database in a temporary folder, the clock set
// to the Week while the activities are made. Not a test: no pass/fail. (Separate from bench/run.ts.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../src/lib/server/db/types';
import { runInVite } from './support';

// The app's modules import fonts with Vite's `?inline` and `$lib`: the measuring code is loaded
// through Vite's SSR module loader (the project's own config), not by tsx directly.
const load = async () => ({
	...(await import('../src/lib/server/db/client')),
	...(await import('../src/lib/server/db/migrate')),
	...(await import('../src/lib/server/auth/actor')),
	...(await import('../src/lib/server/org/seed')),
	...(await import('../src/lib/server/campaigns/seed')),
	...(await import('../src/lib/server/tasks/seed')),
	// The service first: the seed's createActivity (one options object) replaces the service's of the same name.
	...(await import('../src/lib/server/activities/service')),
	...(await import('../src/lib/server/activities/seed')),
	...(await import('../src/lib/server/localities/seed')),
	...(await import('../src/lib/server/core/clock')),
	...(await import('../src/lib/features/activities/types')),
	...(await import('../src/lib/server/reports/service')),
	...(await import('../src/lib/server/documents/service')),
	...(await import('../src/lib/features/org/types'))
});
type Modules = Awaited<ReturnType<typeof load>>;
let M: Modules;

const UNITS = Number(process.env.BENCH_UNITS || 100);
const PEOPLE = Number(process.env.BENCH_PEOPLE || 10_000);
const TASKS = Number(process.env.BENCH_TASKS || 500);
const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES || 500);
/** Registrants per activity: 500 × 20 = 10,000 registrations, one per participant of the figure. */
const REGISTRANTS = Number(process.env.BENCH_REGISTRANTS || 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 5);

async function seedOrganisation(db: Db, units: number, people: number, tasks: number, activities: number): Promise<string> {
	const root = await M.createOrgNode(db, { name: `Cơ quan ${units}`, shortCode: `CQ${units}` });
	const nodes = [];
	for (let i = 0; i < units; i++) nodes.push(await M.createOrgNode(db, { parentId: root.id, name: `Phòng ${i + 1}`, shortCode: `P${i + 1}` }));
	for (let i = 0; i < people; i++) {
		await M.createPerson(db, {
			unitId: nodes[i % nodes.length].id,
			category: M.EMPLOYEE_CATEGORIES[i % M.EMPLOYEE_CATEGORIES.length],
			learnerGroups: [M.LEARNER_GROUPS[i % M.LEARNER_GROUPS.length], ...(i % 3 === 0 ? ['phu_nu' as const] : [])]
		});
	}
	const campaign = await M.createCampaign(db, { orgId: root.id, status: 'running', documentDate: '2021-09-14' });
	for (let i = 0; i < tasks; i++) await M.createTask(db, { campaignId: campaign.id, unitId: nodes[i % nodes.length].id, dueOn: '2021-10-07' });
	if (activities) await seedActivities(db, campaign.id, nodes.map((n) => n.id), activities);
	return campaign.id;
}

/**
 * `count` published activities over the seven days of the Week, every type and mode in turn,
 * hosted by the units in turn, each with REGISTRANTS guests of the learner groups in turn (every
 * seventh not saying); four in five attend: checked in on site, or joined online where it is
 * held online. Made through the activities service with the clock set to the Week.
 */
async function seedActivities(db: Db, campaignId: string, units: string[], count: number): Promise<void> {
	const system = M.systemActor('bench');
	const place = await M.createAdminUnit(db);
	const week = (day: number, hour: number) => new Date(Date.UTC(2021, 9, 1 + day, hour - 7));
	try {
		for (let i = 0; i < count; i++) {
			const type = M.ACTIVITY_TYPES[i % M.ACTIVITY_TYPES.length];
			const mode = M.ACTIVITY_MODES[i % M.ACTIVITY_MODES.length];
			const startsAt = week(i % 7, 8 + (i % 9));
			M.freezeClock(week(-10, 9));
			const a = await M.createActivity(db, {
				campaignId,
				actor: system,
				title: `Hoạt động ${i + 1}`,
				type,
				mode,
				hostUnitId: units.length ? units[i % units.length] : undefined,
				startsAt,
				...(mode === 'online' ? {} : { adminUnitCode: place.code, venue: 'Hội trường' }),
				...(type === 'international_forum' ? { externalUrl: 'https://www.uil.unesco.org/en' } : {})
			});
			const regs = [];
			for (let r = 0; r < REGISTRANTS; r++) {
				const n = i * REGISTRANTS + r;
				regs.push(await M.registerGuest(db, a.id, { email: '', phone: `+8491${String(n).padStart(7, '0')}`, learnerGroup: n % 7 === 6 ? undefined : M.LEARNER_GROUPS[n % M.LEARNER_GROUPS.length] }));
			}
			M.freezeClock(new Date(startsAt.getTime() + 10 * 60_000));
			for (const [r, reg] of regs.entries()) {
				if (r % 5 === 4) continue;
				if (mode === 'online' || (mode === 'hybrid' && r % 2)) await M.joinByToken(db, reg.token);
				else await M.checkInByTicket(db, system, a.id, { code: reg.ticketCode });
			}
		}
	} finally {
		M.freezeClock();
	}
}

async function timeReport(db: Db, campaignId: string): Promise<{ statsMs: number; renderMs: number }> {
	let statsMs = Infinity;
	let renderMs = Infinity;
	for (let r = 0; r < ROUNDS; r++) {
		const t0 = performance.now();
		await M.computeCampaignStatistics(db, M.systemActor('bench'), campaignId);
		const t1 = performance.now();
		const doc = await M.reportDocument(db, M.systemActor('bench'), campaignId);
		await M.renderPdf(doc);
		await M.renderDocx(doc);
		const t2 = performance.now();
		statsMs = Math.min(statsMs, t1 - t0);
		renderMs = Math.min(renderMs, t2 - t1);
	}
	return { statsMs, renderMs };
}

/** Seeds both organisations and prints the timings (run inside Vite's module loader). */
export async function run(): Promise<void> {
	M = await load();
	const dir = mkdtempSync(join(tmpdir(), 'learnweek-bench-report-'));
	const database = await M.openDatabase({ dataDir: dir });
	try {
		await M.applyMigrations(database);
		const seedStart = performance.now();
		const empty = await seedOrganisation(database.db, 0, 0, 0, 0);
		const full = await seedOrganisation(database.db, UNITS, PEOPLE, TASKS, ACTIVITIES);
		const figures = (await M.computeCampaignStatistics(database.db, M.systemActor('bench'), full)).activities;
		console.log(
			`seeded ${UNITS} units, ${PEOPLE} people, ${TASKS} tasks, ${figures.total} activities (${figures.registered} registrations, ` +
				`${figures.attendance.onsite} on site + ${figures.attendance.online} online, ${figures.participants} participants) in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`
		);
		await timeReport(database.db, full); // warm-up: the renderers' first run loads fonts and compiles
		const e = await timeReport(database.db, empty);
		const f = await timeReport(database.db, full);
		const row = (label: string, a: number, b: number) => console.log(`${label.padEnd(34)} empty ${a.toFixed(1).padStart(8)} ms   full ${b.toFixed(1).padStart(8)} ms   ratio ${(b / a).toFixed(2)}×`);
		console.log(`report bench (best of ${ROUNDS}):`);
		row('statistics', e.statsMs, f.statsMs);
		row('report model + PDF + DOCX', e.renderMs, f.renderMs);
		row('total', e.statsMs + e.renderMs, f.statsMs + f.renderMs);
	} finally {
		await database.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

await runInVite('/bench/report.ts', 'LW_BENCH_REPORT_INNER');
