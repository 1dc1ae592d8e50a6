import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../db/testing';
import { listAuditEntries } from '../../audit/service';
import * as seed from '../seed';
import { grantRole, listGrants, loadActorGrants, revokeRole } from '../service';

const db = await createTestDb();

const province = await seed.createOrgNode(db, { kind: 'province', name: 'UBND tỉnh Sơn La', shortCode: 'UBND' });
const office = await seed.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const tttt = await seed.createOrgNode(db, { parentId: office.id, name: 'Trung tâm Thông tin', shortCode: 'TTTT' });
const education = await seed.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Sở Giáo dục và Đào tạo', shortCode: 'SGDDT' });
const officeAdmin = await seed.createActor(db, { role: 'administrator', orgId: office.id }, { name: 'Quản trị Văn phòng' });

describe('role grants', () => {
	it('grants a role on a node, with the node’s path, and loads it for the actor', async () => {
		const user = await seed.createUser(db, { name: 'Cầm Thị Ngọc' });
		const grant = await grantRole(db, officeAdmin, { userId: user.id, orgId: tttt.id, role: 'coordinator' });
		expect(grant).toMatchObject({ userId: user.id, orgId: tttt.id, role: 'coordinator', grantedBy: officeAdmin.userId });
		expect(await loadActorGrants(db, user.id)).toEqual([{ role: 'coordinator', orgId: tttt.id, orgPath: tttt.path }]);
		const audit = await listAuditEntries(db, officeAdmin, { entity: 'role_grant', entityId: grant.id });
		expect(audit[0]).toMatchObject({ action: 'create', after: { role: 'coordinator', userId: user.id } });
	});

	it('acts once when the same grant is sent twice', async () => {
		const user = await seed.createUser(db);
		const first = await grantRole(db, officeAdmin, { userId: user.id, orgId: office.id, role: 'staff' });
		const second = await grantRole(db, officeAdmin, { userId: user.id, orgId: office.id, role: 'staff' });
		expect(second.id).toBe(first.id);
		expect(await loadActorGrants(db, user.id)).toHaveLength(1);
	});

	it('refuses anyone but an administrator of the node, and hides other organisations’ nodes', async () => {
		const user = await seed.createUser(db);
		const coordinator = await seed.createActor(db, { role: 'coordinator', orgId: office.id });
		await expect(grantRole(db, coordinator, { userId: user.id, orgId: office.id, role: 'staff' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(grantRole(db, officeAdmin, { userId: user.id, orgId: education.id, role: 'staff' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
		// An administrator of the Office cannot raise anyone at the province above it.
		await expect(grantRole(db, officeAdmin, { userId: user.id, orgId: province.id, role: 'administrator' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(listGrants(db, coordinator)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(listGrants(db, officeAdmin, { orgId: education.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it('refuses an unknown account and an unknown role', async () => {
		await expect(grantRole(db, officeAdmin, { userId: 'nobody', orgId: office.id, role: 'staff' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { userId: 'field_invalid' } });
		const user = await seed.createUser(db);
		await expect(grantRole(db, officeAdmin, { userId: user.id, orgId: office.id, role: 'king' as never })).rejects.toMatchObject({ code: 'VALIDATION', fields: { role: 'field_invalid' } });
	});

	it('lists the grants under the nodes the actor administers, with names', async () => {
		const eduAdmin = await seed.createActor(db, { role: 'administrator', orgId: education.id }, { name: 'Quản trị Sở' });
		const grants = await listGrants(db, officeAdmin);
		expect(grants.every((g) => g.orgPath.startsWith(office.path))).toBe(true);
		expect(grants.map((g) => g.userId)).not.toContain(eduAdmin.userId);
		expect(grants.find((g) => g.userId === officeAdmin.userId)).toMatchObject({ role: 'administrator', orgName: 'Văn phòng UBND tỉnh', userName: 'Quản trị Văn phòng', userEmail: officeAdmin.email });
		const onTttt = await listGrants(db, officeAdmin, { orgId: tttt.id });
		expect(onTttt.length).toBeGreaterThan(0);
		expect(onTttt.every((g) => g.orgId === tttt.id)).toBe(true);
	});

	it('revokes a grant, and refuses other organisations and non-administrators', async () => {
		const user = await seed.createUser(db);
		const grant = await grantRole(db, officeAdmin, { userId: user.id, orgId: tttt.id, role: 'reviewer' });
		const eduAdmin = await seed.createActor(db, { role: 'administrator', orgId: education.id });
		const leader = await seed.createActor(db, { role: 'unit_leader', orgId: office.id });
		await expect(revokeRole(db, eduAdmin, grant.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(revokeRole(db, leader, grant.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await revokeRole(db, officeAdmin, grant.id);
		expect(await loadActorGrants(db, user.id)).toEqual([]);
		await expect(revokeRole(db, officeAdmin, grant.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		const audit = await listAuditEntries(db, officeAdmin, { entity: 'role_grant', entityId: grant.id, action: 'delete' });
		expect(audit[0]).toMatchObject({ before: { role: 'reviewer', userId: user.id } });
	});

	it('gives a grant on a node power over the nodes below it and none above', async () => {
		const actor = await seed.createActor(db, { role: 'administrator', orgId: office.id });
		const user = await seed.createUser(db);
		await expect(grantRole(db, actor, { userId: user.id, orgId: tttt.id, role: 'staff' })).resolves.toBeTruthy();
		expect(actor.grants).toEqual([{ role: 'administrator', orgId: office.id, orgPath: office.path }]);
	});
});
