// Reminders (nhắc việc, đôn đốc): mails to a task's assignees before and after its due date, as
// durable jobs, and the manual reminder a coordinator or unit leader sends from the overdue list.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { settings } from '../../core/env';
import { smtpConfigured } from '../../core/mail';
import { translate } from '../../core/http';
import { actorLabel, systemActor, type Actor } from '../../auth/actor';
import { findUser } from '../../auth/service';
import { recordAudit } from '../../audit/service';
import { sendMail } from '../../notifications/service';
import { enqueueJob, type JobContext, type JobHandlers } from '../../jobs/service';
import { listUnitLeaderContacts } from '../../org/service';
import { campaignReference } from '$lib/features/campaigns/format';
import { addDays, daysBetween, vietnamDateOf } from '$lib/features/tasks/format';
import { formatDate } from '$lib/vn/dates';
import { canReadTask, canRemindTask } from '../policy';
import { insertReminder, selectReminderOfJob } from '../queries';
import type { TaskReminderRow, TaskRow } from '../tables';
import { loadTaskContext, personLabel, type TaskContext } from './task-context';

/** The job kind of a scheduled reminder. */
export const TASK_REMINDER_JOB = 'task.reminder';

/**
 * When scheduled reminders go out, in days from the due date: 3 days and 1 day before (time to
 * finish and to gather evidence), then, while the task is not done, 1 day after and weekly for
 * four more weeks. Bounded: a task abandoned for a month needs a person's đôn đốc, not more mail.
 */
export const REMINDER_OFFSETS_DAYS: readonly number[] = [-3, -1, 1, 8, 15, 22, 29];

/** Reminders go out at 08:00 in Vietnam (01:00 UTC; no daylight saving), the start of the office day. */
export const REMINDER_HOUR_UTC = 1;

/** The instant a reminder `offsetDays` from `dueOn` goes out. */
export function reminderTime(dueOn: string, offsetDays: number): Date {
	const [y, m, d] = addDays(dueOn, offsetDays).split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d, REMINDER_HOUR_UTC));
}

/** The key that makes each reminder of a task's due date unique across every app process. */
export function reminderKey(taskId: string, dueOn: string, offsetDays: number): string {
	return `task-reminder:${taskId}:${dueOn}:${offsetDays}`;
}

/**
 * Enqueues the task's reminders for its due date. Those whose time has already passed (a task
 * given late, or with a due date already gone) are folded into one, sent now: the latest of them,
 * so the assignee gets one mail saying where the task stands rather than several at once.
 */
export async function scheduleTaskReminders(db: Db, task: Pick<TaskRow, 'id' | 'dueOn'>, at: Date = now()): Promise<number> {
	const planned = REMINDER_OFFSETS_DAYS.map((offsetDays) => ({ offsetDays, runAt: reminderTime(task.dueOn, offsetDays) }));
	const past = planned.filter((p) => p.runAt <= at);
	const due = [...(past.length ? [{ offsetDays: past[past.length - 1].offsetDays, runAt: at }] : []), ...planned.filter((p) => p.runAt > at)];
	let created = 0;
	for (const r of due) {
		const result = await enqueueJob(db, {
			kind: TASK_REMINDER_JOB,
			payload: { taskId: task.id, dueOn: task.dueOn, offsetDays: r.offsetDays },
			runAt: r.runAt,
			uniqueKey: reminderKey(task.id, task.dueOn, r.offsetDays)
		});
		if (result.created) created++;
	}
	return created;
}

/** Who a reminder goes to, and how the mail addresses them. */
interface Recipients {
	emails: string[];
	addressee: string;
}

/**
 * A task given to a person goes to that person (their work e-mail, else their account's); a task
 * given to a unit goes to the unit's leaders (the nearest node up to the campaign's with leader
 * accounts), else to the unit's own e-mail.
 */
