import { pgTable, pgEnum, text, timestamp, date, index } from 'drizzle-orm/pg-core';
import { orgNode } from '../org/tables';

/**
 * Kinds of administrative unit (DOMAIN-VN §6.1): since 1/7/2025 a province or centrally-run city
 * over wards, communes and special zones; the pre-2025 district tier is kept for historical data.
 */
export const adminUnitKind = pgEnum('admin_unit_kind', ['tinh', 'thanh_pho_tw', 'xa', 'phuong', 'dac_khu', 'huyen', 'quan', 'thi_xa', 'thanh_pho']);

/**
 * An administrative unit (đơn vị hành chính) with its Statistics Office code. The list is data an
 * administrator keeps (codes and names change with each reform), not code.
 */
export const adminUnit = pgTable(
	'admin_unit',
	{
		code: text('code').primaryKey(),
		name: text('name').notNull(),
		kind: adminUnitKind('kind').notNull(),
		parentCode: text('parent_code'),
		/** The first and last days the unit existed (null: open-ended). */
		validFrom: date('valid_from'),
		validTo: date('valid_to'),
		searchText: text('search_text').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('admin_unit_parent_idx').on(t.parentCode)]
);

/**
 * A period of social distancing (giãn cách xã hội) declared for an administrative unit and, through
 * it, the units below. While it holds, in-person activities and banners there are refused (M6).
 */
export const distancingOrder = pgTable(
	'distancing_order',
	{
		id: text('id').primaryKey(),
		/** The organisation whose coordinator recorded the order (for the audit log). */
		orgId: text('org_id')
			.notNull()
			.references(() => orgNode.id, { onDelete: 'cascade' }),
		adminUnitCode: text('admin_unit_code')
			.notNull()
			.references(() => adminUnit.code, { onDelete: 'cascade' }),
		/** First and last day (inclusive, Vietnam calendar) of the order. */
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on').notNull(),
		/** The legal basis or note ("Chỉ thị 16/CT-TTg"). */
		note: text('note').notNull().default(''),
		/** Set when the order is lifted early; it then no longer holds. */
		liftedAt: timestamp('lifted_at', { withTimezone: true }),
		createdBy: text('created_by'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('distancing_order_unit_idx').on(t.adminUnitCode, t.startsOn)]
);

export type AdminUnitRow = typeof adminUnit.$inferSelect;
export type DistancingOrderRow = typeof distancingOrder.$inferSelect;
export type AdminUnitKind = (typeof adminUnitKind.enumValues)[number];
