import { describe, expect, it } from 'vitest';
import { anonymousActor, systemActor, type Actor } from '../auth/actor';
import { canDeclareDistancing, canDeclareDistancingFor, canManageAdminUnits, distancingOrgChoices } from './policy';

const actor = (grants: Actor['grants']): Actor => ({ kind: 'user', userId: 'u', grants });
const admin = actor([{ role: 'administrator', orgId: 'p', orgPath: '/p/' }]);
const coordinator = actor([
	{ role: 'staff', orgId: 'x', orgPath: '/p/x/' },
	{ role: 'coordinator', orgId: 'o', orgPath: '/p/o/' },
	{ role: 'administrator', orgId: 'o', orgPath: '/p/o/' },
	{ role: 'coordinator', orgId: 'e', orgPath: '/p/e/' }
]);
const staff = actor([{ role: 'staff', orgId: 'o', orgPath: '/p/o/' }]);

describe('localities policy', () => {
	it('lets administrators anywhere keep the unit list, and no one else', () => {
		expect(canManageAdminUnits(admin)).toBe(true);
		expect(canManageAdminUnits(coordinator)).toBe(true);
		expect(canManageAdminUnits(actor([{ role: 'coordinator', orgId: 'o', orgPath: '/p/o/' }]))).toBe(false);
		expect(canManageAdminUnits(staff)).toBe(false);
		expect(canManageAdminUnits(anonymousActor)).toBe(false);
		expect(canManageAdminUnits(systemActor())).toBe(true);
	});

	it('lets coordinators and administrators declare, for a node at or under their grant', () => {
		expect(canDeclareDistancing(coordinator)).toBe(true);
		expect(canDeclareDistancing(staff)).toBe(false);
		expect(canDeclareDistancing(anonymousActor)).toBe(false);
		expect(canDeclareDistancingFor(coordinator, '/p/o/d/')).toBe(true);
		expect(canDeclareDistancingFor(coordinator, '/p/x/')).toBe(false);
		expect(canDeclareDistancingFor(admin, '/p/x/')).toBe(true);
	});

	it('offers each declaring node once, in the order of the grants', () => {
		expect(distancingOrgChoices(coordinator)).toEqual([
			{ orgId: 'o', orgPath: '/p/o/' },
			{ orgId: 'e', orgPath: '/p/e/' }
		]);
		expect(distancingOrgChoices(staff)).toEqual([]);
	});
});
