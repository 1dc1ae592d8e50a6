import { describe, expect, it } from 'vitest';
import { anonymousActor, type Actor } from '../auth/actor';
import { POSTING_LIMITS } from '$lib/features/community/types';
import { canCreateClub, canModerate, canReadHiddenPost, postingLimitFor, suspensionApplies } from './policy';

const coordinator: Actor = { kind: 'user', userId: 'c', grants: [{ role: 'coordinator', orgId: 'o', orgPath: '/p/o/' }] };
const staff: Actor = { kind: 'user', userId: 's', grants: [{ role: 'staff', orgId: 'u', orgPath: '/p/o/u/' }] };
const learner: Actor = { kind: 'user', userId: 'l', grants: [] };

describe('community policy', () => {
	it('lets staff make clubs on their unit only, and coordinators moderate below their node only', () => {
		expect(canCreateClub(staff, { path: '/p/o/u/' })).toBe(true);
		expect(canCreateClub(staff, { path: '/p/o/' })).toBe(false);
		expect(canCreateClub(learner, { path: '/p/o/u/' })).toBe(false);
		expect(canCreateClub(anonymousActor, { path: '/p/o/u/' })).toBe(false);
		expect(canModerate(coordinator, { orgPath: '/p/o/u/' })).toBe(true);
		expect(canModerate(coordinator, { orgPath: '/p/x/' })).toBe(false);
		expect(canModerate(staff, { orgPath: '/p/o/u/' })).toBe(false);
	});

	it('shows a hidden post’s text to its author and the moderators only', () => {
		const forum = { orgPath: '/p/o/' };
		expect(canReadHiddenPost(learner, { authorUserId: 'l' }, forum)).toBe(true);
		expect(canReadHiddenPost(staff, { authorUserId: 'l' }, forum)).toBe(false);
		expect(canReadHiddenPost(anonymousActor, { authorUserId: null }, forum)).toBe(false);
		expect(canReadHiddenPost(coordinator, { authorUserId: 'l' }, forum)).toBe(true);
	});

	it('gives accounts younger than a day the stricter posting limit', () => {
		const at = new Date('2026-01-02T00:00:00Z');
		expect(postingLimitFor(new Date('2026-01-01T01:00:00Z'), at)).toMatchObject({ newAccount: true, maxPosts: POSTING_LIMITS.newAccount.maxPosts });
		expect(postingLimitFor(new Date('2025-12-31T23:59:00Z'), at)).toMatchObject({ newAccount: false, maxPosts: POSTING_LIMITS.regular.maxPosts });
	});

	it('applies a suspension below its node, until its end, unless lifted', () => {
		const s = { orgPath: '/p/o/', until: new Date('2026-01-10T00:00:00Z'), liftedAt: null };
		const at = new Date('2026-01-05T00:00:00Z');
		expect(suspensionApplies(s, { orgPath: '/p/o/u/' }, at)).toBe(true);
		expect(suspensionApplies(s, { orgPath: '/p/x/' }, at)).toBe(false);
		expect(suspensionApplies(s, { orgPath: '/p/o/' }, new Date('2026-01-11T00:00:00Z'))).toBe(false);
		expect(suspensionApplies({ ...s, liftedAt: at }, { orgPath: '/p/o/' }, at)).toBe(false);
	});
});
