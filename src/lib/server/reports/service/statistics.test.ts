import { describe, it, expect } from 'vitest';
import { createTestDb } from '../../db/testing';
import { seedDemoOrganisations } from '../../demo/org-2021';
import { seedDemoCampaigns } from '../../demo/plan-2021';
import { seedDemoTasks } from '../../tasks/seed';
import { createActor, createOrgNode, createPerson } from '../../org/seed';
import { createCampaign } from '../../campaigns/seed';
import { createTask, reportProgress } from '../../tasks/seed';
import { createDocument } from '../../documents/seed';
import { listCampaignDocuments } from '../../documents/service';
import { systemActor } from '../../auth/actor';
import { computeCampaignStatistics } from '../service';

const db = await createTestDb();
const system = systemActor('test');
const orgs = await seedDemoOrganisations(db);
const { provinceCampaign, officeCampaign } = await seedDemoCampaigns(db, { provinceOrgId: orgs.province.id, officeOrgId: orgs.office.id });
const tasks = await seedDemoTasks(db, { campaignId: officeCampaign.id, units: orgs.units, people: orgs.people });
// The report is written after the Week: tasks stand as they did on 20 October 2021.
const at = new Date('2021-10-20T05:00:00Z');

describe('computeCampaignStatistics on the demo', () => {
	it('counts the tasks seeded for the Office, done, on time, late and overdue, by unit', async () => {
		const s = await computeCampaignStatistics(db, system, officeCampaign.id, { at });
		// Seeded: publicity done on 29/9 (due 30/9, on time); urging done 4/10 (due 1/10, late);
		// the report in progress and the study session not started, both overdue on 20/10; Tú's task overdue.
		expect(tasks).toHaveLength(5);
		expect(s.tasks).toMatchObject({ total: 5, done: 2, onTime: 1, late: 1, overdue: 3, pending: 0, inProgress: 1, notStarted: 2 });
		const unitOf = (code: string) => s.tasks.byUnit.find((r) => r.unitId === orgs.units[code].id);
		expect(unitOf('TTTT')).toMatchObject({ unitName: orgs.units.TTTT.name, total: 2, done: 1, onTime: 1, overdue: 1 });
		expect(unitOf('TCHCQT')).toMatchObject({ total: 1, done: 1, late: 1 });
		expect(unitOf('TH')).toMatchObject({ total: 1, overdue: 1 });
		expect(unitOf('KGVX')).toMatchObject({ total: 1, overdue: 1 });
		expect(s.tasks.byUnit.reduce((n, r) => n + r.total, 0)).toBe(5);
	});

	it('counts the people of the Office by unit, learner group and category as seeded', async () => {
		const s = await computeCampaignStatistics(db, system, officeCampaign.id, { at });
		const officePaths = new Set(Object.values(orgs.units).filter((u) => u.path.startsWith(orgs.office.path)).map((u) => u.id));
		const mine = orgs.people.filter((p) => officePaths.has(p.unitId));
		expect(mine.length).toBeGreaterThan(0);
		expect(s.people.total).toBe(mine.length);
		for (const row of s.people.byUnit) expect(row.count).toBe(mine.filter((p) => p.unitId === row.key).length);
		expect(s.people.byUnit.reduce((n, r) => n + r.count, 0)).toBe(mine.length);
		const groups = new Map<string, number>();
		for (const p of mine) for (const g of p.learnerGroups) groups.set(g, (groups.get(g) ?? 0) + 1);
		expect(Object.fromEntries(s.people.byLearnerGroup.map((r) => [r.key, r.count]))).toEqual(Object.fromEntries(groups));
		const categories = new Map<string, number>();
		for (const p of mine) categories.set(p.category, (categories.get(p.category) ?? 0) + 1);
		expect(Object.fromEntries(s.people.byCategory.map((r) => [r.key, r.count]))).toEqual(Object.fromEntries(categories));
		expect(s.people.units).toBe(Object.values(orgs.units).filter((u) => u.path.startsWith(orgs.office.path) && u.id !== orgs.office.id).length);
	});

	it('tells the plan, its issued documents and the child plans of the province', async () => {
		const office = await computeCampaignStatistics(db, system, officeCampaign.id, { at });
		expect(office.planning.reference).toBe(`${officeCampaign.number!.padStart(2, '0')}/${officeCampaign.symbol}`);
		expect(office.planning.documentsIssued).toBe((await listCampaignDocuments(db, system, officeCampaign.id)).filter((d) => d.status === 'issued').length);
		const province = await computeCampaignStatistics(db, system, provinceCampaign.id, { at });
		expect(province.planning.childPlans).toBe(1);
		expect(province.planning.childPlansByStatus).toEqual({ [officeCampaign.status]: 1 });
		expect(office.activities).toEqual({ available: false });
		expect(office.recognition).toEqual({ available: false });
	});
});

