import { pgTable, pgEnum, text, timestamp, integer, jsonb, boolean, bigint, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { orgNode } from '../org/tables';
import { user } from '../auth/tables';
import { campaign } from '../campaigns/tables';
import type { AttemptItem, QuestionOption, TagQuota } from '../../features/quizzes/types';

export const quizQuestionKind = pgEnum('quiz_question_kind', ['single', 'multiple', 'true_false', 'short']);
export const quizDifficulty = pgEnum('quiz_difficulty', ['easy', 'medium', 'hard']);
export const quizEntryRule = pgEnum('quiz_entry_rule', ['signed_in', 'email_code']);
export const quizContestStatus = pgEnum('quiz_contest_status', ['draft', 'published']);
export const quizAttemptStatus = pgEnum('quiz_attempt_status', ['open', 'submitted', 'timed_out']);

/**
 * A question of an organisation's bank (M11, M13). `correct` holds the option ids that are right
 * (single, multiple, true/false) or the accepted answers (short); it never leaves the server before
 * an attempt's results are published.
 */
export const quizQuestion = pgTable(
	'quiz_question',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id')
			.notNull()
			.references(() => orgNode.id, { onDelete: 'restrict' }),
		kind: quizQuestionKind('kind').notNull(),
		text: text('text').notNull(),
		options: jsonb('options').$type<QuestionOption[]>().notNull().default([]),
		correct: jsonb('correct').$type<string[]>().notNull(),
		/** Short answers: compare without diacritics ("ha noi" = "Hà Nội"). */
		foldAnswers: boolean('fold_answers').notNull().default(false),
		imageKey: text('image_key'),
		tags: text('tags').array().notNull().default([]),
		difficulty: quizDifficulty('difficulty').notNull().default('medium'),
		explanation: text('explanation').notNull().default(''),
		searchText: text('search_text').notNull(),
		archived: boolean('archived').notNull().default(false),
		createdBy: text('created_by'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('quiz_question_org_idx').on(t.orgId, t.archived), index('quiz_question_tags_idx').using('gin', t.tags)]
);

/** A quiz contest of a campaign, organised by one organisation; its questions come from that organisation's bank. */
export const quizContest = pgTable(
	'quiz_contest',
	{
		id: text('id').primaryKey(),
		campaignId: text('campaign_id')
			.notNull()
			.references(() => campaign.id, { onDelete: 'restrict' }),
		orgId: text('org_id')
			.notNull()
			.references(() => orgNode.id, { onDelete: 'restrict' }),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		entryRule: quizEntryRule('entry_rule').notNull().default('signed_in'),
		attemptsAllowed: integer('attempts_allowed').notNull().default(1),
		timeLimitSeconds: integer('time_limit_seconds').notNull(),
		graceSeconds: integer('grace_seconds').notNull().default(10),
		/** What each attempt draws: so many questions of a tag and/or difficulty. */
		quotas: jsonb('quotas').$type<TagQuota[]>().notNull(),
		/** Câu hỏi dự đoán: "how many participants will answer every question right?"; null: none. */
		predictionQuestion: text('prediction_question'),
		status: quizContestStatus('status').notNull().default('draft'),
		createdBy: text('created_by'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('quiz_contest_campaign_idx').on(t.campaignId), index('quiz_contest_org_idx').on(t.orgId)]
);

/** A round of a contest: open from `opensAt` to `closesAt`; results public once `publishedAt` is set. */
export const quizRound = pgTable(
	'quiz_round',
	{
		id: text('id').primaryKey(),
		contestId: text('contest_id')
			.notNull()
			.references(() => quizContest.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
		closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		/** The real number of participants whose best attempt was all right, fixed at publication. */
		allCorrectCount: integer('all_correct_count'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('quiz_round_contest_idx').on(t.contestId, t.opensAt)]
);

/**
 * One person in one round: an account (signed-in rule) or a verified e-mail (code rule). The
 * identity key makes "one account per person per round" a unique index.
 */
export const quizEntrant = pgTable(
	'quiz_entrant',
	{
		id: text('id').primaryKey(),
		roundId: text('round_id')
			.notNull()
			.references(() => quizRound.id, { onDelete: 'cascade' }),
		userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
		/** `user:<id>` or `email:<address>`. */
		identityKey: text('identity_key').notNull(),
		name: text('name').notNull(),
		email: text('email'),
		unitId: text('unit_id').references(() => orgNode.id, { onDelete: 'set null' }),
		/** Proves a code-verified entrant on another request or device (sha256 of the cookie's token). */
		tokenHashes: text('token_hashes').array().notNull().default([]),
		/** "TN-…", given at publication to everyone with a finished attempt; printed on the certificate and its QR code. */
		certificateCode: text('certificate_code').unique(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('quiz_entrant_identity_idx').on(t.roundId, t.identityKey),
		uniqueIndex('quiz_entrant_user_idx')
			.on(t.roundId, t.userId)
			.where(sql`${t.userId} is not null`),
		index('quiz_entrant_unit_idx').on(t.roundId, t.unitId)
	]
);

/** A one-time code sent to an e-mail address to enter a round (code rule); kept hashed. */
export const quizEntryCode = pgTable(
	'quiz_entry_code',
	{
		id: text('id').primaryKey(),
		roundId: text('round_id')
			.notNull()
			.references(() => quizRound.id, { onDelete: 'cascade' }),
		email: text('email').notNull(),
		name: text('name').notNull(),
		unitId: text('unit_id'),
		codeHash: text('code_hash').notNull(),
		tries: integer('tries').notNull().default(0),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('quiz_entry_code_email_idx').on(t.roundId, t.email)]
);

/**
 * One attempt: the questions drawn for it with their options in the order shown (`items`), fixed
 * when it starts so a refresh or another device shows the same attempt.
 */
export const quizAttempt = pgTable(
	'quiz_attempt',
	{
		id: text('id').primaryKey(),
		roundId: text('round_id')
			.notNull()
			.references(() => quizRound.id, { onDelete: 'cascade' }),
		entrantId: text('entrant_id')
			.notNull()
			.references(() => quizEntrant.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		items: jsonb('items').$type<AttemptItem[]>().notNull(),
		startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
		/** The time limit's end (or the round's close, if earlier); answers are taken until it plus the contest's grace. */
		deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
		acceptUntil: timestamp('accept_until', { withTimezone: true }).notNull(),
		status: quizAttemptStatus('status').notNull().default('open'),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		score: integer('score'),
		/** Milliseconds from start to submission (or to the deadline for a timed-out attempt). */
		durationMs: integer('duration_ms'),
		prediction: integer('prediction')
	},
	(t) => [uniqueIndex('quiz_attempt_number_idx').on(t.entrantId, t.number), index('quiz_attempt_round_idx').on(t.roundId, t.status)]
);

/**
 * The saved answer to one question of an attempt: one row per question, so a resent answer
 * replaces itself. `rev` orders writes: an older retry arriving late never overwrites a newer answer.
 */
export const quizAnswer = pgTable(
	'quiz_answer',
	{
		attemptId: text('attempt_id')
			.notNull()
			.references(() => quizAttempt.id, { onDelete: 'cascade' }),
		questionId: text('question_id').notNull(),
		value: jsonb('value').$type<string[]>().notNull(),
		rev: bigint('rev', { mode: 'number' }).notNull(),
		savedAt: timestamp('saved_at', { withTimezone: true }).notNull(),
		correct: boolean('correct')
	},
	(t) => [primaryKey({ columns: [t.attemptId, t.questionId] })]
);

export type QuizQuestionRow = typeof quizQuestion.$inferSelect;
export type QuizContestRow = typeof quizContest.$inferSelect;
export type QuizRoundRow = typeof quizRound.$inferSelect;
export type QuizEntrantRow = typeof quizEntrant.$inferSelect;
export type QuizEntryCodeRow = typeof quizEntryCode.$inferSelect;
export type QuizAttemptRow = typeof quizAttempt.$inferSelect;
export type QuizAnswerRow = typeof quizAnswer.$inferSelect;
export type QuestionKind = (typeof quizQuestionKind.enumValues)[number];
