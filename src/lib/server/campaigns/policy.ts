// Who may do what with a campaign. Pure: the service loads the campaign and its node's path first.
import { hasRoleAnywhere, hasRoleAt, scopePaths, type Actor, type Role } from '../auth/actor';
import type { CampaignAction, CampaignStatus } from '../../features/campaigns/types';

/**
 * The roles that may take each action on a campaign of a node, when held on that node or above.
 * `read` is about drafts and plans on their way to issue; issued, running and closed campaigns are
 * public. The system actor (seed, jobs) may do everything.
 */
export const CAMPAIGN_ACTION_ROLES: Record<CampaignAction, readonly Role[]> = {
	read: ['administrator', 'coordinator', 'unit_leader', 'supervisor'],
	// An administrator may open a node's first draft; the coordinator carries it from there.
	create: ['administrator', 'coordinator'],
	update: ['coordinator'],
	clone: ['coordinator'],
	submit: ['coordinator'],
	start: ['coordinator'],
	close: ['coordinator'],
	approve: ['unit_leader'],
	return: ['unit_leader'],
	issue: ['unit_leader']
};

export const PUBLIC_STATUSES: readonly CampaignStatus[] = ['issued', 'running', 'closed'];

/** What the policy needs to know of a campaign. */
export interface CampaignResource {
	/** The path of the campaign's node: `/<root>/…/<node>/`. */
	orgPath: string;
	status: CampaignStatus;
}

/** Anyone reads an issued, running or closed campaign; the rest only the back-office roles of its node or above. */
export function canReadCampaign(actor: Actor, campaign: CampaignResource): boolean {
	return PUBLIC_STATUSES.includes(campaign.status) || hasRoleAt(actor, CAMPAIGN_ACTION_ROLES.read, campaign.orgPath);
}

/** Whether the actor's roles allow `action` on a campaign of the node at `orgPath` (the workflow state is the service's check). */
export function canActOnCampaign(actor: Actor, action: CampaignAction, campaign: CampaignResource): boolean {
	if (action === 'read') return canReadCampaign(actor, campaign);
	return hasRoleAt(actor, CAMPAIGN_ACTION_ROLES[action], campaign.orgPath);
}

/** Whether the actor may open a new campaign on the node at `orgPath`. */
export function canCreateCampaign(actor: Actor, orgPath: string): boolean {
	return hasRoleAt(actor, CAMPAIGN_ACTION_ROLES.create, orgPath);
}

/** Whether the actor has a back-office list of campaigns at all. */
export function canListCampaigns(actor: Actor): boolean {
	return hasRoleAnywhere(actor, CAMPAIGN_ACTION_ROLES.read);
}

/** The node paths under which the actor reads every campaign, or 'all' for the system. */
export function campaignReadScope(actor: Actor): string[] | 'all' {
	if (actor.kind === 'system') return 'all';
	return scopePaths(actor, CAMPAIGN_ACTION_ROLES.read);
}
