import { describe, expect, it } from 'vitest';
import { anonymousActor, systemActor, type Actor, type Role } from '../auth/actor';
import { canAcknowledgeDocument, canIssueDocument, canReadDocument, canReadRegister, canSetNumberingPolicy, canSignDocument, isDocumentRecipient } from './policy';

const PROVINCE = '/p/';
const OFFICE = '/p/o/';
const UNIT = '/p/o/u/';
const EDUCATION = '/p/e/';
const OTHER = '/x/';

const as = (role: Role, orgPath: string): Actor => ({ kind: 'user', userId: `${role}${orgPath}`, grants: [{ role, orgId: orgPath, orgPath }] });
const ROLES: Role[] = ['administrator', 'coordinator', 'unit_leader', 'staff', 'reviewer', 'partner', 'supervisor'];
// A plan of the Office sent to the Department of Education.
const doc = { orgPath: OFFICE, recipientPaths: [EDUCATION] };

describe('documents policy', () => {
	it('lets only unit leaders and coordinators of the organisation or above issue and sign', () => {
		for (const role of ROLES) {
			const allowed = role === 'unit_leader' || role === 'coordinator';
			expect(canIssueDocument(as(role, OFFICE), OFFICE), role).toBe(allowed);
			expect(canIssueDocument(as(role, PROVINCE), OFFICE), `${role} above`).toBe(allowed);
			expect(canSignDocument(as(role, OFFICE), doc), role).toBe(allowed);
		}
		expect(canIssueDocument(as('unit_leader', UNIT), OFFICE)).toBe(false);
		expect(canIssueDocument(as('unit_leader', OTHER), OFFICE)).toBe(false);
		expect(canIssueDocument(anonymousActor, OFFICE)).toBe(false);
		expect(canIssueDocument(systemActor(), OFFICE)).toBe(true);
		// A recipient reads the document but does not sign it.
		expect(canSignDocument(as('unit_leader', EDUCATION), doc)).toBe(false);
	});

	it('opens the register to administrators, coordinators, unit leaders and supervisors of the organisation or above', () => {
		for (const role of ROLES) {
			const allowed = ['administrator', 'coordinator', 'unit_leader', 'supervisor'].includes(role);
			expect(canReadRegister(as(role, OFFICE), OFFICE), role).toBe(allowed);
			expect(canReadRegister(as(role, PROVINCE), OFFICE), `${role} above`).toBe(allowed);
			expect(canReadRegister(as(role, UNIT), OFFICE), `${role} below`).toBe(false);
		}
	});

	it('lets unit leaders and administrators choose the numbering', () => {
		for (const role of ROLES) expect(canSetNumberingPolicy(as(role, OFFICE), OFFICE), role).toBe(role === 'unit_leader' || role === 'administrator');
	});

	it('lets the issuer’s back office and anyone with a role on a recipient (or above it) read a document', () => {
		for (const role of ROLES) {
			expect(canReadDocument(as(role, EDUCATION), doc), `${role} of the recipient`).toBe(true);
			expect(isDocumentRecipient(as(role, EDUCATION), doc), role).toBe(true);
			expect(canReadDocument(as(role, OFFICE), doc), `${role} of the issuer`).toBe(['administrator', 'coordinator', 'unit_leader', 'supervisor'].includes(role));
			expect(canReadDocument(as(role, OTHER), doc), `${role} elsewhere`).toBe(false);
			expect(canReadDocument(as(role, UNIT), doc), `${role} of a unit of the issuer`).toBe(false);
		}
		expect(canReadDocument(anonymousActor, doc)).toBe(false);
		expect(canReadDocument(as('staff', PROVINCE), doc)).toBe(true);
	});

	it('counts an opening as a receipt only by people of the recipient who do not also stand over the issuer', () => {
		expect(canAcknowledgeDocument(as('staff', EDUCATION), { orgPath: OFFICE, recipientPath: EDUCATION })).toBe(true);
		expect(canAcknowledgeDocument(as('supervisor', PROVINCE), { orgPath: OFFICE, recipientPath: EDUCATION })).toBe(false);
		expect(canAcknowledgeDocument(as('staff', UNIT), { orgPath: OFFICE, recipientPath: UNIT })).toBe(true);
		expect(canAcknowledgeDocument(as('administrator', OFFICE), { orgPath: OFFICE, recipientPath: UNIT })).toBe(false);
		expect(canAcknowledgeDocument(systemActor(), { orgPath: OFFICE, recipientPath: UNIT })).toBe(false);
	});
});
