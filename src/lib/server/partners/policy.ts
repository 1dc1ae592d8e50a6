// Who may do what with partners, sponsorships and the apps directory. Pure: the service loads the
// partner's agency and node (their paths) first.
import { hasRoleAnywhere, hasRoleAt, ROLES, type Actor, type Role } from '../auth/actor';

/** Coordinators and administrators of the agency or above add partners and keep their details (PRODUCT M12). */
export const PARTNER_MANAGERS: readonly Role[] = ['administrator', 'coordinator'];

/** Who reads an agency's partners: its back office and the bodies above it. */
export const PARTNER_READERS: readonly Role[] = ['administrator', 'coordinator', 'unit_leader', 'supervisor'];

/** Sponsorships are official figures of the report (M16): the coordinator records them. */
export const SPONSORSHIP_RECORDERS: readonly Role[] = ['coordinator'];

/** Who proposes an app for an organisation's directory: its partners' accounts and its people. */
export const EDU_APP_PROPOSERS: readonly Role[] = ['partner', 'staff', 'unit_leader', 'coordinator'];

/** Coordinators of the app's organisation or above approve what the directory shows children. */
export const EDU_APP_REVIEWERS: readonly Role[] = ['coordinator'];

/** What the policy needs to know of a partner. */
export interface PartnerResource {
	/** The path of the agency it partners. */
	agencyPath: string;
	/** The path of the partner's own node. */
	nodePath: string;
}

/** The actor is one of the partner's own accounts: role `partner` on its node (or on a node of it). */
export function isPartnerAccount(actor: Actor, partner: PartnerResource): boolean {
	return actor.kind === 'user' && actor.grants.some((g) => g.role === 'partner' && g.orgPath.startsWith(partner.nodePath));
}

/** Coordinators and administrators of the agency or above add its partners. */
export function canManagePartners(actor: Actor, agency: { path: string }): boolean {
	return hasRoleAt(actor, PARTNER_MANAGERS, agency.path);
}

/** The agency's back office (or above) and the partner's own accounts read a partner; a partner account never reads another partner. */
export function canReadPartner(actor: Actor, partner: PartnerResource): boolean {
	return hasRoleAt(actor, PARTNER_READERS, partner.agencyPath) || isPartnerAccount(actor, partner);
}

/** Coordinators and administrators of the agency or above change a partner and its contacts. */
export function canManagePartner(actor: Actor, partner: PartnerResource): boolean {
	return canManagePartners(actor, { path: partner.agencyPath });
}

/** Coordinators of the partner's agency or above record what it gave. */
export function canRecordSponsorship(actor: Actor, partner: PartnerResource): boolean {
	return hasRoleAt(actor, SPONSORSHIP_RECORDERS, partner.agencyPath);
}

/** The back office of a campaign's node or above reads all its sponsorships. */
export function canReadSponsorships(actor: Actor, campaign: { orgPath: string }): boolean {
	return hasRoleAt(actor, PARTNER_READERS, campaign.orgPath);
}

/**
 * Partners' accounts, staff, unit leaders and coordinators propose apps for an organisation when
 * their role is on it, above it, or below it (a partner's node and a department lie below the agency).
 */
export function canProposeEduApp(actor: Actor, org: { path: string }): boolean {
	if (hasRoleAt(actor, EDU_APP_PROPOSERS, org.path)) return true;
	return actor.grants.some((g) => EDU_APP_PROPOSERS.includes(g.role) && g.orgPath.startsWith(org.path));
}

/** Coordinators of the app's organisation or above decide on it. */
export function canReviewEduApp(actor: Actor, org: { path: string }): boolean {
	return hasRoleAt(actor, EDU_APP_REVIEWERS, org.path);
}

/** The actor decides on apps somewhere: the review queue is its page. */
export function reviewsEduApps(actor: Actor): boolean {
	return hasRoleAnywhere(actor, EDU_APP_REVIEWERS);
}

/** Any role on an organisation or above lets one know it exists (a refusal is then FORBIDDEN, not NOT_FOUND). */
export function canSeeOrg(actor: Actor, org: { path: string }): boolean {
	return hasRoleAt(actor, ROLES, org.path);
}
