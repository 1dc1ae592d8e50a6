// The only SQL of the activities domain. Activities are scoped by their campaign (and its node,
// `org_id`); registrations and attendance by their activity.
import { and, asc, count, desc, eq, gte, inArray, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../db/types';
import {
	activity,
	activityMaterial,
	attendance,
	consentEvent,
	registration,
	type ActivityMaterialRow,
	type ActivityRow,
	type AttendanceRow,
	type ConsentEventRow,
	type RegistrationRow
} from './tables';

export type NewActivityRow = typeof activity.$inferInsert;
export type NewRegistrationRow = typeof registration.$inferInsert;

export async function insertActivity(db: Db, row: NewActivityRow): Promise<ActivityRow> {
	const rows = await db.insert(activity).values(row).returning();
	return rows[0];
}

/** The activity; `lock` holds the row until the transaction ends (registrations for it queue behind each other). */
export async function selectActivity(db: Db, id: string, options: { lock?: boolean } = {}): Promise<ActivityRow | undefined> {
	const query = db.select().from(activity).where(eq(activity.id, id)).limit(1);
	const rows = options.lock ? await query.for('update') : await query;
	return rows[0];
}

/** Changes an activity and bumps its version. */
export async function updateActivityRow(db: Db, id: string, patch: Partial<NewActivityRow>): Promise<ActivityRow> {
	const rows = await db
		.update(activity)
		.set({ ...patch, version: sql`${activity.version} + 1` })
		.where(eq(activity.id, id))
		.returning();
	return rows[0];
}

/** Activities of campaigns, by start; `status` narrows them (the public programme asks for published ones). */
export async function selectActivities(db: Db, options: { campaignIds?: string[]; status?: ActivityRow['status']; partnerId?: string; limit?: number }): Promise<ActivityRow[]> {
	const conditions = [
		options.campaignIds ? inArray(activity.campaignId, options.campaignIds.length ? options.campaignIds : ['']) : undefined,
		options.status ? eq(activity.status, options.status) : undefined,
		options.partnerId ? eq(activity.partnerId, options.partnerId) : undefined
	].filter(Boolean);
	return db
		.select()
		.from(activity)
		.where(and(...conditions))
		.orderBy(asc(activity.startsAt), asc(activity.id))
		.limit(options.limit ?? 2000);
}

/** Activities of campaigns on, or hosted by, one of `nodeIds`, or run by one of `partnerIds`, by start. */
export async function selectActivitiesTouching(db: Db, options: { nodeIds: string[]; partnerIds: string[] }): Promise<ActivityRow[]> {
	const conditions = [
		options.nodeIds.length ? inArray(activity.orgId, options.nodeIds) : undefined,
		options.nodeIds.length ? inArray(activity.hostUnitId, options.nodeIds) : undefined,
		options.partnerIds.length ? inArray(activity.partnerId, options.partnerIds) : undefined
	].filter(Boolean);
	if (!conditions.length) return [];
	return db
		.select()
		.from(activity)
		.where(or(...conditions))
		.orderBy(asc(activity.startsAt), asc(activity.id))
		.limit(2000);
}

/** Published, not-yet-cancelled in-person or hybrid activities at these places that overlap [from, to]. */
export async function selectActivitiesAtPlaces(db: Db, codes: string[], from: Date, to: Date): Promise<ActivityRow[]> {
	if (!codes.length) return [];
	return db
		.select()
		.from(activity)
		.where(and(inArray(activity.adminUnitCode, codes), ne(activity.status, 'cancelled'), ne(activity.mode, 'online'), lte(activity.startsAt, to), gte(activity.endsAt, from)))
		.orderBy(asc(activity.startsAt));
}

export async function insertMaterial(db: Db, row: typeof activityMaterial.$inferInsert): Promise<ActivityMaterialRow> {
	const rows = await db.insert(activityMaterial).values(row).returning();
	return rows[0];
}

export async function selectMaterials(db: Db, activityId: string): Promise<ActivityMaterialRow[]> {
	return db.select().from(activityMaterial).where(eq(activityMaterial.activityId, activityId)).orderBy(asc(activityMaterial.createdAt), asc(activityMaterial.id));
}

export async function selectMaterial(db: Db, id: string): Promise<ActivityMaterialRow | undefined> {
	const rows = await db.select().from(activityMaterial).where(eq(activityMaterial.id, id)).limit(1);
	return rows[0];
}

export async function deleteMaterial(db: Db, id: string): Promise<void> {
	await db.delete(activityMaterial).where(eq(activityMaterial.id, id));
}

/** Registered and waitlisted counts of an activity. */
export async function countRegistrations(db: Db, activityId: string): Promise<{ registered: number; waitlisted: number }> {
	const rows = await db
		.select({ status: registration.status, n: count() })
		.from(registration)
		.where(and(eq(registration.activityId, activityId), ne(registration.status, 'cancelled')))
		.groupBy(registration.status);
	const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
	return { registered: by.registered ?? 0, waitlisted: by.waitlisted ?? 0 };
}

/** Registered and waitlisted counts of many activities at once. */
export async function countRegistrationsOf(db: Db, activityIds: string[]): Promise<Map<string, { registered: number; waitlisted: number }>> {
	const out = new Map<string, { registered: number; waitlisted: number }>();
	if (!activityIds.length) return out;
	const rows = await db
		.select({ activityId: registration.activityId, status: registration.status, n: count() })
		.from(registration)
		.where(and(inArray(registration.activityId, activityIds), ne(registration.status, 'cancelled')))
		.groupBy(registration.activityId, registration.status);
	for (const r of rows) {
		const entry = out.get(r.activityId) ?? { registered: 0, waitlisted: 0 };
		if (r.status === 'registered') entry.registered = Number(r.n);
		if (r.status === 'waitlisted') entry.waitlisted = Number(r.n);
		out.set(r.activityId, entry);
	}
	return out;
}

/** Completed registrations (training classes) of many activities at once. */
export async function countCompletionsOf(db: Db, activityIds: string[]): Promise<Map<string, number>> {
	if (!activityIds.length) return new Map();
	const rows = await db
		.select({ activityId: registration.activityId, n: count() })
		.from(registration)
		.where(and(inArray(registration.activityId, activityIds), sql`${registration.completedAt} is not null`))
		.groupBy(registration.activityId);
	return new Map(rows.map((r) => [r.activityId, Number(r.n)]));
}

/** Signed-in registrants of a campaign's activities who completed classes or were present, by account: the most engaged first. */
export async function selectEngagedLearners(db: Db, campaignIds: string[], limit: number): Promise<Array<{ userId: string; name: string; completions: number; attended: number }>> {
	if (!campaignIds.length) return [];
	const rows = await db
		.select({
			userId: registration.userId,
			name: sql<string>`max(${registration.name})`,
			completions: sql<number>`count(distinct ${registration.id}) filter (where ${registration.completedAt} is not null)`,
			attended: sql<number>`count(distinct ${attendance.registrationId})`
		})
		.from(registration)
		.innerJoin(activity, eq(activity.id, registration.activityId))
		.leftJoin(attendance, eq(attendance.registrationId, registration.id))
		.where(and(inArray(activity.campaignId, campaignIds), eq(registration.status, 'registered'), sql`${registration.userId} is not null`))
		.groupBy(registration.userId);
	return rows
		.map((r) => ({ userId: r.userId as string, name: r.name, completions: Number(r.completions), attended: Number(r.attended) }))
		.filter((r) => r.completions + r.attended > 0)
		.sort((a, b) => b.completions - a.completions || b.attended - a.attended || a.name.localeCompare(b.name, 'vi'))
		.slice(0, limit);
}

/** Inserts a registration; undefined when a live one of the same person exists (the unique indexes). */
export async function insertRegistration(db: Db, row: NewRegistrationRow): Promise<RegistrationRow | undefined> {
	const rows = await db.insert(registration).values(row).onConflictDoNothing().returning();
	return rows[0];
}

/** The live registration of the same account, e-mail or phone at the activity, if any. */
export async function selectLiveRegistration(db: Db, activityId: string, who: { userId?: string | null; email?: string | null; phone?: string | null }): Promise<RegistrationRow | undefined> {
	const matches = [
		who.userId ? eq(registration.userId, who.userId) : undefined,
		who.email ? eq(registration.email, who.email) : undefined,
		who.phone ? eq(registration.phone, who.phone) : undefined
	].filter(Boolean);
	if (!matches.length) return undefined;
	const rows = await db
		.select()
		.from(registration)
		.where(and(eq(registration.activityId, activityId), ne(registration.status, 'cancelled'), sql`(${sql.join(matches, sql` or `)})`))
		.limit(1);
	return rows[0];
}

export async function selectRegistration(db: Db, id: string, options: { lock?: boolean } = {}): Promise<RegistrationRow | undefined> {
	const query = db.select().from(registration).where(eq(registration.id, id)).limit(1);
	const rows = options.lock ? await query.for('update') : await query;
	return rows[0];
}

export async function selectRegistrationByToken(db: Db, token: string): Promise<RegistrationRow | undefined> {
	const rows = await db.select().from(registration).where(eq(registration.token, token)).limit(1);
	return rows[0];
}

export async function selectRegistrationByTicket(db: Db, ticketCode: string): Promise<RegistrationRow | undefined> {
	const rows = await db.select().from(registration).where(eq(registration.ticketCode, ticketCode)).limit(1);
	return rows[0];
}

export async function selectRegistrationByCertificate(db: Db, code: string): Promise<RegistrationRow | undefined> {
	const rows = await db.select().from(registration).where(eq(registration.certificateCode, code)).limit(1);
	return rows[0];
}

export async function updateRegistrationRow(db: Db, id: string, patch: Partial<NewRegistrationRow>): Promise<RegistrationRow> {
	const rows = await db.update(registration).set(patch).where(eq(registration.id, id)).returning();
	return rows[0];
}

/** The first on the waitlist (by order of registration). */
export async function selectFirstWaitlisted(db: Db, activityId: string): Promise<RegistrationRow | undefined> {
	const rows = await db
		.select()
		.from(registration)
		.where(and(eq(registration.activityId, activityId), eq(registration.status, 'waitlisted')))
		.orderBy(asc(registration.seq))
		.limit(1);
	return rows[0];
}

/** Every registration of an activity, cancelled ones last, in order of registration. */
export async function selectRegistrationsOf(db: Db, activityId: string): Promise<RegistrationRow[]> {
	return db
		.select()
		.from(registration)
		.where(eq(registration.activityId, activityId))
		.orderBy(sql`case ${registration.status} when 'registered' then 0 when 'waitlisted' then 1 else 2 end`, asc(registration.seq));
}

/** Live registrations of an account, newest activity first. */
export async function selectRegistrationsOfUser(db: Db, userId: string): Promise<RegistrationRow[]> {
	return db
		.select()
		.from(registration)
		.where(and(eq(registration.userId, userId), ne(registration.status, 'cancelled')))
		.orderBy(desc(registration.createdAt))
		.limit(500);
}

export async function insertConsentEvents(db: Db, rows: Array<typeof consentEvent.$inferInsert>): Promise<void> {
	if (rows.length) await db.insert(consentEvent).values(rows);
}

/** The consent events of many registrations, oldest first (the last of each purpose holds). */
export async function selectConsentEventsOf(db: Db, registrationIds: string[]): Promise<ConsentEventRow[]> {
	if (!registrationIds.length) return [];
	return db.select().from(consentEvent).where(inArray(consentEvent.registrationId, registrationIds)).orderBy(asc(consentEvent.at), asc(consentEvent.id));
}

/** Records an attendance; undefined when this registration is already present in this mode. */
export async function insertAttendance(db: Db, row: typeof attendance.$inferInsert): Promise<AttendanceRow | undefined> {
	const rows = await db.insert(attendance).values(row).onConflictDoNothing().returning();
	return rows[0];
}

export async function deleteAttendance(db: Db, registrationId: string, mode: AttendanceRow['mode']): Promise<number> {
	const rows = await db
		.delete(attendance)
		.where(and(eq(attendance.registrationId, registrationId), eq(attendance.mode, mode)))
		.returning({ id: attendance.id });
	return rows.length;
}

export async function selectAttendanceOf(db: Db, activityId: string): Promise<AttendanceRow[]> {
	return db.select().from(attendance).where(eq(attendance.activityId, activityId)).orderBy(asc(attendance.at));
}

/** Attendance rows of many activities, with the registrant's learner group (for the report). */
export async function selectAttendanceFacts(db: Db, activityIds: string[]): Promise<Array<{ activityId: string; registrationId: string; mode: AttendanceRow['mode']; at: Date; learnerGroup: string | null }>> {
	if (!activityIds.length) return [];
	return db
		.select({ activityId: attendance.activityId, registrationId: attendance.registrationId, mode: attendance.mode, at: attendance.at, learnerGroup: registration.learnerGroup })
		.from(attendance)
		.innerJoin(registration, eq(registration.id, attendance.registrationId))
		.where(inArray(attendance.activityId, activityIds));
}

/** Forum notes (M14) of many activities: what participants wrote they learned. */
export async function selectLearningNotes(db: Db, activityIds: string[]): Promise<Array<{ activityId: string; name: string; note: string }>> {
	if (!activityIds.length) return [];
	const rows = await db
		.select({ activityId: registration.activityId, name: registration.name, note: registration.learningNote })
		.from(registration)
		.where(and(inArray(registration.activityId, activityIds), sql`${registration.learningNote} is not null`))
		.orderBy(asc(registration.updatedAt));
	return rows.map((r) => ({ ...r, note: r.note ?? '' }));
}
