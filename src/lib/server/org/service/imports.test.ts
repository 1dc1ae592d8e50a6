import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestDb } from '../../db/testing';
import { resetSettings } from '../../core/env';
import { listAuditEntries } from '../../audit/service';
import { systemActor } from '../../auth/actor';
import { seedDemoOrganisations } from '../../demo/org-2021';
import * as seed from '../seed';
import { confirmImport, createPerson, discardImport, getImport, listImports, listOrgTree, listPeople, previewImport } from '../service';

const db = await createTestDb();
const demo = await seedDemoOrganisations(db);
const office = demo.office;
const admin = await seed.createActor(db, { role: 'administrator', orgId: office.id }, { name: 'Quản trị Văn phòng' });
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));
const text = (s: string) => new TextEncoder().encode(s);

async function peopleCount(): Promise<number> {
	return (await listPeople(db, systemActor(), { unitId: demo.province.id })).total;
}

const byLine = (rows: Array<{ line: number; errors: string[] }>) => Object.fromEntries(rows.map((r) => [r.line, [...r.errors].sort()]));

afterEach(() => {
	delete process.env.IMPORT_MAX_BYTES;
	resetSettings();
});

describe('importing people', () => {
	it('previews the CSV staff list with every reason of every bad row, and writes no person', async () => {
		const before = await peopleCount();
		const batch = await previewImport(db, admin, { orgId: office.id, kind: 'people', fileName: 'people.csv', bytes: fixture('people.csv') });
		expect(batch).toMatchObject({ status: 'previewed', kind: 'people', fileName: 'people.csv', goodCount: 5, badCount: 7 });
		expect(byLine(batch.rows)).toEqual({
			4: [],
			5: [],
			6: [],
			7: [],
			8: [],
			9: ['org_import_missing_name'],
			10: ['org_import_bad_email', 'org_import_bad_phone'],
			11: ['org_import_unknown_unit'],
			12: ['org_import_unknown_category'],
			13: ['org_import_duplicate_in_file'],
			14: ['org_import_already_exists'],
			15: ['org_import_unknown_learner_group']
		});
		expect(batch.rows[0].values).toMatchObject({ fullName: 'Nguyễn Văn Quyết', unit: 'TH', phone: '0912 111 201' });
		expect(await peopleCount()).toBe(before);
	});

	it('writes exactly the good rows on confirmation, once, with an audit entry for each', async () => {
		const before = await peopleCount();
		const preview = await previewImport(db, admin, { orgId: office.id, kind: 'people', fileName: 'people.csv', bytes: fixture('people.csv') });
		const confirmed = await confirmImport(db, admin, preview.id);
		expect(confirmed).toMatchObject({ status: 'confirmed', result: { created: 5, skipped: [] } });
		expect(await peopleCount()).toBe(before + 5);

		const thu = (await listPeople(db, admin, { q: 'lo thi thu' })).items;
		expect(thu).toHaveLength(1);
		expect(thu[0]).toMatchObject({
			familyName: 'Lò',
			middleName: 'Thị',
			givenName: 'Thu',
			unitId: demo.units.KT.id,
			category: 'cong_chuc',
			email: 'thult@sonla.gov.vn',
			phone: '+84383222302',
			learnerGroups: ['can_bo_cong_chuc_vien_chuc', 'phu_nu', 'dan_toc_thieu_so']
		});
		const dợ = (await listPeople(db, admin, { q: 'giang thi do' })).items[0];
		expect(dợ).toMatchObject({ unitId: demo.units.NK.id, category: 'nguoi_lao_dong', email: null, phone: '+84978444504' });

		const again = await confirmImport(db, admin, preview.id);
		expect(again.result).toEqual(confirmed.result);
		expect(await peopleCount()).toBe(before + 5);

		const audit = await listAuditEntries(db, admin, { entity: 'import_batch', entityId: preview.id });
		expect(audit.map((e) => e.action)).toEqual(['confirm']);
		const created = await listAuditEntries(db, admin, { entity: 'person', entityId: thu[0].id });
		expect(created[0]).toMatchObject({ action: 'create', after: { importBatchId: preview.id } });
	});

	it('reads the XLSX staff list: separate name columns, numbers that lost their 0, hyperlinks and rich text', async () => {
		const before = await peopleCount();
		const batch = await previewImport(db, admin, { orgId: office.id, kind: 'people', fileName: 'danh-sach.xlsx', bytes: fixture('people.xlsx') });
		expect(byLine(batch.rows)).toEqual({
			4: [],
			5: [],
			6: [],
			7: [],
			9: ['org_import_missing_name'],
			10: ['org_import_bad_email', 'org_import_bad_phone', 'org_import_unknown_unit'],
			11: ['org_import_already_exists'],
			12: ['org_import_duplicate_in_file'],
			13: ['org_import_unknown_category', 'org_import_unknown_learner_group']
		});
		expect(await peopleCount()).toBe(before);
		const confirmed = await confirmImport(db, admin, batch.id);
		expect(confirmed.result).toEqual({ created: 4, skipped: [] });
		const [khoa] = (await listPeople(db, admin, { q: 'dinh van khoa' })).items;
		expect(khoa).toMatchObject({ email: 'khoadv@sonla.gov.vn', phone: '+84912123401', unitId: demo.units.KSTTHC.id, position: 'Phó Trưởng phòng' });
		const [oanh] = (await listPeople(db, admin, { q: 'oanh' })).items;
		expect(oanh).toMatchObject({ email: 'oanhntk@sonla.gov.vn', category: 'vien_chuc', unitId: demo.units.TTPVHCC.id });
	});

	it('checks the rows again at confirmation and skips those the database now refuses', async () => {
		const csv = ['Họ và tên,Đơn vị,Email', 'Lò Văn Pọm,TTTT,pomlv@sonla.gov.vn', 'Quàng Thị Ún,TTTT,unqt@sonla.gov.vn'].join('\n');
		const preview = await previewImport(db, admin, { orgId: office.id, kind: 'people', fileName: 'moi.csv', bytes: text(csv) });
		expect(preview.goodCount).toBe(2);
		await createPerson(db, admin, { unitId: demo.units.TTTT.id, familyName: 'Quàng', middleName: 'Thị', givenName: 'Ún', email: 'unqt@sonla.gov.vn' });
		const confirmed = await confirmImport(db, admin, preview.id);
		expect(confirmed.result).toEqual({ created: 1, skipped: [{ line: 3, errors: ['org_import_already_exists'] }] });
	});

	it('reads semicolon CSV without BOM, English headers and UTF-16 text', async () => {
		const csv = ['Family name;Middle name;Given name;Position;Category;Learner groups;Unit;E-mail;Phone', 'Sầm;Văn;Bun;Chuyên viên;Civil servant;Women, Teachers;tchcqt;bunsv@sonla.gov.vn;84 355 123 456'].join('\r\n');
		const batch = await previewImport(db, admin, { orgId: office.id, kind: 'people', fileName: 'en.csv', bytes: text(csv) });
		expect(batch.rows[0]).toMatchObject({ errors: [], values: { familyName: 'Sầm', givenName: 'Bun', unit: 'tchcqt' } });
		const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from('Họ và tên\tĐơn vị\nLò Văn Hặc\tNK\n', 'utf16le'))]);
		const b16 = await previewImport(db, admin, { orgId: office.id, kind: 'people', fileName: 'u16.txt', bytes: utf16 });
		expect(b16.rows).toEqual([{ line: 2, values: { fullName: 'Lò Văn Hặc', unit: 'NK' }, errors: [] }]);
	});

	it('takes people without a unit column into the organisation the import is for', async () => {
		const tttt = demo.units.TTTT;
		const batch = await previewImport(db, admin, { orgId: tttt.id, kind: 'people', fileName: 'tttt.csv', bytes: text('Họ và tên,Chức vụ\nTòng Văn Xôm,Chuyên viên\n') });
		await confirmImport(db, admin, batch.id);
		const [xom] = (await listPeople(db, admin, { q: 'tong van xom' })).items;
		expect(xom.unitId).toBe(tttt.id);
		// Units are looked up inside the import's organisation only.
		const outside = await previewImport(db, admin, { orgId: tttt.id, kind: 'people', fileName: 'x.csv', bytes: text('Họ và tên,Đơn vị\nTòng Văn Xôm,TH\n') });
		expect(outside.rows[0].errors).toEqual(['org_import_unknown_unit']);
	});

	it('refuses a file over IMPORT_MAX_BYTES before reading it', async () => {
		process.env.IMPORT_MAX_BYTES = '1000';
		resetSettings();
		await expect(previewImport(db, admin, { orgId: office.id, kind: 'people', fileName: 'big.bin', bytes: new Uint8Array(1001).fill(0) })).rejects.toMatchObject({ code: 'TOO_LARGE' });
	});

	it('refuses what is neither XLSX nor text, whatever its name', async () => {
		const pdf = new Uint8Array([...text('%PDF-1.7\n'), 0, 1, 2, 0xff, 0xfe, 0x00]);
		const legacyXls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
		const notAWorkbook = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]);
		for (const [name, bytes] of [
			['people.csv', pdf],
			['people.xls', legacyXls],
			['people.xlsx', notAWorkbook]
		] as const) {
			await expect(previewImport(db, admin, { orgId: office.id, kind: 'people', fileName: name, bytes }), name).rejects.toMatchObject({ code: 'UNSUPPORTED_TYPE' });
		}
	});

	it('refuses an empty file and one without a name column', async () => {
		await expect(previewImport(db, admin, { orgId: office.id, kind: 'people', fileName: 'empty.csv', bytes: new Uint8Array() })).rejects.toMatchObject({ code: 'VALIDATION', fields: { file: 'org_import_empty' } });
		await expect(previewImport(db, admin, { orgId: office.id, kind: 'people', fileName: 'h.csv', bytes: text('Họ và tên,Email\n') })).rejects.toMatchObject({ code: 'VALIDATION', fields: { file: 'org_import_empty' } });
		await expect(previewImport(db, admin, { orgId: office.id, kind: 'people', fileName: 'x.csv', bytes: text('Chức vụ,Email\nChuyên viên,a@b.vn\n') })).rejects.toMatchObject({
			code: 'VALIDATION',
			fields: { file: 'org_import_missing_columns' },
			detail: { missing: ['Tên / Họ và tên'] }
		});
	});

	it('keeps imports to administrators of the organisation', async () => {
		const preview = await previewImport(db, admin, { orgId: office.id, kind: 'people', fileName: 'p.csv', bytes: text('Họ và tên\nLò Văn Sáng\n') });
		const coordinator = await seed.createActor(db, { role: 'coordinator', orgId: office.id });
		const eduAdmin = await seed.createActor(db, { role: 'administrator', orgId: demo.supervisor.id });
		await expect(previewImport(db, coordinator, { orgId: office.id, kind: 'people', fileName: 'p.csv', bytes: text('Họ và tên\nA B\n') })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(previewImport(db, eduAdmin, { orgId: office.id, kind: 'people', fileName: 'p.csv', bytes: text('Họ và tên\nA B\n') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(confirmImport(db, coordinator, preview.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		for (const fn of [getImport, confirmImport, discardImport]) await expect(fn(db, eduAdmin, preview.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		expect((await listImports(db, eduAdmin)).map((b) => b.id)).not.toContain(preview.id);
		expect((await listImports(db, admin, { orgId: office.id })).map((b) => b.id)).toContain(preview.id);
		expect(await getImport(db, admin, preview.id)).toMatchObject({ id: preview.id, rows: [{ values: { fullName: 'Lò Văn Sáng' } }] });
	});

	it('discards a preview, forgets its rows, and refuses to confirm it afterwards', async () => {
		const before = await peopleCount();
		const preview = await previewImport(db, admin, { orgId: office.id, kind: 'people', fileName: 'p.csv', bytes: text('Họ và tên\nLò Văn Bỏ\n') });
		const discarded = await discardImport(db, admin, preview.id);
		expect(discarded).toMatchObject({ status: 'discarded', rows: [] });
		await expect(confirmImport(db, admin, preview.id)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
		expect(await peopleCount()).toBe(before);
		const other = await previewImport(db, admin, { orgId: office.id, kind: 'people', fileName: 'p.csv', bytes: text('Họ và tên\nLò Văn Giữ\n') });
		await confirmImport(db, admin, other.id);
		await expect(discardImport(db, admin, other.id)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
	});

	it('acts once when the same confirmation arrives twice at the same time', async () => {
		const before = await peopleCount();
		const preview = await previewImport(db, admin, { orgId: office.id, kind: 'people', fileName: 'p.csv', bytes: text('Họ và tên,Đơn vị\nLò Văn Một,TH\nLò Văn Hai,TH\n') });
		const [a, b] = await Promise.all([confirmImport(db, admin, preview.id), confirmImport(db, admin, preview.id)]);
		expect(a.result).toEqual({ created: 2, skipped: [] });
		expect(b.result).toEqual(a.result);
		expect(await peopleCount()).toBe(before + 2);
	});

	it('handles a list of a thousand people', async () => {
		const lines = ['Họ,Tên đệm,Tên,Đơn vị,Email,Điện thoại'];
		for (let i = 0; i < 1000; i++) lines.push(`Nguyễn,Văn,Số${i},KT,so${i}@vi-du.vn,0912${String(i).padStart(6, '0')}`);
		const batch = await previewImport(db, admin, { orgId: office.id, kind: 'people', fileName: 'lon.csv', bytes: text(lines.join('\n')) });
		expect(batch.goodCount).toBe(1000);
		const confirmed = await confirmImport(db, admin, batch.id);
		expect(confirmed.result?.created).toBe(1000);
	});

	it('re-imports its own XLSX export into another organisation', async () => {
		const { exportPeopleXlsx, exportUnitsXlsx } = await import('../export');
		const units = await exportUnitsXlsx(db, admin, { orgId: office.id });
		const people = await exportPeopleXlsx(db, admin, { orgId: office.id });
		const copy = await seed.createOrgNode(db, { kind: 'agency', name: 'Văn phòng (bản sao)', shortCode: 'VPCOPY' });
		const copyAdmin = await seed.createActor(db, { role: 'administrator', orgId: copy.id });
		const u = await previewImport(db, copyAdmin, { orgId: copy.id, kind: 'units', fileName: 'don-vi.xlsx', bytes: units });
		expect(u.badCount).toBe(0);
		await confirmImport(db, copyAdmin, u.id);
		const p = await previewImport(db, copyAdmin, { orgId: copy.id, kind: 'people', fileName: 'nhan-su.xlsx', bytes: people });
		expect(p.rows.filter((r) => r.errors.length)).toEqual([]);
		const confirmed = await confirmImport(db, copyAdmin, p.id);
		const all = async (actor: typeof admin, unitId: string) => {
			const out = [];
			for (let page = 1; ; page++) {
				const r = await listPeople(db, actor, { unitId, page });
				out.push(...r.items);
				if (page * r.pageSize >= r.total) return out;
			}
		};
		const original = await all(admin, office.id);
		expect(confirmed.result).toEqual({ created: original.length, skipped: [] });
		const copied = await all(copyAdmin, copy.id);
		const strip = (x: (typeof original)[number], root: string) =>
			[x.familyName, x.middleName, x.givenName, x.position, x.category, x.learnerGroups.join(','), x.email, x.phone, x.unitShortCode === root ? '' : x.unitShortCode].join('|');
		expect(copied.map((x) => strip(x, 'VPCOPY')).sort()).toEqual(original.map((x) => strip(x, 'VPUB')).sort());
	});
});

describe('importing units', () => {
	it('previews the semicolon CSV with every reason, then creates the good units, parents first', async () => {
		const before = (await listOrgTree(db, admin, { rootId: office.id })).length;
		const batch = await previewImport(db, admin, { orgId: office.id, kind: 'units', fileName: 'units.csv', bytes: fixture('units.csv') });
		expect(byLine(batch.rows)).toEqual({
			2: [],
			3: [],
			4: [],
			5: [],
			6: [],
			7: ['org_import_missing_unit_name'],
			8: ['org_import_missing_code'],
			9: ['org_import_already_exists'],
			10: ['org_import_unknown_kind'],
			11: ['org_import_unknown_unit'],
			12: ['org_import_duplicate_in_file'],
			13: ['org_import_parent_invalid'],
			14: ['org_import_bad_code', 'org_import_bad_email', 'org_import_bad_phone']
		});
		expect((await listOrgTree(db, admin, { rootId: office.id })).length).toBe(before);

		const confirmed = await confirmImport(db, admin, batch.id);
		expect(confirmed.result).toEqual({ created: 5, skipped: [] });
		const tree = await listOrgTree(db, admin, { rootId: office.id });
		expect(tree.length).toBe(before + 5);
		const cntt = tree.find((n) => n.shortCode === 'CNTT')!;
		const qtm = tree.find((n) => n.shortCode === 'QTM')!;
		expect(cntt).toMatchObject({ parentId: demo.units.TTTT.id, kind: 'department', email: 'cntt.vpub@sonla.gov.vn', phone: '+842123751667', path: `${demo.units.TTTT.path}${cntt.id}/` });
		expect(qtm).toMatchObject({ parentId: cntt.id, path: `${cntt.path}${qtm.id}/` });
		expect(tree.find((n) => n.shortCode === 'CTTĐT')).toMatchObject({ parentId: demo.units.TTTT.id });
		expect(tree.find((n) => n.shortCode === 'MC')).toMatchObject({ parentId: demo.units.TTPVHCC.id, kind: 'department' });
		expect((await confirmImport(db, admin, batch.id)).result).toEqual(confirmed.result);
		expect((await listOrgTree(db, admin, { rootId: office.id })).length).toBe(before + 5);
	});

	it('marks a loop of parents in the file as unknown units', async () => {
		const csv = ['Tên đơn vị,Mã,Đơn vị cấp trên', 'Tổ A,TA,TB', 'Tổ B,TB,TA', 'Tổ C,TC,'].join('\n');
		const batch = await previewImport(db, admin, { orgId: demo.units.NC.id, kind: 'units', fileName: 'loop.csv', bytes: text(csv) });
		expect(batch.rows.map((r) => r.errors.length > 0)).toEqual([true, true, false]);
	});

	it('refuses a units file without a code column', async () => {
		await expect(previewImport(db, admin, { orgId: office.id, kind: 'units', fileName: 'u.csv', bytes: text('Tên đơn vị,Địa chỉ\nTổ X,Sơn La\n') })).rejects.toMatchObject({
			code: 'VALIDATION',
			detail: { missing: ['Mã'] }
		});
	});
});

describe('the fixtures', () => {
	it('are a real XLSX workbook and a UTF-8 CSV with BOM, as the end-to-end story uploads them', async () => {
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(fixture('people.xlsx')) as unknown as ExcelJS.Buffer);
		expect(wb.worksheets[0].getRow(3).getCell(2).value).toBe('Họ');
		expect([...fixture('people.csv').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	});
});
