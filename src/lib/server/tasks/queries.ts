// The only SQL of the tasks domain. Tasks are scoped by their campaign (and its node, `org_id`),
// their unit or their person; names of units and people come from the org domain's service.
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../db/types';
import { task, taskEvidence, taskProgress, taskReminder, type TaskEvidenceRow, type TaskProgressRow, type TaskReminderRow, type TaskRow } from './tables';

export type NewTaskRow = typeof task.$inferInsert;

export async function insertTask(db: Db, row: NewTaskRow): Promise<TaskRow> {
	const rows = await db.insert(task).values(row).returning();
	return rows[0];
}

/** The task; `lock` holds the row until the transaction ends (two reports at once are applied one after the other). */
export async function selectTask(db: Db, id: string, options: { lock?: boolean } = {}): Promise<TaskRow | undefined> {
	const query = db.select().from(task).where(eq(task.id, id)).limit(1);
	const rows = options.lock ? await query.for('update') : await query;
	return rows[0];
}

/** Changes a task and bumps its version. */
export async function updateTaskRow(db: Db, id: string, patch: Partial<NewTaskRow>): Promise<TaskRow> {
	const rows = await db
		.update(task)
		.set({ ...patch, version: sql`${task.version} + 1` })
		.where(eq(task.id, id))
		.returning();
	return rows[0];
}

/** Every task of a campaign, by due date. */
export async function selectTasksOfCampaign(db: Db, campaignId: string): Promise<TaskRow[]> {
	return db.select().from(task).where(eq(task.campaignId, campaignId)).orderBy(asc(task.dueOn), asc(task.createdAt), asc(task.id));
}

/** Tasks given to one of `unitIds` or to one of `personIds`, by due date. */
export async function selectTasksOfAssignees(db: Db, options: { unitIds: string[]; personIds: string[] }): Promise<TaskRow[]> {
	const conditions = [options.unitIds.length ? inArray(task.unitId, options.unitIds) : undefined, options.personIds.length ? inArray(task.personId, options.personIds) : undefined].filter(Boolean);
	if (!conditions.length) return [];
	return db
		.select()
		.from(task)
		.where(or(...conditions))
		.orderBy(asc(task.dueOn), asc(task.createdAt), asc(task.id))
		.limit(1000);
}

export async function insertProgress(db: Db, row: typeof taskProgress.$inferInsert): Promise<TaskProgressRow> {
	const rows = await db.insert(taskProgress).values(row).returning();
	return rows[0];
}

export async function selectProgressOfTask(db: Db, taskId: string): Promise<TaskProgressRow[]> {
	return db.select().from(taskProgress).where(eq(taskProgress.taskId, taskId)).orderBy(desc(taskProgress.createdAt), desc(taskProgress.id));
}

export async function insertEvidence(db: Db, rows: Array<typeof taskEvidence.$inferInsert>): Promise<TaskEvidenceRow[]> {
	if (!rows.length) return [];
	return db.insert(taskEvidence).values(rows).returning();
}

export async function selectEvidenceOfTask(db: Db, taskId: string): Promise<TaskEvidenceRow[]> {
	return db.select().from(taskEvidence).where(eq(taskEvidence.taskId, taskId)).orderBy(asc(taskEvidence.createdAt), asc(taskEvidence.fileName));
}

export async function selectEvidence(db: Db, taskId: string, id: string): Promise<TaskEvidenceRow | undefined> {
	const rows = await db
		.select()
		.from(taskEvidence)
		.where(and(eq(taskEvidence.taskId, taskId), eq(taskEvidence.id, id)))
		.limit(1);
	return rows[0];
}

export async function countEvidenceOfTask(db: Db, taskId: string): Promise<number> {
	const rows = await db.select({ n: sql<number>`count(*)` }).from(taskEvidence).where(eq(taskEvidence.taskId, taskId));
	return Number(rows[0].n);
}

/** Inserts a reminder; one already logged for the same job is kept and nothing is inserted (undefined). */
export async function insertReminder(db: Db, row: typeof taskReminder.$inferInsert): Promise<TaskReminderRow | undefined> {
	const rows = await db.insert(taskReminder).values(row).onConflictDoNothing({ target: taskReminder.jobId }).returning();
	return rows[0];
}

export async function selectReminderOfJob(db: Db, jobId: string): Promise<TaskReminderRow | undefined> {
	const rows = await db.select().from(taskReminder).where(eq(taskReminder.jobId, jobId)).limit(1);
	return rows[0];
}

export async function selectRemindersOfTask(db: Db, taskId: string): Promise<TaskReminderRow[]> {
	return db.select().from(taskReminder).where(eq(taskReminder.taskId, taskId)).orderBy(desc(taskReminder.sentAt), desc(taskReminder.id));
}

/** The last reminder of each task among `taskIds`. */
export async function selectLastReminders(db: Db, taskIds: string[]): Promise<Map<string, Date>> {
	if (!taskIds.length) return new Map();
	const rows = await db
		.select({ taskId: taskReminder.taskId, at: sql<Date | string>`max(${taskReminder.sentAt})` })
		.from(taskReminder)
		.where(inArray(taskReminder.taskId, taskIds))
		.groupBy(taskReminder.taskId);
	return new Map(rows.map((r) => [r.taskId, new Date(r.at)]));
}
