import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../db/testing';
import { anonymousActor, systemActor, type Actor, type Role } from '../../auth/actor';
import { createOrgNode } from '../../org/seed';
import type { OrgNodeRow } from '../../org/service';
import { REGISTER_FIELDS } from '../../../features/documents/register';
import { exportRegisterXlsx } from '../export';
import { cancelDocument, listRegister, listRegisterOrgs, listRegisterYears, openDocument } from '../service';
import { createDocument } from '../seed';

const db = await createTestDb();

async function node(name: string, shortCode: string, parent?: OrgNodeRow): Promise<OrgNodeRow> {
	return createOrgNode(db, { name, shortCode, kind: parent ? 'agency' : 'province', parentId: parent?.id ?? null });
}
const province = await node('UBND tỉnh Sơn La', 'UBND');
const office = await node('Văn phòng UBND tỉnh', 'VPUB', province);
const info = await node('Trung tâm Thông tin', 'TTTT', office);
const education = await node('Sở Giáo dục và Đào tạo', 'SGDĐT', province);
const elsewhere = await node('UBND tỉnh Lai Châu', 'UBNDLC');

const as = (role: Role, at: OrgNodeRow = office): Actor => ({ kind: 'user', userId: `u-${role}-${at.shortCode}`, email: `${role}@${at.shortCode.toLowerCase()}.vn`, grants: [{ role, orgId: at.id, orgPath: at.path }] });
const leader = as('unit_leader');

const plan = await createDocument(db, {
	orgId: office.id,
	actor: leader,
	type: 'KH',
	summary: 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021',
	documentDate: '14/09/2021',
	signerName: 'Lê Thị Hồng Anh',
	signerPosition: 'Phó Chánh Văn phòng',
	recipients: [{ label: 'Sở Giáo dục và Đào tạo (Báo cáo)', orgId: education.id }, { label: 'Trung tâm Thông tin', orgId: info.id }, 'LĐVP UBND tỉnh'],
	archive: 'Lưu: VT, TCHCQT.',
	note: 'Gửi kèm bản mềm'
});
const report = await createDocument(db, { orgId: office.id, actor: leader, type: 'BC', summary: 'Kết quả Tuần lễ học tập suốt đời', documentDate: '2021-10-12', copies: 5 });
const letter = await createDocument(db, { orgId: office.id, actor: leader, type: 'CV', unitCode: 'TCHCQT', summary: 'V/v đăng ký tham gia Tuần lễ', documentDate: '2021-09-20', number: '15' });
await createDocument(db, { orgId: office.id, actor: leader, summary: 'Kế hoạch năm sau', documentDate: '2022-01-05' });
await createDocument(db, { orgId: info.id, summary: 'Kế hoạch của Trung tâm', documentDate: '2021-09-16' });

