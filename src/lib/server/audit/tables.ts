import { pgTable, text, timestamp, jsonb, index, bigserial } from 'drizzle-orm/pg-core';

/** Every change to an official record: who, when, what, before and after. Never updated. */
export const auditEntry = pgTable(
	'audit_entry',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		actorUserId: text('actor_user_id'),
		actorLabel: text('actor_label').notNull(),
		/** The organisation the record belongs to, for scoping reads. */
		orgId: text('org_id'),
		/** The path of that organisation when the entry was written; reads filter by prefix. */
		orgPath: text('org_path'),
		entity: text('entity').notNull(),
		entityId: text('entity_id').notNull(),
		action: text('action').notNull(),
		before: jsonb('before'),
		after: jsonb('after'),
		requestId: text('request_id')
	},
	(t) => [index('audit_entity_idx').on(t.entity, t.entityId), index('audit_org_path_idx').on(t.orgPath), index('audit_at_idx').on(t.at)]
);

export type AuditEntryRow = typeof auditEntry.$inferSelect;
