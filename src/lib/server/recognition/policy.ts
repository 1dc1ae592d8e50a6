// Who may do what in recognition. Pure: the service loads the campaign's node, the entry's units
// (its authors' or nominee's, and the submitting unit) and the council first.
import { hasRoleAt, type Actor, type Role } from '../auth/actor';
import type { CouncilStatus, EntryStatus } from '../../features/recognition/types';

/** The campaign's coordinators run the calls, councils, nominations and draft the decisions. */
export const RECOGNITION_MANAGERS: readonly Role[] = ['coordinator'];
/** The head of the organisation (its unit leaders) recognises or refuses, and signs the decisions. */
export const RECOGNITION_HEADS: readonly Role[] = ['unit_leader'];
/** Supervisors above read everything of the campaign's recognition. */
export const RECOGNITION_SUPERVISORS: readonly Role[] = ['supervisor'];
/** Anyone working in a unit submits an initiative from it. */
export const INITIATIVE_SUBMITTERS: readonly Role[] = ['staff', 'unit_leader', 'coordinator', 'administrator'];
/** Who keeps the forms of commendation of an organisation. */
export const SETTINGS_KEEPERS: readonly Role[] = ['coordinator', 'administrator'];

/** A council member as the policy needs them: the paths of the units they declared a conflict with. */
export interface MemberFacts {
	userId: string;
	isChair: boolean;
	conflictPaths: readonly string[];
}

export interface CouncilFacts {
	status: CouncilStatus;
	members: readonly MemberFacts[];
}

/** What the policy needs to know of an initiative or nomination. */
export interface EntryResource {
	campaignOrgPath: string;
	/** The submitting unit's and the authors' (or the nominee's) units. */
	unitPaths: readonly string[];
	submittedBy: string | null;
	status: EntryStatus;
	council: CouncilFacts | null;
}

export function canManageRecognition(actor: Actor, campaignOrgPath: string): boolean {
	return hasRoleAt(actor, RECOGNITION_MANAGERS, campaignOrgPath);
}

export function isRecognitionHead(actor: Actor, campaignOrgPath: string): boolean {
	return hasRoleAt(actor, RECOGNITION_HEADS, campaignOrgPath);
}

/** Coordinators, the head and supervisors read the whole of a campaign's recognition. */
export function canOverseeRecognition(actor: Actor, campaignOrgPath: string): boolean {
	return hasRoleAt(actor, [...RECOGNITION_MANAGERS, ...RECOGNITION_HEADS, ...RECOGNITION_SUPERVISORS], campaignOrgPath);
}

/** One may submit from a unit of the campaign's organisation where one works. */
export function canSubmitFrom(actor: Actor, target: { campaignOrgPath: string; unitPath: string }): boolean {
	return target.unitPath.startsWith(target.campaignOrgPath) && hasRoleAt(actor, INITIATIVE_SUBMITTERS, target.unitPath);
}

/** A member conflicts with an entry when one of its units lies in a unit they declared. */
export function isConflicted(member: MemberFacts, unitPaths: readonly string[]): boolean {
	return member.conflictPaths.some((c) => unitPaths.some((u) => u.startsWith(c)));
}

/** The actor as a member of the entry's council who may see it: not conflicted with it. */
export function reviewingMember(actor: Actor, e: EntryResource): MemberFacts | undefined {
	if (!e.council || actor.kind !== 'user') return undefined;
	const member = e.council.members.find((m) => m.userId === actor.userId);
	return member && !isConflicted(member, e.unitPaths) ? member : undefined;
}

/**
 * Who reads an entry: its submitter, the leaders of its units, the campaign's overseers, and the
 * members of its council who declared no conflict with it (a conflicted member does not even see it).
 */
