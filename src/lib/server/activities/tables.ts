import { pgTable, pgEnum, text, timestamp, integer, boolean, jsonb, bigserial, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { orgNode } from '../org/tables';
import { campaign } from '../campaigns/tables';
import { partner } from '../partners/tables';
import {
	ACTIVITY_TYPES,
	ACTIVITY_MODES,
	ONLINE_PLATFORMS,
	ACTIVITY_STATUSES,
	REGISTRATION_STATUSES,
	ATTENDANCE_MODES,
	ATTENDANCE_METHODS
} from '../../features/activities/types';

export const activityType = pgEnum('activity_type', ACTIVITY_TYPES);
export const activityMode = pgEnum('activity_mode', ACTIVITY_MODES);
export const onlinePlatform = pgEnum('online_platform', ONLINE_PLATFORMS);
export const activityStatus = pgEnum('activity_status', ACTIVITY_STATUSES);

/**
 * An activity of a campaign (M6): in person, online or both. `orgId` is the campaign's node (the
 * tenant); `hostUnitId` the unit that runs it; `partnerId` the partner whose training class it is.
 */
export const activity = pgTable(
	'activity',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id')
			.notNull()
			.references(() => orgNode.id, { onDelete: 'restrict' }),
		campaignId: text('campaign_id')
			.notNull()
			.references(() => campaign.id, { onDelete: 'cascade' }),
		hostUnitId: text('host_unit_id')
			.notNull()
			.references(() => orgNode.id, { onDelete: 'restrict' }),
		/** The partner running a training class (M12), or null. */
		partnerId: text('partner_id').references(() => partner.id, { onDelete: 'restrict' }),
		/** Further partners taking part, by id. */
		partnerIds: jsonb('partner_ids').$type<string[]>().notNull().default([]),
		type: activityType('type').notNull(),
		mode: activityMode('mode').notNull(),
		/** A hybrid activity moved online-only because its locality came under distancing. */
		onlineOnly: boolean('online_only').notNull().default(false),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		venue: text('venue').notNull().default(''),
		adminUnitCode: text('admin_unit_code'),
		platform: onlinePlatform('platform'),
		meetingUrl: text('meeting_url'),
		/** The external event's page, for an international forum (UNESCO UIL…). */
		externalUrl: text('external_url'),
		recordingUrl: text('recording_url'),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		/** Places; null means no limit. */
		capacity: integer('capacity'),
		targetGroups: jsonb('target_groups').$type<string[]>().notNull().default([]),
		status: activityStatus('status').notNull().default('draft'),
		/** Secret of the rotating activity code shown by the host. */
		codeSecret: text('code_secret').notNull(),
		searchText: text('search_text').notNull(),
		version: integer('version').notNull().default(1),
		createdBy: text('created_by'),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('activity_campaign_idx').on(t.campaignId, t.startsAt),
		index('activity_org_idx').on(t.orgId),
		index('activity_partner_idx').on(t.partnerId),
		index('activity_unit_place_idx').on(t.adminUnitCode)
	]
);

