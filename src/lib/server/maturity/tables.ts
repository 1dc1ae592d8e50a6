import { pgTable, pgEnum, text, timestamp, integer, date, jsonb, doublePrecision, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgNode } from '../org/tables';
import { campaign } from '../campaigns/tables';
import type { AutomaticFact, FrameworkDefinition } from '../../features/maturity/types';

/** A maturity framework of an organisation (bộ tiêu chí), copied from a shipped template and adapted. */
export const maturityFramework = pgTable(
	'maturity_framework',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id')
			.notNull()
			.references(() => orgNode.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		/** The shipped template it was copied from (dti_agency, moet_4725, dbi), if any. */
		templateKey: text('template_key'),
		source: text('source').notNull().default(''),
		createdBy: text('created_by'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('maturity_framework_org_idx').on(t.orgId)]
);

/**
 * One version of a framework's content. Frozen once an assessment made on it is submitted: an edit
 * then makes the next version, so no score changes under a unit that has submitted.
 */
export const maturityFrameworkVersion = pgTable(
	'maturity_framework_version',
	{
		id: text('id').primaryKey(),
		frameworkId: text('framework_id')
			.notNull()
			.references(() => maturityFramework.id, { onDelete: 'cascade' }),
		orgId: text('org_id').notNull(),
		version: integer('version').notNull(),
		definition: jsonb('definition').$type<FrameworkDefinition>().notNull(),
		frozenAt: timestamp('frozen_at', { withTimezone: true }),
		createdBy: text('created_by'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('maturity_version_unique_idx').on(t.frameworkId, t.version)]
);

export const maturityRoundStatus = pgEnum('maturity_round_status', ['open', 'published']);

/** A campaign's self-assessment round (đợt đánh giá): a framework version, a deadline, the units enrolled. */
export const maturityRound = pgTable(
	'maturity_round',
	{
		id: text('id').primaryKey(),
		/** The campaign's node: its coordinators run the round. */
		orgId: text('org_id')
			.notNull()
			.references(() => orgNode.id, { onDelete: 'restrict' }),
		campaignId: text('campaign_id')
			.notNull()
			.references(() => campaign.id, { onDelete: 'cascade' }),
		frameworkId: text('framework_id')
			.notNull()
			.references(() => maturityFramework.id, { onDelete: 'restrict' }),
		versionId: text('version_id')
			.notNull()
			.references(() => maturityFrameworkVersion.id, { onDelete: 'restrict' }),
		title: text('title').notNull(),
		/** Hạn nộp: the last day, in Vietnam, on which a unit may submit (yyyy-mm-dd). */
		deadline: date('deadline').notNull(),
		status: maturityRoundStatus('status').notNull().default('open'),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		createdBy: text('created_by'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('maturity_round_campaign_idx').on(t.campaignId), index('maturity_round_org_idx').on(t.orgId)]
);

export const maturityAssessmentStatus = pgEnum('maturity_assessment_status', ['draft', 'submitted', 'under_review', 'returned', 'resubmitted', 'verified', 'published']);

/** One unit's self-assessment in a round, with its result as last computed. */
export const maturityAssessment = pgTable(
	'maturity_assessment',
	{
		id: text('id').primaryKey(),
		roundId: text('round_id')
			.notNull()
			.references(() => maturityRound.id, { onDelete: 'cascade' }),
		orgId: text('org_id').notNull(),
		unitId: text('unit_id')
			.notNull()
			.references(() => orgNode.id, { onDelete: 'restrict' }),
		status: maturityAssessmentStatus('status').notNull().default('draft'),
		/** The unit's own total and level; the verified ones once the coordinator has reviewed. */
		selfTotal: doublePrecision('self_total').notNull().default(0),
		selfLevel: integer('self_level'),
		verifiedTotal: doublePrecision('verified_total'),
		verifiedLevel: integer('verified_level'),
		automaticAt: timestamp('automatic_at', { withTimezone: true }),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		submittedBy: text('submitted_by'),
		verifiedAt: timestamp('verified_at', { withTimezone: true }),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		version: integer('version').notNull().default(1),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('maturity_assessment_unit_idx').on(t.roundId, t.unitId), index('maturity_assessment_unit_only_idx').on(t.unitId)]
);

export const maturityReviewDecision = pgEnum('maturity_review_decision', ['accepted', 'adjusted', 'returned']);

/** The unit's answer on one criterion, saved as they go, with the coordinator's decision on it. */
export const maturityAnswer = pgTable(
	'maturity_answer',
	{
		id: text('id').primaryKey(),
		assessmentId: text('assessment_id')
			.notNull()
			.references(() => maturityAssessment.id, { onDelete: 'cascade' }),
		criterionKey: text('criterion_key').notNull(),
		value: doublePrecision('value'),
		comment: text('comment').notNull().default(''),
		/** Minh chứng: số, ngày và trích yếu of the document cited, and a link. */
		docNumber: text('doc_number').notNull().default(''),
		docDate: date('doc_date'),
		docSummary: text('doc_summary').notNull().default(''),
		link: text('link'),
		/** For an automatic criterion: what the value was computed from. */
		automatic: jsonb('automatic').$type<AutomaticFact>(),
		decision: maturityReviewDecision('decision'),
		/** The value the coordinator set on adjusting. */
		reviewedValue: doublePrecision('reviewed_value'),
		reviewReason: text('review_reason').notNull().default(''),
		reviewedBy: text('reviewed_by'),
		reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
		updatedBy: text('updated_by'),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('maturity_answer_criterion_idx').on(t.assessmentId, t.criterionKey)]
);

/** An evidence file attached to a criterion, kept in the file store under `fileKey`. */
export const maturityEvidence = pgTable(
	'maturity_evidence',
	{
		id: text('id').primaryKey(),
		assessmentId: text('assessment_id')
			.notNull()
			.references(() => maturityAssessment.id, { onDelete: 'cascade' }),
		criterionKey: text('criterion_key').notNull(),
		orgId: text('org_id').notNull(),
		fileKey: text('file_key').notNull(),
		fileName: text('file_name').notNull(),
		contentType: text('content_type').notNull(),
		size: integer('size').notNull(),
		sha256: text('sha256').notNull(),
		uploadedBy: text('uploaded_by'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('maturity_evidence_assessment_idx').on(t.assessmentId, t.criterionKey), uniqueIndex('maturity_evidence_key_idx').on(t.fileKey)]
);

export const maturityScoreChangeKind = pgEnum('maturity_score_change_kind', ['self', 'automatic', 'review']);

/** Every change of a criterion's score: by the unit, by the automatic computation, by the review. */
export const maturityScoreChange = pgTable(
	'maturity_score_change',
	{
		id: text('id').primaryKey(),
		assessmentId: text('assessment_id')
			.notNull()
			.references(() => maturityAssessment.id, { onDelete: 'cascade' }),
		criterionKey: text('criterion_key').notNull(),
		kind: maturityScoreChangeKind('kind').notNull(),
		fromScore: doublePrecision('from_score'),
		toScore: doublePrecision('to_score').notNull(),
		reason: text('reason').notNull().default(''),
		byLabel: text('by_label').notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('maturity_score_change_assessment_idx').on(t.assessmentId, t.at)]
);

export type MaturityFrameworkRow = typeof maturityFramework.$inferSelect;
export type MaturityFrameworkVersionRow = typeof maturityFrameworkVersion.$inferSelect;
export type MaturityRoundRow = typeof maturityRound.$inferSelect;
export type MaturityAssessmentRow = typeof maturityAssessment.$inferSelect;
export type MaturityAnswerRow = typeof maturityAnswer.$inferSelect;
export type MaturityEvidenceRow = typeof maturityEvidence.$inferSelect;
export type MaturityScoreChangeRow = typeof maturityScoreChange.$inferSelect;
