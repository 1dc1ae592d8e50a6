import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../db/testing';
import { systemActor } from '../../auth/actor';
import * as seed from '../seed';
import { linkPersonToUser, listUnitLeaderContacts } from '../service';

const db = await createTestDb();

const province = await seed.createOrgNode(db, { kind: 'province', name: 'UBND tỉnh Sơn La', shortCode: 'UBND' });
const office = await seed.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const tttt = await seed.createOrgNode(db, { parentId: office.id, name: 'Trung tâm Thông tin', shortCode: 'TTTT' });
const th = await seed.createOrgNode(db, { parentId: office.id, name: 'Phòng Tổng hợp', shortCode: 'TH' });
const provinceLeader = await seed.createUser(db, { name: 'Lãnh đạo tỉnh', email: 'lanhdao.tinh@sonla.gov.vn' });
await seed.createGrant(db, { role: 'unit_leader', orgId: province.id, userId: provinceLeader.id });
const officeLeader = await seed.createUser(db, { name: 'Lê Thị Hồng Anh', email: 'lanhdao@demo.learnweek.vn' });
await seed.createGrant(db, { role: 'unit_leader', orgId: office.id, userId: officeLeader.id });
const anhPerson = await seed.createPerson(db, { unitId: office.id, familyName: 'Lê', middleName: 'Thị Hồng', givenName: 'Anh', email: 'anhlth@sonla.gov.vn' });
await linkPersonToUser(db, systemActor(), { personId: anhPerson.id, userId: officeLeader.id });
const ttttLeader = await seed.createUser(db, { name: 'Ngô Xuân Trường', email: 'truongnx@sonla.gov.vn' });
await seed.createGrant(db, { role: 'unit_leader', orgId: tttt.id, userId: ttttLeader.id });
// A staff account on TTTT is no leader.
await seed.createGrant(db, { role: 'staff', orgId: tttt.id });

describe('unit leader contacts', () => {
	it('lists the leaders granted on the unit itself', async () => {
		expect(await listUnitLeaderContacts(db, tttt)).toEqual([{ userId: ttttLeader.id, name: 'Ngô Xuân Trường', email: 'truongnx@sonla.gov.vn', personEmail: null, orgId: tttt.id }]);
	});

	it('falls back to the nearest node above with leaders, with the work e-mail of the linked person', async () => {
		expect(await listUnitLeaderContacts(db, th, { upToPath: office.path })).toEqual([
			{ userId: officeLeader.id, name: 'Lê Thị Hồng Anh', email: 'lanhdao@demo.learnweek.vn', personEmail: 'anhlth@sonla.gov.vn', orgId: office.id }
		]);
	});

	it('goes no higher than the given node', async () => {
		const empty = await seed.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Sở Giáo dục và Đào tạo', shortCode: 'SGDDT' });
		const child = await seed.createOrgNode(db, { parentId: empty.id, name: 'Phòng GDTX', shortCode: 'GDTX' });
		expect(await listUnitLeaderContacts(db, child, { upToPath: empty.path })).toEqual([]);
		expect((await listUnitLeaderContacts(db, child)).map((c) => c.email)).toEqual(['lanhdao.tinh@sonla.gov.vn']);
	});
});
