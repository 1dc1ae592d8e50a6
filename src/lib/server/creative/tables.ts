import { pgTable, pgEnum, text, timestamp, integer, boolean, jsonb, bigint, real, bigserial, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { orgNode } from '../org/tables';
import { campaign } from '../campaigns/tables';
import { CONTEST_STATUSES, ENTRY_STATUSES, ENTRY_TYPES, ROUND_STATUSES, VOTE_MODES, type RubricCriterion } from '../../features/creative/types';

export const creativeContestStatus = pgEnum('creative_contest_status', CONTEST_STATUSES);
export const creativeEntryType = pgEnum('creative_entry_type', ENTRY_TYPES);
export const creativeEntryStatus = pgEnum('creative_entry_status', ENTRY_STATUSES);
export const creativeVoteMode = pgEnum('creative_vote_mode', VOTE_MODES);
export const juryRoundStatus = pgEnum('jury_round_status', ROUND_STATUSES);

/**
 * A creative contest (M13) of a campaign, run by the organiser's node (`orgId`, the tenant):
 * which entry types it takes, the limits of a file, the submission and public-vote windows, the
 * voting rule and the final weights of jury and public vote (juryWeight %, the vote the rest).
 */
export const creativeContest = pgTable(
	'creative_contest',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id')
			.notNull()
			.references(() => orgNode.id, { onDelete: 'restrict' }),
		campaignId: text('campaign_id')
			.notNull()
			.references(() => campaign.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		rules: text('rules').notNull().default(''),
		entryTypes: jsonb('entry_types').$type<string[]>().notNull(),
		maxBytes: bigint('max_bytes', { mode: 'number' }).notNull(),
		maxDurationSeconds: integer('max_duration_seconds').notNull(),
		submissionOpensAt: timestamp('submission_opens_at', { withTimezone: true }).notNull(),
		submissionClosesAt: timestamp('submission_closes_at', { withTimezone: true }).notNull(),
		voteOpensAt: timestamp('vote_opens_at', { withTimezone: true }),
		voteClosesAt: timestamp('vote_closes_at', { withTimezone: true }),
		voteMode: creativeVoteMode('vote_mode').notNull().default('per_entry'),
		votesPerAccount: integer('votes_per_account').notNull().default(1),
		juryWeight: integer('jury_weight').notNull().default(70),
		status: creativeContestStatus('status').notNull().default('draft'),
		searchText: text('search_text').notNull(),
		createdBy: text('created_by'),
		resultsPublishedAt: timestamp('results_published_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('creative_contest_campaign_idx').on(t.campaignId), index('creative_contest_org_idx').on(t.orgId)]
);

/**
 * A resumable upload (tus 1.0.0) on its way to becoming an entry's file: the declared length, the
 * bytes received so far (the file store holds them at `fileKey`), the kind read from its first
 * bytes and, once complete, its duration. Kept in the database so any copy of the app resumes it.
 */
export const creativeUpload = pgTable(
	'creative_upload',
	{
		id: text('id').primaryKey(),
		contestId: text('contest_id')
			.notNull()
			.references(() => creativeContest.id, { onDelete: 'cascade' }),
		orgId: text('org_id').notNull(),
		userId: text('user_id').notNull(),
		length: bigint('length', { mode: 'number' }).notNull(),
		offset: bigint('offset', { mode: 'number' }).notNull().default(0),
		fileKey: text('file_key').notNull(),
		fileName: text('file_name').notNull().default(''),
		/** Upload-Metadata as sent (decoded). */
		metadata: jsonb('metadata').$type<Record<string, string>>().notNull().default({}),
		kind: text('kind'),
		durationSeconds: real('duration_seconds'),
		completedAt: timestamp('completed_at', { withTimezone: true }),
		/** The entry it became; an upload serves one entry. */
		entryId: text('entry_id'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('creative_upload_user_idx').on(t.userId, t.createdAt)]
);

/**
 * An entry of a contest: its author (an account) and the unit it is made for, the file (or the
 * essay's text), and for a minor the guardian who consented. The consents themselves are events.
 */
export const creativeEntry = pgTable(
	'creative_entry',
	{
		id: text('id').primaryKey(),
		/** Entry number in the contest, in order of submission (shown as "Bài dự thi số …"). */
		seq: bigserial('seq', { mode: 'number' }).notNull(),
		contestId: text('contest_id')
			.notNull()
			.references(() => creativeContest.id, { onDelete: 'cascade' }),
		orgId: text('org_id').notNull(),
		authorUserId: text('author_user_id').notNull(),
		authorName: text('author_name').notNull(),
		unitId: text('unit_id').references(() => orgNode.id, { onDelete: 'set null' }),
		type: creativeEntryType('type').notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		essayText: text('essay_text').notNull().default(''),
		fileKey: text('file_key'),
		fileName: text('file_name'),
		contentType: text('content_type'),
		size: bigint('size', { mode: 'number' }),
		sha256: text('sha256'),
		durationSeconds: real('duration_seconds'),
		isMinor: boolean('is_minor').notNull().default(false),
		guardianName: text('guardian_name'),
		guardianRelation: text('guardian_relation'),
		/** Shown on the public pages and in the public vote: both the author and (a minor's) guardian agreed. */
		publishable: boolean('publishable').notNull().default(false),
		status: creativeEntryStatus('status').notNull().default('submitted'),
		disqualifiedReason: text('disqualified_reason'),
		disqualifiedBy: text('disqualified_by'),
		disqualifiedAt: timestamp('disqualified_at', { withTimezone: true }),
		searchText: text('search_text').notNull(),
		submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('creative_entry_contest_idx').on(t.contestId, t.seq), index('creative_entry_author_idx').on(t.authorUserId)]
);

/**
 * One consent given for an entry by its author or, for a minor, the guardian (DOMAIN-VN §6.8; Law
 * 91/2025 Điều 24: a child of 7 or more and the representative both consent). Never updated.
 */
export const creativeConsentEvent = pgTable(
	'creative_consent_event',
	{
		id: text('id').primaryKey(),
		entryId: text('entry_id')
			.notNull()
			.references(() => creativeEntry.id, { onDelete: 'cascade' }),
		orgId: text('org_id').notNull(),
		party: text('party').notNull(),
		/** The guardian's name and relation as typed, for a guardian's consent. */
		partyName: text('party_name').notNull(),
		relation: text('relation'),
		purpose: text('purpose').notNull(),
		granted: boolean('granted').notNull(),
		noticeVersion: text('notice_version').notNull(),
		channel: text('channel').notNull(),
		recordedBy: text('recorded_by'),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('creative_consent_entry_idx').on(t.entryId, t.at)]
);

/**
 * A jury round: its rubric, and once opened the entries it judges. Round 1 takes every entry
 * still in the contest; a later round takes the best `advanceCount` of the round before it.
 */
export const juryRound = pgTable(
	'jury_round',
	{
		id: text('id').primaryKey(),
		contestId: text('contest_id')
			.notNull()
			.references(() => creativeContest.id, { onDelete: 'cascade' }),
		orgId: text('org_id').notNull(),
		number: integer('number').notNull(),
		title: text('title').notNull(),
		criteria: jsonb('criteria').$type<RubricCriterion[]>().notNull(),
		advanceCount: integer('advance_count'),
		status: juryRoundStatus('status').notNull().default('draft'),
		openedAt: timestamp('opened_at', { withTimezone: true }),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('jury_round_number_idx').on(t.contestId, t.number)]
);

/** The entries a round judges, fixed when it opens. */
export const juryRoundEntry = pgTable(
	'jury_round_entry',
	{
		roundId: text('round_id')
			.notNull()
			.references(() => juryRound.id, { onDelete: 'cascade' }),
		entryId: text('entry_id')
			.notNull()
			.references(() => creativeEntry.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.roundId, t.entryId] })]
);

/** A juror of a round. */
export const juror = pgTable(
	'juror',
	{
		roundId: text('round_id')
			.notNull()
			.references(() => juryRound.id, { onDelete: 'cascade' }),
		userId: text('user_id').notNull(),
		name: text('name').notNull(),
		addedBy: text('added_by'),
		addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.roundId, t.userId] }), index('juror_user_idx').on(t.userId)]
);

