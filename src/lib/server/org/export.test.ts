import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestDb } from '../db/testing';
import * as seed from './seed';
import { countOrgUnitsBelow, countPeopleByCategory, countPeopleByLearnerGroup, countPeopleByOrgUnit, exportPeopleXlsx, exportUnitsXlsx, listOrgUnitsUnder } from './export';

const db = await createTestDb();

const office = await seed.createOrgNode(db, { kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const th = await seed.createOrgNode(db, { parentId: office.id, name: 'Phòng Tổng hợp', shortCode: 'TH', phone: '0212 3852 187' });
const team = await seed.createOrgNode(db, { parentId: th.id, name: 'Tổ Thư ký', shortCode: 'TK', kind: 'other' });
const tttt = await seed.createOrgNode(db, { parentId: office.id, name: 'Trung tâm Thông tin', shortCode: 'TTTT' });
// The same code under another parent: the export names that unit by its name instead.
await seed.createOrgNode(db, { parentId: tttt.id, name: 'Tổ Thư ký Trung tâm', shortCode: 'TK' });
await seed.createPerson(db, { unitId: th.id, familyName: 'Lò', middleName: 'Văn', givenName: 'Đạt', position: 'Chuyên viên', learnerGroups: ['can_bo_cong_chuc_vien_chuc', 'dan_toc_thieu_so'], email: 'datlv@sonla.gov.vn', phone: '0912345678' });
await seed.createPerson(db, { unitId: office.id, familyName: 'Lê', middleName: 'Thị Hồng', givenName: 'Anh', position: 'Phó Chánh Văn phòng', category: 'cong_chuc' });
await seed.createPerson(db, { unitId: team.id, familyName: 'Cầm', middleName: 'Văn', givenName: 'Chung', category: 'nguoi_lao_dong' });
const other = await seed.createOrgNode(db, { name: 'Cơ quan khác', shortCode: 'KHAC' });
await seed.createPerson(db, { unitId: other.id, familyName: 'Người', middleName: 'Ngoài', givenName: 'Ấy' });

async function read(buffer: Buffer): Promise<string[][]> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
	const rows: string[][] = [];
	wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
	return rows;
}

describe('exports', () => {
	it('writes the people of a node and its units in Vietnamese order, with the import’s headers and labels', async () => {
		const admin = await seed.createActor(db, { role: 'administrator', orgId: office.id });
		const rows = await read(await exportPeopleXlsx(db, admin, { orgId: office.id }));
		expect(rows[0]).toEqual(['STT', 'Họ', 'Tên đệm', 'Tên', 'Chức vụ', 'Loại', 'Nhóm người học', 'Đơn vị', 'Email', 'Điện thoại']);
		expect(rows.slice(1)).toEqual([
			['1', 'Lê', 'Thị Hồng', 'Anh', 'Phó Chánh Văn phòng', 'Công chức', '', '', '', ''],
			['2', 'Cầm', 'Văn', 'Chung', '', 'Người lao động', '', 'Tổ Thư ký', '', ''],
			['3', 'Lò', 'Văn', 'Đạt', 'Chuyên viên', 'Công chức', 'Cán bộ, công chức, viên chức; Đồng bào dân tộc thiểu số', 'TH', 'datlv@sonla.gov.vn', '0912 345 678']
		]);
	});

	it('writes the units below a node, parents first, naming each parent', async () => {
		const leader = await seed.createActor(db, { role: 'unit_leader', orgId: office.id });
		const rows = await read(await exportUnitsXlsx(db, leader, { orgId: office.id }));
		expect(rows[0]).toEqual(['STT', 'Tên đơn vị', 'Mã', 'Loại', 'Đơn vị cấp trên', 'Địa chỉ', 'Email', 'Điện thoại', 'Website']);
		expect(rows.slice(1).map((r) => [r[1], r[2], r[3], r[4], r[7]])).toEqual([
			['Phòng Tổng hợp', 'TH', 'Phòng, ban, đơn vị', '', '02123852187'],
			['Tổ Thư ký', 'TK', 'Khác', 'TH', ''],
			['Trung tâm Thông tin', 'TTTT', 'Phòng, ban, đơn vị', '', ''],
			['Tổ Thư ký Trung tâm', 'TK', 'Phòng, ban, đơn vị', 'TTTT', '']
		]);
	});

	it('refuses people to staff and both lists to other organisations', async () => {
		const staff = await seed.createActor(db, { role: 'staff', orgId: office.id });
		const otherAdmin = await seed.createActor(db, { role: 'administrator', orgId: other.id });
		await expect(exportPeopleXlsx(db, staff, { orgId: office.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(exportPeopleXlsx(db, otherAdmin, { orgId: office.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(exportUnitsXlsx(db, otherAdmin, { orgId: office.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});
});

describe('report figures', () => {
	it('counts the units below a node, not the node itself nor other organisations', async () => {
		expect(await countOrgUnitsBelow(db, office.path)).toBe(4);
		expect(await countOrgUnitsBelow(db, th.path)).toBe(1);
		expect(await countOrgUnitsBelow(db, team.path)).toBe(0);
	});

	it('does not count a partner’s own node (a business or a newspaper under the agency) as a unit', async () => {
		const agency = await seed.createOrgNode(db, { kind: 'agency', name: 'Sở Thông tin', shortCode: 'STT' });
		await seed.createOrgNode(db, { parentId: agency.id, name: 'Phòng Bưu chính', shortCode: 'BC' });
		await seed.createOrgNode(db, { parentId: agency.id, name: 'Viettel Sơn La', shortCode: 'DT-VSL', kind: 'enterprise' });
		await seed.createOrgNode(db, { parentId: agency.id, name: 'Báo Sơn La', shortCode: 'DT-BSL', kind: 'media' });
		expect(await countOrgUnitsBelow(db, agency.path)).toBe(1);
	});

	it('lists the node and its units with their names, paths and order', async () => {
		const units = await listOrgUnitsUnder(db, th.path);
		expect(units.sort((a, b) => a.path.length - b.path.length)).toEqual([
			{ id: th.id, name: 'Phòng Tổng hợp', path: th.path, sortOrder: th.sortOrder },
			{ id: team.id, name: 'Tổ Thư ký', path: team.path, sortOrder: team.sortOrder }
		]);
	});

	it('counts the people of each unit of the subtree, leaving out units without any', async () => {
		const rows = await countPeopleByOrgUnit(db, office.path);
		expect(rows.map((r) => [r.name, r.count]).sort()).toEqual([
			['Phòng Tổng hợp', 1],
			['Tổ Thư ký', 1],
			['Văn phòng UBND tỉnh', 1]
		]);
		expect(await countPeopleByOrgUnit(db, tttt.path)).toEqual([]);
	});

	it('counts the people of the subtree by learner group and by category', async () => {
		expect(await countPeopleByLearnerGroup(db, office.path)).toEqual(
			new Map([
				['can_bo_cong_chuc_vien_chuc', 1],
				['dan_toc_thieu_so', 1]
			])
		);
		expect(await countPeopleByCategory(db, office.path)).toEqual(
			new Map([
				['cong_chuc', 2],
				['nguoi_lao_dong', 1]
			])
		);
		expect(await countPeopleByCategory(db, team.path)).toEqual(new Map([['nguoi_lao_dong', 1]]));
		expect(await countPeopleByLearnerGroup(db, team.path)).toEqual(new Map());
	});
});
