import { describe, expect, it } from 'vitest';
import { anonymousActor, systemActor, type Actor, type Role } from '../auth/actor';
import { canCreateOrgNode, canDeleteOrgNode, canImportInto, canManageGrants, canManageOrgNode, canManagePeople, canMoveOrgNode, canReadPeople, canSeeOrgNode, orgScope, parentPathOf, rootPathOf } from './policy';

const province = { path: '/p/' };
const office = { path: '/p/o/' };
const dept = { path: '/p/o/d/' };
const school = { path: '/p/s/' };
const as = (role: Role, path: string): Actor => ({ kind: 'user', userId: 'u', grants: [{ role, orgId: 'x', orgPath: path }] });

describe('organisation policy', () => {
	it('lets any role see its node and the nodes below, never above or beside', () => {
		const staff = as('staff', office.path);
		expect([canSeeOrgNode(staff, office), canSeeOrgNode(staff, dept), canSeeOrgNode(staff, province), canSeeOrgNode(staff, school)]).toEqual([true, true, false, false]);
		expect(canSeeOrgNode(anonymousActor, office)).toBe(false);
	});

	it('does not mistake a sibling whose id starts the same for a node below', () => {
		expect(canSeeOrgNode(as('administrator', '/p/o/'), { path: '/p/o2/' })).toBe(false);
	});

	it('keeps roots to the system and children to administrators of the parent', () => {
		expect(canCreateOrgNode(systemActor(), null)).toBe(true);
		expect(canCreateOrgNode(as('administrator', province.path), null)).toBe(false);
		expect(canCreateOrgNode(as('administrator', office.path), office)).toBe(true);
		for (const role of ['coordinator', 'unit_leader', 'supervisor', 'staff', 'reviewer', 'partner'] as const) {
			expect(canCreateOrgNode(as(role, office.path), office), role).toBe(false);
			expect(canManageOrgNode(as(role, office.path), office), role).toBe(false);
			expect(canManagePeople(as(role, office.path), office), role).toBe(false);
			expect(canManageGrants(as(role, office.path), office), role).toBe(false);
			expect(canImportInto(as(role, office.path), office), role).toBe(false);
		}
	});

	it('needs an administrator above a node to delete or move it', () => {
		expect(canDeleteOrgNode(as('administrator', office.path), office)).toBe(false);
		expect(canDeleteOrgNode(as('administrator', office.path), dept)).toBe(true);
		expect(canDeleteOrgNode(as('administrator', province.path), province)).toBe(false);
		expect(canDeleteOrgNode(systemActor(), province)).toBe(true);
		expect(canMoveOrgNode(as('administrator', office.path), dept, school)).toBe(false);
		expect(canMoveOrgNode(as('administrator', province.path), dept, school)).toBe(true);
		expect(canMoveOrgNode(as('administrator', province.path), office, null)).toBe(false);
	});

	it('lets administrators, coordinators, unit leaders and supervisors read people, and no one else', () => {
		for (const role of ['administrator', 'coordinator', 'unit_leader', 'supervisor'] as const) expect(canReadPeople(as(role, office.path), dept), role).toBe(true);
		for (const role of ['staff', 'reviewer', 'partner'] as const) expect(canReadPeople(as(role, office.path), dept), role).toBe(false);
		expect(canReadPeople(as('supervisor', school.path), dept)).toBe(false);
	});

	it('scopes lists by the grants of the roles asked for', () => {
		const actor: Actor = { kind: 'user', grants: [{ role: 'staff', orgId: 'a', orgPath: '/p/o/' }, { role: 'supervisor', orgId: 'b', orgPath: '/p/s/' }] };
		expect(orgScope(actor, ['supervisor'])).toEqual(['/p/s/']);
		expect(orgScope(actor)).toEqual(['/p/o/', '/p/s/']);
		expect(orgScope(systemActor())).toBe('all');
		expect(orgScope(anonymousActor)).toEqual([]);
		expect([parentPathOf('/p/o/d/'), parentPathOf('/p/'), rootPathOf('/p/o/d/')]).toEqual(['/p/o/', '/', '/p/']);
	});
});
