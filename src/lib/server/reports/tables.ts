import { pgTable, pgEnum, text, timestamp, integer, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgNode } from '../org/tables';
import { campaign } from '../campaigns/tables';
import { issuedDocument } from '../documents/tables';

export const reportStatus = pgEnum('report_status', ['draft', 'submitted']);

/**
 * The campaign's Báo cáo kết quả (M16): the four narrative sections a person writes, whom it is
 * addressed to, and once submitted the issued document that carries its number.
 */
export const campaignReport = pgTable(
	'campaign_report',
	{
		id: text('id').primaryKey(),
		/** The campaign's node (the tenant). */
		orgId: text('org_id')
			.notNull()
			.references(() => orgNode.id, { onDelete: 'restrict' }),
		campaignId: text('campaign_id')
			.notNull()
			.references(() => campaign.id, { onDelete: 'cascade' }),
		/** I. Công tác chỉ đạo, triển khai */
		direction: text('direction').notNull().default(''),
		/** II. Kết quả thực hiện (the figures are added as generated sentences) */
		results: text('results').notNull().default(''),
		/** III. Đánh giá chung */
		assessment: text('assessment').notNull().default(''),
		/** IV. Đề xuất, kiến nghị */
		proposals: text('proposals').notNull().default(''),
		/** "Kính gửi:": the supervising organisation chosen on the form. */
		addresseeOrgId: text('addressee_org_id').references(() => orgNode.id, { onDelete: 'set null' }),
		addresseeLabel: text('addressee_label').notNull().default(''),
		status: reportStatus('status').notNull().default('draft'),
		documentId: text('document_id').references(() => issuedDocument.id, { onDelete: 'set null' }),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		submittedByLabel: text('submitted_by_label'),
		/** Bumped on each change; an edit sent from an older version is refused (STALE). */
		version: integer('version').notNull().default(1),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('campaign_report_campaign_idx').on(t.campaignId), index('campaign_report_org_idx').on(t.orgId)]
);

export type CampaignReportRow = typeof campaignReport.$inferSelect;
export type ReportStatus = (typeof reportStatus.enumValues)[number];
