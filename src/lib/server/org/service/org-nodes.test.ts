import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../db/testing';
import { anonymousActor, systemActor } from '../../auth/actor';
import { listAuditEntries } from '../../audit/service';
import * as seed from '../seed';
import { createOrgNode, deleteOrgNode, getOrgNode, listOrgAncestors, listOrgTree, updateOrgNode } from '../service';

const db = await createTestDb();
const system = systemActor('test');

describe('organisation nodes', () => {
	it('creates a root only as the system, and keeps the path from the root down', async () => {
		const province = await seed.createOrgNode(db, { kind: 'province', name: 'UBND tỉnh Hòa Bình', shortCode: 'ubnd-hb' });
		expect(province.path).toBe(`/${province.id}/`);
		expect(province.shortCode).toBe('UBND-HB');
		const office = await seed.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Văn phòng' });
		expect(office.path).toBe(`/${province.id}/${office.id}/`);
		const admin = await seed.createActor(db, { role: 'administrator', orgId: province.id });
		await expect(createOrgNode(db, admin, { kind: 'province', name: 'Tỉnh khác', shortCode: 'TK' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
	});

	it('lets an administrator of the parent add a child, and refuses staff and other organisations', async () => {
		const root = await seed.createOrgNode(db);
		const other = await seed.createOrgNode(db);
		const admin = await seed.createActor(db, { role: 'administrator', orgId: root.id });
		const staff = await seed.createActor(db, { role: 'staff', orgId: root.id });
		const child = await createOrgNode(db, admin, { parentId: root.id, kind: 'department', name: 'Phòng Tổng hợp', shortCode: 'TH' });
		expect(child.parentId).toBe(root.id);
		await expect(createOrgNode(db, staff, { parentId: root.id, kind: 'department', name: 'Phòng Kinh tế', shortCode: 'KT' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(createOrgNode(db, admin, { parentId: other.id, kind: 'department', name: 'Phòng Kinh tế', shortCode: 'KT' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it('refuses a short code a sibling holds, in any case, but allows it under another parent', async () => {
		const a = await seed.createOrgNode(db);
		const b = await seed.createOrgNode(db);
		await seed.createOrgNode(db, { parentId: a.id, shortCode: 'TH', name: 'Phòng Tổng hợp' });
		await expect(seed.createOrgNode(db, { parentId: a.id, shortCode: 'th', name: 'Phòng Tin học' })).rejects.toMatchObject({ code: 'CONFLICT', fields: { shortCode: 'field_taken' } });
		await expect(seed.createOrgNode(db, { parentId: b.id, shortCode: 'TH', name: 'Phòng Tổng hợp' })).resolves.toMatchObject({ shortCode: 'TH' });
	});

	it('names each bad field', async () => {
		const root = await seed.createOrgNode(db);
		const err = await createOrgNode(db, system, { parentId: root.id, kind: 'planet' as never, name: ' ', shortCode: 'A B', email: 'not-mail', phone: '12345' }).catch((e) => e);
		expect(err).toMatchObject({ code: 'VALIDATION', fields: { kind: 'field_invalid', name: 'field_required', shortCode: 'field_invalid_short_code', email: 'field_invalid_email', phone: 'field_invalid_phone' } });
	});

	it('stores contacts cleaned: NFC text, lower-case e-mail, E.164 phone', async () => {
		const node = await seed.createOrgNode(db, { name: '  Trung tâm   Thông tin '.normalize('NFD'), email: 'TTTT@SonLa.gov.vn', phone: '0212 3751 666', website: 'sonla.gov.vn' });
		expect(node.name).toBe('Trung tâm Thông tin');
		expect(node.name).toBe(node.name.normalize('NFC'));
		expect(node).toMatchObject({ email: 'tttt@sonla.gov.vn', phone: '+842123751666', website: 'https://sonla.gov.vn' });
	});

	it('moves a node with its subtree, rewriting every path below', async () => {
		const root = await seed.createOrgNode(db);
		const a = await seed.createOrgNode(db, { parentId: root.id });
		const b = await seed.createOrgNode(db, { parentId: root.id });
		const a1 = await seed.createOrgNode(db, { parentId: a.id });
		const a11 = await seed.createOrgNode(db, { parentId: a1.id });
		const admin = await seed.createActor(db, { role: 'administrator', orgId: root.id });
		const moved = await updateOrgNode(db, admin, a1.id, { parentId: b.id });
		expect(moved.path).toBe(`${b.path}${a1.id}/`);
		expect((await getOrgNode(db, system, a11.id)).path).toBe(`${b.path}${a1.id}/${a11.id}/`);
		const audit = await listAuditEntries(db, admin, { entity: 'org_node', entityId: a1.id, action: 'move' });
		expect(audit[0]).toMatchObject({ before: { parentId: a.id }, after: { parentId: b.id } });
	});

	it('refuses a move under the node itself or its descendants', async () => {
		const root = await seed.createOrgNode(db);
		const a = await seed.createOrgNode(db, { parentId: root.id });
		const a1 = await seed.createOrgNode(db, { parentId: a.id });
		await expect(updateOrgNode(db, system, a.id, { parentId: a1.id })).rejects.toMatchObject({ code: 'VALIDATION', fields: { parentId: 'field_invalid_parent' } });
		await expect(updateOrgNode(db, system, a.id, { parentId: a.id })).rejects.toMatchObject({ code: 'VALIDATION', fields: { parentId: 'field_invalid_parent' } });
	});

	it('refuses a move that takes a node out of the actor’s reach, or its own node away', async () => {
		const root = await seed.createOrgNode(db);
		const other = await seed.createOrgNode(db);
		const dept = await seed.createOrgNode(db, { parentId: root.id });
		const rootAdmin = await seed.createActor(db, { role: 'administrator', orgId: root.id });
		const deptAdmin = await seed.createActor(db, { role: 'administrator', orgId: dept.id });
		await expect(updateOrgNode(db, rootAdmin, dept.id, { parentId: other.id })).rejects.toMatchObject({ code: 'VALIDATION', fields: { parentId: 'field_invalid' } });
		const sibling = await seed.createOrgNode(db, { parentId: root.id });
		await expect(updateOrgNode(db, deptAdmin, dept.id, { parentId: sibling.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		// Renaming its own node is an administrator's work, moving it is not.
		await expect(updateOrgNode(db, deptAdmin, dept.id, { name: 'Phòng mới' })).resolves.toMatchObject({ name: 'Phòng mới' });
	});

	it('refuses a code taken among the new siblings when moving', async () => {
		const root = await seed.createOrgNode(db);
		const a = await seed.createOrgNode(db, { parentId: root.id });
		const b = await seed.createOrgNode(db, { parentId: root.id });
		await seed.createOrgNode(db, { parentId: b.id, shortCode: 'KT' });
		const kt = await seed.createOrgNode(db, { parentId: a.id, shortCode: 'KT' });
		await expect(updateOrgNode(db, system, kt.id, { parentId: b.id })).rejects.toMatchObject({ code: 'CONFLICT', fields: { shortCode: 'field_taken' } });
	});

	it('lets a visible node be read, and hides another organisation’s nodes as NOT_FOUND', async () => {
		const mine = await seed.createOrgNode(db);
		const theirs = await seed.createOrgNode(db);
		const staff = await seed.createActor(db, { role: 'staff', orgId: mine.id });
		await expect(getOrgNode(db, staff, mine.id)).resolves.toMatchObject({ id: mine.id });
		await expect(getOrgNode(db, staff, theirs.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(getOrgNode(db, anonymousActor, mine.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(updateOrgNode(db, staff, mine.id, { name: 'Đổi tên' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		const theirAdmin = await seed.createActor(db, { role: 'administrator', orgId: theirs.id });
		await expect(updateOrgNode(db, theirAdmin, mine.id, { name: 'Đổi tên' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(deleteOrgNode(db, theirAdmin, mine.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it('deletes an empty node, and refuses one with children or people', async () => {
		const root = await seed.createOrgNode(db);
		const dept = await seed.createOrgNode(db, { parentId: root.id });
		const team = await seed.createOrgNode(db, { parentId: dept.id });
		const admin = await seed.createActor(db, { role: 'administrator', orgId: root.id });
		await expect(deleteOrgNode(db, admin, dept.id)).rejects.toMatchObject({ code: 'CONFLICT', fields: { _: 'org_node_has_children' } });
		await seed.createPerson(db, { unitId: team.id });
		await expect(deleteOrgNode(db, admin, team.id)).rejects.toMatchObject({ code: 'CONFLICT', fields: { _: 'org_node_has_people' } });
		const empty = await seed.createOrgNode(db, { parentId: root.id });
		await deleteOrgNode(db, admin, empty.id);
		await expect(getOrgNode(db, admin, empty.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		const audit = await listAuditEntries(db, admin, { entity: 'org_node', entityId: empty.id, action: 'delete' });
		expect(audit).toHaveLength(1);
	});

	it('refuses deletion to an administrator of the node itself: it takes one above', async () => {
		const root = await seed.createOrgNode(db);
		const dept = await seed.createOrgNode(db, { parentId: root.id });
		const deptAdmin = await seed.createActor(db, { role: 'administrator', orgId: dept.id });
		await expect(deleteOrgNode(db, deptAdmin, dept.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
	});

	it('lists the tree the actor sees, parents first, siblings in their order, with depth', async () => {
		const root = await seed.createOrgNode(db, { name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
		const th = await seed.createOrgNode(db, { parentId: root.id, name: 'Phòng Tổng hợp', shortCode: 'TH' });
		const kt = await seed.createOrgNode(db, { parentId: root.id, name: 'Phòng Kinh tế', shortCode: 'KT' });
		const first = await seed.createOrgNode(db, { parentId: root.id, name: 'Phòng Tổ chức', shortCode: 'TC', sortOrder: 0 });
		const team = await seed.createOrgNode(db, { parentId: th.id, name: 'Tổ Đối ngoại', shortCode: 'DN' });
		await seed.createOrgNode(db, { name: 'Cơ quan khác' });

		const admin = await seed.createActor(db, { role: 'administrator', orgId: root.id });
		const tree = await listOrgTree(db, admin);
		expect(tree.map((n) => [n.shortCode, n.depth])).toEqual([
			['VPUB', 0],
			['TC', 1],
			['TH', 1],
			['DN', 2],
			['KT', 1]
		]);
		expect(tree.every((n) => n.canManage)).toBe(true);

		const leader = await seed.createActor(db, [
			{ role: 'unit_leader', orgId: th.id },
			{ role: 'staff', orgId: kt.id }
		]);
		const seen = await listOrgTree(db, leader);
		expect(seen.map((n) => [n.id, n.depth, n.canManage])).toEqual([
			[th.id, 0, false],
			[team.id, 1, false],
			[kt.id, 0, false]
		]);
		expect(await listOrgTree(db, anonymousActor)).toEqual([]);
		expect((await listOrgTree(db, admin, { q: 'to doi ngoai' })).map((n) => n.id)).toEqual([team.id]);
		expect((await listOrgTree(db, admin, { rootId: th.id })).map((n) => n.id)).toEqual([th.id, team.id]);
		expect((await listOrgAncestors(db, team)).map((n) => n.shortCode)).toEqual(['VPUB', 'TH', 'DN']);
		expect(first.sortOrder).toBe(0);
	});

	it('writes an audit entry for each change with before and after', async () => {
		const node = await seed.createOrgNode(db, { name: 'Phòng A', phone: '0912345678' });
		const admin = await seed.createActor(db, { role: 'administrator', orgId: node.id });
		await updateOrgNode(db, admin, node.id, { name: 'Phòng B', phone: '' });
		const entries = await listAuditEntries(db, admin, { entity: 'org_node', entityId: node.id });
		expect(entries.map((e) => e.action).sort()).toEqual(['create', 'update']);
		expect(entries.find((e) => e.action === 'update')).toMatchObject({ actorLabel: admin.email, before: { name: 'Phòng A', phone: '+84912345678' }, after: { name: 'Phòng B', phone: null } });
	});
});
