// Who may do what with activities. Pure: the service loads the activity, its campaign's node, its
// host unit and, for a partner's class, the partner's node first.
import { hasRoleAt, type Actor, type Role } from '../auth/actor';
import type { ActivityStatus, ActivityType } from '../../features/activities/types';
import { isPublicCampaignStatus, type CampaignStatus } from '../../features/campaigns/types';

/** Coordinators of the campaign's node run its whole programme. */
export const PROGRAMME_MANAGERS: readonly Role[] = ['coordinator'];

/** Leaders of a unit run the activities their unit hosts. */
export const HOST_MANAGERS: readonly Role[] = ['unit_leader'];

/** At the door: the host unit's staff check people in, and register citizens on their behalf. */
export const DOOR_STAFF: readonly Role[] = ['coordinator', 'unit_leader', 'staff'];


/** What the policy needs to know of an activity. */
export interface ActivityResource {
	campaignOrgPath: string;
	hostUnitPath: string;
	/** The node of the partner whose class it is, or null. */
	partnerNodePath: string | null;
	status: ActivityStatus;
	type: ActivityType;
}

/** True when the actor holds the partner role on the partner's node. */
function isPartnerOf(actor: Actor, partnerNodePath: string | null): boolean {
	return Boolean(partnerNodePath) && hasRoleAt(actor, ['partner'], partnerNodePath!);
}

/**
 * Who may create an activity hosted by a unit in a campaign: the campaign's coordinators, the host
 * unit's leaders, and a partner for its own training class (M12).
 */
export function canCreateActivity(actor: Actor, target: { campaignOrgPath: string; hostUnitPath: string; type: ActivityType; partnerNodePath: string | null }): boolean {
	if (hasRoleAt(actor, PROGRAMME_MANAGERS, target.campaignOrgPath)) return true;
	if (hasRoleAt(actor, HOST_MANAGERS, target.hostUnitPath)) return true;
	return target.type === 'training_class' && isPartnerOf(actor, target.partnerNodePath);
}

/** The same people edit, publish and cancel it, take its attendance by hand and mark completions. */
export function canManageActivity(actor: Actor, a: ActivityResource): boolean {
	return canCreateActivity(actor, { campaignOrgPath: a.campaignOrgPath, hostUnitPath: a.hostUnitPath, type: a.type, partnerNodePath: a.partnerNodePath });
}

/** Managers and the host unit's staff check people in and register citizens on their behalf. */
export function canStaffActivity(actor: Actor, a: ActivityResource): boolean {
	return canManageActivity(actor, a) || hasRoleAt(actor, DOOR_STAFF, a.hostUnitPath);
}

/** Published (and cancelled, which stays listed as cancelled) activities are public; drafts only for their staff. */
export function canReadActivity(actor: Actor, a: ActivityResource): boolean {
	return a.status !== 'draft' || canStaffActivity(actor, a) || hasRoleAt(actor, ['supervisor'], a.campaignOrgPath);
}

/**
 * Activities are planned with the plan, at any stage, but published to the public programme only
 * once the plan is public (issued, running or closed: a closed Week still shows what happened).
 */
export function campaignPublishesActivities(campaign: { status: CampaignStatus }): boolean {
	return isPublicCampaignStatus(campaign.status);
}