export function canReadEntry(actor: Actor, e: EntryResource): boolean {
	if (canOverseeRecognition(actor, e.campaignOrgPath)) return true;
	if (actor.kind === 'user' && e.submittedBy === actor.userId) return true;
	if (e.unitPaths.some((p) => hasRoleAt(actor, RECOGNITION_HEADS, p))) return true;
	return Boolean(reviewingMember(actor, e)) && e.status !== 'submitted';
}

/** The submitter fixes their entry while it waits or after it came back to them. */
export function canEditEntry(actor: Actor, e: EntryResource): boolean {
	return actor.kind === 'user' && e.submittedBy === actor.userId && (e.status === 'submitted' || e.status === 'returned');
}

/** Coordinators send an entry back to its authors for fixes before the decision. */
export function canReturnEntry(actor: Actor, e: EntryResource): boolean {
	return canManageRecognition(actor, e.campaignOrgPath) && (e.status === 'submitted' || (e.status === 'in_review' && e.council?.status !== 'closed'));
}

/** Coordinators put a submitted entry before a council. */
export function canSendToCouncil(actor: Actor, e: EntryResource): boolean {
	return canManageRecognition(actor, e.campaignOrgPath) && e.status === 'submitted';
}

/** Members without a conflict mark an entry under review while their council is open. */
export function canScoreEntry(actor: Actor, e: EntryResource): boolean {
	return e.status === 'in_review' && e.council?.status === 'open' && Boolean(reviewingMember(actor, e));
}

/** The head decides once the council has closed. */
export function canDecideEntry(actor: Actor, e: EntryResource): boolean {
	return isRecognitionHead(actor, e.campaignOrgPath) && e.status === 'in_review' && e.council?.status === 'closed';
}

/** Coordinators nominate anyone of the campaign's organisation; a unit's leaders nominate from their unit. */
export function canNominate(actor: Actor, target: { campaignOrgPath: string; unitPath: string | null }): boolean {
	if (canManageRecognition(actor, target.campaignOrgPath)) return true;
	return Boolean(target.unitPath && target.unitPath.startsWith(target.campaignOrgPath) && hasRoleAt(actor, RECOGNITION_HEADS, target.unitPath));
}

/** The chair or a coordinator closes a council. */
export function canCloseCouncil(actor: Actor, c: { campaignOrgPath: string; council: CouncilFacts }): boolean {
	if (c.council.status !== 'open') return false;
	if (canManageRecognition(actor, c.campaignOrgPath)) return true;
	return actor.kind === 'user' && c.council.members.some((m) => m.isChair && m.userId === actor.userId);
}

/** Coordinators draft award decisions; the head may too. */
export function canDraftAward(actor: Actor, campaignOrgPath: string): boolean {
	return canManageRecognition(actor, campaignOrgPath) || isRecognitionHead(actor, campaignOrgPath);
}

/** A decision is issued (numbered) and its certificates revoked by the signer's role: the head. */
export function canIssueAward(actor: Actor, campaignOrgPath: string): boolean {
	return isRecognitionHead(actor, campaignOrgPath);
}

/** Coordinators and administrators keep the organisation's forms of commendation. */
export function canKeepForms(actor: Actor, orgPath: string): boolean {
	return hasRoleAt(actor, SETTINGS_KEEPERS, orgPath);
}

/** The base salary is national: the administrators of a top organisation keep it. */
export function canKeepBaseSalary(actor: Actor): boolean {
	if (actor.kind === 'system') return true;
	return actor.grants.some((g) => g.role === 'administrator' && g.orgPath.split('/').filter(Boolean).length === 1);
}

/**
 * Whether the honour board shows a recipient (DOMAIN-VN §6.8): collectives always; a person or a
 * family only with their standing consent; a minor only with both theirs and a guardian's.
 */
export function showsOnHonourBoard(r: { kind: 'individual' | 'family' | 'collective'; isMinor: boolean; selfConsent: boolean; guardianConsent: boolean }): boolean {
	if (r.kind === 'collective') return true;
	if (!r.selfConsent) return false;
	return !r.isMinor || r.guardianConsent;
}
