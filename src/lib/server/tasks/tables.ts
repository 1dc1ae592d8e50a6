import { pgTable, pgEnum, text, timestamp, integer, boolean, date, jsonb, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgNode, person } from '../org/tables';
import { campaign } from '../campaigns/tables';

export const taskStatus = pgEnum('task_status', ['not_started', 'in_progress', 'done']);

/**
 * A piece of the plan's work given to a unit or to one person of it (M4). `orgId` is the
 * campaign's node (the tenant); `unitId` is the unit that answers for it, and for a task given to
 * a person, that person's unit.
 */
export const task = pgTable(
	'task',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id')
			.notNull()
			.references(() => orgNode.id, { onDelete: 'restrict' }),
		campaignId: text('campaign_id')
			.notNull()
			.references(() => campaign.id, { onDelete: 'cascade' }),
		/** The plan's duty (index in `campaign.duties`) the task was made from, if any. */
		dutyIndex: integer('duty_index'),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		/** Hạn hoàn thành: the last day, in Vietnam, on which finishing is on time (yyyy-mm-dd). */
		dueOn: date('due_on').notNull(),
		evidenceRequired: boolean('evidence_required').notNull().default(false),
		/** What evidence is expected ("ảnh chụp, đường dẫn bài viết"). */
		evidenceNote: text('evidence_note').notNull().default(''),
		unitId: text('unit_id')
			.notNull()
			.references(() => orgNode.id, { onDelete: 'restrict' }),
		personId: text('person_id').references(() => person.id, { onDelete: 'set null' }),
		status: taskStatus('status').notNull().default('not_started'),
		/** 0–100, as last reported. */
		percent: integer('percent').notNull().default(0),
		/** When the status last became done; on time when its Vietnam date is on or before `dueOn`. */
		doneAt: timestamp('done_at', { withTimezone: true }),
		searchText: text('search_text').notNull(),
		version: integer('version').notNull().default(1),
		createdBy: text('created_by'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('task_campaign_idx').on(t.campaignId, t.dueOn),
		index('task_unit_idx').on(t.unitId),
		index('task_person_idx').on(t.personId),
		index('task_org_idx').on(t.orgId)
	]
);

/** One report on a task by an assignee: a note, the percent and status reached. */
export const taskProgress = pgTable(
	'task_progress',
	{
		id: text('id').primaryKey(),
		taskId: text('task_id')
			.notNull()
			.references(() => task.id, { onDelete: 'cascade' }),
		orgId: text('org_id').notNull(),
		authorUserId: text('author_user_id'),
		authorLabel: text('author_label').notNull(),
		note: text('note').notNull().default(''),
		status: taskStatus('status').notNull(),
		percent: integer('percent').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('task_progress_task_idx').on(t.taskId, t.createdAt)]
);

/** A file posted with a progress report, kept in the file store under `fileKey`. */
export const taskEvidence = pgTable(
	'task_evidence',
	{
		id: text('id').primaryKey(),
		taskId: text('task_id')
			.notNull()
			.references(() => task.id, { onDelete: 'cascade' }),
		progressId: text('progress_id')
			.notNull()
			.references(() => taskProgress.id, { onDelete: 'cascade' }),
		orgId: text('org_id').notNull(),
		fileKey: text('file_key').notNull(),
		/** The name the file had on the uploader's device (shown and offered on download). */
		fileName: text('file_name').notNull(),
		contentType: text('content_type').notNull(),
		size: integer('size').notNull(),
		sha256: text('sha256').notNull(),
		uploadedBy: text('uploaded_by'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('task_evidence_task_idx').on(t.taskId), uniqueIndex('task_evidence_key_idx').on(t.fileKey)]
);

export const taskReminderKind = pgEnum('task_reminder_kind', ['automatic', 'manual']);

/** A reminder mail sent about a task: by the schedule (automatic) or by a person (đôn đốc, manual). */
export const taskReminder = pgTable(
	'task_reminder',
	{
		id: text('id').primaryKey(),
		taskId: text('task_id')
			.notNull()
			.references(() => task.id, { onDelete: 'cascade' }),
		orgId: text('org_id').notNull(),
		kind: taskReminderKind('kind').notNull(),
		/** Days from the due date of a scheduled reminder (−3 before, 1 after…); null for a manual one. */
		offsetDays: integer('offset_days'),
		sentByUserId: text('sent_by_user_id'),
		sentByLabel: text('sent_by_label').notNull(),
		recipients: jsonb('recipients').$type<string[]>().notNull(),
		/** The job that sent it: a job run twice logs (and mails) once. */
		jobId: text('job_id'),
		sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('task_reminder_task_idx').on(t.taskId, t.sentAt), uniqueIndex('task_reminder_job_idx').on(t.jobId)]
);

export type TaskRow = typeof task.$inferSelect;
export type TaskProgressRow = typeof taskProgress.$inferSelect;
export type TaskEvidenceRow = typeof taskEvidence.$inferSelect;
export type TaskReminderRow = typeof taskReminder.$inferSelect;
export type TaskStatus = (typeof taskStatus.enumValues)[number];