/** One juror's scores for one entry in a round, and the weighted score out of 100 they make. */
export const juryRating = pgTable(
	'jury_rating',
	{
		id: text('id').primaryKey(),
		roundId: text('round_id')
			.notNull()
			.references(() => juryRound.id, { onDelete: 'cascade' }),
		entryId: text('entry_id')
			.notNull()
			.references(() => creativeEntry.id, { onDelete: 'cascade' }),
		jurorUserId: text('juror_user_id').notNull(),
		scores: jsonb('scores').$type<Record<string, number>>().notNull(),
		score: real('score').notNull(),
		comment: text('comment').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('jury_rating_once_idx').on(t.roundId, t.entryId, t.jurorUserId), index('jury_rating_entry_idx').on(t.roundId, t.entryId)]
);

/** A counted public vote: one per account and entry (the unique index holds it under any race). */
export const creativeVote = pgTable(
	'creative_vote',
	{
		id: text('id').primaryKey(),
		contestId: text('contest_id')
			.notNull()
			.references(() => creativeContest.id, { onDelete: 'cascade' }),
		entryId: text('entry_id')
			.notNull()
			.references(() => creativeEntry.id, { onDelete: 'cascade' }),
		userId: text('user_id').notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('creative_vote_once_idx').on(t.entryId, t.userId), index('creative_vote_contest_user_idx').on(t.contestId, t.userId), index('creative_vote_entry_idx').on(t.entryId)]
);

