import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../db/testing';
import { systemActor, type Actor } from '../../auth/actor';
import { createActor, createOrgNode } from '../../org/seed';
import type { OrgNodeRow } from '../../org/service';
import { listOutbox } from '../../notifications/service';
import { listAuditEntries } from '../../audit/service';
import { listCampaignDocuments, listInbox, listRegister } from '../../documents/service';
import { getCampaign, issueCampaign } from '../service';
import { createCampaign } from '../seed';

// Issuing a plan enters it in the agency's outgoing register (the documents domain) as a Kế hoạch.
const db = await createTestDb();
const system = systemActor('test');

async function node(name: string, shortCode: string, parent?: OrgNodeRow, kind: 'province' | 'agency' | 'department' = parent ? 'department' : 'province'): Promise<OrgNodeRow> {
	return createOrgNode(db, { name, shortCode, kind, parentId: parent?.id ?? null });
}
const province = await node('UBND tỉnh Sơn La', 'UBND');
const office = await node('Văn phòng UBND tỉnh', 'VPUB', province, 'agency');
const admin = await node('Phòng Tổ chức – Hành chính – Quản trị', 'TCHCQT', office);
const info = await node('Trung tâm Thông tin', 'TTTT', office);
const education = await node('Sở Giáo dục và Đào tạo', 'SGDĐT', province, 'agency');
const leader: Actor = await createActor(db, { role: 'unit_leader', orgId: office.id }, { email: 'lanhdao@vpub.vn' });
await createActor(db, { role: 'unit_leader', orgId: education.id }, { email: 'giamdoc@sgddt.vn' });
const infoStaff = await createActor(db, { role: 'staff', orgId: info.id }, { email: 'canbo@tttt.vn' });

const RECIPIENTS = ['Sở Giáo dục và Đào tạo (Báo cáo)', 'LĐVP UBND tỉnh', 'Các phòng, ban, đơn vị', 'Lưu: VT, TCHCQT'];

describe('issuing a campaign’s plan', () => {
	it('numbers the plan from the register, stores "01" on the campaign, links the document and sends it to the recipients named', async () => {
		const approved = await createCampaign(db, { orgId: office.id, status: 'approved', documentDate: '2021-09-14', recipients: RECIPIENTS });
		const issued = await issueCampaign(db, leader, approved.id);
		expect(issued).toMatchObject({ status: 'issued', number: '01', documentDate: '2021-09-14', version: approved.version + 1 });

		const [doc] = await listCampaignDocuments(db, leader, approved.id);
		expect(doc).toMatchObject({
			reference: '01/KH-VPUB',
			type: 'KH',
			summary: approved.title,
			documentDate: '2021-09-14',
			signerName: 'Nguyễn Văn An',
			signerPosition: 'PHÓ CHÁNH VĂN PHÒNG',
			recipients: ['Sở Giáo dục và Đào tạo (Báo cáo)', 'LĐVP UBND tỉnh', 'Các phòng, ban, đơn vị'],
			archive: 'VT, TCHCQT',
			numberEnteredByHand: false,
			campaignId: approved.id
		});
		expect(doc.receipts.map((r) => r.orgName)).toEqual(['Sở Giáo dục và Đào tạo', 'Phòng Tổ chức – Hành chính – Quản trị', 'Trung tâm Thông tin']);
		expect((await listInbox(db, infoStaff)).map((i) => i.reference)).toEqual(['01/KH-VPUB']);
		const mails = (await listOutbox(db, system, 100)).filter((m) => m.subject.includes('01/KH-VPUB'));
		expect(mails.map((m) => m.to)).toEqual(['giamdoc@sgddt.vn']);

		const entry = (await listAuditEntries(db, system, { entity: 'campaign', entityId: approved.id, action: 'issue' }))[0];
		expect(entry.after).toMatchObject({ status: 'issued', number: '01', documentId: doc.id });
		expect((await getCampaign(db, leader, approved.id)).number).toBe('01');
	});

	it('keeps a number typed on the plan ("212"), registered as typed without using the sequence', async () => {
		const typed = await createCampaign(db, { orgId: office.id, status: 'approved', number: '212', documentDate: '2021-09-15' });
		expect((await issueCampaign(db, leader, typed.id)).number).toBe('212');
		const [doc] = await listCampaignDocuments(db, leader, typed.id);
		expect(doc).toMatchObject({ reference: '212/KH-VPUB', numberEnteredByHand: true });
		const next = await createCampaign(db, { orgId: office.id, status: 'approved', documentDate: '2021-09-16' });
		expect((await issueCampaign(db, leader, next.id)).number).toBe('02');
		expect((await listRegister(db, leader, { orgId: office.id, year: 2021 })).map((e) => e.reference)).toEqual(['01/KH-VPUB', '02/KH-VPUB', '212/KH-VPUB']);
	});

	it('refuses a typed number the year already holds, leaving the plan approved and the register as it was', async () => {
		const clash = await createCampaign(db, { orgId: office.id, status: 'approved', number: '01', documentDate: '2021-10-01', recipients: RECIPIENTS });
		const before = (await listOutbox(db, system, 1000)).length;
		await expect(issueCampaign(db, leader, clash.id)).rejects.toMatchObject({ code: 'CONFLICT', fields: { number: 'field_taken' } });
		expect((await getCampaign(db, leader, clash.id)).status).toBe('approved');
		expect(await listCampaignDocuments(db, leader, clash.id)).toEqual([]);
		expect((await listOutbox(db, system, 1000)).length).toBe(before);
		expect(await listAuditEntries(db, system, { entity: 'campaign', entityId: clash.id, action: 'issue' })).toEqual([]);
	});

	it('registers a plan of another year in that year’s sequence', async () => {
		const next = await createCampaign(db, { orgId: office.id, year: 2022, status: 'approved', documentDate: '2022-09-01' });
		expect((await issueCampaign(db, leader, next.id)).number).toBe('01');
		expect((await listRegister(db, leader, { orgId: office.id, year: 2022 })).map((e) => e.reference)).toEqual(['01/KH-VPUB']);
	});

	it('registers a plan of a unit in the unit’s own register, under the symbol the plan prints', async () => {
		const plan = await createCampaign(db, { orgId: admin.id, status: 'approved', symbol: 'KH-TCHCQT', documentDate: '2021-09-20' });
		expect((await issueCampaign(db, leader, plan.id)).number).toBe('01');
		expect((await listRegister(db, leader, { orgId: admin.id, year: 2021 })).map((e) => e.reference)).toEqual(['01/KH-TCHCQT']);
	});
});
