import { describe, it, expect } from 'vitest';
import { createTestDb } from '../../db/testing';
import { seedDemoOrganisations } from '../../demo/org-2021';
import { seedDemoCampaigns } from '../../demo/plan-2021';
import { seedDemoTasks } from '../../tasks/seed';
import { createActor } from '../../org/seed';
import { listInbox, listRegister, renderDocx, renderPdf } from '../../documents/service';
import { listAuditEntries } from '../../audit/service';
import { systemActor } from '../../auth/actor';
import { freezeClock } from '../../core/clock';
import { seedDemoActivities } from '../../activities/seed';
import { seedDemoPartners } from '../../partners/seed';
import { seedDemoLocalities } from '../../localities/seed';
import { computeCampaignStatistics, getReport, listAddresseeChoices, reportDocument, reportWithStatistics, saveReport, submitReport } from '../service';

const db = await createTestDb();
const orgs = await seedDemoOrganisations(db);
const { officeCampaign } = await seedDemoCampaigns(db, { provinceOrgId: orgs.province.id, officeOrgId: orgs.office.id });
await seedDemoTasks(db, { campaignId: officeCampaign.id, units: orgs.units, people: orgs.people });
// The demo as DEMO=1 builds it: its partners' sponsorships and its 2021 programme with attendance.
const viettel = await seedDemoPartners(db, { officeOrgId: orgs.office.id, campaignId: officeCampaign.id });
const places = await seedDemoLocalities(db);
await seedDemoActivities(db, { campaignId: officeCampaign.id, hostUnitId: orgs.units.TTTT.id, partnerId: viettel.id, placeCode: places[0].code, setClock: freezeClock });
const coordinator = await createActor(db, { role: 'coordinator', orgId: orgs.office.id });
const staff = await createActor(db, { role: 'staff', orgId: orgs.office.id });
const supervisor = await createActor(db, { role: 'supervisor', orgId: orgs.province.id });
const at = new Date('2021-10-20T05:00:00Z');

const sections = {
	direction: 'Văn phòng đã ban hành Kế hoạch và đôn đốc các phòng triển khai.\n\n  Các phòng đã phổ biến tới công chức.  ',
	results: 'Các phòng đã tổ chức tuyên truyền.',
	assessment: 'Tuần lễ được tổ chức thiết thực.',
	proposals: 'Đề nghị Sở tiếp tục hướng dẫn.'
};

