// Giving out work: the coordinator creates a campaign's tasks (from the plan's duties or new) and edits them.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { hasRoleAt, type Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { findOrgNode, type OrgNodeRow, type PersonWithUnit } from '../../org/service';
import { CAMPAIGN_ACTION_ROLES, type CampaignDetail } from '../../campaigns/service';
import { isPublicCampaignStatus } from '$lib/features/campaigns/types';
import { foldVietnamese } from '$lib/vn/text';
import { taskInput, type TaskInput, type TaskInputData } from '$lib/features/tasks/inputs';
import { earliestDueDate } from '$lib/features/tasks/format';
import { campaignTakesTasks, canManageCampaignTasks, canReadCampaignTasks, canReadTask } from '../policy';
import { insertTask, updateTaskRow } from '../queries';
import type { TaskRow } from '../tables';
import { findPerson, loadCampaign, loadTaskContext, parseInput, taskAuditView } from './task-context';
import { scheduleTaskReminders } from './remind-task';

/** The campaign if the actor may give out its tasks: NOT_FOUND when the actor may not even read it, FORBIDDEN when it may read but not manage. */
export async function requireManagedCampaign(db: Db, actor: Actor, campaignId: string): Promise<CampaignDetail> {
	const campaign = await loadCampaign(db, campaignId);
	if (!canManageCampaignTasks(actor, campaign)) {
		const visible = canReadCampaignTasks(actor, campaign) || isPublicCampaignStatus(campaign.status) || hasRoleAt(actor, CAMPAIGN_ACTION_ROLES.read, campaign.orgPath);
		throw new AppError(visible ? 'FORBIDDEN' : 'NOT_FOUND');
	}
	return campaign;
}

/**
 * Checks the input against the campaign: the due date not before the plan (its document date, or
 * the Week's first day for an undated plan — `earliestDueDate`), the duty one of the plan's, and the
 * assignee a unit at or under the campaign's node, or a person of one. Returns the unit and person.
 */
async function resolveTaskInput(db: Db, campaign: CampaignDetail, data: TaskInputData): Promise<{ unit: OrgNodeRow; person: PersonWithUnit | null }> {
	const earliest = earliestDueDate(campaign);
	if (data.dueOn < earliest) throw new AppError('VALIDATION', { fields: { dueOn: 'tasks_due_before_campaign' }, detail: { earliest } });
	if (data.dutyIndex !== null && data.dutyIndex >= campaign.duties.length) throw new AppError('VALIDATION', { fields: { dutyIndex: 'field_invalid' } });
	let person: PersonWithUnit | null = null;
	let unitId = data.unitId;
	if (data.personId) {
		person = (await findPerson(db, data.personId)) ?? null;
		if (!person) throw new AppError('VALIDATION', { fields: { assignee: 'field_invalid' } });
		unitId = person.unitId;
	}
	const unit = unitId ? await findOrgNode(db, unitId) : undefined;
	if (!unit) throw new AppError('VALIDATION', { fields: { assignee: 'field_invalid' } });
	if (!unit.path.startsWith(campaign.orgPath)) throw new AppError('VALIDATION', { fields: { assignee: 'tasks_assignee_outside' } });
	return { unit, person };
}

function searchText(data: { title: string; description: string }): string {
	return foldVietnamese(`${data.title} ${data.description}`);
}

/**
 * Gives a task of the campaign to a unit (at or under the campaign's node) or to a person of one,
 * with its due date and whether evidence is required, schedules its reminders and writes the audit
 * entry. Refuses a campaign the actor may not read (NOT_FOUND), anyone but a coordinator of the
 * campaign's node or above (FORBIDDEN), a plan not yet approved (INVALID_TRANSITION), and bad
 * input (VALIDATION): a due date before the plan (dueOn: tasks_due_before_campaign), an assignee
 * outside the campaign's organisation (assignee: tasks_assignee_outside) or unknown.
 */
export async function createTask(db: Db, actor: Actor, campaignId: string, input: TaskInput): Promise<TaskRow> {
	const campaign = await requireManagedCampaign(db, actor, campaignId);
	if (!campaignTakesTasks(campaign)) throw new AppError('INVALID_TRANSITION');
	const data = parseInput(taskInput, input);
	const { unit, person } = await resolveTaskInput(db, campaign, data);
	const at = now();
	return db.transaction(async (tx) => {
		const row = await insertTask(tx, {
			id: newId(),
			orgId: campaign.orgId,
			campaignId: campaign.id,
			dutyIndex: data.dutyIndex,
			title: data.title,
			description: data.description,
			dueOn: data.dueOn,
			evidenceRequired: data.evidenceRequired,
			evidenceNote: data.evidenceRequired ? data.evidenceNote : '',
			unitId: unit.id,
			personId: person?.id ?? null,
			searchText: searchText(data),
			createdBy: actor.userId ?? actor.name ?? actor.kind,
			createdAt: at,
			updatedAt: at
		});
		await scheduleTaskReminders(tx, row, at);
		await recordAudit(tx, actor, { orgId: campaign.orgId, orgPath: campaign.orgPath, entity: 'task', entityId: row.id, action: 'create', after: taskAuditView(row) });
		return row;
	});
}

/**
 * Changes a task's title, description, due date, evidence requirement or assignee; a new due date
 * gets its own reminders (those of the old date are skipped when their time comes). Refuses what
 * createTask refuses, a task the actor may not see (NOT_FOUND), and an edit sent from an older
 * version of the task (STALE) when `expectedVersion` is given.
 */
export async function updateTask(db: Db, actor: Actor, taskId: string, input: TaskInput, options: { expectedVersion?: number } = {}): Promise<TaskRow> {
	const ctx = await loadTaskContext(db, taskId);
	if (!canReadTask(actor, ctx.resource)) throw new AppError('NOT_FOUND');
	if (!canManageCampaignTasks(actor, ctx.campaign)) throw new AppError('FORBIDDEN');
	const campaign = ctx.campaign;
	const data = parseInput(taskInput, input);
	const { unit, person } = await resolveTaskInput(db, campaign, data);
	const at = now();
	return db.transaction(async (tx) => {
		const current = (await loadTaskContext(tx, taskId, { lock: true, campaign })).task;
		if (options.expectedVersion !== undefined && current.version !== options.expectedVersion) throw new AppError('STALE');
		const row = await updateTaskRow(tx, current.id, {
			title: data.title,
			description: data.description,
			dueOn: data.dueOn,
			evidenceRequired: data.evidenceRequired,
			evidenceNote: data.evidenceRequired ? data.evidenceNote : '',
			unitId: unit.id,
			personId: person?.id ?? null,
			dutyIndex: data.dutyIndex ?? current.dutyIndex,
			searchText: searchText(data),
			updatedAt: at
		});
		if (row.dueOn !== current.dueOn && row.status !== 'done') await scheduleTaskReminders(tx, row, at);
		await recordAudit(tx, actor, { orgId: row.orgId, orgPath: campaign.orgPath, entity: 'task', entityId: row.id, action: 'update', before: taskAuditView(current), after: taskAuditView(row) });
		return row;
	});
}
