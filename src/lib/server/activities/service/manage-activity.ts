// Planning the programme: coordinators, host-unit leaders and partners create activities, check
// them against the distancing rule, publish, cancel, add materials and the recording afterwards.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { parseInput } from '../../core/http';
import { putFile, deleteStoredFile } from '../../core/storage';
import { hasRoleAt, type Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { findOrgNode, type OrgNodeRow } from '../../org/service';
import { partnersOfActor } from '../../partners/service';
import { distancingAt, getAdminUnit } from '../../localities/service';
import { foldVietnamese } from '$lib/vn/text';
import { formatDate } from '$lib/vn/dates';
import { activityInput, materialLinkInput, recordingInput, type ActivityInput, type ActivityInputData } from '$lib/features/activities/inputs';
import { MATERIAL_KINDS, MATERIAL_MAX_BYTES } from '$lib/features/activities/types';
import { heldOnsite } from '$lib/features/activities/format';
import { campaignPublishesActivities, canCreateActivity } from '../policy';
import { countRegistrations, insertActivity, insertMaterial, selectMaterial, deleteMaterial, updateActivityRow } from '../queries';
import type { ActivityMaterialRow, ActivityRow } from '../tables';
import { activityAuditView, loadCampaign, partnerNodePath, requireManagedActivity, type ActivityContext } from './activity-context';
import { notifyRegistrants } from './registration-mail';
import { fillFreePlaces } from './waitlist';
import { CAMPAIGN_ACTION_ROLES, type CampaignDetail } from '../../campaigns/service';
import { isPublicCampaignStatus } from '$lib/features/campaigns/types';

function searchText(data: { title: string; description: string; venue: string }): string {
	return foldVietnamese(`${data.title} ${data.description} ${data.venue}`);
}

/** The columns an activity takes from its validated input, on create and on edit. */
function activityColumns(data: ActivityInputData) {
	return {
		partnerIds: data.partnerIds,
		type: data.type,
		mode: data.mode,
		title: data.title,
		description: data.description,
		venue: data.venue,
		adminUnitCode: data.adminUnitCode,
		platform: data.platform,
		meetingUrl: data.meetingUrl,
		externalUrl: data.externalUrl,
		startsAt: data.startsAt,
		endsAt: data.endsAt,
		capacity: data.capacity,
		targetGroups: data.targetGroups,
		searchText: searchText(data)
	};
}

/**
 * The distancing rule (M6): an in-person or hybrid activity at a place under social distancing at
 * any time between its start and end is refused, naming the order. A hybrid activity moved online
 * only (`onlineOnly`) is no longer held in person.
 */
export async function assertNoDistancing(db: Db, data: { mode: ActivityRow['mode']; adminUnitCode: string | null; startsAt: Date; endsAt: Date; onlineOnly?: boolean }): Promise<void> {
	if (!heldOnsite({ mode: data.mode, onlineOnly: data.onlineOnly ?? false }) || !data.adminUnitCode) return;
	const order = await distancingAt(db, data.adminUnitCode, data.startsAt, data.endsAt);
	if (!order) return;
	const unit = await getAdminUnit(db, order.adminUnitCode);
	throw new AppError('VALIDATION', {
		fields: { mode: data.mode === 'hybrid' ? 'activities_distancing_hybrid' : 'activities_distancing_in_person' },
		detail: { place: unit.name, from: formatDate(order.startsOn), to: formatDate(order.endsOn), note: order.note }
	});
}

/** Checks the input against the campaign and the actor: host unit, place, partners. Returns the host unit and the partner's node path. */
async function resolveActivityInput(db: Db, actor: Actor, campaign: CampaignDetail, data: ActivityInputData): Promise<{ hostUnit: OrgNodeRow; partnerId: string | null; partnerPath: string | null }> {
	const hostUnit = await findOrgNode(db, data.hostUnitId ?? campaign.orgId);
	if (!hostUnit) throw new AppError('VALIDATION', { fields: { hostUnitId: 'field_invalid' } });
	if (!hostUnit.path.startsWith(campaign.orgPath)) throw new AppError('VALIDATION', { fields: { hostUnitId: 'activities_host_outside' } });
	if (data.adminUnitCode) {
		await getAdminUnit(db, data.adminUnitCode).catch(() => {
			throw new AppError('VALIDATION', { fields: { adminUnitCode: 'field_invalid' } });
		});
	}
	let partnerId = data.partnerId;
	// A partner's account creating a class acts for its own partner.
	if (!partnerId && data.type === 'training_class') partnerId = (await partnersOfActor(db, actor))[0]?.id ?? null;
	const partnerPath = await partnerNodePath(db, partnerId);
	for (const id of data.partnerIds) await partnerNodePath(db, id).catch(() => {
		throw new AppError('VALIDATION', { fields: { partnerIds: 'field_invalid' } });
	});
	return { hostUnit, partnerId, partnerPath };
}

/** NOT_FOUND when the actor may not even read the campaign; FORBIDDEN when it may read but not plan there. */
export function refuseCreate(actor: Actor, campaign: CampaignDetail): never {
	const visible = isPublicCampaignStatus(campaign.status) || hasRoleAt(actor, CAMPAIGN_ACTION_ROLES.read, campaign.orgPath) || hasRoleAt(actor, ['partner', 'staff'], campaign.orgPath);
	throw new AppError(visible ? 'FORBIDDEN' : 'NOT_FOUND');
}

/**
 * Creates a draft activity of the campaign. Allowed to the campaign's coordinators, the host unit's
 * leaders, and a partner for its own training class. Refuses bad input (VALIDATION): an end not
 * after the start, a meeting link not of its platform, a negative capacity, a host unit outside the
 * campaign's organisation, and an in-person or hybrid activity at a place under distancing.
 */
export async function createActivity(db: Db, actor: Actor, campaignId: string, input: ActivityInput): Promise<ActivityRow> {
	const campaign = await loadCampaign(db, campaignId);
	const data = parseInput(activityInput, input);
	const { hostUnit, partnerId, partnerPath } = await resolveActivityInput(db, actor, campaign, data);
	if (!canCreateActivity(actor, { campaignOrgPath: campaign.orgPath, hostUnitPath: hostUnit.path, type: data.type, partnerNodePath: partnerPath })) refuseCreate(actor, campaign);
	await assertNoDistancing(db, data);
	const at = now();
	return db.transaction(async (tx) => {
		const row = await insertActivity(tx, {
			id: newId(),
			orgId: campaign.orgId,
			campaignId: campaign.id,
			hostUnitId: hostUnit.id,
			partnerId,
			...activityColumns(data),
			codeSecret: randomBytes(16).toString('hex'),
			createdBy: actor.userId ?? actor.name ?? actor.kind,
			createdAt: at,
			updatedAt: at
		});
		await recordAudit(tx, actor, { orgId: campaign.orgId, orgPath: campaign.orgPath, entity: 'activity', entityId: row.id, action: 'create', after: activityAuditView(row) });
		return row;
	});
}

/**
 * Changes an activity. Refuses what createActivity refuses, an activity the actor may not see
 * (NOT_FOUND) or manage (FORBIDDEN), a cancelled one (INVALID_TRANSITION), a capacity below the
 * places already given (VALIDATION capacity), and an edit from an older version (STALE).
 */
export async function updateActivity(db: Db, actor: Actor, activityId: string, input: ActivityInput, options: { expectedVersion?: number } = {}): Promise<ActivityRow> {
	const ctx = await requireManagedActivity(db, actor, activityId);
	if (ctx.activity.status === 'cancelled') throw new AppError('INVALID_TRANSITION');
	const data = parseInput(activityInput, input);
	const { hostUnit, partnerId, partnerPath } = await resolveActivityInput(db, actor, ctx.campaign, data);
	if (!canCreateActivity(actor, { campaignOrgPath: ctx.campaign.orgPath, hostUnitPath: hostUnit.path, type: data.type, partnerNodePath: partnerPath })) throw new AppError('FORBIDDEN');
	const onlineOnly = data.mode === 'hybrid' && ctx.activity.onlineOnly;
	await assertNoDistancing(db, { ...data, onlineOnly });
	return db.transaction(async (tx) => {
		const current = (await requireManagedActivity(tx, actor, activityId, { lock: true })).activity;
		if (options.expectedVersion !== undefined && current.version !== options.expectedVersion) throw new AppError('STALE');
		const { registered } = await countRegistrations(tx, current.id);
		if (data.capacity !== null && data.capacity < registered) throw new AppError('VALIDATION', { fields: { capacity: 'activities_capacity_below_registered' }, detail: { registered } });
		const row = await updateActivityRow(tx, current.id, {
			hostUnitId: hostUnit.id,
			partnerId,
			...activityColumns(data),
			onlineOnly,
			updatedAt: now()
		});
		await recordAudit(tx, actor, { orgId: row.orgId, orgPath: ctx.campaign.orgPath, entity: 'activity', entityId: row.id, action: 'update', before: activityAuditView(current), after: activityAuditView(row) });
		// More places (or no limit any more): the waitlist moves up.
		await fillFreePlaces(tx, row);
		return row;
	});
}

async function changeStatus(db: Db, actor: Actor, ctx: ActivityContext, patch: Partial<ActivityRow>, action: string): Promise<ActivityRow> {
	return db.transaction(async (tx) => {
		const row = await updateActivityRow(tx, ctx.activity.id, { ...patch, updatedAt: now() });
		await recordAudit(tx, actor, { orgId: row.orgId, orgPath: ctx.campaign.orgPath, entity: 'activity', entityId: row.id, action, before: activityAuditView(ctx.activity), after: activityAuditView(row) });
		return row;
	});
}

/** Publishes a draft to the public programme; refuses a plan not yet public and a place under distancing. */
export async function publishActivity(db: Db, actor: Actor, activityId: string): Promise<ActivityRow> {
	const ctx = await requireManagedActivity(db, actor, activityId);
	if (ctx.activity.status !== 'draft' || !campaignPublishesActivities(ctx.campaign)) throw new AppError('INVALID_TRANSITION');
	await assertNoDistancing(db, ctx.activity);
	return changeStatus(db, actor, ctx, { status: 'published', publishedAt: now() }, 'publish');
}

/** Cancels an activity; its registrants are told by mail. */
export async function cancelActivity(db: Db, actor: Actor, activityId: string): Promise<ActivityRow> {
	const ctx = await requireManagedActivity(db, actor, activityId);
	if (ctx.activity.status === 'cancelled') throw new AppError('INVALID_TRANSITION');
	return db.transaction(async (tx) => {
		const row = await changeStatus(tx, actor, ctx, { status: 'cancelled' }, 'cancel');
		await notifyRegistrants(tx, row, 'activity_cancelled');
		return row;
	});
}

/**
 * Moves a hybrid activity online only (its place came under distancing): the meeting goes on, the
 * room does not, and every registrant is told by mail.
 */
export async function moveActivityOnline(db: Db, actor: Actor, activityId: string): Promise<ActivityRow> {
	const ctx = await requireManagedActivity(db, actor, activityId);
	if (ctx.activity.mode !== 'hybrid' || ctx.activity.onlineOnly || ctx.activity.status === 'cancelled') throw new AppError('INVALID_TRANSITION');
	return db.transaction(async (tx) => {
		const row = await changeStatus(tx, actor, ctx, { onlineOnly: true }, 'move_online');
		await notifyRegistrants(tx, row, 'moved_online');
		return row;
	});
}

/** Adds (or clears) the recording link after the activity. */
export async function setActivityRecording(db: Db, actor: Actor, activityId: string, input: { recordingUrl?: unknown }): Promise<ActivityRow> {
	const ctx = await requireManagedActivity(db, actor, activityId);
	const { recordingUrl } = parseInput(recordingInput, input);
	return changeStatus(db, actor, ctx, { recordingUrl }, 'set_recording');
}

/** Adds a material given as a link. */
export async function addMaterialLink(db: Db, actor: Actor, activityId: string, input: { title?: unknown; url?: unknown }): Promise<ActivityMaterialRow> {
	const ctx = await requireManagedActivity(db, actor, activityId);
	const data = parseInput(materialLinkInput, input);
	return insertMaterial(db, { id: newId(), activityId, orgId: ctx.activity.orgId, title: data.title, url: data.url, createdBy: actor.userId ?? null });
}

/** Adds a material file (PDF, pictures, Office), refused before it is stored when too large or of another kind. */
export async function addMaterialFile(db: Db, actor: Actor, activityId: string, file: { name: string; bytes: Uint8Array; title?: string }): Promise<ActivityMaterialRow> {
	const ctx = await requireManagedActivity(db, actor, activityId);
	if (!file.bytes.byteLength) throw new AppError('VALIDATION', { fields: { file: 'field_required' } });
	const stored = await putFile(file.bytes, { prefix: 'activity-materials', maxBytes: MATERIAL_MAX_BYTES, accept: [...MATERIAL_KINDS] });
	try {
		return await insertMaterial(db, {
			id: newId(),
			activityId,
			orgId: ctx.activity.orgId,
			title: (file.title ?? '').trim() || file.name,
			fileKey: stored.key,
			fileName: file.name,
			contentType: stored.contentType,
			size: stored.size,
			sha256: stored.sha256,
			createdBy: actor.userId ?? null
		});
	} catch (e) {
		await deleteStoredFile(stored.key);
		throw e;
	}
}

/** Removes a material (and its file). */
export async function removeMaterial(db: Db, actor: Actor, activityId: string, materialId: string): Promise<void> {
	await requireManagedActivity(db, actor, activityId);
	const material = await selectMaterial(db, materialId);
	if (!material || material.activityId !== activityId) throw new AppError('NOT_FOUND');
	await deleteMaterial(db, materialId);
	if (material.fileKey) await deleteStoredFile(material.fileKey);
}
