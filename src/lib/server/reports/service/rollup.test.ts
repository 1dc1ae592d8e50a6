import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestDb } from '../../db/testing';
import { createActor, createOrgNode, createPerson } from '../../org/seed';
import { createCampaign } from '../../campaigns/seed';
import { createTask, reportProgress } from '../../tasks/seed';
import { getRollup, listRollupCampaigns, saveReport, submitReport } from '../service';
import { exportRollupXlsx } from '../export';

const db = await createTestDb();
const province = await createOrgNode(db, { name: 'UBND tỉnh Thử', kind: 'province' });
const department = await createOrgNode(db, { parentId: province.id, name: 'Sở Giáo dục và Đào tạo', kind: 'agency' });
const a = await createOrgNode(db, { parentId: province.id, name: 'Sở Nội vụ', kind: 'agency' });
const b = await createOrgNode(db, { parentId: province.id, name: 'Sở Y tế', kind: 'agency' });
await createPerson(db, { unitId: a.id });
await createPerson(db, { unitId: a.id });
await createPerson(db, { unitId: b.id });
const parent = await createCampaign(db, { orgId: province.id, status: 'running', documentDate: '2021-09-01' });
const childA = await createCampaign(db, { orgId: a.id, parentId: parent.id, status: 'running', documentDate: '2021-09-10' });
const childB = await createCampaign(db, { orgId: b.id, parentId: parent.id, status: 'draft' });
const t = await createTask(db, { campaignId: childA.id, unitId: a.id, dueOn: '2021-10-07' });
await createTask(db, { campaignId: childA.id, unitId: a.id, dueOn: '2021-10-07' });
await reportProgress(db, t.id, { status: 'done', note: 'Xong' });
const coordinatorA = await createActor(db, { role: 'coordinator', orgId: a.id });
await saveReport(db, coordinatorA, childA.id, { direction: 'Đã triển khai.', results: '', assessment: '', proposals: '', addresseeOrgId: department.id });
await submitReport(db, coordinatorA, childA.id);
const supervisor = await createActor(db, { role: 'supervisor', orgId: province.id });

describe('the roll-up', () => {
	it('totals the child campaigns and tells which reported', async () => {
		const r = await getRollup(db, supervisor, parent.id);
		expect(r.rows.map((x) => [x.orgName, x.tasksDone, x.tasksTotal, x.people, x.reportStatus])).toEqual([
			['Sở Nội vụ', 1, 2, 2, 'submitted'],
			['Sở Y tế', 0, 0, 1, null]
		]);
		expect(r.totals).toMatchObject({ children: 2, reportsSubmitted: 1, tasksTotal: 2, tasksDone: 1, people: 3 });
		expect((await listRollupCampaigns(db, supervisor)).map((c) => c.id)).toEqual([parent.id]);
		expect(childB.status).toBe('draft');
	});

	it('refuses a unit leader and a child coordinator (FORBIDDEN)', async () => {
		const leader = await createActor(db, { role: 'unit_leader', orgId: province.id });
		await expect(getRollup(db, leader, parent.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(getRollup(db, coordinatorA, parent.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
	});

	it('exports it to XLSX with a row per child and the totals', async () => {
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await exportRollupXlsx(db, supervisor, parent.id)) as unknown as ArrayBuffer);
		const ws = wb.worksheets[0];
		expect(ws.getRow(4).getCell(2).value).toBe('Sở Nội vụ');
		expect(ws.getRow(4).getCell(5).value).toBe(1);
		expect(ws.getRow(6).getCell(8).value).toBe('1/2');
	});
});
