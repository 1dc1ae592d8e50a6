import { pgTable, pgEnum, text, timestamp, boolean, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgNode } from '../org/tables';
import { campaign } from '../campaigns/tables';

/**
 * A club (câu lạc bộ học tập, M11) of an organisation: people who learn together. `orgPath` is the
 * node's path when the club was made, so lists and moderators are scoped without a join.
 */
export const club = pgTable(
	'club',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id')
			.notNull()
			.references(() => orgNode.id, { onDelete: 'restrict' }),
		orgPath: text('org_path').notNull(),
		campaignId: text('campaign_id').references(() => campaign.id, { onDelete: 'set null' }),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		createdBy: text('created_by'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('club_org_idx').on(t.orgPath), index('club_campaign_idx').on(t.campaignId)]
);

/** A signed-in person who joined a club; `userLabel` is their name when they joined. */
export const clubMember = pgTable(
	'club_member',
	{
		id: text('id').primaryKey(),
		clubId: text('club_id')
			.notNull()
			.references(() => club.id, { onDelete: 'cascade' }),
		userId: text('user_id').notNull(),
		userLabel: text('user_label').notNull(),
		joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('club_member_unique_idx').on(t.clubId, t.userId), index('club_member_user_idx').on(t.userId)]
);

/** A discussion forum: one per club and one per campaign, made the first time it is opened. */
export const forum = pgTable(
	'forum',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id')
			.notNull()
			.references(() => orgNode.id, { onDelete: 'restrict' }),
		orgPath: text('org_path').notNull(),
		clubId: text('club_id').references(() => club.id, { onDelete: 'cascade' }),
		campaignId: text('campaign_id').references(() => campaign.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('forum_club_idx').on(t.clubId), uniqueIndex('forum_campaign_idx').on(t.campaignId), index('forum_org_idx').on(t.orgPath)]
);

/** A thread of a forum; its opening text is its first post. A locked thread takes no more replies. */
export const forumThread = pgTable(
	'forum_thread',
	{
		id: text('id').primaryKey(),
		forumId: text('forum_id')
			.notNull()
			.references(() => forum.id, { onDelete: 'cascade' }),
		orgId: text('org_id').notNull(),
		title: text('title').notNull(),
		authorUserId: text('author_user_id'),
		authorLabel: text('author_label').notNull(),
		locked: boolean('locked').notNull().default(false),
		lastPostAt: timestamp('last_post_at', { withTimezone: true }).notNull().defaultNow(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('forum_thread_forum_idx').on(t.forumId, t.lastPostAt)]
);

/**
 * A post of a thread: plain text (escaped when shown, never rendered as HTML). `quotedPostId` is
 * the post it quotes. A hidden post stays in the database; others see that a moderator hid it.
 */
export const forumPost = pgTable(
	'forum_post',
	{
		id: text('id').primaryKey(),
		threadId: text('thread_id')
			.notNull()
			.references(() => forumThread.id, { onDelete: 'cascade' }),
		forumId: text('forum_id').notNull(),
		orgId: text('org_id').notNull(),
		authorUserId: text('author_user_id'),
		authorLabel: text('author_label').notNull(),
		body: text('body').notNull(),
		quotedPostId: text('quoted_post_id'),
		hidden: boolean('hidden').notNull().default(false),
		hiddenBy: text('hidden_by'),
		hiddenAt: timestamp('hidden_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('forum_post_thread_idx').on(t.threadId, t.createdAt), index('forum_post_author_idx').on(t.authorUserId, t.createdAt), index('forum_post_forum_idx').on(t.forumId, t.createdAt)]
);

export const forumReportStatus = pgEnum('forum_report_status', ['open', 'resolved']);

/** A signed-in person's report of a post to the moderators, with their reason. */
export const forumReport = pgTable(
	'forum_report',
	{
		id: text('id').primaryKey(),
		postId: text('post_id')
			.notNull()
			.references(() => forumPost.id, { onDelete: 'cascade' }),
		orgId: text('org_id').notNull(),
		orgPath: text('org_path').notNull(),
		reporterUserId: text('reporter_user_id').notNull(),
		reporterLabel: text('reporter_label').notNull(),
		reason: text('reason').notNull(),
		status: forumReportStatus('status').notNull().default('open'),
		resolvedBy: text('resolved_by'),
		resolvedAt: timestamp('resolved_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('forum_report_queue_idx').on(t.status, t.orgPath), index('forum_report_post_idx').on(t.postId)]
);

/** A user barred from posting in the forums of an organisation (and those below it) until `until`. */
export const forumSuspension = pgTable(
	'forum_suspension',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id').notNull(),
		orgPath: text('org_path').notNull(),
		userId: text('user_id').notNull(),
		userLabel: text('user_label').notNull(),
		until: timestamp('until', { withTimezone: true }).notNull(),
		reason: text('reason').notNull().default(''),
		createdBy: text('created_by'),
		liftedAt: timestamp('lifted_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('forum_suspension_user_idx').on(t.userId, t.until)]
);

/** A person who follows a forum or one thread; the daily digest mails them what is new since `lastDigestAt`. */
export const forumSubscription = pgTable(
	'forum_subscription',
	{
		id: text('id').primaryKey(),
		userId: text('user_id').notNull(),
		email: text('email').notNull(),
		forumId: text('forum_id').references(() => forum.id, { onDelete: 'cascade' }),
		threadId: text('thread_id').references(() => forumThread.id, { onDelete: 'cascade' }),
		lastDigestAt: timestamp('last_digest_at', { withTimezone: true }).notNull().defaultNow(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('forum_subscription_forum_idx').on(t.userId, t.forumId), uniqueIndex('forum_subscription_thread_idx').on(t.userId, t.threadId)]
);

export const moderationAction = pgEnum('moderation_action', ['hide', 'unhide', 'lock', 'unlock', 'suspend', 'lift_suspension', 'dismiss_report']);

/** Every moderation act, for the moderation log page (the audit log holds them too). */
export const moderationLog = pgTable(
	'moderation_log',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id').notNull(),
		orgPath: text('org_path').notNull(),
		action: moderationAction('action').notNull(),
		actorUserId: text('actor_user_id'),
		actorLabel: text('actor_label').notNull(),
		postId: text('post_id'),
		threadId: text('thread_id'),
		targetUserId: text('target_user_id'),
		targetLabel: text('target_label'),
		reason: text('reason').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('moderation_log_org_idx').on(t.orgPath, t.createdAt)]
);

export type ClubRow = typeof club.$inferSelect;
export type ClubMemberRow = typeof clubMember.$inferSelect;
export type ForumRow = typeof forum.$inferSelect;
export type ForumThreadRow = typeof forumThread.$inferSelect;
export type ForumPostRow = typeof forumPost.$inferSelect;
export type ForumReportRow = typeof forumReport.$inferSelect;
export type ForumSuspensionRow = typeof forumSuspension.$inferSelect;
export type ForumSubscriptionRow = typeof forumSubscription.$inferSelect;
export type ModerationLogRow = typeof moderationLog.$inferSelect;
export type ModerationAction = (typeof moderationAction.enumValues)[number];
