import { pgTable, pgEnum, text, timestamp, integer, boolean, jsonb, date, numeric, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgNode } from '../org/tables';
import { campaign } from '../campaigns/tables';
import {
	COUNCIL_STATUSES,
	DECISION_STATUSES,
	ENTRY_KINDS,
	ENTRY_STATUSES,
	FORM_SCOPES,
	INITIATIVE_FIELDS,
	INITIATIVE_LEVELS,
	NOMINEE_KINDS,
	RECIPIENT_KINDS,
	RECIPIENT_SOURCES,
	type FormRequirements,
	type InitiativeAuthor,
	type RubricWeights
} from '../../features/recognition/types';

export const entryStatus = pgEnum('recognition_entry_status', ENTRY_STATUSES);
export const entryKind = pgEnum('recognition_entry_kind', ENTRY_KINDS);
export const initiativeField = pgEnum('initiative_field', INITIATIVE_FIELDS);
export const initiativeLevel = pgEnum('initiative_level', INITIATIVE_LEVELS);
export const nomineeKind = pgEnum('nominee_kind', NOMINEE_KINDS);
export const councilStatus = pgEnum('council_status', COUNCIL_STATUSES);
export const decisionStatus = pgEnum('award_decision_status', DECISION_STATUSES);
export const recipientKind = pgEnum('award_recipient_kind', RECIPIENT_KINDS);
export const recipientSource = pgEnum('award_recipient_source', RECIPIENT_SOURCES);
export const formScope = pgEnum('commendation_form_scope', FORM_SCOPES);

const orgRef = () =>
	text('org_id')
		.notNull()
		.references(() => orgNode.id, { onDelete: 'restrict' });
const campaignRef = () =>
	text('campaign_id')
		.notNull()
		.references(() => campaign.id, { onDelete: 'cascade' });
const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** A council (hội đồng sáng kiến / xét chọn) of a campaign: a chair, members, a rubric with weights. */
export const council = pgTable(
	'recognition_council',
	{
		id: text('id').primaryKey(),
		orgId: orgRef(),
		campaignId: campaignRef(),
		name: text('name').notNull(),
		weights: jsonb('weights').$type<RubricWeights>().notNull(),
		/** Points (of 100) from which the council advises recognition. */
		passMark: integer('pass_mark').notNull(),
		status: councilStatus('status').notNull().default('open'),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		closedByLabel: text('closed_by_label'),
		createdBy: text('created_by'),
		createdAt: created()
	},
	(t) => [index('recognition_council_campaign_idx').on(t.campaignId)]
);

/** A member of a council; `conflictUnitIds` are the units they declared a conflict with (an author's unit). */
export const councilMember = pgTable(
	'recognition_council_member',
	{
		id: text('id').primaryKey(),
		councilId: text('council_id')
			.notNull()
			.references(() => council.id, { onDelete: 'cascade' }),
		orgId: text('org_id').notNull(),
		/** The member's account; no foreign key, so a removed account keeps its scores on record. */
		userId: text('user_id').notNull(),
		name: text('name').notNull(),
		isChair: boolean('is_chair').notNull().default(false),
		conflictUnitIds: jsonb('conflict_unit_ids').$type<string[]>().notNull().default([]),
		createdAt: created()
	},
	(t) => [uniqueIndex('recognition_council_member_idx').on(t.councilId, t.userId), index('recognition_council_member_user_idx').on(t.userId)]
);

