import { pgTable, pgEnum, text, timestamp, integer, bigint, date, jsonb, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgNode } from '../org/tables';
import { campaign } from '../campaigns/tables';

export const partnerKind = pgEnum('partner_kind', ['technology', 'telecom', 'newspaper', 'television', 'radio', 'education', 'other']);

/**
 * An organisation that partners an agency for the Week (M12): a technology business, a newspaper,
 * a TV station. `orgId` is the agency it partners (the tenant). `nodeId` is the partner's own node
 * in the organisation tree, under the agency: its accounts hold the `partner` role there.
 */
export const partner = pgTable(
	'partner',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id')
			.notNull()
			.references(() => orgNode.id, { onDelete: 'restrict' }),
		nodeId: text('node_id')
			.notNull()
			.references(() => orgNode.id, { onDelete: 'restrict' }),
		kind: partnerKind('kind').notNull(),
		name: text('name').notNull(),
		website: text('website'),
		description: text('description').notNull().default(''),
		searchText: text('search_text').notNull(),
		createdBy: text('created_by'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('partner_org_idx').on(t.orgId), uniqueIndex('partner_node_idx').on(t.nodeId)]
);

/** A contact person at a partner. */
export const partnerContact = pgTable(
	'partner_contact',
	{
		id: text('id').primaryKey(),
		partnerId: text('partner_id')
			.notNull()
			.references(() => partner.id, { onDelete: 'cascade' }),
		orgId: text('org_id').notNull(),
		name: text('name').notNull(),
		position: text('position'),
		email: text('email'),
		/** E.164. */
		phone: text('phone'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('partner_contact_partner_idx').on(t.partnerId)]
);

export const sponsorshipKind = pgEnum('sponsorship_kind', ['money', 'in_kind']);

/** Money or goods a partner gave for a campaign: the report's "resources mobilised" (nguồn lực huy động). */
export const sponsorship = pgTable(
	'sponsorship',
	{
		id: text('id').primaryKey(),
		partnerId: text('partner_id')
			.notNull()
			.references(() => partner.id, { onDelete: 'restrict' }),
		orgId: text('org_id').notNull(),
		campaignId: text('campaign_id')
			.notNull()
			.references(() => campaign.id, { onDelete: 'cascade' }),
		kind: sponsorshipKind('kind').notNull(),
		/** Đồng: the sum given, or the estimated value of goods given in kind. */
		valueVnd: bigint('value_vnd', { mode: 'number' }).notNull(),
		description: text('description').notNull().default(''),
		receivedOn: date('received_on').notNull(),
		createdBy: text('created_by'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('sponsorship_campaign_idx').on(t.campaignId), index('sponsorship_partner_idx').on(t.partnerId)]
);

export const eduAppStatus = pgEnum('edu_app_status', ['proposed', 'approved', 'rejected']);
export const eduAppLicence = pgEnum('edu_app_licence', ['free', 'open_source', 'free_with_ads', 'freemium']);

/** A free educational app for children in the public directory (M12), once a coordinator approves it. */
export const eduApp = pgTable(
	'edu_app',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id')
			.notNull()
			.references(() => orgNode.id, { onDelete: 'restrict' }),
		partnerId: text('partner_id').references(() => partner.id, { onDelete: 'set null' }),
		name: text('name').notNull(),
		ageMin: integer('age_min').notNull(),
		ageMax: integer('age_max').notNull(),
		/** 'android' | 'ios' | 'web' | 'windows' | 'macos'. */
		platforms: jsonb('platforms').$type<string[]>().notNull(),
		url: text('url').notNull(),
		licence: eduAppLicence('licence').notNull(),
		description: text('description').notNull().default(''),
		status: eduAppStatus('status').notNull().default('proposed'),
		proposedBy: text('proposed_by'),
		reviewedBy: text('reviewed_by'),
		reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
		reviewNote: text('review_note').notNull().default(''),
		searchText: text('search_text').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('edu_app_org_idx').on(t.orgId, t.status)]
);

export type PartnerRow = typeof partner.$inferSelect;
export type PartnerContactRow = typeof partnerContact.$inferSelect;
export type SponsorshipRow = typeof sponsorship.$inferSelect;
export type EduAppRow = typeof eduApp.$inferSelect;
export type PartnerKind = (typeof partnerKind.enumValues)[number];
