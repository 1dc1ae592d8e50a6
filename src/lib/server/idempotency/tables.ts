import { pgTable, text, timestamp, index } from 'drizzle-orm/pg-core';

/**
 * One row per form post or API call that creates something, keyed by the one-time key the form
 * carried: a second post of the same key answers with what the first one made.
 */
export const requestKey = pgTable(
	'request_key',
	{
		key: text('key').primaryKey(),
		scope: text('scope').notNull(),
		userId: text('user_id'),
		resultId: text('result_id'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('request_key_created_idx').on(t.createdAt)]
);

export type RequestKeyRow = typeof requestKey.$inferSelect;
