import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../db/testing';
import { listAuditEntries } from '../../audit/service';
import type { Actor } from '../../auth/actor';
import * as seed from '../seed';
import { createPerson, deletePerson, findPersonByUserId, getPerson, linkPersonToUser, listPeople, updatePerson } from '../service';

const db = await createTestDb();

// Two organisations: the Office (with two departments) and another province's office.
const office = await seed.createOrgNode(db, { kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const th = await seed.createOrgNode(db, { parentId: office.id, name: 'Phòng Tổng hợp', shortCode: 'TH' });
const kt = await seed.createOrgNode(db, { parentId: office.id, name: 'Phòng Kinh tế', shortCode: 'KT' });
const otherOrg = await seed.createOrgNode(db, { kind: 'agency', name: 'Văn phòng UBND tỉnh Điện Biên', shortCode: 'VPDB' });
const admin = await seed.createActor(db, { role: 'administrator', orgId: office.id });
const otherAdmin = await seed.createActor(db, { role: 'administrator', orgId: otherOrg.id });

const base = { familyName: 'Nguyễn', middleName: 'Văn', givenName: 'An', category: 'cong_chuc' as const };

describe('people', () => {
	it('records a person with the phone in E.164 and the e-mail in lower case', async () => {
		const p = await createPerson(db, admin, { ...base, unitId: th.id, email: ' An.NV@SonLa.gov.vn ', phone: '0912 345 678', position: 'Chuyên viên', learnerGroups: ['phu_nu', 'phu_nu', 'giao_vien'] });
		expect(p).toMatchObject({ email: 'an.nv@sonla.gov.vn', phone: '+84912345678', position: 'Chuyên viên', learnerGroups: ['phu_nu', 'giao_vien'] });
		const audit = await listAuditEntries(db, admin, { entity: 'person', entityId: p.id });
		expect(audit[0]).toMatchObject({ action: 'create', after: { email: 'an.nv@sonla.gov.vn' } });
	});

	it('names each bad field: missing name, bad phone, bad e-mail, unknown category and learner group', async () => {
		const err = await createPerson(db, admin, { unitId: th.id, familyName: '', givenName: '', email: 'an@', phone: '+1 555 0100', category: 'boss' as never, learnerGroups: ['robots' as never] }).catch((e) => e);
		expect(err).toMatchObject({
			code: 'VALIDATION',
			fields: { familyName: 'field_required', givenName: 'field_required', email: 'field_invalid_email', phone: 'field_invalid_phone', category: 'field_invalid', 'learnerGroups.0': 'field_invalid' }
		});
	});

	it('refuses an e-mail another person of the same organisation has, even in another unit', async () => {
		await createPerson(db, admin, { ...base, unitId: th.id, email: 'trung@sonla.gov.vn' });
		await expect(createPerson(db, admin, { ...base, givenName: 'Bình', unitId: kt.id, email: 'TRUNG@sonla.gov.vn' })).rejects.toMatchObject({ code: 'CONFLICT', fields: { email: 'field_taken' } });
		// Another organisation may hold the same address.
		await expect(createPerson(db, otherAdmin, { ...base, unitId: otherOrg.id, email: 'trung@sonla.gov.vn' })).resolves.toBeTruthy();
	});

	it('lets only administrators write, and coordinators, leaders and supervisors read', async () => {
		const p = await createPerson(db, admin, { ...base, unitId: kt.id });
		for (const role of ['coordinator', 'unit_leader', 'supervisor'] as const) {
			const reader = await seed.createActor(db, { role, orgId: office.id });
			await expect(getPerson(db, reader, p.id)).resolves.toMatchObject({ id: p.id, unitName: 'Phòng Kinh tế' });
			await expect(updatePerson(db, reader, p.id, { position: 'Trưởng phòng' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
			await expect(deletePerson(db, reader, p.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
			await expect(createPerson(db, reader, { ...base, unitId: kt.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		}
		for (const role of ['staff', 'reviewer', 'partner'] as const) {
			const outsider = await seed.createActor(db, { role, orgId: office.id });
			await expect(getPerson(db, outsider, p.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
			await expect(listPeople(db, outsider)).rejects.toMatchObject({ code: 'FORBIDDEN' });
			await expect(createPerson(db, outsider, { ...base, unitId: kt.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		}
	});

	it('keeps one organisation’s administrator away from another organisation’s people', async () => {
		const mine = await createPerson(db, admin, { ...base, givenName: 'Bảo', unitId: th.id });
		const theirs = await createPerson(db, otherAdmin, { ...base, givenName: 'Cường', unitId: otherOrg.id });
		await expect(getPerson(db, admin, theirs.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(updatePerson(db, admin, theirs.id, { givenName: 'Đổi' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(deletePerson(db, admin, theirs.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(listPeople(db, admin, { unitId: otherOrg.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
		// Nor may they move their own person into the other organisation, or add one there.
		await expect(updatePerson(db, admin, mine.id, { unitId: otherOrg.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(createPerson(db, admin, { ...base, unitId: otherOrg.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
		const listed = await listPeople(db, admin, { q: 'Cường' });
		expect(listed.total).toBe(0);
		expect((await getPerson(db, otherAdmin, theirs.id)).givenName).toBe('Cường');
	});

	it('moves a person to another unit and keeps before and after in the audit log', async () => {
		const p = await createPerson(db, admin, { ...base, givenName: 'Dương', unitId: th.id, phone: '0912000111' });
		const moved = await updatePerson(db, admin, p.id, { unitId: kt.id, phone: '', position: 'Phó Trưởng phòng' });
		expect(moved).toMatchObject({ unitId: kt.id, phone: null, position: 'Phó Trưởng phòng', givenName: 'Dương' });
		const audit = await listAuditEntries(db, admin, { entity: 'person', entityId: p.id, action: 'update' });
		expect(audit[0]).toMatchObject({ before: { unitId: th.id, phone: '+84912000111' }, after: { unitId: kt.id, phone: null } });
		await deletePerson(db, admin, p.id);
		await expect(getPerson(db, admin, p.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it('sorts by tên, then tên đệm, then họ, in Vietnamese order, and pages', async () => {
		const unit = await seed.createOrgNode(db, { parentId: office.id, name: 'Phòng Nội chính', shortCode: 'NC' });
		const names: Array<[string, string, string]> = [
			['Lê', 'Văn', 'Đạt'],
			['Nguyễn', 'Thị', 'Anh'],
			['Lò', 'Văn', 'Dũng'],
			['Trần', 'Thị', 'Ánh'],
			['Cầm', 'Thị', 'Ánh'],
			['Hà', 'Thị Thu', 'Hà'],
			['Đỗ', 'Văn', 'Hải'],
			['Bùi', 'Văn', 'Ba']
		];
		for (const [familyName, middleName, givenName] of names) await createPerson(db, admin, { unitId: unit.id, familyName, middleName, givenName });
		const page = await listPeople(db, admin, { unitId: unit.id });
		expect(page.items.map((p) => `${p.familyName} ${p.middleName} ${p.givenName}`)).toEqual([
			'Nguyễn Thị Anh',
			'Cầm Thị Ánh',
			'Trần Thị Ánh',
			'Bùi Văn Ba',
			'Lò Văn Dũng',
			'Lê Văn Đạt',
			'Hà Thị Thu Hà',
			'Đỗ Văn Hải'
		]);
		expect(page).toMatchObject({ total: 8, page: 1, pageSize: 50 });
		expect((await listPeople(db, admin, { unitId: unit.id, page: 2 })).items).toEqual([]);
	});

	it('finds people without diacritics by name, e-mail, phone or position', async () => {
		const unit = await seed.createOrgNode(db, { parentId: office.id, name: 'Ban Tiếp công dân', shortCode: 'BTCD' });
		const p = await createPerson(db, admin, { unitId: unit.id, familyName: 'Quàng', middleName: 'Thị', givenName: 'Đào', position: 'Trưởng ban', email: 'daoqt@sonla.gov.vn', phone: '+84 983 215 602' });
		for (const q of ['quang thi dao', 'DAO', 'truong ban', 'daoqt@', '0983 215', '0983215602', '+8498321']) {
			const found = await listPeople(db, admin, { q });
			expect(found.items.map((x) => x.id), q).toContain(p.id);
		}
		expect((await listPeople(db, admin, { q: 'quang van dao' })).items.map((x) => x.id)).not.toContain(p.id);
	});

	it('lists a unit with its sub-units, only for units the actor reads', async () => {
		const team = await seed.createOrgNode(db, { parentId: th.id, name: 'Tổ Thư ký', shortCode: 'TK' });
		const p = await createPerson(db, admin, { ...base, givenName: 'Giang', unitId: team.id });
		expect((await listPeople(db, admin, { unitId: th.id })).items.map((x) => x.id)).toContain(p.id);
		expect((await listPeople(db, admin, { unitId: kt.id })).items.map((x) => x.id)).not.toContain(p.id);
		const staffOfTh: Actor = await seed.createActor(db, { role: 'staff', orgId: th.id });
		await expect(listPeople(db, staffOfTh, { unitId: th.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		const leaderOfKt = await seed.createActor(db, { role: 'unit_leader', orgId: kt.id });
		await expect(listPeople(db, leaderOfKt, { unitId: th.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
		expect((await listPeople(db, leaderOfKt)).items.every((x) => x.unitId === kt.id)).toBe(true);
	});

	it('links a person to an account and finds them by it', async () => {
		const p = await createPerson(db, admin, { ...base, givenName: 'Hạnh', unitId: th.id });
		const user = await seed.createUser(db, { name: 'Hạnh' });
		await expect(linkPersonToUser(db, otherAdmin, { personId: p.id, userId: user.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(linkPersonToUser(db, admin, { personId: p.id, userId: 'no-such-user' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { userId: 'field_invalid' } });
		await linkPersonToUser(db, admin, { personId: p.id, userId: user.id });
		expect(await findPersonByUserId(db, user.id)).toMatchObject({ id: p.id, unitName: 'Phòng Tổng hợp' });
		await linkPersonToUser(db, admin, { personId: p.id, userId: null });
		expect(await findPersonByUserId(db, user.id)).toBeUndefined();
	});
});