/** A call for initiatives (phát động sáng kiến) of a campaign, with its deadline; its council reviews what comes in. */
export const initiativeCall = pgTable(
	'initiative_call',
	{
		id: text('id').primaryKey(),
		orgId: orgRef(),
		campaignId: campaignRef(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		/** The last day (Vietnam) an application is taken. */
		deadline: date('deadline').notNull(),
		councilId: text('council_id').references(() => council.id, { onDelete: 'set null' }),
		createdBy: text('created_by'),
		createdAt: created()
	},
	(t) => [index('initiative_call_campaign_idx').on(t.campaignId)]
);

/** An application for recognition of an initiative (Đơn yêu cầu công nhận sáng kiến, TT 18/2013). */
export const initiative = pgTable(
	'initiative',
	{
		id: text('id').primaryKey(),
		orgId: orgRef(),
		campaignId: campaignRef(),
		callId: text('call_id')
			.notNull()
			.references(() => initiativeCall.id, { onDelete: 'restrict' }),
		/** The unit that submits it (the submitter holds a role there). */
		unitId: text('unit_id')
			.notNull()
			.references(() => orgNode.id, { onDelete: 'restrict' }),
		title: text('title').notNull(),
		field: initiativeField('field').notNull(),
		authors: jsonb('authors').$type<InitiativeAuthor[]>().notNull(),
		firstAppliedOn: date('first_applied_on').notNull(),
		situationBefore: text('situation_before').notNull(),
		solution: text('solution').notNull(),
		conditions: text('conditions').notNull().default(''),
		benefits: text('benefits').notNull(),
		appliedWhere: text('applied_where').notNull(),
		status: entryStatus('status').notNull().default('submitted'),
		returnReason: text('return_reason'),
		councilId: text('council_id').references(() => council.id, { onDelete: 'set null' }),
		level: initiativeLevel('level'),
		decisionNote: text('decision_note'),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		decidedByLabel: text('decided_by_label'),
		submittedBy: text('submitted_by'),
		submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
		version: integer('version').notNull().default(1),
		searchText: text('search_text').notNull(),
		createdAt: created(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('initiative_campaign_idx').on(t.campaignId, t.status), index('initiative_council_idx').on(t.councilId), index('initiative_submitter_idx').on(t.submittedBy)]
);

/** A role-model nomination (tấm gương tự học, học tập suốt đời): a person, a family or a collective. */
export const nomination = pgTable(
	'nomination',
	{
		id: text('id').primaryKey(),
		orgId: orgRef(),
		campaignId: campaignRef(),
		kind: nomineeKind('kind').notNull(),
		name: text('name').notNull(),
		unitId: text('unit_id').references(() => orgNode.id, { onDelete: 'restrict' }),
		/** The nominee's account, when they have one (a suggestion from learning data). */
		userId: text('user_id'),
		/** Under 18: the honour board needs a guardian's consent too (DOMAIN-VN §6.8). */
		isMinor: boolean('is_minor').notNull().default(false),
		guardianName: text('guardian_name'),
		story: text('story').notNull(),
		/** 'manual', or the suggestion source it was built from ('learning', 'activities', …). */
		source: text('source').notNull().default('manual'),
		sourceFacts: jsonb('source_facts').$type<Record<string, number | string>>().notNull().default({}),
		status: entryStatus('status').notNull().default('submitted'),
		returnReason: text('return_reason'),
		councilId: text('council_id').references(() => council.id, { onDelete: 'set null' }),
		decisionNote: text('decision_note'),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		decidedByLabel: text('decided_by_label'),
		nominatedBy: text('nominated_by'),
		nominatedByLabel: text('nominated_by_label').notNull(),
		version: integer('version').notNull().default(1),
		searchText: text('search_text').notNull(),
		createdAt: created(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('nomination_campaign_idx').on(t.campaignId, t.status), index('nomination_council_idx').on(t.councilId)]
);

/** An evidence file of an initiative or a nomination, in the file store. */
export const entryFile = pgTable(
	'recognition_file',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id').notNull(),
		entryKind: entryKind('entry_kind').notNull(),
		entryId: text('entry_id').notNull(),
		fileKey: text('file_key').notNull(),
		fileName: text('file_name').notNull(),
		contentType: text('content_type').notNull(),
		size: integer('size').notNull(),
		sha256: text('sha256').notNull(),
		uploadedBy: text('uploaded_by'),
		createdAt: created()
	},
	(t) => [index('recognition_file_entry_idx').on(t.entryKind, t.entryId)]
);

/**
 * One consent given or withdrawn to show a person on the honour board (DOMAIN-VN §6.8): never
 * updated. `subject` is the author's index in an initiative ("0", "1"…) or "nominee".
 */
export const recognitionConsent = pgTable(
	'recognition_consent',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id').notNull(),
		entryKind: entryKind('entry_kind').notNull(),
		entryId: text('entry_id').notNull(),
		subject: text('subject').notNull(),
		subjectName: text('subject_name').notNull(),
		/** 'self' or 'guardian' (a minor's legal representative). */
		givenBy: text('given_by').notNull(),
		purpose: text('purpose').notNull(),
		granted: boolean('granted').notNull(),
		noticeVersion: text('notice_version').notNull(),
		channel: text('channel').notNull(),
		recordedBy: text('recorded_by'),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('recognition_consent_entry_idx').on(t.entryKind, t.entryId, t.at)]
);

/** One council member's marks of one entry (0–10 per criterion). */
export const score = pgTable(
	'recognition_score',
	{
		id: text('id').primaryKey(),
		councilId: text('council_id')
			.notNull()
			.references(() => council.id, { onDelete: 'cascade' }),
		orgId: text('org_id').notNull(),
		entryKind: entryKind('entry_kind').notNull(),
		entryId: text('entry_id').notNull(),
		memberUserId: text('member_user_id').notNull(),
		novelty: integer('novelty').notNull(),
		applicability: integer('applicability').notNull(),
		effectiveness: integer('effectiveness').notNull(),
		replicability: integer('replicability').notNull(),
		comment: text('comment').notNull().default(''),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('recognition_score_member_idx').on(t.entryKind, t.entryId, t.memberUserId), index('recognition_score_council_idx').on(t.councilId)]
);

/**
 * The forms of commendation and emulation titles an organisation awards (Giấy khen, Giấy chứng
 * nhận, Lao động tiên tiến, Chiến sĩ thi đua cơ sở…), with coefficients of the base salary for an
 * individual and a collective, and what each needs of its recipient. Data, not code.
 */
export const commendationForm = pgTable(
	'commendation_form',
	{
		id: text('id').primaryKey(),
		orgId: orgRef(),
		code: text('code').notNull(),
		name: text('name').notNull(),
		scope: formScope('scope').notNull(),
		individualCoefficient: numeric('individual_coefficient', { precision: 6, scale: 2 }).notNull(),
		collectiveCoefficient: numeric('collective_coefficient', { precision: 6, scale: 2 }).notNull(),
		requirements: jsonb('requirements').$type<FormRequirements>().notNull().default({}),
		sortOrder: integer('sort_order').notNull().default(0),
		active: boolean('active').notNull().default(true),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('commendation_form_code_idx').on(t.orgId, t.code)]
);

/** Mức lương cơ sở from a date on (a national figure, set by government decree). */
export const baseSalary = pgTable('recognition_base_salary', {
	effectiveFrom: date('effective_from').primaryKey(),
	amountVnd: integer('amount_vnd').notNull(),
	/** The instrument that set it ("NĐ 38/2019/NĐ-CP"). */
	source: text('source').notNull().default(''),
	updatedByLabel: text('updated_by_label').notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/** A Quyết định khen thưởng of a campaign: a draft listing recipients, then issued with its number. */
export const awardDecision = pgTable(
	'award_decision',
	{
		id: text('id').primaryKey(),
		orgId: orgRef(),
		campaignId: campaignRef(),
		/** The trích yếu: "Về việc khen thưởng …". */
		summary: text('summary').notNull(),
		/** The reason printed in Điều 1 and on each certificate ("Đã có thành tích …"). */
		reason: text('reason').notNull(),
		/** "Theo đề nghị của …". */
		proposedBy: text('proposed_by').notNull().default(''),
		status: decisionStatus('status').notNull().default('draft'),
		documentId: text('document_id'),
		/** Number and date as issued, kept beside the register for certificates and the honour board. */
		number: integer('number'),
		symbol: text('symbol'),
		documentDate: date('document_date'),
		signerName: text('signer_name'),
		signerPosition: text('signer_position'),
		baseSalaryVnd: integer('base_salary_vnd'),
		issuedAt: timestamp('issued_at', { withTimezone: true }),
		issuedByLabel: text('issued_by_label'),
		createdBy: text('created_by'),
		version: integer('version').notNull().default(1),
		createdAt: created()
	},
	(t) => [index('award_decision_campaign_idx').on(t.campaignId)]
);

/** One line of a decision: who is honoured, with which form, for what, and their certificate. */
export const awardRecipient = pgTable(
	'award_recipient',
	{
		id: text('id').primaryKey(),
		decisionId: text('decision_id')
			.notNull()
			.references(() => awardDecision.id, { onDelete: 'cascade' }),
		orgId: text('org_id').notNull(),
		campaignId: text('campaign_id').notNull(),
		kind: recipientKind('kind').notNull(),
		name: text('name').notNull(),
		unitName: text('unit_name').notNull().default(''),
		source: recipientSource('source').notNull(),
		/** The initiative, nomination or contest achievement ("quiz:<entrant>", "creative:<entry>") it came from. */
		sourceId: text('source_id'),
		/** For an initiative's author: their index in its authors; the consent is theirs. */
		authorIndex: integer('author_index'),
		formCode: text('form_code').notNull(),
		formName: text('form_name').notNull(),
		coefficient: numeric('coefficient', { precision: 6, scale: 2 }).notNull(),
		/** Fixed when the decision is issued (coefficient × base salary of the decision's date). */
		amountVnd: integer('amount_vnd'),
		/** What the certificate says it is for. */
		citation: text('citation').notNull(),
		sortOrder: integer('sort_order').notNull().default(0),
		certificateCode: text('certificate_code'),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		revokeReason: text('revoke_reason'),
		revokedByLabel: text('revoked_by_label'),
		createdAt: created()
	},
	(t) => [
		index('award_recipient_decision_idx').on(t.decisionId),
		index('award_recipient_campaign_idx').on(t.campaignId),
		uniqueIndex('award_recipient_certificate_idx').on(t.certificateCode)
	]
);

export type CouncilRow = typeof council.$inferSelect;
export type CouncilMemberRow = typeof councilMember.$inferSelect;
export type InitiativeCallRow = typeof initiativeCall.$inferSelect;
export type InitiativeRow = typeof initiative.$inferSelect;
export type NominationRow = typeof nomination.$inferSelect;
export type EntryFileRow = typeof entryFile.$inferSelect;
export type RecognitionConsentRow = typeof recognitionConsent.$inferSelect;
export type ScoreRow = typeof score.$inferSelect;
export type CommendationFormRow = typeof commendationForm.$inferSelect;
export type BaseSalaryRow = typeof baseSalary.$inferSelect;
export type AwardDecisionRow = typeof awardDecision.$inferSelect;
export type AwardRecipientRow = typeof awardRecipient.$inferSelect;
