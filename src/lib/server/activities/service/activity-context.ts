// What every activity use case loads first: the activity with its campaign, host unit and partner
// node, and the facts the policy decides on. Other domains are read as the system; the activities
// policy decides.
import { randomBytes, randomInt } from 'node:crypto';
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { systemActor, hasRoleAt, type Actor } from '../../auth/actor';
import { getCampaign, CAMPAIGN_ACTION_ROLES, type CampaignDetail } from '../../campaigns/service';
import { findOrgNode, type OrgNodeRow } from '../../org/service';
import { findPartnerRow } from '../../partners/service';
import { isPublicCampaignStatus } from '$lib/features/campaigns/types';
import { TICKET_ALPHABET, TICKET_CODE_LENGTH } from '$lib/features/activities/types';
import { canManageActivity, canReadActivity, canStaffActivity, type ActivityResource } from '../policy';
import { selectActivity } from '../queries';
import type { ActivityRow } from '../tables';

/** The activities domain reads campaigns, units and partners as the system, after its own policy. */
export const ACTIVITIES_SYSTEM = systemActor('activities');

/** An activity with everything its use cases and pages need. */
export interface ActivityContext {
	activity: ActivityRow;
	campaign: CampaignDetail;
	hostUnit: OrgNodeRow;
	partnerNodePath: string | null;
	resource: ActivityResource;
}

export async function loadCampaign(db: Db, campaignId: string): Promise<CampaignDetail> {
	return getCampaign(db, ACTIVITIES_SYSTEM, campaignId);
}

/** The path of a partner's own node, or null for no partner; VALIDATION when the partner is unknown. */
export async function partnerNodePath(db: Db, partnerId: string | null): Promise<string | null> {
	if (!partnerId) return null;
	const partner = await findPartnerRow(db, partnerId);
	const node = partner ? await findOrgNode(db, partner.nodeId) : undefined;
	if (!partner || !node) throw new AppError('VALIDATION', { fields: { partnerId: 'field_invalid' } });
	return node.path;
}

/** Loads an activity with its campaign, host unit and partner; NOT_FOUND when it does not exist. `lock` holds the row (inside a transaction). */
export async function loadActivityContext(db: Db, id: string, options: { lock?: boolean; campaign?: CampaignDetail } = {}): Promise<ActivityContext> {
	const activity = await selectActivity(db, id, options);
	if (!activity) throw new AppError('NOT_FOUND');
	const campaign = options.campaign?.id === activity.campaignId ? options.campaign : await loadCampaign(db, activity.campaignId);
	const hostUnit = await findOrgNode(db, activity.hostUnitId);
	if (!hostUnit) throw new AppError('NOT_FOUND');
	const partnerPath = activity.partnerId ? await partnerNodePath(db, activity.partnerId).catch(() => null) : null;
	return {
		activity,
		campaign,
		hostUnit,
		partnerNodePath: partnerPath,
		resource: { campaignOrgPath: campaign.orgPath, hostUnitPath: hostUnit.path, partnerNodePath: partnerPath, status: activity.status, type: activity.type }
	};
}

/**
 * The activity if the actor may read it: a published one of a public campaign is everyone's; a
 * draft, or one of a campaign not yet public, only its staff's. NOT_FOUND otherwise.
 */
export async function requireReadableActivity(db: Db, actor: Actor, id: string): Promise<ActivityContext> {
	const ctx = await loadActivityContext(db, id);
	const campaignVisible = isPublicCampaignStatus(ctx.campaign.status) || hasRoleAt(actor, CAMPAIGN_ACTION_ROLES.read, ctx.campaign.orgPath);
	if (!canReadActivity(actor, ctx.resource) || (!campaignVisible && !canStaffActivity(actor, ctx.resource))) throw new AppError('NOT_FOUND');
	return ctx;
}

/** The activity if the actor may manage it: NOT_FOUND when it may not read it, FORBIDDEN when it may read but not manage. */
export async function requireManagedActivity(db: Db, actor: Actor, id: string, options: { lock?: boolean } = {}): Promise<ActivityContext> {
	const ctx = await requireReadableActivity(db, actor, id);
	if (!canManageActivity(actor, ctx.resource)) throw new AppError('FORBIDDEN');
	return options.lock ? loadActivityContext(db, id, { lock: true, campaign: ctx.campaign }) : ctx;
}

/** The activity if the actor works its door (check-in, assisted registration). */
export async function requireStaffedActivity(db: Db, actor: Actor, id: string): Promise<ActivityContext> {
	const ctx = await requireReadableActivity(db, actor, id);
	if (!canStaffActivity(actor, ctx.resource)) throw new AppError('FORBIDDEN');
	return ctx;
}

/** A fresh ticket code: 8 characters without look-alikes (≈ 8.5 × 10¹¹ codes). */
export function newTicketCode(): string {
	let code = '';
	for (let i = 0; i < TICKET_CODE_LENGTH; i++) code += TICKET_ALPHABET[randomInt(TICKET_ALPHABET.length)];
	return code;
}

/** A secret for links sent by mail (cancel, join): 192 random bits. */
export function newToken(): string {
	return randomBytes(24).toString('base64url');
}

/** What the audit log keeps of an activity. */
export function activityAuditView(a: ActivityRow) {
	return {
		campaignId: a.campaignId,
		title: a.title,
		type: a.type,
		mode: a.mode,
		onlineOnly: a.onlineOnly,
		venue: a.venue,
		adminUnitCode: a.adminUnitCode,
		platform: a.platform,
		meetingUrl: a.meetingUrl,
		externalUrl: a.externalUrl,
		recordingUrl: a.recordingUrl,
		startsAt: a.startsAt,
		endsAt: a.endsAt,
		capacity: a.capacity,
		hostUnitId: a.hostUnitId,
		partnerId: a.partnerId,
		partnerIds: a.partnerIds,
		targetGroups: a.targetGroups,
		status: a.status
	};
}
