import { pgTable, pgEnum, text, timestamp, integer, jsonb, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { orgNode } from '../org/tables';
import { user } from '../auth/tables';
import { campaign } from '../campaigns/tables';

export const libraryResourceKind = pgEnum('library_resource_kind', ['video', 'audio', 'document', 'ebook', 'link', 'online_course']);
export const libraryResourceStatus = pgEnum('library_resource_status', ['draft', 'published']);
export const learningRecordStatus = pgEnum('learning_record_status', ['started', 'completed']);

/**
 * A learning resource of the library (M10), owned by an organisation; public once published.
 * `searchText` is title + description + themes folded (no diacritics, lower case); `searchWords`
 * its distinct words, so a GIN index answers "every word of the query" on PGlite and PostgreSQL
 * alike without an extension.
 */
export const libraryResource = pgTable(
	'library_resource',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id')
			.notNull()
			.references(() => orgNode.id, { onDelete: 'restrict' }),
		kind: libraryResourceKind('kind').notNull(),
		title: text('title').notNull(),
		/** Sanitised HTML. */
		description: text('description').notNull().default(''),
		learnerGroups: text('learner_groups').array().notNull().default([]),
		themes: text('themes').array().notNull().default([]),
		competenceAreas: text('competence_areas').array().notNull().default([]),
		language: text('language').notNull().default('vi'),
		durationMinutes: integer('duration_minutes'),
		licence: text('licence').notNull().default(''),
		source: text('source').notNull().default(''),
		url: text('url'),
		fileKey: text('file_key'),
		fileName: text('file_name'),
		fileType: text('file_type'),
		fileSize: integer('file_size'),
		status: libraryResourceStatus('status').notNull().default('draft'),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		searchText: text('search_text').notNull(),
		searchWords: text('search_words').array().notNull().default([]),
		version: integer('version').notNull().default(1),
		createdBy: text('created_by'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		// fastupdate off: PGlite runs no autovacuum, and a GIN pending list of up to 4 MB is scanned
		// linearly by every search (a rare word took ~600 ms over 100,000 rows with it on).
		index('library_resource_words_idx').using('gin', t.searchWords).with({ fastupdate: false }),
		index('library_resource_groups_idx').using('gin', t.learnerGroups),
		index('library_resource_competence_idx').using('gin', t.competenceAreas),
		index('library_resource_public_idx').on(t.status, t.publishedAt.desc().nullsFirst(), t.id.desc()),
		index('library_resource_org_idx').on(t.orgId, t.updatedAt)
	]
);

/** A learning path: resources in order, chosen by a coordinator for one learner group. */
export const learningPath = pgTable(
	'learning_path',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id')
			.notNull()
			.references(() => orgNode.id, { onDelete: 'restrict' }),
		learnerGroup: text('learner_group').notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		createdBy: text('created_by'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('learning_path_org_idx').on(t.orgId), index('learning_path_group_idx').on(t.learnerGroup)]
);

export const learningPathItem = pgTable(
	'learning_path_item',
	{
		pathId: text('path_id')
			.notNull()
			.references(() => learningPath.id, { onDelete: 'cascade' }),
		resourceId: text('resource_id')
			.notNull()
			.references(() => libraryResource.id, { onDelete: 'cascade' }),
		position: integer('position').notNull()
	},
	(t) => [primaryKey({ columns: [t.pathId, t.resourceId] }), index('learning_path_item_order_idx').on(t.pathId, t.position)]
);

/**
 * One person's learning of one resource (M15): started or completed, minutes spent, a reflection.
 * `orgId` is the resource's organisation (whose coordinators see it); `campaignId` the Week the
 * hours count for.
 */
export const learningRecord = pgTable(
	'learning_record',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		resourceId: text('resource_id')
			.notNull()
			.references(() => libraryResource.id, { onDelete: 'cascade' }),
		orgId: text('org_id').notNull(),
		campaignId: text('campaign_id').references(() => campaign.id, { onDelete: 'set null' }),
		status: learningRecordStatus('status').notNull(),
		minutes: integer('minutes').notNull().default(0),
		reflection: text('reflection').notNull().default(''),
		startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
		completedAt: timestamp('completed_at', { withTimezone: true }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('learning_record_user_resource_idx').on(t.userId, t.resourceId),
		index('learning_record_org_idx').on(t.orgId, t.campaignId),
		index('learning_record_campaign_idx').on(t.campaignId)
	]
);

/** The yearly "Công dân học tập" self-check of one person: a level per capacity. */
export const citizenSelfCheck = pgTable(
	'citizen_self_check',
	{
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		year: integer('year').notNull(),
		levels: jsonb('levels').$type<Record<string, string>>().notNull(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.userId, t.year] })]
);

export type LibraryResourceRow = typeof libraryResource.$inferSelect;
export type LearningPathRow = typeof learningPath.$inferSelect;
export type LearningPathItemRow = typeof learningPathItem.$inferSelect;
export type LearningRecordRow = typeof learningRecord.$inferSelect;
export type CitizenSelfCheckRow = typeof citizenSelfCheck.$inferSelect;
