import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../db/testing';
import { freezeClock } from '../core/clock';
import { anonymousActor, systemActor } from '../auth/actor';
import { listAuditEntries } from '../audit/service';
import * as org from '../org/seed';
import {
	createAdminUnit,
	declareDistancing,
	distancingAt,
	getAdminUnit,
	isUnderDistancing,
	liftDistancing,
	listAdminUnitAncestry,
	listAdminUnits,
	listDistancingOrders,
	listDistancingOrgChoices,
	updateAdminUnit
} from './service';
import * as seed from './seed';

const db = await createTestDb();
afterEach(() => freezeClock());

const province = await org.createOrgNode(db, { kind: 'province', name: 'UBND tỉnh Sơn La', shortCode: 'UBND' });
const office = await org.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const tttt = await org.createOrgNode(db, { parentId: office.id, name: 'Trung tâm Thông tin', shortCode: 'TTTT' });
const education = await org.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Sở Giáo dục và Đào tạo', shortCode: 'SGDDT' });

const admin = await org.createActor(db, { role: 'administrator', orgId: province.id }, { email: 'quantri@sonla.gov.vn' });
const coordinator = await org.createActor(db, { role: 'coordinator', orgId: office.id }, { email: 'dieuphoi@sonla.gov.vn' });
const twoHats = await org.createActor(db, [
	{ role: 'staff', orgId: education.id },
	{ role: 'coordinator', orgId: tttt.id },
	{ role: 'administrator', orgId: education.id }
]);
const staff = await org.createActor(db, { role: 'staff', orgId: office.id });
const supervisor = await org.createActor(db, { role: 'supervisor', orgId: province.id });

const sonLa = await createAdminUnit(db, admin, { code: '14', name: 'Tỉnh Sơn La', kind: 'tinh' });
const toHieu = await createAdminUnit(db, admin, { code: '03646', name: 'Phường Tô Hiệu', kind: 'phuong', parentCode: '14', validFrom: '2025-07-01' });
const chiengAn = await seed.createAdminUnit(db, { code: '03664', name: 'Phường Chiềng An', parentCode: '14' });
const muongBu = await seed.createAdminUnit(db, { code: '03826', name: 'Xã Mường Bú', kind: 'xa', parentCode: '14' });
const dienBien = await seed.createAdminUnit(db, { code: '11', name: 'Tỉnh Điện Biên' });
const muongThanh = await seed.createAdminUnit(db, { code: '03127', name: 'Phường Mường Thanh', parentCode: '11' });

