import { pgTable, pgEnum, text, timestamp, jsonb, index, uniqueIndex, integer } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { user } from '../auth/tables';

export const orgKind = pgEnum('org_kind', ['province', 'agency', 'department', 'school', 'commune', 'enterprise', 'media', 'other']);

/** Nodes of the organisation tree: province → agency → department/unit, schools, partners… */
export const orgNode = pgTable(
	'org_node',
	{
		id: text('id').primaryKey(),
		parentId: text('parent_id'),
		/** Ids from the root down to this node, each followed by '/': `/<root>/<child>/`. */
		path: text('path').notNull(),
		kind: orgKind('kind').notNull(),
		name: text('name').notNull(),
		/** Short code used in document symbols and "Lưu: VT, TCHCQT" (VPUB, TCHCQT…). */
		shortCode: text('short_code').notNull(),
		address: text('address'),
		email: text('email'),
		phone: text('phone'),
		website: text('website'),
		/** Display order among siblings (the Office lists its departments in a conventional order). */
		sortOrder: integer('sort_order').notNull().default(0),
		/** Folded name for diacritics-insensitive search. */
		searchText: text('search_text').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('org_node_parent_idx').on(t.parentId),
		index('org_node_path_idx').on(t.path),
		// Short codes are unique among siblings ("PhongA" may exist under two agencies).
		uniqueIndex('org_node_sibling_code_idx').on(sql`coalesce(${t.parentId}, '')`, sql`lower(${t.shortCode})`)
	]
);

export const employeeCategory = pgEnum('employee_category', ['cong_chuc', 'vien_chuc', 'nguoi_lao_dong', 'other']);

/** People of a unit: staff and the learners an organisation records. */
export const person = pgTable(
	'person',
	{
		id: text('id').primaryKey(),
		unitId: text('unit_id')
			.notNull()
			.references(() => orgNode.id, { onDelete: 'restrict' }),
		/** Họ */
		familyName: text('family_name').notNull(),
		/** Tên đệm (zero or more words) */
		middleName: text('middle_name').notNull().default(''),
		/** Tên */
		givenName: text('given_name').notNull(),
		/** Chức vụ */
		position: text('position'),
		category: employeeCategory('category').notNull().default('other'),
		learnerGroups: jsonb('learner_groups').$type<string[]>().notNull().default([]),
		email: text('email'),
		/** E.164, e.g. +84912345678. */
		phone: text('phone'),
		userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
		searchText: text('search_text').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('person_unit_idx').on(t.unitId),
		index('person_user_idx').on(t.userId),
		uniqueIndex('person_unit_email_idx').on(t.unitId, sql`lower(${t.email})`)
	]
);

export const role = pgEnum('role', ['administrator', 'coordinator', 'unit_leader', 'staff', 'reviewer', 'partner', 'supervisor']);

/** A role granted to a user on a node; it holds for every node below. */
export const roleGrant = pgTable(
	'role_grant',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		orgId: text('org_id')
			.notNull()
			.references(() => orgNode.id, { onDelete: 'cascade' }),
		role: role('role').notNull(),
		grantedBy: text('granted_by'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('role_grant_unique_idx').on(t.userId, t.orgId, t.role), index('role_grant_org_idx').on(t.orgId)]
);

/** One row of an upload as read: canonical column → text, and its problems as message keys. */
export interface ImportRow {
	/** The line (CSV) or row number (XLSX) in the file, as the user sees it in their spreadsheet. */
	line: number;
	values: Record<string, string>;
	errors: string[];
}

/** What a confirmation wrote: kept on the batch so a second confirmation answers the same. */
export interface ImportResult {
	created: number;
	/** Rows good at preview that the database refused at confirmation (e.g. created meanwhile). */
	skipped: Array<{ line: number; errors: string[] }>;
}

export const importKind = pgEnum('import_kind', ['units', 'people']);
export const importStatus = pgEnum('import_status', ['previewed', 'confirmed', 'discarded']);

/** A parsed upload waiting for confirmation: nothing is written to units or people before. */
export const importBatch = pgTable(
	'import_batch',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id')
			.notNull()
			.references(() => orgNode.id, { onDelete: 'cascade' }),
		kind: importKind('kind').notNull(),
		status: importStatus('status').notNull().default('previewed'),
		fileName: text('file_name').notNull(),
		/** Every row as read, with its errors; confirmation writes exactly the rows without any. */
		rows: jsonb('rows').$type<ImportRow[]>().notNull(),
		goodCount: integer('good_count').notNull(),
		badCount: integer('bad_count').notNull(),
		createdBy: text('created_by').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
		confirmedBy: text('confirmed_by'),
		result: jsonb('result').$type<ImportResult>()
	},
	(t) => [index('import_batch_org_idx').on(t.orgId)]
);

export type OrgNodeRow = typeof orgNode.$inferSelect;
export type PersonRow = typeof person.$inferSelect;
export type RoleGrantRow = typeof roleGrant.$inferSelect;
export type ImportBatchRow = typeof importBatch.$inferSelect;
export type Role = (typeof role.enumValues)[number];
export type OrgKind = (typeof orgKind.enumValues)[number];