/** A material of an activity: a file in the store or a link. */
export const activityMaterial = pgTable(
	'activity_material',
	{
		id: text('id').primaryKey(),
		activityId: text('activity_id')
			.notNull()
			.references(() => activity.id, { onDelete: 'cascade' }),
		orgId: text('org_id').notNull(),
		title: text('title').notNull(),
		url: text('url'),
		fileKey: text('file_key'),
		fileName: text('file_name'),
		contentType: text('content_type'),
		size: integer('size'),
		sha256: text('sha256'),
		createdBy: text('created_by'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('activity_material_activity_idx').on(t.activityId)]
);

export const registrationStatus = pgEnum('registration_status', REGISTRATION_STATUSES);

/**
 * A place asked for at an activity, by a signed-in user or a guest (name and e-mail or phone), or
 * by staff for a citizen (assisted). Places go in order of `seq`; the waitlist too.
 */
export const registration = pgTable(
	'registration',
	{
		id: text('id').primaryKey(),
		seq: bigserial('seq', { mode: 'number' }).notNull(),
		activityId: text('activity_id')
			.notNull()
			.references(() => activity.id, { onDelete: 'cascade' }),
		orgId: text('org_id').notNull(),
		userId: text('user_id'),
		name: text('name').notNull(),
		/** Lower-cased. */
		email: text('email'),
		/** E.164. */
		phone: text('phone'),
		learnerGroup: text('learner_group'),
		status: registrationStatus('status').notNull(),
		/** Typed or scanned at the door. */
		ticketCode: text('ticket_code').notNull(),
		/** Secret of the registrant's cancel and join links. */
		token: text('token').notNull(),
		/** The staff member who registered a citizen on their behalf (assisted participation). */
		assistedByUserId: text('assisted_by_user_id'),
		assistedByLabel: text('assisted_by_label'),
		/** What a participant of an international forum learned, in their words (M14). */
		learningNote: text('learning_note'),
		/** A training class completed (M12), and the code of its certificate. */
		completedAt: timestamp('completed_at', { withTimezone: true }),
		certificateCode: text('certificate_code'),
		promotedAt: timestamp('promoted_at', { withTimezone: true }),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('registration_activity_idx').on(t.activityId, t.status, t.seq),
		index('registration_user_idx').on(t.userId),
		uniqueIndex('registration_ticket_idx').on(t.ticketCode),
		uniqueIndex('registration_token_idx').on(t.token),
		uniqueIndex('registration_certificate_idx').on(t.certificateCode),
		// One live registration per person and activity: by account, e-mail or phone.
		uniqueIndex('registration_user_live_idx').on(t.activityId, t.userId).where(sql`${t.status} <> 'cancelled' and ${t.userId} is not null`),
		uniqueIndex('registration_email_live_idx').on(t.activityId, t.email).where(sql`${t.status} <> 'cancelled' and ${t.email} is not null`),
		uniqueIndex('registration_phone_live_idx').on(t.activityId, t.phone).where(sql`${t.status} <> 'cancelled' and ${t.phone} is not null`)
	]
);

/**
 * One consent given or withdrawn for one purpose (DOMAIN-VN §6.8): never updated, so the record of
 * who agreed to what, under which notice and when, stays as it was.
 */
export const consentEvent = pgTable(
	'consent_event',
	{
		id: text('id').primaryKey(),
		registrationId: text('registration_id')
			.notNull()
			.references(() => registration.id, { onDelete: 'cascade' }),
		orgId: text('org_id').notNull(),
		purpose: text('purpose').notNull(),
		granted: boolean('granted').notNull(),
		noticeVersion: text('notice_version').notNull(),
		/** 'web_form' | 'assisted' | 'api'. */
		channel: text('channel').notNull(),
		recordedBy: text('recorded_by'),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('consent_event_registration_idx').on(t.registrationId, t.at)]
);

export const attendanceMode = pgEnum('attendance_mode', ATTENDANCE_MODES);
export const attendanceMethod = pgEnum('attendance_method', ATTENDANCE_METHODS);

/** A registrant present at an activity, on site or online: at most one of each per registration. */
export const attendance = pgTable(
	'attendance',
	{
		id: text('id').primaryKey(),
		activityId: text('activity_id')
			.notNull()
			.references(() => activity.id, { onDelete: 'cascade' }),
		registrationId: text('registration_id')
			.notNull()
			.references(() => registration.id, { onDelete: 'cascade' }),
		orgId: text('org_id').notNull(),
		mode: attendanceMode('mode').notNull(),
		method: attendanceMethod('method').notNull(),
		recordedBy: text('recorded_by'),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('attendance_registration_mode_idx').on(t.registrationId, t.mode), index('attendance_activity_idx').on(t.activityId)]
);

export type ActivityRow = typeof activity.$inferSelect;
export type ActivityMaterialRow = typeof activityMaterial.$inferSelect;
export type RegistrationRow = typeof registration.$inferSelect;
export type ConsentEventRow = typeof consentEvent.$inferSelect;
export type AttendanceRow = typeof attendance.$inferSelect;
