import { pgTable, pgEnum, text, timestamp, jsonb, index, integer, date, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { orgNode } from '../org/tables';
// The JSON shapes live client-side so forms and pages share them.
import type { LegalBasis, PlanSection, Duty, Signer } from '../../features/campaigns/types';

export type { LegalBasis, PlanSection, Duty, Signer, SigningAuthority } from '../../features/campaigns/types';

export const campaignStatus = pgEnum('campaign_status', ['draft', 'submitted', 'approved', 'issued', 'running', 'closed']);

/** The yearly edition of the Week on one node: everything its Kế hoạch holds. */
export const campaign = pgTable(
	'campaign',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id')
			.notNull()
			.references(() => orgNode.id, { onDelete: 'restrict' }),
		/** The campaign this one implements (the province's plan for an agency's plan). */
		parentId: text('parent_id').references((): AnyPgColumn => campaign.id, { onDelete: 'restrict' }),
		/** The edition this one was cloned from (last year's, usually). */
		clonedFromId: text('cloned_from_id').references((): AnyPgColumn => campaign.id, { onDelete: 'set null' }),
		year: integer('year').notNull(),
		title: text('title').notNull(),
		/** The number part of "Số: 05/KH-VPUB"; empty until issued. */
		number: text('number'),
		/** The symbol part, e.g. "KH-VPUB". */
		symbol: text('symbol').notNull(),
		place: text('place').notNull(),
		/** The date written on the plan (yyyy-mm-dd). */
		documentDate: date('document_date'),
		introduction: text('introduction').notNull().default(''),
		purposes: text('purposes').notNull().default(''),
		requirements: text('requirements').notNull().default(''),
		themes: jsonb('themes').$type<string[]>().notNull().default([]),
		legalBases: jsonb('legal_bases').$type<LegalBasis[]>().notNull().default([]),
		sections: jsonb('sections').$type<PlanSection[]>().notNull().default([]),
		duties: jsonb('duties').$type<Duty[]>().notNull().default([]),
		recipients: jsonb('recipients').$type<string[]>().notNull().default([]),
		signer: jsonb('signer').$type<Signer>().notNull(),
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on').notNull(),
		status: campaignStatus('status').notNull().default('draft'),
		/** Why the leader last sent the plan back to draft; cleared when it is submitted again. */
		returnReason: text('return_reason'),
		/** Bumped on each change; an edit sent from an older version is refused (STALE). */
		version: integer('version').notNull().default(1),
		searchText: text('search_text').notNull(),
		createdBy: text('created_by'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('campaign_org_idx').on(t.orgId), index('campaign_parent_idx').on(t.parentId), index('campaign_year_idx').on(t.year), index('campaign_status_idx').on(t.status, t.startsOn)]
);

export type CampaignRow = typeof campaign.$inferSelect;
export type CampaignStatus = (typeof campaignStatus.enumValues)[number];
