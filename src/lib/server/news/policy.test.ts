import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import { canEditPost, canLogChannel, canReadPost, canTransitionPost, transitionAllowed } from './policy';

const actor = (role: 'staff' | 'coordinator' | 'unit_leader' | 'reviewer', orgPath: string): Actor => ({ kind: 'user', userId: role, grants: [{ role, orgId: 'x', orgPath }] });
const post = (status: 'draft' | 'in_review' | 'scheduled' | 'published' | 'archived') => ({ unitPath: '/p/o/u/', status });

describe('news policy', () => {
	it('lets anyone read a published post and only the unit’s back office read the rest', () => {
		expect(canReadPost({ kind: 'anonymous', grants: [] }, post('published'))).toBe(true);
		expect(canReadPost({ kind: 'anonymous', grants: [] }, post('draft'))).toBe(false);
		expect(canReadPost(actor('staff', '/p/o/u/'), post('draft'))).toBe(true);
		expect(canReadPost(actor('staff', '/p/o/v/'), post('draft'))).toBe(false);
		expect(canReadPost(actor('reviewer', '/p/'), post('in_review'))).toBe(false);
	});

	it('lets writers submit, but only coordinators publish, schedule and archive', () => {
		expect(canTransitionPost(actor('staff', '/p/o/u/'), post('draft'), 'submit')).toBe(true);
		expect(canTransitionPost(actor('staff', '/p/o/u/'), post('in_review'), 'publish')).toBe(false);
		expect(canTransitionPost(actor('unit_leader', '/p/o/u/'), post('in_review'), 'publish')).toBe(false);
		expect(canTransitionPost(actor('coordinator', '/p/o/'), post('in_review'), 'publish')).toBe(true);
		expect(canTransitionPost(actor('coordinator', '/p/x/'), post('in_review'), 'publish')).toBe(false);
	});

	it('follows the workflow draft → in review → scheduled or published → archived', () => {
		expect(transitionAllowed(post('draft'), 'submit')).toBe(true);
		expect(transitionAllowed(post('in_review'), 'submit')).toBe(false);
		expect(transitionAllowed(post('in_review'), 'schedule')).toBe(true);
		expect(transitionAllowed(post('published'), 'schedule')).toBe(false);
		expect(transitionAllowed(post('published'), 'archive')).toBe(true);
		expect(transitionAllowed(post('archived'), 'publish')).toBe(false);
	});

	it('keeps an archived post as it was and leaves published ones to coordinators', () => {
		expect(canEditPost(actor('coordinator', '/p/'), post('archived'))).toBe(false);
		expect(canEditPost(actor('staff', '/p/o/u/'), post('published'))).toBe(false);
		expect(canEditPost(actor('coordinator', '/p/'), post('published'))).toBe(true);
		expect(canLogChannel(actor('staff', '/p/o/u/'), post('draft'))).toBe(false);
		expect(canLogChannel(actor('staff', '/p/o/u/'), post('published'))).toBe(true);
	});
});