describe('computeCampaignStatistics on a hand-made organisation', async () => {
	const root = await createOrgNode(db, { name: 'Sở Thử nghiệm' });
	const a = await createOrgNode(db, { parentId: root.id, name: 'Phòng A' });
	const b = await createOrgNode(db, { parentId: root.id, name: 'Phòng B' });
	await createPerson(db, { unitId: a.id, category: 'vien_chuc', learnerGroups: ['phu_nu', 'giao_vien'] });
	await createPerson(db, { unitId: a.id, category: 'cong_chuc', learnerGroups: ['phu_nu'] });
	await createPerson(db, { unitId: b.id, category: 'cong_chuc' });
	const campaign = await createCampaign(db, { orgId: root.id, status: 'running', documentDate: '2021-09-14' });
	const t1 = await createTask(db, { campaignId: campaign.id, unitId: a.id, dueOn: '2021-10-07' });
	await createTask(db, { campaignId: campaign.id, unitId: b.id, dueOn: '2021-10-07' });
	await createDocument(db, { orgId: root.id, campaignId: campaign.id, type: 'CV', unitCode: 'TH', summary: 'Về việc đôn đốc', notify: false });
	await createDocument(db, { orgId: root.id, campaignId: campaign.id, type: 'TB', summary: 'Thông báo', notify: false });

	it('counts exactly what was seeded', async () => {
		await reportProgress(db, t1.id, { status: 'done', note: 'Xong' });
		const s = await computeCampaignStatistics(db, system, campaign.id, { at: new Date('2021-10-01T00:00:00Z') });
		expect(s.people).toMatchObject({ units: 2, total: 3 });
		expect(s.people.byUnit.map((r) => [r.label, r.count])).toEqual([
			['Phòng A', 2],
			['Phòng B', 1]
		]);
		expect(s.people.byLearnerGroup.map((r) => [r.key, r.count])).toEqual([
			['giao_vien', 1],
			['phu_nu', 2]
		]);
		expect(s.people.byCategory.map((r) => [r.key, r.count])).toEqual([
			['cong_chuc', 2],
			['vien_chuc', 1]
		]);
		expect(s.tasks).toMatchObject({ total: 2, done: 1, notStarted: 1 });
		// The two seeded here, beside the plan itself (issued by the workflow); a cancelled one is not counted.
		const plans = (await listCampaignDocuments(db, system, campaign.id)).filter((d) => d.type === 'KH' && d.status === 'issued').length;
		expect(s.planning.documentsIssued).toBe(2 + plans);
		expect(s.planning.childPlans).toBe(0);
	});

	it('refuses staff of the node (FORBIDDEN) and an outsider a draft (NOT_FOUND)', async () => {
		const staff = await createActor(db, { role: 'staff', orgId: root.id });
		await expect(computeCampaignStatistics(db, staff, campaign.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		const draft = await createCampaign(db, { orgId: root.id });
		const outsider = await createActor(db, { role: 'coordinator', orgId: orgs.office.id });
		await expect(computeCampaignStatistics(db, outsider, draft.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		const supervisor = await createActor(db, { role: 'supervisor', orgId: root.id });
		await expect(computeCampaignStatistics(db, supervisor, campaign.id)).resolves.toMatchObject({ campaignId: campaign.id });
	});
});
