import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestDb } from '../../db/testing';
import { createActor, createOrgNode, createPerson } from '../../org/seed';
import { createCampaign } from '../../campaigns/seed';
import { createTask, reportProgress } from '../../tasks/seed';
import { createActivity, registerGuest } from '../../activities/seed';
import { joinByToken } from '../../activities/service';
import { createPartner, createSponsorship } from '../../partners/seed';
import { freezeClock } from '../../core/clock';
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
// Sở Nội vụ's online seminar: three registrants, two join; a partner gives money and goods.
freezeClock(new Date('2021-09-20T02:00:00Z'));
const seminar = await createActivity(db, { campaignId: childA.id, startsAt: new Date('2021-10-02T01:00:00Z') });
const guests = [await registerGuest(db, seminar.id), await registerGuest(db, seminar.id), await registerGuest(db, seminar.id)];
freezeClock(new Date('2021-10-02T01:10:00Z'));
for (const g of guests.slice(0, 2)) await joinByToken(db, g.token);
freezeClock();
const partner = await createPartner(db, { orgId: a.id });
await createSponsorship(db, { partnerId: partner.id, campaignId: childA.id, kind: 'money', valueVnd: 10_000_000 });
await createSponsorship(db, { partnerId: partner.id, campaignId: childA.id, kind: 'in_kind', valueVnd: 4_000_000 });
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
		expect(r.rows.map((x) => [x.activities, x.participants, x.attendancesOnsite, x.attendancesOnline, x.moneyVnd, x.inKindVnd])).toEqual([
			[1, 2, 0, 2, 10_000_000, 4_000_000],
			[0, 0, 0, 0, 0, 0]
		]);
		expect(r.totals).toMatchObject({ activities: 1, participants: 2, attendancesOnsite: 0, attendancesOnline: 2, moneyVnd: 10_000_000, inKindVnd: 4_000_000 });
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
		const values = (row: number) => (ws.getRow(row).values as unknown[]).slice(1);
		expect(values(3).slice(6, 13)).toEqual(['Cán bộ', 'Số hoạt động', 'Người tham gia', 'Lượt trực tiếp', 'Lượt trực tuyến', 'Tiền mặt (đồng)', 'Hiện vật quy đổi (đồng)']);
		expect(ws.getRow(4).getCell(2).value).toBe('Sở Nội vụ');
		expect(ws.getRow(4).getCell(5).value).toBe(1);
		expect(values(4).slice(7, 13)).toEqual([1, 2, 0, 2, 10_000_000, 4_000_000]);
		expect(values(6).slice(7, 13)).toEqual([1, 2, 0, 2, 10_000_000, 4_000_000]);
		expect(ws.getRow(6).getCell(14).value).toBe('1/2');
	});
});
