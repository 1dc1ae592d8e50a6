// Who may do what with maturity frameworks, rounds and assessments. Pure: the service loads the
// round's node, the unit and the assessment's status first.
import { hasRoleAt, type Actor, type Role } from '../auth/actor';
import type { AssessmentStatus } from '../../features/maturity/types';

/** Coordinators of a node (or above) keep its frameworks and run its rounds: enrol, review, publish (PRODUCT M7; as tasks: TC-HC-QT coordinates). */
export const MATURITY_COORDINATORS: readonly Role[] = ['coordinator'];

/** Who follows every unit of a round before publication: its coordinators and supervisors. */
export const MATURITY_ROUND_READERS: readonly Role[] = ['coordinator', 'supervisor'];

/** A unit's leaders fill and submit its assessment. */
export const MATURITY_UNIT_EDITORS: readonly Role[] = ['unit_leader'];

/** A unit's leaders and staff read its own assessment. */
export const MATURITY_UNIT_READERS: readonly Role[] = ['unit_leader', 'staff'];

export interface AssessmentResource {
	/** The path of the round's node (the campaign's). */
	roundOrgPath: string;
	unitPath: string;
	status: AssessmentStatus;
}

/** The statuses in which the unit may change its answers. */
export const EDITABLE_STATUSES: readonly AssessmentStatus[] = ['draft', 'returned'];

/** The statuses the coordinator reviews in. */
export const REVIEWABLE_STATUSES: readonly AssessmentStatus[] = ['submitted', 'under_review', 'resubmitted'];

export function canManageFrameworks(actor: Actor, org: { path: string }): boolean {
	return hasRoleAt(actor, MATURITY_COORDINATORS, org.path);
}

export function canManageRound(actor: Actor, round: { orgPath: string }): boolean {
	return hasRoleAt(actor, MATURITY_COORDINATORS, round.orgPath);
}

export function canReadRound(actor: Actor, round: { orgPath: string }): boolean {
	return hasRoleAt(actor, MATURITY_ROUND_READERS, round.orgPath);
}

/** Before publication a unit sees only its own assessment; the round's coordinators and supervisors see all. */
export function canReadAssessment(actor: Actor, a: AssessmentResource): boolean {
	return canReadRound(actor, { orgPath: a.roundOrgPath }) || hasRoleAt(actor, MATURITY_UNIT_READERS, a.unitPath);
}

/** The unit's leaders change answers and evidence while it is a draft or returned to them. */
export function canEditAssessment(actor: Actor, a: AssessmentResource): boolean {
	return hasRoleAt(actor, MATURITY_UNIT_EDITORS, a.unitPath) && EDITABLE_STATUSES.includes(a.status);
}

/** The round's coordinators decide on criteria of a submitted or resubmitted assessment. */
export function canReviewAssessment(actor: Actor, a: AssessmentResource): boolean {
	return canManageRound(actor, { orgPath: a.roundOrgPath }) && REVIEWABLE_STATUSES.includes(a.status);
}
