import { describe, expect, it } from 'vitest';
import { systemActor, type Actor, type Role } from '../auth/actor';
import { canManagePartner, canProposeEduApp, canReadPartner, canRecordSponsorship, canReviewEduApp, isPartnerAccount } from './policy';

const actor = (role: Role, orgPath: string): Actor => ({ kind: 'user', userId: 'u', grants: [{ role, orgId: 'x', orgPath }] });
// The province /p/, its office /p/o/ with a department /p/o/d/, and two partners of the office.
const viettel = { agencyPath: '/p/o/', nodePath: '/p/o/v/' };
const press = { agencyPath: '/p/o/', nodePath: '/p/o/b/' };

describe('partners policy', () => {
	it('lets the agency’s back office and the bodies above read a partner, and its own accounts only it', () => {
		for (const a of [actor('coordinator', '/p/o/'), actor('unit_leader', '/p/o/'), actor('supervisor', '/p/'), actor('administrator', '/p/'), actor('partner', '/p/o/v/')]) {
			expect(canReadPartner(a, viettel)).toBe(true);
		}
		for (const a of [actor('partner', '/p/o/b/'), actor('staff', '/p/o/d/'), actor('unit_leader', '/p/o/d/'), actor('coordinator', '/p/e/'), actor('partner', '/p/o/')]) {
			expect(canReadPartner(a, viettel)).toBe(false);
		}
		expect(isPartnerAccount(actor('partner', '/p/o/b/'), press)).toBe(true);
		expect(isPartnerAccount(systemActor(), press)).toBe(false);
	});

	it('lets coordinators and administrators manage, and only coordinators record sponsorships', () => {
		expect(canManagePartner(actor('administrator', '/p/o/'), viettel)).toBe(true);
		expect(canManagePartner(actor('supervisor', '/p/'), viettel)).toBe(false);
		expect(canRecordSponsorship(actor('coordinator', '/p/'), viettel)).toBe(true);
		expect(canRecordSponsorship(actor('administrator', '/p/o/'), viettel)).toBe(false);
		expect(canRecordSponsorship(actor('partner', '/p/o/v/'), viettel)).toBe(false);
	});

	it('lets proposers on, above or below the organisation propose apps, and its coordinators review them', () => {
		const office = { path: '/p/o/' };
		for (const a of [actor('partner', '/p/o/v/'), actor('staff', '/p/o/d/'), actor('unit_leader', '/p/o/'), actor('coordinator', '/p/')]) expect(canProposeEduApp(a, office)).toBe(true);
		for (const a of [actor('supervisor', '/p/'), actor('reviewer', '/p/o/'), actor('staff', '/p/e/')]) expect(canProposeEduApp(a, office)).toBe(false);
		expect(canReviewEduApp(actor('coordinator', '/p/'), office)).toBe(true);
		expect(canReviewEduApp(actor('coordinator', '/p/o/d/'), office)).toBe(false);
		expect(canReviewEduApp(actor('staff', '/p/o/'), office)).toBe(false);
	});
});