describe('the campaign report', () => {
	it('suggests the Department of Education as addressee', async () => {
		const choices = await listAddresseeChoices(db, coordinator, officeCampaign.id);
		expect(choices.find((c) => c.suggested)?.id).toBe(orgs.supervisor.id);
		expect(choices.some((c) => c.id === orgs.office.id)).toBe(false);
	});

	it('refuses staff and a supervisor writing it (FORBIDDEN), and an addressee from another tree (VALIDATION)', async () => {
		await expect(saveReport(db, staff, officeCampaign.id, sections)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(saveReport(db, supervisor, officeCampaign.id, sections)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(saveReport(db, coordinator, officeCampaign.id, { ...sections, addresseeOrgId: 'nope' })).rejects.toMatchObject({ code: 'VALIDATION' });
		await expect(saveReport(db, coordinator, officeCampaign.id, { ...sections, results: 'x'.repeat(20001) })).rejects.toMatchObject({ code: 'VALIDATION', fields: { results: 'field_too_long' } });
	});

	it('refuses submitting before it is saved, and without an addressee', async () => {
		await expect(submitReport(db, coordinator, officeCampaign.id)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
		const saved = await saveReport(db, coordinator, officeCampaign.id, sections);
		expect(saved.direction).toBe('Văn phòng đã ban hành Kế hoạch và đôn đốc các phòng triển khai.\nCác phòng đã phổ biến tới công chức.');
		await expect(submitReport(db, coordinator, officeCampaign.id)).rejects.toMatchObject({ code: 'VALIDATION', fields: { addresseeOrgId: 'field_required' } });
	});

	it('refuses a save from an older version (STALE)', async () => {
		const current = await getReport(db, coordinator, officeCampaign.id);
		await saveReport(db, coordinator, officeCampaign.id, { ...sections, addresseeOrgId: orgs.supervisor.id, version: current.version });
		await expect(saveReport(db, coordinator, officeCampaign.id, { ...sections, version: current.version })).rejects.toMatchObject({ code: 'STALE' });
	});

	it('gives the report page the figures its Báo cáo was built from, computed once', async () => {
		const { document, stats } = await reportWithStatistics(db, supervisor, officeCampaign.id, { at });
		expect(stats).toEqual(await computeCampaignStatistics(db, supervisor, officeCampaign.id, { at }));
		expect(document).toEqual(await reportDocument(db, supervisor, officeCampaign.id, { at }));
	});

	it('builds the Báo cáo with Kính gửi, the four parts, the figures and the appendix, and renders it', async () => {
		const doc = await reportDocument(db, supervisor, officeCampaign.id, { at });
		expect(doc.kind).toBe('report');
		expect(doc.addressees).toEqual([orgs.supervisor.name]);
		expect(doc.summary).toBe('Kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021');
		const headings = doc.body.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text);
		expect(headings).toEqual(['I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI', 'II. KẾT QUẢ THỰC HIỆN', 'III. ĐÁNH GIÁ CHUNG', 'IV. ĐỀ XUẤT, KIẾN NGHỊ']);
		const text = JSON.stringify(doc.body);
		expect(text).toContain('giao 5 nhiệm vụ');
		expect(text).toContain('đã hoàn thành 2 nhiệm vụ (40%), trong đó 1 nhiệm vụ đúng hạn, 1 nhiệm vụ chậm so với thời hạn; 3 nhiệm vụ quá hạn');
		// The demo programme (activities/seed.ts): 5 activities of the Week with 24 + 18 + 16 + 6 + 20
		// registrants, 14 + 13 + 17 checked in and 8 + 15 + 5 joined online, 12 of the class's 16
		// completing; two activities announced for the coming days; Viettel's 150 000 000 đ of tablets
		// and Báo Sơn La's 20 000 000 đ of prizes.
		expect(text).toContain('Về tổ chức hoạt động: tổ chức 7 hoạt động');
		expect(text).toContain('84 lượt đăng ký; 44 lượt tham dự trực tiếp và 28 lượt tham gia trực tuyến, với 72 người tham gia');
		expect(text).toContain('12/16 học viên hoàn thành 2 lớp tập huấn');
		expect(text).toContain('huy động được 170.000.000 đồng từ 2 đối tác (Viettel Sơn La, Báo Sơn La), gồm 20.000.000 đồng tiền mặt và hiện vật trị giá 150.000.000 đồng');
		const tables = doc.appendices![0].blocks.filter((b) => b.kind === 'table');
		// Planning, tasks, people ×3; activities: summary, type, mode, day, host unit, group, list; resources; the rest.
		expect(tables).toHaveLength(14);
		expect(tables.find((t) => t.caption?.endsWith('Danh sách hoạt động'))?.rows).toHaveLength(7 + 1);
		const pdf = await renderPdf(doc);
		expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
		const docx = await renderDocx(doc);
		expect(docx.length).toBeGreaterThan(1000);
	});

	it('submits it as a numbered BC in the register, then refuses changes', async () => {
		const submitted = await submitReport(db, coordinator, officeCampaign.id);
		expect(submitted).toMatchObject({ status: 'submitted', canEdit: false });
		const register = await listRegister(db, coordinator, { orgId: orgs.office.id, year: new Date().getFullYear() } as never);
		const bc = register.find((e) => e.id === submitted.documentId);
		expect(bc).toMatchObject({ type: 'BC', summary: 'Kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021' });
		const doc = await reportDocument(db, coordinator, officeCampaign.id, { at });
		expect(doc.number).toBe(String(bc!.number));
		const departmentLeader = await createActor(db, { role: 'unit_leader', orgId: orgs.supervisor.id });
		expect((await listInbox(db, departmentLeader)).map((i) => i.documentId)).toContain(submitted.documentId);
		await expect(saveReport(db, coordinator, officeCampaign.id, sections)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
		await expect(submitReport(db, coordinator, officeCampaign.id)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
	});

	it('audits each save and the submission with before and after', async () => {
		const entries = await listAuditEntries(db, systemActor('test'), { entity: 'campaign_report' });
		expect(entries.map((e) => e.action).sort()).toEqual(['create', 'submit', 'update']);
		const submit = entries.find((e) => e.action === 'submit')!;
		expect(submit.before).toMatchObject({ status: 'draft' });
		expect(submit.after).toMatchObject({ status: 'submitted' });
	});
});
