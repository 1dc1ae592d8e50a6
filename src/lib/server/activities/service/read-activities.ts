// Reading the programme: the public programme by day with its filters, an activity's page, the
// campaign's activities for its staff, the roster, and a person's own registrations.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { hasRoleAt, scopePaths, type Actor } from '../../auth/actor';
import { listOrgNodesByIds, listOrgTree } from '../../org/service';
import { findPartnerRow, partnersOfActor } from '../../partners/service';
import { distancingAt, getAdminUnit } from '../../localities/service';
import { CAMPAIGN_ACTION_ROLES, type CampaignDetail } from '../../campaigns/service';
import { isPublicCampaignStatus } from '$lib/features/campaigns/types';
import { isoDateInVietnam, formatDate } from '$lib/vn/dates';
import { foldVietnamese } from '$lib/vn/text';
import type { ActivityMode, ActivityType } from '$lib/features/activities/types';
import { heldOnsite } from '$lib/features/activities/format';
import { canManageActivity, canStaffActivity, canReadActivity, DOOR_STAFF, HOST_MANAGERS, PROGRAMME_MANAGERS, type ActivityResource } from '../policy';
import {
	countRegistrations,
	countRegistrationsOf,
	selectActivities,
	selectActivitiesTouching,
	selectConsentEventsOf,
	selectActivity,
	selectAttendanceOf,
	selectLiveRegistration,
	selectMaterial,
	selectMaterials,
	selectRegistrationsOf,
	selectRegistrationsOfUser
} from '../queries';
import type { ActivityMaterialRow, ActivityRow, AttendanceRow, RegistrationRow } from '../tables';
import { ACTIVITIES_SYSTEM, loadCampaign, requireReadableActivity, requireStaffedActivity, type ActivityContext } from './activity-context';
import { registrationClosedReason } from './register';
import { readStoredFile } from '../../core/storage';

export interface ProgrammeFilters {
	mode?: ActivityMode;
	type?: ActivityType;
	group?: string;
	q?: string;
}

export interface ActivityCard {
	activity: ActivityRow;
	hostName: string;
	registered: number;
	waitlisted: number;
	placesLeft: number | null;
}

export interface ProgrammeDay {
	/** yyyy-mm-dd in Vietnam. */
	day: string;
	items: ActivityCard[];
}

async function cards(db: Db, activities: ActivityRow[]): Promise<ActivityCard[]> {
	const counts = await countRegistrationsOf(
		db,
		activities.map((a) => a.id)
	);
	const units = new Map((await listOrgNodesByIds(db, activities.map((a) => a.hostUnitId))).map((u) => [u.id, u.name]));
	return activities.map((a) => {
		const c = counts.get(a.id) ?? { registered: 0, waitlisted: 0 };
		return { activity: a, hostName: units.get(a.hostUnitId) ?? '', ...c, placesLeft: a.capacity === null ? null : Math.max(0, a.capacity - c.registered) };
	});
}

function matches(a: ActivityRow, f: ProgrammeFilters): boolean {
	if (f.mode && a.mode !== f.mode) return false;
	if (f.type && a.type !== f.type) return false;
	if (f.group && !a.targetGroups.includes(f.group)) return false;
	if (f.q && !a.searchText.includes(foldVietnamese(f.q))) return false;
	return true;
}

/** Groups activities by their Vietnam start day, in order. */
export function byDay(items: ActivityCard[]): ProgrammeDay[] {
	const days = new Map<string, ActivityCard[]>();
	for (const item of items) {
		const day = isoDateInVietnam(item.activity.startsAt);
		days.set(day, [...(days.get(day) ?? []), item]);
	}
	return [...days.entries()].map(([day, list]) => ({ day, items: list }));
}

/**
 * The public programme of a campaign, by day: its published (and cancelled, shown as such)
 * activities under the filters. NOT_FOUND for a campaign that is not public.
 */
export async function getProgramme(db: Db, campaignId: string, filters: ProgrammeFilters = {}): Promise<{ campaign: CampaignDetail; days: ProgrammeDay[]; total: number }> {
	const campaign = await loadCampaign(db, campaignId);
	if (!isPublicCampaignStatus(campaign.status)) throw new AppError('NOT_FOUND');
	const activities = (await selectActivities(db, { campaignIds: [campaign.id] })).filter((a) => a.status !== 'draft' && matches(a, filters));
	return { campaign, days: byDay(await cards(db, activities)), total: activities.length };
}