describe('administrative units', () => {
	it('records a unit with its folded name for search, and writes the audit entry', async () => {
		expect(toHieu).toMatchObject({ code: '03646', name: 'Phường Tô Hiệu', kind: 'phuong', parentCode: '14', validFrom: '2025-07-01', searchText: 'phuong to hieu' });
		const audit = await listAuditEntries(db, systemActor(), { entity: 'admin_unit', entityId: '03646' });
		expect(audit[0]).toMatchObject({ action: 'create', actorLabel: 'quantri@sonla.gov.vn', after: { code: '03646', parentCode: '14' } });
	});

	it('finds units ignoring diacritics and case, or by the start of their code, in Vietnamese order of name', async () => {
		expect((await listAdminUnits(db, { q: 'chieng an' })).map((u) => u.code)).toEqual(['03664']);
		expect((await listAdminUnits(db, { q: 'MƯỜNG' })).map((u) => u.name)).toEqual(['Phường Mường Thanh', 'Xã Mường Bú']);
		expect((await listAdminUnits(db, { q: '036' })).map((u) => u.code)).toEqual(['03664', '03646']);
		// "%" is a character to find, not a wildcard.
		expect(await listAdminUnits(db, { q: '%' })).toEqual([]);
		expect((await listAdminUnits(db, { parentCode: '14' })).map((u) => u.name)).toEqual(['Phường Chiềng An', 'Phường Tô Hiệu', 'Xã Mường Bú']);
		expect((await listAdminUnits(db)).length).toBeGreaterThanOrEqual(6);
	});

	it('reads one unit and its chain up to the province, and answers NOT_FOUND for an unknown code', async () => {
		expect(await getAdminUnit(db, '03646')).toMatchObject({ name: 'Phường Tô Hiệu' });
		expect((await listAdminUnitAncestry(db, '03646')).map((u) => u.code)).toEqual(['03646', '14']);
		expect(await listAdminUnitAncestry(db, '00000')).toEqual([]);
		await expect(getAdminUnit(db, '00000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it('refuses everyone but administrators, and stores nothing', async () => {
		const input = { code: '03670', name: 'Phường Chiềng Cơi', kind: 'phuong', parentCode: '14' };
		for (const actor of [coordinator, staff, supervisor]) await expect(createAdminUnit(db, actor, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(createAdminUnit(db, anonymousActor, input)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		await expect(updateAdminUnit(db, staff, '03646', { name: 'Đổi tên', kind: 'phuong', parentCode: '14' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(getAdminUnit(db, '03670')).rejects.toMatchObject({ code: 'NOT_FOUND' });
		// An administrator of any node keeps the list.
		await expect(createAdminUnit(db, twoHats, input)).resolves.toMatchObject({ code: '03670' });
	});

	it('refuses bad input with each field named', async () => {
		await expect(createAdminUnit(db, admin, { code: '123', name: '  ', kind: 'xa', parentCode: '14' })).rejects.toMatchObject({
			code: 'VALIDATION',
			fields: { code: 'localities_code_digits_5', name: 'field_required' }
		});
		await expect(createAdminUnit(db, admin, { code: '0A', name: 'Tỉnh X', kind: 'tinh' })).rejects.toMatchObject({ fields: { code: 'localities_code_digits_2' } });
		await expect(createAdminUnit(db, admin, { code: '12', name: 'Tỉnh X', kind: 'tinh_thanh' })).rejects.toMatchObject({ fields: { kind: 'field_invalid' } });
		await expect(createAdminUnit(db, admin, { code: '12', name: 'Tỉnh Lai Châu', kind: 'tinh', parentCode: '14' })).rejects.toMatchObject({ fields: { parentCode: 'localities_parent_not_allowed' } });
		await expect(createAdminUnit(db, admin, { code: '03999', name: 'Xã Mồ Côi', kind: 'xa' })).rejects.toMatchObject({ fields: { parentCode: 'field_required' } });
		await expect(createAdminUnit(db, admin, { code: '03999', name: 'Xã Lạc', kind: 'xa', parentCode: '99' })).rejects.toMatchObject({ fields: { parentCode: 'localities_parent_unknown' } });
		await expect(createAdminUnit(db, admin, { code: '03999', name: 'Xã Lạc', kind: 'xa', parentCode: '03646' })).rejects.toMatchObject({ fields: { parentCode: 'localities_parent_level' } });
		await expect(createAdminUnit(db, admin, { code: '03999', name: 'Xã Lạc', kind: 'xa', parentCode: '14', validFrom: '2025-07-01', validTo: '2025-06-30' })).rejects.toMatchObject({
			fields: { validTo: 'localities_ends_before_starts' }
		});
		await expect(createAdminUnit(db, admin, { code: '03646', name: 'Phường Khác', kind: 'phuong', parentCode: '14' })).rejects.toMatchObject({ code: 'CONFLICT', fields: { code: 'localities_code_taken' } });
		expect(await listAdminUnits(db, { q: 'lac' })).toEqual([]);
	});

	it('keeps the pre-2025 district tier with its 3-digit codes for historical data', async () => {
		const district = await createAdminUnit(db, admin, { code: '116', name: 'Thành phố Sơn La', kind: 'thanh_pho', parentCode: '14', validTo: '2025-06-30' });
		const ward = await createAdminUnit(db, admin, { code: '03649', name: 'Phường Chiềng Lề', kind: 'phuong', parentCode: district.code, validTo: '2025-06-30' });
		expect((await listAdminUnitAncestry(db, ward.code)).map((u) => u.code)).toEqual(['03649', '116', '14']);
		await expect(createAdminUnit(db, admin, { code: '1160', name: 'Huyện X', kind: 'huyen', parentCode: '14' })).rejects.toMatchObject({ fields: { code: 'localities_code_digits_3' } });
	});

	it('renames a unit (search follows), keeps its code, and logs before and after', async () => {
		const unit = await seed.createAdminUnit(db, { parentCode: '14', name: 'Phường Cũ' });
		const renamed = await updateAdminUnit(db, admin, unit.code, { code: '00001', name: 'Phường Mới Đổi', kind: 'phuong', parentCode: '14' });
		expect(renamed).toMatchObject({ code: unit.code, name: 'Phường Mới Đổi', searchText: 'phuong moi doi' });
		expect((await listAdminUnits(db, { q: 'moi doi' })).map((u) => u.code)).toEqual([unit.code]);
		const audit = await listAuditEntries(db, systemActor(), { entity: 'admin_unit', entityId: unit.code, action: 'update' });
		expect(audit[0]).toMatchObject({ before: { name: 'Phường Cũ' }, after: { name: 'Phường Mới Đổi' } });
		await expect(updateAdminUnit(db, admin, '00000', { name: 'X', kind: 'phuong', parentCode: '14' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it('refuses a parent that is the unit itself or below it, and a kind of another tier than its code', async () => {
		const district = await createAdminUnit(db, admin, { code: '118', name: 'Huyện Mộc Châu', kind: 'huyen', parentCode: '14' });
		const commune = await createAdminUnit(db, admin, { code: '04000', name: 'Xã Đông Sang', kind: 'xa', parentCode: '118' });
		await expect(updateAdminUnit(db, admin, district.code, { name: district.name, kind: 'huyen', parentCode: commune.code })).rejects.toMatchObject({ fields: { parentCode: 'localities_parent_cycle' } });
		await expect(updateAdminUnit(db, admin, district.code, { name: district.name, kind: 'huyen', parentCode: district.code })).rejects.toMatchObject({ fields: { parentCode: 'localities_parent_cycle' } });
		// The code fixes the tier: a district cannot become a commune (and so leave its communes without a valid parent).
		await expect(updateAdminUnit(db, admin, district.code, { name: district.name, kind: 'xa', parentCode: '14' })).rejects.toMatchObject({ fields: { code: 'localities_code_digits_5' } });
		await expect(updateAdminUnit(db, admin, district.code, { name: district.name, kind: 'quan', parentCode: '14' })).resolves.toMatchObject({ kind: 'quan' });
		await expect(updateAdminUnit(db, admin, '14', { name: 'Tỉnh Sơn La', kind: 'thanh_pho_tw' })).resolves.toMatchObject({ kind: 'thanh_pho_tw', parentCode: null });
	});
});

const week = { adminUnitCode: '14', startsOn: '2021-10-01', endsOn: '2021-10-07', note: 'Chỉ thị 16/CT-TTg' };
// Instants as Vietnam wall-clock time (UTC+07:00 all year).
const vn = (local: string) => new Date(`${local}+07:00`);

describe('declaring and lifting distancing', () => {
	it('records an order for the coordinator’s node, and writes the audit entry', async () => {
		const order = await declareDistancing(db, coordinator, { ...week, adminUnitCode: '11' });
		expect(order).toMatchObject({ orgId: office.id, adminUnitCode: '11', startsOn: '2021-10-01', endsOn: '2021-10-07', note: 'Chỉ thị 16/CT-TTg', liftedAt: null });
		const audit = await listAuditEntries(db, systemActor(), { entity: 'distancing_order', entityId: order.id });
		expect(audit[0]).toMatchObject({ action: 'declare', actorLabel: 'dieuphoi@sonla.gov.vn', orgId: office.id, after: { adminUnitCode: '11', startsOn: '2021-10-01' } });
		const listed = (await listDistancingOrders(db)).find((o) => o.id === order.id);
		expect(listed).toMatchObject({ unitName: 'Tỉnh Điện Biên', unitKind: 'tinh' });
	});

	it('records for the chosen node where the actor holds the role (or one below), the first such grant by default', async () => {
		// Without a choice: the first of the nodes the form offers (the actor's grants in their order).
		const choices = await listDistancingOrgChoices(db, twoHats);
		expect(choices.map((c) => c.name).sort()).toEqual(['Sở Giáo dục và Đào tạo', 'Trung tâm Thông tin']);
		expect(await declareDistancing(db, twoHats, { ...week, adminUnitCode: '11' })).toMatchObject({ orgId: choices[0].id });
		expect(await declareDistancing(db, twoHats, { ...week, adminUnitCode: '11', orgId: education.id })).toMatchObject({ orgId: education.id });
		expect(await declareDistancing(db, admin, { ...week, adminUnitCode: '11', orgId: tttt.id })).toMatchObject({ orgId: tttt.id });
		await expect(declareDistancing(db, coordinator, { ...week, adminUnitCode: '11', orgId: education.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(declareDistancing(db, coordinator, { ...week, adminUnitCode: '11', orgId: 'no-such-node' })).rejects.toMatchObject({ fields: { orgId: 'field_invalid' } });
		// The system acts for no node of its own: it must name one.
		await expect(declareDistancing(db, systemActor(), { ...week, adminUnitCode: '11' })).rejects.toMatchObject({ fields: { orgId: 'field_required' } });
	});

	it('refuses staff, supervisors and visitors', async () => {
		const before = (await listDistancingOrders(db)).length;
		for (const actor of [staff, supervisor]) await expect(declareDistancing(db, actor, week)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(declareDistancing(db, anonymousActor, week)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		expect(await listDistancingOrders(db)).toHaveLength(before);
	});

	it('refuses a last day before the first, missing or impossible dates, and an unknown unit', async () => {
		await expect(declareDistancing(db, coordinator, { ...week, startsOn: '2021-10-07', endsOn: '2021-10-01' })).rejects.toMatchObject({
			code: 'VALIDATION',
			fields: { endsOn: 'localities_ends_before_starts' }
		});
		await expect(declareDistancing(db, coordinator, { adminUnitCode: '', startsOn: '', endsOn: '31/02/2021' })).rejects.toMatchObject({
			fields: { adminUnitCode: 'field_required', startsOn: 'field_required', endsOn: 'field_invalid_date' }
		});
		await expect(declareDistancing(db, coordinator, { ...week, adminUnitCode: '99999' })).rejects.toMatchObject({ fields: { adminUnitCode: 'localities_unit_unknown' } });
		// One day is an order of one day; dd/mm/yyyy is read too.
		await expect(declareDistancing(db, coordinator, { ...week, adminUnitCode: '11', startsOn: '05/10/2021', endsOn: '05/10/2021' })).resolves.toMatchObject({ startsOn: '2021-10-05', endsOn: '2021-10-05' });
	});

	it('lifts an order once, logs it, and refuses staff, a second lift and an unknown order', async () => {
		freezeClock(new Date('2021-10-04T02:00:00Z'));
		const order = await declareDistancing(db, coordinator, { ...week, adminUnitCode: '11' });
		await expect(liftDistancing(db, staff, order.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(liftDistancing(db, anonymousActor, order.id)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		const lifted = await liftDistancing(db, twoHats, order.id);
		expect(lifted.liftedAt?.toISOString()).toBe('2021-10-04T02:00:00.000Z');
		await expect(liftDistancing(db, coordinator, order.id)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
		await expect(liftDistancing(db, coordinator, 'no-such-order')).rejects.toMatchObject({ code: 'NOT_FOUND' });
		const audit = await listAuditEntries(db, systemActor(), { entity: 'distancing_order', entityId: order.id, action: 'lift' });
		expect(audit[0]).toMatchObject({ orgId: office.id, before: { liftedAt: null } });
	});

	it('lists the orders in force on a day, not lifted ones', async () => {
		const order = await declareDistancing(db, coordinator, { adminUnitCode: '03826', startsOn: '2021-08-01', endsOn: '2021-08-15' });
		const lifted = await declareDistancing(db, coordinator, { adminUnitCode: '03826', startsOn: '2021-08-01', endsOn: '2021-08-15' });
		await liftDistancing(db, coordinator, lifted.id);
		const onDay = (day: string) => listDistancingOrders(db, { activeOn: day }).then((rows) => rows.map((o) => o.id));
		expect(await onDay('2021-08-15')).toEqual([order.id]);
		expect(await onDay('2021-08-16')).toEqual([]);
		await expect(listDistancingOrders(db, { activeOn: 'hôm nay' })).rejects.toMatchObject({ code: 'VALIDATION' });
	});
});

// A fresh province with its wards, so orders of the tests above do not interfere.
const laiChau = await seed.createAdminUnit(db, { code: '12', name: 'Tỉnh Lai Châu' });
const tanPhong = await seed.createAdminUnit(db, { code: '03388', name: 'Phường Tân Phong', parentCode: '12' });
const doanKet = await seed.createAdminUnit(db, { code: '03390', name: 'Phường Đoàn Kết', parentCode: '12' });
const provinceOrder = await seed.declareDistancing(db, { adminUnitCode: laiChau.code, startsOn: '2021-10-01', endsOn: '2021-10-07', orgId: province.id });

describe('distancingAt: the rule activities and banners follow', () => {
	it('covers a ward through an order on its province', async () => {
		expect(await distancingAt(db, tanPhong.code, vn('2021-10-03T08:00'), vn('2021-10-03T10:00'))).toMatchObject({ id: provinceOrder.id, adminUnitCode: '12' });
		expect(await isUnderDistancing(db, doanKet.code, '2021-10-07')).toBe(true);
		expect(await isUnderDistancing(db, doanKet.code, '07/10/2021')).toBe(true);
		await expect(isUnderDistancing(db, doanKet.code, '2021-13-01')).rejects.toMatchObject({ code: 'VALIDATION' });
	});

	it('counts the first and last days whole, in Vietnam time', async () => {
		// 23:30 on the first day in Vietnam is 16:30 UTC: inside either way.
		expect(await distancingAt(db, tanPhong.code, vn('2021-10-01T23:30'), vn('2021-10-02T01:00'))).toMatchObject({ id: provinceOrder.id });
		// 00:30 on 1 October in Vietnam is still 30 September in UTC: it counts.
		expect(await distancingAt(db, tanPhong.code, vn('2021-10-01T00:30'), vn('2021-10-01T02:00'))).toMatchObject({ id: provinceOrder.id });
		// 23:30 on the last day counts; 00:30 on 8 October (still 7 October in UTC) does not.
		expect(await distancingAt(db, tanPhong.code, vn('2021-10-07T23:30'), vn('2021-10-07T23:59'))).not.toBeNull();
		expect(await distancingAt(db, tanPhong.code, vn('2021-10-08T00:30'), vn('2021-10-08T02:00'))).toBeNull();
		// An evening ending at midnight before the first day does not reach into it.
		expect(await distancingAt(db, tanPhong.code, vn('2021-09-30T20:00'), vn('2021-10-01T00:00'))).toBeNull();
		// An activity spanning the order's start overlaps it.
		expect(await distancingAt(db, tanPhong.code, vn('2021-09-28T08:00'), vn('2021-10-02T17:00'))).not.toBeNull();
	});

	it('ignores days that do not overlap, lifted orders, and orders on other units', async () => {
		expect(await distancingAt(db, tanPhong.code, vn('2021-09-20T08:00'), vn('2021-09-20T10:00'))).toBeNull();
		const wardOrder = await seed.declareDistancing(db, { adminUnitCode: doanKet.code, startsOn: '2021-11-01', endsOn: '2021-11-14', orgId: province.id });
		// An order on a sibling ward does not reach its neighbour; on the ward itself it holds.
		expect(await distancingAt(db, tanPhong.code, vn('2021-11-05T08:00'), vn('2021-11-05T10:00'))).toBeNull();
		expect(await distancingAt(db, doanKet.code, vn('2021-11-05T08:00'), vn('2021-11-05T10:00'))).toMatchObject({ id: wardOrder.id });
		// An order on a ward does not climb up to its province.
		expect(await distancingAt(db, laiChau.code, vn('2021-11-05T08:00'), vn('2021-11-05T10:00'))).toBeNull();
		await liftDistancing(db, coordinator, wardOrder.id);
		expect(await distancingAt(db, doanKet.code, vn('2021-11-05T08:00'), vn('2021-11-05T10:00'))).toBeNull();
		// Another province's order does not touch Lai Châu; an unknown code is under none.
		expect(await distancingAt(db, tanPhong.code, vn('2021-08-05T08:00'), vn('2021-08-05T10:00'))).toBeNull();
		expect(await distancingAt(db, '99998', vn('2021-10-03T08:00'), vn('2021-10-03T10:00'))).toBeNull();
	});

	it('answers the earliest of several orders that hold', async () => {
		const later = await seed.declareDistancing(db, { adminUnitCode: tanPhong.code, startsOn: '2021-10-05', endsOn: '2021-10-20', orgId: province.id });
		expect(await distancingAt(db, tanPhong.code, vn('2021-10-06T08:00'), vn('2021-10-06T10:00'))).toMatchObject({ id: provinceOrder.id });
		expect(await distancingAt(db, tanPhong.code, vn('2021-10-10T08:00'), vn('2021-10-10T10:00'))).toMatchObject({ id: later.id });
	});
});

describe('the demo', () => {
	it('adds Sơn La and its wards and communes once', async () => {
		const first = await seed.seedDemoLocalities(db);
		expect(first[0]).toMatchObject({ code: '14', kind: expect.any(String) });
		expect(first.length).toBeGreaterThanOrEqual(9);
		expect(first.slice(1).every((u) => u.parentCode === '14' && /^\d{5}$/.test(u.code))).toBe(true);
		expect((await seed.seedDemoLocalities(db)).map((u) => u.code)).toEqual(first.map((u) => u.code));
		expect((await listAdminUnits(db, { q: 'chieng coi' })).map((u) => u.name)).toContain('Phường Chiềng Cơi');
	});
});