describe('the outgoing register (sổ đăng ký văn bản đi)', () => {
	it('holds the ten fields of Decree 30/2020, Appendix IV for each document, in register order', async () => {
		await openDocument(db, as('staff', info), plan.id);
		const entries = await listRegister(db, leader, { orgId: office.id, year: 2021 });
		expect(entries.map((e) => e.reference)).toEqual(['01/KH-VPUB', '02/BC-VPUB', '15/VPUB-TCHCQT']);
		expect(entries[0]).toMatchObject({
			reference: '01/KH-VPUB',
			documentDate: '2021-09-14',
			typeName: 'Kế hoạch',
			summary: 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021',
			signerName: 'Lê Thị Hồng Anh',
			signerPosition: 'Phó Chánh Văn phòng',
			recipients: ['Sở Giáo dục và Đào tạo (Báo cáo)', 'Trung tâm Thông tin', 'LĐVP UBND tỉnh'],
			archive: 'VT, TCHCQT',
			// Three recipients and two archive copies (VT, TCHCQT).
			copies: 5,
			sentOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
			receipts: [
				{ orgName: 'Sở Giáo dục và Đào tạo', readAt: null },
				{ orgName: 'Trung tâm Thông tin', readAt: expect.any(Date), readByLabel: 'staff@tttt.vn' }
			],
			note: 'Gửi kèm bản mềm',
			status: 'issued',
			signed: null
		});
		expect(entries[1]).toMatchObject({ typeName: 'Báo cáo', copies: 5, archive: 'VT, TCHCQT', recipients: [] });
		expect(entries[2]).toMatchObject({ typeName: 'Công văn', numberEnteredByHand: true, number: 15 });
	});

	it('filters by type, by year and by words of any field, diacritics and case ignored', async () => {
		const refs = async (q: Partial<{ year: number; type: string; q: string }>) => (await listRegister(db, leader, { orgId: office.id, year: 2021, ...q } as never)).map((e) => e.reference);
		expect(await refs({ type: 'BC' })).toEqual(['02/BC-VPUB']);
		expect(await refs({ type: 'CV' })).toEqual(['15/VPUB-TCHCQT']);
		expect(await refs({ q: 'tuan le HOC TAP' })).toEqual(['01/KH-VPUB', '02/BC-VPUB']);
		expect(await refs({ q: 'so giao duc' })).toEqual(['01/KH-VPUB']);
		expect(await refs({ q: 'hong anh' })).toEqual(['01/KH-VPUB', '02/BC-VPUB', '15/VPUB-TCHCQT']);
		expect(await refs({ q: '15/vpub' })).toEqual(['15/VPUB-TCHCQT']);
		expect(await refs({ q: 'đăng ký tuần' })).toEqual(['15/VPUB-TCHCQT']);
		expect(await refs({ q: '100%_' })).toEqual([]);
		expect(await refs({ year: 2022 })).toEqual(['01/KH-VPUB']);
		expect(await listRegisterYears(db, leader, office.id)).toEqual([2022, 2021]);
		// The register is the organisation's own: a unit's documents are in the unit's register.
		expect((await listRegister(db, leader, { orgId: info.id, year: 2021 })).map((e) => e.reference)).toEqual(['01/KH-TTTT']);
	});

	it('keeps a cancelled document in the register with its number and the reason', async () => {
		const doc = await createDocument(db, { orgId: office.id, actor: leader, summary: 'Văn bản hủy', documentDate: '2021-11-01' });
		await cancelDocument(db, leader, doc.id, { reason: 'Sai nơi nhận' });
		const entry = (await listRegister(db, leader, { orgId: office.id, year: 2021, q: 'van ban huy' }))[0];
		expect(entry).toMatchObject({ reference: '03/KH-VPUB', status: 'cancelled', cancelReason: 'Sai nơi nhận' });
	});

	it('opens the register to the organisation’s back office and the supervisors above, and to no one else', async () => {
		for (const actor of [as('administrator'), as('coordinator'), leader, as('supervisor'), as('supervisor', province), as('coordinator', province), systemActor()]) {
			expect((await listRegister(db, actor, { orgId: office.id, year: 2021 })).length, actor.email).toBeGreaterThan(0);
		}
		for (const role of ['staff', 'reviewer', 'partner'] as const) {
			await expect(listRegister(db, as(role), { orgId: office.id, year: 2021 }), role).rejects.toMatchObject({ code: 'FORBIDDEN' });
			await expect(exportRegisterXlsx(db, as(role), { orgId: office.id, year: 2021 }), role).rejects.toMatchObject({ code: 'FORBIDDEN' });
		}
		// A unit below, another province, a visitor: the organisation is not theirs to see.
		for (const actor of [as('unit_leader', info), as('supervisor', elsewhere), anonymousActor]) {
			await expect(listRegister(db, actor, { orgId: office.id, year: 2021 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
		}
		expect((await listRegisterOrgs(db, as('coordinator'))).map((n) => n.shortCode)).toEqual(['VPUB', 'TTTT']);
		expect(await listRegisterOrgs(db, as('staff'))).toEqual([]);
	});

	it('refuses bad filters', async () => {
		await expect(listRegister(db, leader, { orgId: office.id, year: 'năm nay' as never })).rejects.toMatchObject({ code: 'VALIDATION', fields: { year: 'field_invalid' } });
		await expect(listRegister(db, leader, { orgId: office.id, year: 2021, type: 'XYZ' as never })).rejects.toMatchObject({ code: 'VALIDATION', fields: { type: 'field_invalid' } });
		await expect(listRegister(db, leader, { orgId: '', year: 2021 })).rejects.toMatchObject({ code: 'VALIDATION', fields: { orgId: 'field_required' } });
	});

	it('exports to XLSX with the title and the ten columns of Appendix IV, one row per document', async () => {
		const file = await exportRegisterXlsx(db, leader, { orgId: office.id, year: 2021, q: 'tuan le' });
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(file as unknown as ArrayBuffer);
		const sheet = workbook.worksheets[0];
		const text = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)));
		expect([text(1)[0], text(2)[0], text(3)[0]]).toEqual(['VĂN PHÒNG UBND TỈNH', 'SỔ ĐĂNG KÝ VĂN BẢN ĐI', 'Năm 2021']);
		expect(text(4)).toEqual([
			'Số, ký hiệu văn bản',
			'Ngày tháng văn bản',
			'Tên loại và trích yếu nội dung văn bản',
			'Người ký',
			'Nơi nhận văn bản',
			'Đơn vị, người nhận bản lưu',
			'Số lượng bản',
			'Ngày chuyển',
			'Ký nhận',
			'Ghi chú'
		]);
		expect(text(4)).toHaveLength(REGISTER_FIELDS.length);
		const first = text(5);
		expect(first.slice(0, 7)).toEqual([
			'01/KH-VPUB',
			'14/09/2021',
			'Kế hoạch: Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021',
			'Lê Thị Hồng Anh (Phó Chánh Văn phòng)',
			'Sở Giáo dục và Đào tạo (Báo cáo)\nTrung tâm Thông tin\nLĐVP UBND tỉnh',
			'VT, TCHCQT',
			'5'
		]);
		expect(first[7]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
		expect(first[8]).toMatch(/^Trung tâm Thông tin: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
		expect(first[9]).toBe('Gửi kèm bản mềm');
		expect([text(6)[0], text(7)[0]]).toEqual(['02/BC-VPUB', '15/VPUB-TCHCQT']);
		expect(text(7)[9]).toBe('Số nhập tay');
		expect(sheet.rowCount).toBe(7);
		expect(report.number).toBe(2);
		expect(letter.numberEnteredByHand).toBe(true);
	});
});
