// Reading the programme: the public programme by day with its filters, an activity's page, the
// campaign's activities for its staff, the roster, and a person's own registrations.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { hasRoleAt, type Actor } from '../../auth/actor';
import { listOrgNodesByIds } from '../../org/service';
import { findPartnerRow } from '../../partners/service';
import { distancingAt, getAdminUnit } from '../../localities/service';
import { CAMPAIGN_ACTION_ROLES, type CampaignDetail } from '../../campaigns/service';
import { isPublicCampaignStatus } from '$lib/features/campaigns/types';
import { isoDateInVietnam, formatDate } from '$lib/vn/dates';
import { foldVietnamese } from '$lib/vn/text';
import type { ActivityMode, ActivityType } from '$lib/features/activities/types';
import { canManageActivity, canStaffActivity, canReadActivity } from '../policy';
import {
	countRegistrations,
	countRegistrationsOf,
	selectActivities,
	selectActivity,
	selectAttendanceOf,
	selectConsentEvents,
	selectLiveRegistration,
	selectMaterial,
	selectMaterials,
	selectRegistrationsOf,
	selectRegistrationsOfUser
} from '../queries';
import type { ActivityMaterialRow, ActivityRow, AttendanceRow, RegistrationRow } from '../tables';
import { loadActivityContext, loadCampaign, requireReadableActivity, requireStaffedActivity, type ActivityContext } from './activity-context';

async function loadActivityContextFor(db: Db, a: ActivityRow, campaign: CampaignDetail): Promise<ActivityContext> {
	return loadActivityContext(db, a.id, { campaign });
}
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

/** Every activity of a campaign, drafts included, for those who plan or staff it; others see the public ones. */
export async function listCampaignActivities(db: Db, actor: Actor, campaignId: string): Promise<{ campaign: CampaignDetail; items: Array<ActivityCard & { canManage: boolean }> }> {
	const campaign = await loadCampaign(db, campaignId);
	const readsCampaign = isPublicCampaignStatus(campaign.status) || hasRoleAt(actor, CAMPAIGN_ACTION_ROLES.read, campaign.orgPath) || hasRoleAt(actor, ['staff', 'partner'], campaign.orgPath);
	if (!readsCampaign) throw new AppError('NOT_FOUND');
	const all = await selectActivities(db, { campaignIds: [campaign.id] });
	const units = new Map((await listOrgNodesByIds(db, all.map((a) => a.hostUnitId))).map((u) => [u.id, u.path]));
	const partnerPaths = new Map<string, string | null>();
	for (const id of new Set(all.map((a) => a.partnerId).filter(Boolean) as string[])) {
		const p = await findPartnerRow(db, id);
		const node = p ? (await listOrgNodesByIds(db, [p.nodeId]))[0] : undefined;
		partnerPaths.set(id, node?.path ?? null);
	}
	const visible: Array<{ a: ActivityRow; manage: boolean }> = [];
	for (const a of all) {
		const resource = { campaignOrgPath: campaign.orgPath, hostUnitPath: units.get(a.hostUnitId) ?? '', partnerNodePath: a.partnerId ? (partnerPaths.get(a.partnerId) ?? null) : null, status: a.status, type: a.type };
		if (canReadActivity(actor, resource)) visible.push({ a, manage: canManageActivity(actor, resource) });
	}
	const list = await cards(db, visible.map((v) => v.a));
	return { campaign, items: list.map((c, i) => ({ ...c, canManage: visible[i].manage })) };
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
	const order = a.mode !== 'online' && !a.onlineOnly && a.adminUnitCode ? await distancingAt(db, a.adminUnitCode, a.startsAt, a.endsAt) : null;
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
	for (const reg of regs) {
		const events = await selectConsentEvents(db, reg.id);
		const latest = new Map<string, boolean>();
		for (const e of events) latest.set(e.purpose, e.granted);
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
 * staffs at the door — across campaigns, soonest first, with whether it may manage each.
 */
export async function listMyWorkActivities(db: Db, actor: Actor): Promise<Array<ActivityCard & { canManage: boolean }>> {
	if (actor.kind !== 'user' || !actor.grants.length) return [];
	const all = await selectActivities(db, {});
	const campaigns = new Map<string, CampaignDetail>();
	const out: Array<{ a: ActivityRow; manage: boolean }> = [];
	for (const a of all) {
		if (!campaigns.has(a.campaignId)) campaigns.set(a.campaignId, await loadCampaign(db, a.campaignId));
		const ctx = await loadActivityContextFor(db, a, campaigns.get(a.campaignId)!);
		if (canStaffActivity(actor, ctx.resource)) out.push({ a, manage: canManageActivity(actor, ctx.resource) });
	}
	const list = await cards(db, out.map((o) => o.a));
	return list.map((c, i) => ({ ...c, canManage: out[i].manage }));
}
