import { pgTable, pgEnum, text, timestamp, integer, date, jsonb, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgNode } from '../org/tables';
import { campaign } from '../campaigns/tables';

export const newsPostStatus = pgEnum('news_post_status', ['draft', 'in_review', 'scheduled', 'published', 'archived']);

/**
 * A news post (tin, bài tuyên truyền, M5) written by a unit. `orgId` is the author unit (the
 * tenant); `unitPath` is that unit's path when the post was written, so the organisation's feed
 * and the policy read it without a join.
 */
export const newsPost = pgTable(
	'news_post',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id')
			.notNull()
			.references(() => orgNode.id, { onDelete: 'restrict' }),
		unitPath: text('unit_path').notNull(),
		campaignId: text('campaign_id').references(() => campaign.id, { onDelete: 'set null' }),
		/** The readable part of the public address (/news/<slug>), unique. */
		slug: text('slug').notNull(),
		title: text('title').notNull(),
		summary: text('summary').notNull().default(''),
		/** Sanitised on the server before it is stored; rendered as is. */
		bodyHtml: text('body_html').notNull().default(''),
		coverKey: text('cover_key'),
		coverContentType: text('cover_content_type'),
		coverAlt: text('cover_alt').notNull().default(''),
		tags: jsonb('tags').$type<string[]>().notNull().default([]),
		status: newsPostStatus('status').notNull().default('draft'),
		/** When a scheduled post goes public. */
		scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		archivedAt: timestamp('archived_at', { withTimezone: true }),
		searchText: text('search_text').notNull(),
		authorLabel: text('author_label').notNull().default(''),
		version: integer('version').notNull().default(1),
		createdBy: text('created_by'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('news_post_slug_idx').on(t.slug),
		index('news_post_status_idx').on(t.status, t.publishedAt),
		index('news_post_campaign_idx').on(t.campaignId),
		index('news_post_org_idx').on(t.orgId),
		index('news_post_unit_path_idx').on(t.unitPath)
	]
);

export const newsChannel = pgEnum('news_channel', ['portal', 'website', 'facebook', 'youtube', 'zalo_oa', 'viber', 'newspaper', 'tv']);

/** Where a post was carried (cổng thông tin, trang Facebook, báo, đài…), with the reach staff entered. */
export const newsChannelEntry = pgTable(
	'news_channel_entry',
	{
		id: text('id').primaryKey(),
		postId: text('post_id')
			.notNull()
			.references(() => newsPost.id, { onDelete: 'cascade' }),
		orgId: text('org_id').notNull(),
		channel: newsChannel('channel').notNull(),
		url: text('url').notNull().default(''),
		/** Views, listeners or copies, as the channel counts them. */
		reach: integer('reach').notNull().default(0),
		publishedOn: date('published_on').notNull(),
		note: text('note').notNull().default(''),
		enteredBy: text('entered_by'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('news_channel_entry_post_idx').on(t.postId, t.publishedOn)]
);

export type NewsPostRow = typeof newsPost.$inferSelect;
export type NewsChannelEntryRow = typeof newsChannelEntry.$inferSelect;
export type NewsPostStatus = (typeof newsPostStatus.enumValues)[number];
export type NewsChannel = (typeof newsChannel.enumValues)[number];