async function reminderRecipients(db: Db, ctx: TaskContext): Promise<Recipients> {
	if (ctx.person) {
		const email = ctx.person.email ?? (ctx.person.userId ? (await findUser(db, ctx.person.userId))?.email : undefined);
		if (email) return { emails: [email.toLowerCase()], addressee: personLabel(ctx.person) ?? '' };
	}
	const leaders = await listUnitLeaderContacts(db, ctx.unit, { upToPath: ctx.campaign.orgPath });
	const emails = [...new Set(leaders.map((l) => l.email.toLowerCase()))];
	if (emails.length) return { emails, addressee: translate('tasks_mail_addressee_leaders', { unit: ctx.unit.name }, 'vi') };
	return { emails: ctx.unit.email ? [ctx.unit.email.toLowerCase()] : [], addressee: ctx.unit.name };
}

type ReminderKind = 'before' | 'after' | 'manual';

/** The reminder mail, in Vietnamese: what, for which plan, by when, where it stands, and the link to report. */
export function composeReminderMail(ctx: TaskContext, kind: ReminderKind, options: { addressee: string; at: Date; sender?: string }): { subject: string; text: string } {
	const { task, campaign, unit } = ctx;
	const due = formatDate(task.dueOn);
	const left = daysBetween(vietnamDateOf(options.at), task.dueOn);
	const when =
		left > 0
			? translate('tasks_mail_days_left', { days: left }, 'vi')
			: left === 0
				? translate('tasks_mail_due_today', {}, 'vi')
				: translate('tasks_mail_days_late', { days: -left }, 'vi');
	const subject = translate(`tasks_mail_subject_${kind}`, { title: task.title, due }, 'vi');
	const lines = [
		translate('tasks_mail_greeting', { addressee: options.addressee }, 'vi'),
		'',
		kind === 'manual' ? translate('tasks_mail_intro_manual', { sender: options.sender ?? '' }, 'vi') : translate(`tasks_mail_intro_${kind}`, {}, 'vi'),
		'',
		`${translate('tasks_mail_task', {}, 'vi')}: ${task.title}`,
		`${translate('tasks_mail_campaign', {}, 'vi')}: ${campaign.title} (${campaignReference(campaign)})`,
		`${translate('tasks_mail_assignee', {}, 'vi')}: ${unit.name}${ctx.person ? ` — ${personLabel(ctx.person)}` : ''}`,
		`${translate('tasks_mail_due', {}, 'vi')}: ${due} (${when})`,
		`${translate('tasks_mail_status', {}, 'vi')}: ${translate(`tasks_status_${task.status}`, {}, 'vi')} (${task.percent}%)`,
		...(task.evidenceRequired ? [`${translate('tasks_mail_evidence', {}, 'vi')}: ${task.evidenceNote || translate('tasks_evidence_yes', {}, 'vi')}`] : []),
		'',
		translate('tasks_mail_link', { link: `${settings().ORIGIN.replace(/\/$/, '')}/tasks/${task.id}` }, 'vi'),
		'',
		translate('tasks_mail_footer', {}, 'vi')
	];
	return { subject, text: lines.join('\n') };
}

/** Sends the mail to each recipient; true when at least one left (or waits in the outbox without SMTP). */
async function deliver(db: Db, recipients: string[], mail: { subject: string; text: string }): Promise<boolean> {
	let delivered = 0;
	for (const to of recipients) {
		const result = await sendMail(db, { to, ...mail });
		if (result.delivered || !smtpConfigured()) delivered++;
	}
	return delivered > 0;
}

/**
 * Runs one scheduled reminder: re-reads the task and sends nothing when it is done, deleted, moved
 * to another due date, or when a before-the-date reminder comes after the date (the after-date
 * one follows); otherwise mails its assignees and logs the reminder. A job run twice (a worker that
 * died after sending) finds its log and sends nothing. Throws when no mail could be delivered, so
 * the job is retried.
 */