/**
 * The facts the policy decides on for a batch of activities, read in a few queries: the campaigns'
 * nodes, the host units' paths and the partners' nodes.
 */
async function resourcesOf(db: Db, activities: ActivityRow[], knownCampaigns: CampaignDetail[] = []): Promise<Map<string, ActivityResource>> {
	const campaigns = new Map(knownCampaigns.map((c) => [c.id, c]));
	for (const id of new Set(activities.map((a) => a.campaignId))) if (!campaigns.has(id)) campaigns.set(id, await loadCampaign(db, id));
	const partnerIds = [...new Set(activities.map((a) => a.partnerId).filter(Boolean) as string[])];
	const partners = new Map<string, string>();
	for (const id of partnerIds) {
		const p = await findPartnerRow(db, id);
		if (p) partners.set(id, p.nodeId);
	}
	const nodes = new Map((await listOrgNodesByIds(db, [...activities.map((a) => a.hostUnitId), ...partners.values()])).map((n) => [n.id, n.path]));
	return new Map(
		activities.map((a) => {
			const partnerNode = a.partnerId ? partners.get(a.partnerId) : undefined;
			return [
				a.id,
				{
					campaignOrgPath: campaigns.get(a.campaignId)!.orgPath,
					hostUnitPath: nodes.get(a.hostUnitId) ?? '',
					partnerNodePath: partnerNode ? (nodes.get(partnerNode) ?? null) : null,
					status: a.status,
					type: a.type
				}
			];
		})
	);
}

export type WorkCard = ActivityCard & { canManage: boolean; canStaff: boolean };

async function workCards(db: Db, actor: Actor, activities: ActivityRow[], keep: (r: ActivityResource) => boolean, campaigns: CampaignDetail[] = []): Promise<WorkCard[]> {
	const resources = await resourcesOf(db, activities, campaigns);
	const visible = activities.filter((a) => keep(resources.get(a.id)!));
	const list = await cards(db, visible);
	return list.map((c) => {
		const r = resources.get(c.activity.id)!;
		return { ...c, canManage: canManageActivity(actor, r), canStaff: canStaffActivity(actor, r) };
	});
}

/** Every activity of a campaign, drafts included, for those who plan or staff it; others see the public ones. */
export async function listCampaignActivities(db: Db, actor: Actor, campaignId: string): Promise<{ campaign: CampaignDetail; items: WorkCard[] }> {
	const campaign = await loadCampaign(db, campaignId);
	const readsCampaign = isPublicCampaignStatus(campaign.status) || hasRoleAt(actor, CAMPAIGN_ACTION_ROLES.read, campaign.orgPath) || hasRoleAt(actor, ['staff', 'partner'], campaign.orgPath);
	if (!readsCampaign) throw new AppError('NOT_FOUND');
	const all = await selectActivities(db, { campaignIds: [campaign.id] });
	return { campaign, items: await workCards(db, actor, all, (r) => canReadActivity(actor, r), [campaign]) };
}

export interface ActivityPage {
	ctx: ActivityContext;
	hostName: string;
	partnerName: string | null;
	partnerNames: string[];
	placeName: string | null;
	materials: ActivityMaterialRow[];
	registered: number;
	waitlisted: number;
	placesLeft: number | null;
	closedReason: string | null;
	myRegistration: RegistrationRow | null;
	canManage: boolean;
	canStaff: boolean;
	/** The distancing order over the activity's place and time, if any (M6). */
	distancing: { place: string; from: string; to: string; note: string } | null;
}

/** An activity's page: what it is, where and when, places left, materials, the viewer's registration and rights. */
export async function getActivityPage(db: Db, actor: Actor, id: string): Promise<ActivityPage> {
	const ctx = await requireReadableActivity(db, actor, id);
	const a = ctx.activity;
	const counts = await countRegistrations(db, a.id);
	const partner = a.partnerId ? await findPartnerRow(db, a.partnerId) : undefined;
	const partnerNames: string[] = [];
	for (const pid of a.partnerIds) {
		const p = await findPartnerRow(db, pid);
		if (p) partnerNames.push(p.name);
	}
	const place = a.adminUnitCode ? await getAdminUnit(db, a.adminUnitCode).catch(() => undefined) : undefined;
	const order = heldOnsite(a) && a.adminUnitCode ? await distancingAt(db, a.adminUnitCode, a.startsAt, a.endsAt) : null;
	const orderPlace = order ? await getAdminUnit(db, order.adminUnitCode).catch(() => undefined) : undefined;
	const mine = actor.kind === 'user' && actor.userId ? await selectLiveRegistration(db, a.id, { userId: actor.userId }) : undefined;
	return {
		ctx,
		hostName: ctx.hostUnit.name,
		partnerName: partner?.name ?? null,
		partnerNames,
		placeName: place?.name ?? null,
		materials: await selectMaterials(db, a.id),
		...counts,
		placesLeft: a.capacity === null ? null : Math.max(0, a.capacity - counts.registered),
		closedReason: registrationClosedReason(a),
		myRegistration: mine ?? null,
		canManage: canManageActivity(actor, ctx.resource),
		canStaff: canStaffActivity(actor, ctx.resource),
		distancing: order ? { place: orderPlace?.name ?? order.adminUnitCode, from: formatDate(order.startsOn), to: formatDate(order.endsOn), note: order.note } : null
	};
}