/** Every vote sent, counted or refused, with why: the trail a rigged vote is looked for in. */
export const creativeVoteLog = pgTable(
	'creative_vote_log',
	{
		id: text('id').primaryKey(),
		contestId: text('contest_id').notNull(),
		entryId: text('entry_id').notNull(),
		userId: text('user_id'),
		/** 'counted' | 'repeated' | a refusal's code. */
		outcome: text('outcome').notNull(),
		requestKey: text('request_key'),
		/** SHA-256 of the client address, never the address itself. */
		clientHash: text('client_hash'),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('creative_vote_log_user_idx').on(t.userId, t.at), index('creative_vote_log_contest_idx').on(t.contestId, t.at)]
);

export type CreativeContestRow = typeof creativeContest.$inferSelect;
export type CreativeUploadRow = typeof creativeUpload.$inferSelect;
export type CreativeEntryRow = typeof creativeEntry.$inferSelect;
export type CreativeConsentEventRow = typeof creativeConsentEvent.$inferSelect;
export type JuryRoundRow = typeof juryRound.$inferSelect;
export type JurorRow = typeof juror.$inferSelect;
export type JuryRatingRow = typeof juryRating.$inferSelect;
export type CreativeVoteRow = typeof creativeVote.$inferSelect;
export type CreativeVoteLogRow = typeof creativeVoteLog.$inferSelect;

/**
 * A certificate of a contest (giấy chứng nhận): a prize for the first places of the final ranking,
 * taking part for every other entry still in the contest; given when the results are published,
 * verified by its code (ST-…) at /certificates/{code}, revoked with a reason when its entry is
 * disqualified afterwards.
 */
export const creativeCertificate = pgTable(
	'creative_certificate',
	{
		code: text('code').primaryKey(),
		contestId: text('contest_id')
			.notNull()
			.references(() => creativeContest.id, { onDelete: 'cascade' }),
		entryId: text('entry_id')
			.notNull()
			.references(() => creativeEntry.id, { onDelete: 'cascade' }),
		orgId: text('org_id').notNull(),
		recipientName: text('recipient_name').notNull(),
		/** 'prize' | 'participation'. */
		kind: text('kind').notNull(),
		/** The place in the final ranking, for a prize. */
		rank: integer('rank'),
		issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		revokedReason: text('revoked_reason')
	},
	(t) => [uniqueIndex('creative_certificate_entry_idx').on(t.entryId)]
);
export type CreativeCertificateRow = typeof creativeCertificate.$inferSelect;
