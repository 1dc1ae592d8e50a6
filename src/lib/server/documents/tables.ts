import { pgTable, pgEnum, text, timestamp, jsonb, index, uniqueIndex, integer, date, boolean, primaryKey } from 'drizzle-orm/pg-core';
import { orgNode } from '../org/tables';
import { campaign } from '../campaigns/tables';
import type { DocumentRecipientRef } from '../../features/documents/register';

export type { DocumentRecipientRef };

export const documentStatus = pgEnum('document_status', ['issued', 'cancelled']);
/** Decree 30/2020, Art. 15.1: the head of the agency chooses one sequence for all types, or one per type. */
export const numberingMode = pgEnum('numbering_mode', ['single', 'per_type']);

/**
 * An outgoing document (văn bản đi) as the register holds it: its number, symbol, date, type and
 * trích yếu, signer, recipients, and the signed PDF once uploaded. One row is one register line.
 */
export const issuedDocument = pgTable(
	'document',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id')
			.notNull()
			.references(() => orgNode.id, { onDelete: 'restrict' }),
		/** The calendar year of the document's date: numbers restart at 01 each 1 January. */
		year: integer('year').notNull(),
		/** '' under one sequence for all types; the type code ("KH") under one sequence per type. */
		series: text('series').notNull(),
		number: integer('number').notNull(),
		/** The number was typed by a person (a document numbered outside LearnWeek); the sequence was not used. */
		numberEnteredByHand: boolean('number_entered_by_hand').notNull().default(false),
		/** Decree 30/2020, Appendix III abbreviation ("KH", "QĐ"), or "CV" for a công văn. */
		type: text('type').notNull(),
		/** What follows the number and "/": "KH-VPUB", or for a công văn "VPUB-TCHCQT". */
		symbol: text('symbol').notNull(),
		/** Trích yếu nội dung. */
		summary: text('summary').notNull(),
		documentDate: date('document_date').notNull(),
		signerName: text('signer_name').notNull(),
		signerPosition: text('signer_position').notNull(),
		/** Nơi nhận, in the document's order; those with an org node are sent to its inbox. */
		recipients: jsonb('recipients').$type<DocumentRecipientRef[]>().notNull().default([]),
		/** Đơn vị/người nhận bản lưu: "VT, TCHCQT". */
		archive: text('archive').notNull().default('VT'),
		/** Số lượng bản. */
		copies: integer('copies').notNull(),
		/** Ngày chuyển: the day LearnWeek distributed it. */
		sentOn: date('sent_on').notNull(),
		/** Ghi chú. */
		note: text('note').notNull().default(''),
		campaignId: text('campaign_id').references(() => campaign.id, { onDelete: 'set null' }),
		status: documentStatus('status').notNull().default('issued'),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
		cancelReason: text('cancel_reason'),
		/** The PDF signed with the agency's own tool, in the file store; null until uploaded. */
		signedFileKey: text('signed_file_key'),
		signedSha256: text('signed_sha256'),
		signedSize: integer('signed_size'),
		/** Whether the file holds a signature dictionary (/ByteRange and /Sig); not a verification. */
		signedHasSignature: boolean('signed_has_signature'),
		signedByUserId: text('signed_by_user_id'),
		signedByLabel: text('signed_by_label'),
		signedAt: timestamp('signed_at', { withTimezone: true }),
		issuedByUserId: text('issued_by_user_id'),
		issuedByLabel: text('issued_by_label').notNull(),
		searchText: text('search_text').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		// Decree 30/2020, Art. 15.2: number and symbol are unique within the year; never reused.
		uniqueIndex('document_number_idx').on(t.orgId, t.year, t.series, t.number),
		index('document_campaign_idx').on(t.campaignId),
		index('document_org_year_idx').on(t.orgId, t.year)
	]
);

/** The last number given in a series: the next document takes last_number + 1, under the row's lock. */
export const documentSequence = pgTable(
	'document_sequence',
	{
		orgId: text('org_id')
			.notNull()
			.references(() => orgNode.id, { onDelete: 'cascade' }),
		year: integer('year').notNull(),
		series: text('series').notNull(),
		lastNumber: integer('last_number').notNull()
	},
	(t) => [primaryKey({ columns: [t.orgId, t.year, t.series] })]
);

/** An organisation's choice of numbering; without a row, one sequence for all types. */
export const documentNumberingPolicy = pgTable('document_numbering_policy', {
	orgId: text('org_id')
		.primaryKey()
		.references(() => orgNode.id, { onDelete: 'cascade' }),
	mode: numberingMode('mode').notNull().default('single'),
	updatedByLabel: text('updated_by_label').notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/** One recipient organisation of a document: what its inbox shows, and when it was first opened there. */
export const documentRecipient = pgTable(
	'document_recipient',
	{
		documentId: text('document_id')
			.notNull()
			.references(() => issuedDocument.id, { onDelete: 'cascade' }),
		orgId: text('org_id')
			.notNull()
			.references(() => orgNode.id, { onDelete: 'cascade' }),
		/** The line of "Nơi nhận" that named it. */
		label: text('label').notNull(),
		readAt: timestamp('read_at', { withTimezone: true }),
		readByUserId: text('read_by_user_id'),
		readByLabel: text('read_by_label'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.documentId, t.orgId] }), index('document_recipient_org_idx').on(t.orgId, t.readAt)]
);

export type DocumentRow = typeof issuedDocument.$inferSelect;
export type NewDocumentRow = typeof issuedDocument.$inferInsert;
export type DocumentRecipientRow = typeof documentRecipient.$inferSelect;
export type NumberingMode = (typeof numberingMode.enumValues)[number];
export type DocumentStatus = (typeof documentStatus.enumValues)[number];