export interface RosterEntry {
	registration: RegistrationRow;
	onsite: AttendanceRow | null;
	online: AttendanceRow | null;
	consents: string[];
}

/** The registrants of an activity with their attendance and consents, for its staff; FORBIDDEN for others. */
export async function getRoster(db: Db, actor: Actor, activityId: string): Promise<{ ctx: ActivityContext; entries: RosterEntry[]; canManage: boolean }> {
	const ctx = await requireStaffedActivity(db, actor, activityId);
	const regs = await selectRegistrationsOf(db, activityId);
	const attendance = await selectAttendanceOf(db, activityId);
	const entries: RosterEntry[] = [];
	const events = await selectConsentEventsOf(db, regs.map((r) => r.id));
	for (const reg of regs) {
		const latest = new Map<string, boolean>();
		for (const e of events.filter((x) => x.registrationId === reg.id)) latest.set(e.purpose, e.granted);
		entries.push({
			registration: reg,
			onsite: attendance.find((x) => x.registrationId === reg.id && x.mode === 'onsite') ?? null,
			online: attendance.find((x) => x.registrationId === reg.id && x.mode === 'online') ?? null,
			consents: [...latest.entries()].filter(([, g]) => g).map(([p]) => p)
		});
	}
	return { ctx, entries, canManage: canManageActivity(actor, ctx.resource) };
}

/** The signed-in person's registrations (not cancelled) with their activities, soonest first. */
export async function listMyRegistrations(db: Db, actor: Actor): Promise<Array<{ registration: RegistrationRow; activity: ActivityRow }>> {
	if (actor.kind !== 'user' || !actor.userId) throw new AppError('UNAUTHENTICATED');
	const out: Array<{ registration: RegistrationRow; activity: ActivityRow }> = [];
	for (const registration of await selectRegistrationsOfUser(db, actor.userId)) {
		const activity = await selectActivity(db, registration.activityId);
		if (activity) out.push({ registration, activity });
	}
	return out.sort((x, y) => x.activity.startsAt.getTime() - y.activity.startsAt.getTime());
}

/** A material file of an activity the actor may read. */
export async function readMaterialFile(db: Db, actor: Actor, activityId: string, materialId: string): Promise<{ material: ActivityMaterialRow; bytes: Buffer }> {
	await requireReadableActivity(db, actor, activityId);
	const material = await selectMaterial(db, materialId);
	if (!material || material.activityId !== activityId || !material.fileKey) throw new AppError('NOT_FOUND');
	return { material, bytes: await readStoredFile(material.fileKey) };
}

/**
 * The activities the actor works on — manages (coordinator, host leader, partner of a class) or
 * staffs at the door — across campaigns, soonest first, with what it may do with each. Only the
 * activities of the nodes under the actor's grants (and of its partners) are read.
 */
export async function listMyWorkActivities(db: Db, actor: Actor): Promise<WorkCard[]> {
	if (actor.kind !== 'user') return [];
	const paths = scopePaths(actor, [...DOOR_STAFF, ...HOST_MANAGERS, ...PROGRAMME_MANAGERS, 'partner']);
	if (!paths.length) return [];
	const nodeIds = (await listOrgTree(db, ACTIVITIES_SYSTEM)).filter((n) => paths.some((p) => n.path.startsWith(p))).map((n) => n.id);
	const partnerIds = (await partnersOfActor(db, actor)).map((p) => p.id);
	const candidates = await selectActivitiesTouching(db, { nodeIds, partnerIds });
	return workCards(db, actor, candidates, (r) => canStaffActivity(actor, r));
}
