// Attendance (M6, M9): on site by ticket (scanned or typed) or by the host's rotating activity
// code; online through the registrant's join link; self-reported for an international forum
// (M14); corrected by hand by the host. Onsite and online are kept apart.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { parseInput } from '../../core/http';
import { actorLabel, type Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { activityCodeInput, learningNoteInput, ticketCodeInput } from '$lib/features/activities/inputs';
import { heldOnsite } from '$lib/features/activities/format';
import { ACTIVITY_CODE_LENGTH, ACTIVITY_CODE_PERIOD_SECONDS, type AttendanceMethod, type AttendanceMode } from '$lib/features/activities/types';
import { deleteAttendance, insertAttendance, insertRegistration, selectLiveRegistration, selectRegistration, selectRegistrationByTicket, selectRegistrationByToken, updateRegistrationRow } from '../queries';
import type { ActivityRow, AttendanceRow, RegistrationRow } from '../tables';
import { loadActivityContext, newTicketCode, newToken, requireManagedActivity, requireReadableActivity, requireStaffedActivity } from './activity-context';

/** Online joins are recorded from this long before the start until the end. */
export const JOIN_OPENS_BEFORE_MS = 60 * 60_000;

async function record(db: Db, reg: RegistrationRow, mode: AttendanceMode, method: AttendanceMethod, recordedBy: string | null): Promise<{ attendance: AttendanceRow | null; already: boolean }> {
	const row = await insertAttendance(db, { id: newId(), activityId: reg.activityId, registrationId: reg.id, orgId: reg.orgId, mode, method, recordedBy, at: now() });
	return { attendance: row ?? null, already: !row };
}

export interface CheckInResult {
	registration: RegistrationRow;
	already: boolean;
}

/**
 * Staff check a registrant in at the door by the ticket's code, typed or read from its QR code.
 * Refuses (VALIDATION, field `code`) an unknown code, a ticket of another activity, a waitlisted or
 * cancelled registration, and an activity not held on site; FORBIDDEN to anyone but its staff.
 */
export async function checkInByTicket(db: Db, actor: Actor, activityId: string, input: { code?: unknown }, method: Extract<AttendanceMethod, 'ticket_code' | 'ticket_scan'> = 'ticket_code'): Promise<CheckInResult> {
	const ctx = await requireStaffedActivity(db, actor, activityId);
	const { code } = parseInput(ticketCodeInput, input);
	if (!heldOnsite(ctx.activity)) throw new AppError('VALIDATION', { fields: { code: 'activities_checkin_not_onsite' } });
	const reg = await selectRegistrationByTicket(db, code);
	if (!reg) throw new AppError('VALIDATION', { fields: { code: 'activities_ticket_unknown' } });
	if (reg.activityId !== activityId) throw new AppError('VALIDATION', { fields: { code: 'activities_ticket_other_activity' } });
	if (reg.status !== 'registered') throw new AppError('VALIDATION', { fields: { code: `activities_ticket_${reg.status}` } });
	const { already } = await record(db, reg, 'onsite', method, actorLabel(actor));
	return { registration: reg, already };
}

/** The code of a time window: six digits from an HMAC of the activity's secret. */
function codeAt(secret: string, window: number): string {
	const digest = createHmac('sha256', secret).update(String(window)).digest();
	const n = digest.readUInt32BE(digest.length - 4) % 10 ** ACTIVITY_CODE_LENGTH;
	return String(n).padStart(ACTIVITY_CODE_LENGTH, '0');
}

function windowAt(at: Date): number {
	return Math.floor(at.getTime() / 1000 / ACTIVITY_CODE_PERIOD_SECONDS);
}

/** The rotating code the host shows on screen, and when it changes. For the activity's staff only. */
export async function currentActivityCode(db: Db, actor: Actor, activityId: string): Promise<{ code: string; changesAt: Date }> {
	const ctx = await requireStaffedActivity(db, actor, activityId);
	const at = now();
	const window = windowAt(at);
	return { code: codeAt(ctx.activity.codeSecret, window), changesAt: new Date((window + 1) * ACTIVITY_CODE_PERIOD_SECONDS * 1000) };
}

/** True when `code` is the current window's or the previous one's (a code read just as it changed). */
export function activityCodeMatches(secret: string, code: string, at: Date = now()): boolean {
	const window = windowAt(at);
	return [window, window - 1].some((w) => timingSafeEqual(Buffer.from(codeAt(secret, w)), Buffer.from(code.padEnd(ACTIVITY_CODE_LENGTH).slice(0, ACTIVITY_CODE_LENGTH))));
}

async function selfCheckIn(db: Db, reg: RegistrationRow, activity: ActivityRow, input: { code?: unknown }): Promise<CheckInResult> {
	const { code } = parseInput(activityCodeInput, input);
	if (!heldOnsite(activity)) throw new AppError('VALIDATION', { fields: { code: 'activities_checkin_not_onsite' } });
	if (reg.status !== 'registered') throw new AppError('VALIDATION', { fields: { code: `activities_ticket_${reg.status}` } });
	if (!activityCodeMatches(activity.codeSecret, code)) throw new AppError('VALIDATION', { fields: { code: 'activities_code_wrong' } });
	const { already } = await record(db, reg, 'onsite', 'activity_code', null);
	return { registration: reg, already };
}

/** A signed-in registrant checks themselves in with the code the host shows. */
export async function checkInWithActivityCode(db: Db, actor: Actor, activityId: string, input: { code?: unknown }): Promise<CheckInResult> {
	const ctx = await requireReadableActivity(db, actor, activityId);
	const reg = actor.kind === 'user' ? await selectLiveRegistration(db, activityId, { userId: actor.userId }) : undefined;
	if (!reg) throw new AppError('VALIDATION', { fields: { code: 'activities_not_registered' } });
	return selfCheckIn(db, reg, ctx.activity, input);
}

/** A guest checks in with the host's code from their registration page (the mailed token is the proof). */
export async function checkInWithActivityCodeByToken(db: Db, token: string, input: { code?: unknown }): Promise<CheckInResult> {
	const reg = token ? await selectRegistrationByToken(db, token) : undefined;
	if (!reg) throw new AppError('NOT_FOUND');
	const ctx = await loadActivityContext(db, reg.activityId);
	return selfCheckIn(db, reg, ctx.activity, input);
}

export type JoinOutcome = { open: true; meetingUrl: string } | { open: false; reason: 'not_yet' | 'ended' | 'cancelled' | 'not_registered' | 'not_online'; activity: ActivityRow };

/**
 * The registrant's join link: records the online attendance (once) and gives the meeting link to
 * redirect to. Before the join window opens, after the end, for a waitlisted or cancelled
 * registration or an activity without an online part, nothing is recorded and the reason is given.
 */
export async function joinByToken(db: Db, token: string): Promise<JoinOutcome> {
	const reg = token ? await selectRegistrationByToken(db, token) : undefined;
	if (!reg) throw new AppError('NOT_FOUND');
	const { activity } = await loadActivityContext(db, reg.activityId);
	const at = now();
	if (activity.status === 'cancelled') return { open: false, reason: 'cancelled', activity };
	if (activity.mode === 'in_person' || !activity.meetingUrl) return { open: false, reason: 'not_online', activity };
	if (reg.status !== 'registered') return { open: false, reason: 'not_registered', activity };
	if (at.getTime() < activity.startsAt.getTime() - JOIN_OPENS_BEFORE_MS) return { open: false, reason: 'not_yet', activity };
	if (at > activity.endsAt) return { open: false, reason: 'ended', activity };
	await record(db, reg, 'online', 'join_link', null);
	return { open: true, meetingUrl: activity.meetingUrl };
}

/**
 * The host corrects attendance by hand: marks a registrant present or absent, on site or online.
 * Audited. Refuses anyone but the activity's managers (FORBIDDEN) and a registration of another activity.
 */
export async function setAttendance(db: Db, actor: Actor, activityId: string, input: { registrationId: string; mode: AttendanceMode; present: boolean }): Promise<void> {
	const ctx = await requireManagedActivity(db, actor, activityId);
	const reg = await selectRegistration(db, input.registrationId);
	if (!reg || reg.activityId !== activityId) throw new AppError('NOT_FOUND');
	if (input.present && reg.status !== 'registered') throw new AppError('VALIDATION', { fields: { _: `activities_ticket_${reg.status}` } });
	await db.transaction(async (tx) => {
		const changed = input.present ? !(await record(tx, reg, input.mode, 'manual', actorLabel(actor))).already : (await deleteAttendance(tx, reg.id, input.mode)) > 0;
		if (changed) {
			await recordAudit(tx, actor, { orgId: reg.orgId, orgPath: ctx.campaign.orgPath, entity: 'attendance', entityId: reg.id, action: input.present ? 'mark_present' : 'mark_absent', after: { activityId, mode: input.mode } });
		}
	});
}

/**
 * A participant records that they took part in an international forum (M14), with a short note of
 * what they learned, which the report may quote. Once the forum has started; again to edit the note.
 */
export async function recordForumParticipation(db: Db, actor: Actor, activityId: string, input: { note?: unknown }): Promise<RegistrationRow> {
	if (actor.kind !== 'user' || !actor.userId) throw new AppError('UNAUTHENTICATED');
	const ctx = await requireReadableActivity(db, actor, activityId);
	if (ctx.activity.type !== 'international_forum' || ctx.activity.status !== 'published') throw new AppError('INVALID_TRANSITION');
	if (ctx.activity.startsAt > now()) throw new AppError('VALIDATION', { fields: { note: 'activities_forum_not_started' } });
	const { note } = parseInput(learningNoteInput, input);
	return db.transaction(async (tx) => {
		await loadActivityContext(tx, activityId, { lock: true, campaign: ctx.campaign });
		let reg = await selectLiveRegistration(tx, activityId, { userId: actor.userId });
		const at = now();
		if (!reg) {
			reg = await insertRegistration(tx, {
				id: newId(),
				activityId,
				orgId: ctx.activity.orgId,
				userId: actor.userId,
				name: actor.name ?? actor.email ?? '',
				email: actor.email?.toLowerCase() ?? null,
				status: 'registered',
				ticketCode: newTicketCode(),
				token: newToken(),
				createdAt: at,
				updatedAt: at
			});
			if (!reg) throw new AppError('CONFLICT');
		} else if (reg.status !== 'registered') {
			reg = await updateRegistrationRow(tx, reg.id, { status: 'registered', updatedAt: at });
		}
		const updated = await updateRegistrationRow(tx, reg.id, { learningNote: note, updatedAt: at });
		await record(tx, updated, 'online', 'self_report', null);
		return updated;
	});
}
