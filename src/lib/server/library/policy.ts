// Who may do what in the library. Pure: the service loads the resource's organisation first.
import { hasRoleAt, isSignedIn, type Actor, type Role } from '../auth/actor';

/** Staff, unit leaders and coordinators of an organisation (or above) add and edit its resources (M10). */
export const RESOURCE_EDITORS: readonly Role[] = ['coordinator', 'unit_leader', 'staff'];

/** Coordinators curate learning paths and read learning hours (M15). */
export const PATH_CURATORS: readonly Role[] = ['coordinator'];

/** Who reads the learning hours of an organisation's learners: its coordinators and supervisors. */
export const LEARNING_READERS: readonly Role[] = ['coordinator', 'supervisor'];

export interface ResourceResource {
	orgPath: string;
	status: 'draft' | 'published';
}

export function canEditResources(actor: Actor, org: { orgPath: string }): boolean {
	return hasRoleAt(actor, RESOURCE_EDITORS, org.orgPath);
}

/** A published resource is public; a draft only for its editors. */
export function canReadResource(actor: Actor, resource: ResourceResource): boolean {
	return resource.status === 'published' || canEditResources(actor, resource);
}

export function canCuratePaths(actor: Actor, org: { orgPath: string }): boolean {
	return hasRoleAt(actor, PATH_CURATORS, org.orgPath);
}

export function canReadLearningTotals(actor: Actor, org: { orgPath: string }): boolean {
	return hasRoleAt(actor, LEARNING_READERS, org.orgPath);
}

/** Signed-in people record their own learning of a resource they can read. */
export function canRecordLearning(actor: Actor, resource: ResourceResource): boolean {
	return actor.kind === 'user' && isSignedIn(actor) && resource.status === 'published';
}
