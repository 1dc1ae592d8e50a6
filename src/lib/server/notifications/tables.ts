import { pgTable, text, timestamp, index } from 'drizzle-orm/pg-core';

/** Every mail the app sends; without SMTP_URL this is the development outbox. */
export const mailMessage = pgTable(
	'mail_message',
	{
		id: text('id').primaryKey(),
		to: text('to').notNull(),
		subject: text('subject').notNull(),
		text: text('text').notNull(),
		html: text('html'),
		/** 'smtp' when it went to the SMTP server, 'outbox' when it was only kept here. */
		transport: text('transport').notNull(),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		error: text('error'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('mail_message_created_idx').on(t.createdAt)]
);

export type MailMessageRow = typeof mailMessage.$inferSelect;
