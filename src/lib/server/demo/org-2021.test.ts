import { describe, expect, it } from 'vitest';
import { createTestDb } from '../db/testing';
import { systemActor } from '../auth/actor';
import { comparePersonNames, fullName } from '$lib/vn/names';
import { listOrgTree, listPeople } from '../org/service';
import { seedDemoOrganisations } from './org-2021';

const db = await createTestDb();

describe('the 2021 demo organisations', () => {
	it('builds the province, the Office with its departments, and the Department of Education', async () => {
		const demo = await seedDemoOrganisations(db);
		expect(demo.created).toBe(true);
		const tree = await listOrgTree(db, systemActor(), { rootId: demo.province.id });
		expect(tree.map((n) => `${'  '.repeat(n.depth)}${n.shortCode}`)).toEqual([
			'UBND',
			'  VPUB',
			'    TCHCQT',
			'    TH',
			'    KT',
			'    KGVX',
			'    NC',
			'    KSTTHC',
			'    BTCD',
			'    TTTT',
			'    TTPVHCC',
			'    NK',
			'  SGDDT'
		]);
		expect(demo.supervisor).toMatchObject({ shortCode: 'SGDDT', name: 'Sở Giáo dục và Đào tạo', kind: 'agency', parentId: demo.province.id });
		expect(demo.office).toMatchObject({ name: 'Văn phòng UBND tỉnh', address: 'Số 1, đường Tô Hiệu, phường Tô Hiệu, tỉnh Sơn La' });
		expect(demo.units.TCHCQT.name).toBe('Phòng Tổ chức – Hành chính – Quản trị');
	});

	it('records about thirty people, the plan’s signer among them, sorted in Vietnamese order', async () => {
		const demo = await seedDemoOrganisations(db);
		expect(demo.people.length).toBeGreaterThanOrEqual(30);
		const signer = demo.people.find((p) => fullName(p) === 'Lê Thị Hồng Anh');
		expect(signer).toMatchObject({ position: 'Phó Chánh Văn phòng', unitId: demo.office.id, email: 'anhlth@sonla.gov.vn', category: 'cong_chuc' });
		expect(demo.people.every((p) => p.email?.endsWith('@sonla.gov.vn') && p.phone?.startsWith('+84'))).toBe(true);
		expect(new Set(demo.people.map((p) => p.email)).size).toBe(demo.people.length);
		expect(demo.people.some((p) => p.familyName === 'Giàng') && demo.people.some((p) => p.familyName === 'Lò')).toBe(true);

		const names = demo.people.map((p) => p.givenName);
		expect([...demo.people].sort(comparePersonNames).map((p) => p.id)).toEqual(demo.people.map((p) => p.id));
		// Đ sorts after D and before E in Vietnamese, not after Z as code points would have it.
		expect(names.indexOf('Dũng')).toBeLessThan(names.indexOf('Đạt'));
		expect(names.indexOf('Đạt')).toBeLessThan(names.indexOf('Hà'));
		expect(names[0]).toBe('Anh');
		const list = await listPeople(db, systemActor(), { unitId: demo.province.id });
		expect(list.items.map((p) => p.id)).toEqual(demo.people.map((p) => p.id));
	});

	it('returns what is there when run again, creating nothing', async () => {
		const again = await seedDemoOrganisations(db);
		expect(again.created).toBe(false);
		expect(Object.keys(again.units).sort()).toEqual(['BTCD', 'KGVX', 'KSTTHC', 'KT', 'NC', 'NK', 'SGDDT', 'TCHCQT', 'TH', 'TTPVHCC', 'TTTT', 'UBND', 'VPUB']);
		expect(again.people.length).toBe(31);
	});
});
