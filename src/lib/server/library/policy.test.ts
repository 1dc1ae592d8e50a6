import { describe, expect, it } from 'vitest';
import { anonymousActor, type Actor } from '../auth/actor';
import { canCuratePaths, canEditResources, canReadLearningTotals, canReadResource, canRecordLearning } from './policy';

const at = (role: Actor['grants'][number]['role'], orgPath: string): Actor => ({ kind: 'user', userId: 'u', grants: [{ role, orgId: 'x', orgPath }] });
const office = '/p/o/';
const unit = '/p/o/u/';

describe('library policy', () => {
	it('lets staff, leaders and coordinators of the node or above edit resources, nobody elsewhere', () => {
		expect(canEditResources(at('staff', office), { orgPath: unit })).toBe(true);
		expect(canEditResources(at('unit_leader', unit), { orgPath: unit })).toBe(true);
		expect(canEditResources(at('staff', unit), { orgPath: office })).toBe(false);
		expect(canEditResources(at('reviewer', office), { orgPath: office })).toBe(false);
		expect(canEditResources(anonymousActor, { orgPath: office })).toBe(false);
	});

	it('shows published resources to everyone and drafts to their editors only', () => {
		expect(canReadResource(anonymousActor, { orgPath: office, status: 'published' })).toBe(true);
		expect(canReadResource(anonymousActor, { orgPath: office, status: 'draft' })).toBe(false);
		expect(canReadResource(at('staff', office), { orgPath: office, status: 'draft' })).toBe(true);
	});

	it('lets only coordinators curate paths, and coordinators and supervisors read the hours', () => {
		expect(canCuratePaths(at('coordinator', office), { orgPath: office })).toBe(true);
		expect(canCuratePaths(at('staff', office), { orgPath: office })).toBe(false);
		expect(canReadLearningTotals(at('supervisor', '/p/'), { orgPath: office })).toBe(true);
		expect(canReadLearningTotals(at('unit_leader', office), { orgPath: office })).toBe(false);
	});

	it('lets signed-in people record learning of published resources only', () => {
		const learner: Actor = { kind: 'user', userId: 'l', grants: [] };
		expect(canRecordLearning(learner, { orgPath: office, status: 'published' })).toBe(true);
		expect(canRecordLearning(learner, { orgPath: office, status: 'draft' })).toBe(false);
		expect(canRecordLearning(anonymousActor, { orgPath: office, status: 'published' })).toBe(false);
	});
});