export async function runTaskReminder(db: Db, payload: Record<string, unknown>, job: { id: string }): Promise<TaskReminderRow | undefined> {
	const taskId = String(payload.taskId ?? '');
	const offsetDays = Number(payload.offsetDays ?? 0);
	if (await selectReminderOfJob(db, job.id)) return undefined;
	let ctx: TaskContext;
	try {
		ctx = await loadTaskContext(db, taskId);
	} catch (e) {
		if (e instanceof AppError && e.code === 'NOT_FOUND') return undefined;
		throw e;
	}
	const at = now();
	const { task } = ctx;
	if (task.status === 'done' || task.dueOn !== payload.dueOn) return undefined;
	const today = vietnamDateOf(at);
	if (offsetDays < 0 && today > task.dueOn) return undefined;
	const kind: ReminderKind = today > task.dueOn ? 'after' : 'before';
	const recipients = await reminderRecipients(db, ctx);
	if (!recipients.emails.length) return undefined;
	const mail = composeReminderMail(ctx, kind, { addressee: recipients.addressee, at });
	if (!(await deliver(db, recipients.emails, mail))) throw new Error(`no reminder for task ${task.id} could be delivered`);
	const actor = systemActor('jobs');
	return db.transaction(async (tx) => {
		const row = await insertReminder(tx, {
			id: newId(),
			taskId: task.id,
			orgId: task.orgId,
			kind: 'automatic',
			offsetDays,
			sentByUserId: null,
			sentByLabel: actorLabel(actor),
			recipients: recipients.emails,
			jobId: job.id,
			sentAt: at
		});
		if (row) await recordAudit(tx, actor, { orgId: task.orgId, orgPath: ctx.campaign.orgPath, entity: 'task', entityId: task.id, action: 'remind', after: { kind: 'automatic', offsetDays, recipients: recipients.emails } });
		return row;
	});
}

/** The tasks domain's job handlers, for the worker that src/hooks.server.ts starts. */
export const taskJobHandlers: JobHandlers = {
	[TASK_REMINDER_JOB]: async (payload: Record<string, unknown>, context: JobContext) => {
		await runTaskReminder(context.db, payload, context.job);
	}
};

/**
 * Sends a reminder (đôn đốc) about a task now, to its person or its unit's leaders, and logs it
 * (who, when, to whom) on the task. Refuses a task the actor may not see (NOT_FOUND), anyone but a
 * coordinator of its campaign or a leader of its unit (FORBIDDEN), a task already done
 * (INVALID_TRANSITION), and a task with no one to write to (VALIDATION, tasks_no_recipient).
 */
export async function remindTask(db: Db, actor: Actor, taskId: string): Promise<TaskReminderRow> {
	const ctx = await loadTaskContext(db, taskId);
	if (!canReadTask(actor, ctx.resource)) throw new AppError('NOT_FOUND');
	if (!canRemindTask(actor, ctx.resource)) throw new AppError('FORBIDDEN');
	if (ctx.task.status === 'done') throw new AppError('INVALID_TRANSITION');
	const recipients = await reminderRecipients(db, ctx);
	if (!recipients.emails.length) throw new AppError('VALIDATION', { fields: { _: 'tasks_no_recipient' } });
	const at = now();
	const sender = actor.name ? `${actor.name}${actor.email ? ` (${actor.email})` : ''}` : actorLabel(actor);
	await deliver(db, recipients.emails, composeReminderMail(ctx, 'manual', { addressee: recipients.addressee, at, sender }));
	return db.transaction(async (tx) => {
		const row = await insertReminder(tx, {
			id: newId(),
			taskId: ctx.task.id,
			orgId: ctx.task.orgId,
			kind: 'manual',
			offsetDays: null,
			sentByUserId: actor.userId ?? null,
			sentByLabel: actor.name ?? actorLabel(actor),
			recipients: recipients.emails,
			jobId: null,
			sentAt: at
		});
		await recordAudit(tx, actor, { orgId: ctx.task.orgId, orgPath: ctx.campaign.orgPath, entity: 'task', entityId: ctx.task.id, action: 'remind', after: { kind: 'manual', recipients: recipients.emails } });
		return row!;
	});
}
