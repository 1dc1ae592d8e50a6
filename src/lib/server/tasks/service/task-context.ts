// What every task use case loads first: the task with its campaign, unit and person, and the
// facts the policy decides on. Other domains are read as the system; the tasks policy decides.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { systemActor, type Actor } from '../../auth/actor';
import { getCampaign, type CampaignDetail } from '../../campaigns/service';
import { findOrgNode, getPerson, type OrgNodeRow, type PersonWithUnit } from '../../org/service';
import { fullName } from '$lib/vn/names';
import { canReadTask, type TaskResource } from '../policy';
import { selectTask } from '../queries';
import type { TaskRow } from '../tables';
import { parseInput } from '../../core/http';

/** The tasks domain reads campaigns and people as the system, after its own policy. */
export const TASKS_SYSTEM = systemActor('tasks');

/** A task with everything its use cases and pages need. */
export interface TaskContext {
	task: TaskRow;
	campaign: CampaignDetail;
	unit: OrgNodeRow;
	person: PersonWithUnit | null;
	resource: TaskResource;
}

/** The one input check of every service (core/http). */
export { parseInput };

/** The campaign of a task list, NOT_FOUND when it does not exist. */
export async function loadCampaign(db: Db, campaignId: string): Promise<CampaignDetail> {
	return getCampaign(db, TASKS_SYSTEM, campaignId);
}

/** A person by id, or undefined when there is none (deleted meanwhile). */
export async function findPerson(db: Db, personId: string): Promise<PersonWithUnit | undefined> {
	try {
		return await getPerson(db, TASKS_SYSTEM, personId);
	} catch (e) {
		if (e instanceof AppError && e.code === 'NOT_FOUND') return undefined;
		throw e;
	}
}

export function personLabel(p: PersonWithUnit | null | undefined): string | null {
	return p ? fullName(p) : null;
}

/** The facts the policy decides on. */
export function taskResource(task: TaskRow, campaign: { orgPath: string }, unit: { path: string }, person: PersonWithUnit | null): TaskResource {
	return { campaignOrgPath: campaign.orgPath, unitPath: unit.path, personUserId: person?.userId ?? null, assignedToPerson: Boolean(task.personId) };
}

/** Loads a task with its campaign, unit and person; NOT_FOUND when it does not exist. `lock` holds the row (inside a transaction). */
export async function loadTaskContext(db: Db, id: string, options: { lock?: boolean; campaign?: CampaignDetail } = {}): Promise<TaskContext> {
	const task = await selectTask(db, id, options);
	if (!task) throw new AppError('NOT_FOUND');
	const campaign = options.campaign?.id === task.campaignId ? options.campaign : await loadCampaign(db, task.campaignId);
	const unit = await findOrgNode(db, task.unitId);
	if (!unit) throw new AppError('NOT_FOUND');
	const person = task.personId ? ((await findPerson(db, task.personId)) ?? null) : null;
	return { task, campaign, unit, person, resource: taskResource(task, campaign, unit, person) };
}

/** The task if the actor may read it; NOT_FOUND otherwise, so tasks of other organisations do not betray their existence. */
export async function requireReadableTask(db: Db, actor: Actor, id: string): Promise<TaskContext> {
	const ctx = await loadTaskContext(db, id);
	if (!canReadTask(actor, ctx.resource)) throw new AppError('NOT_FOUND');
	return ctx;
}

/** What the audit log keeps of a task. */
export function taskAuditView(t: TaskRow) {
	return {
		campaignId: t.campaignId,
		title: t.title,
		description: t.description,
		dueOn: t.dueOn,
		evidenceRequired: t.evidenceRequired,
		evidenceNote: t.evidenceNote,
		unitId: t.unitId,
		personId: t.personId,
		status: t.status,
		percent: t.percent,
		doneAt: t.doneAt
	};
}
