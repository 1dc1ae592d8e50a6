import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import { canDecideEntry, canReadEntry, canScoreEntry, isConflicted, showsOnHonourBoard, type EntryResource } from './policy';

const OFFICE = '/p/o/';
const TTTT = '/p/o/t/';
const TH = '/p/o/h/';
const user = (userId: string, grants: Actor['grants'] = []): Actor => ({ kind: 'user', userId, grants });
const entry = (over: Partial<EntryResource> = {}): EntryResource => ({
	campaignOrgPath: OFFICE,
	unitPaths: [TTTT],
	submittedBy: 'author',
	status: 'in_review',
	council: { status: 'open', members: [{ userId: 'm1', isChair: true, conflictPaths: [] }, { userId: 'm2', isChair: false, conflictPaths: [TTTT] }] },
	...over
});

describe('recognition policy', () => {
	it('keeps a member off entries from a unit they declared, and from units below it', () => {
		expect(isConflicted({ userId: 'x', isChair: false, conflictPaths: [OFFICE] }, [TTTT])).toBe(true);
		expect(isConflicted({ userId: 'x', isChair: false, conflictPaths: [TH] }, [TTTT])).toBe(false);
		expect(canReadEntry(user('m2'), entry())).toBe(false);
		expect(canScoreEntry(user('m2'), entry())).toBe(false);
		expect(canScoreEntry(user('m1'), entry())).toBe(true);
	});

	it('lets no one score once the council has closed, and the head decide only then', () => {
		const closed = entry({ council: { status: 'closed', members: [{ userId: 'm1', isChair: true, conflictPaths: [] }] } });
		expect(canScoreEntry(user('m1'), closed)).toBe(false);
		const head = user('h', [{ role: 'unit_leader', orgId: 'o', orgPath: OFFICE }]);
		expect(canDecideEntry(head, entry())).toBe(false);
		expect(canDecideEntry(head, closed)).toBe(true);
		expect(canDecideEntry(user('c', [{ role: 'coordinator', orgId: 'o', orgPath: OFFICE }]), closed)).toBe(false);
	});

	it('shows collectives always, a person only with consent, a minor only with a guardian’s too', () => {
		expect(showsOnHonourBoard({ kind: 'collective', isMinor: false, selfConsent: false, guardianConsent: false })).toBe(true);
		expect(showsOnHonourBoard({ kind: 'individual', isMinor: false, selfConsent: false, guardianConsent: false })).toBe(false);
		expect(showsOnHonourBoard({ kind: 'individual', isMinor: false, selfConsent: true, guardianConsent: false })).toBe(true);
		expect(showsOnHonourBoard({ kind: 'family', isMinor: false, selfConsent: false, guardianConsent: true })).toBe(false);
		expect(showsOnHonourBoard({ kind: 'individual', isMinor: true, selfConsent: true, guardianConsent: false })).toBe(false);
		expect(showsOnHonourBoard({ kind: 'individual', isMinor: true, selfConsent: true, guardianConsent: true })).toBe(true);
	});
});
