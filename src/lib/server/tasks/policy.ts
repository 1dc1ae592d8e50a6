// Who may do what with tasks. Pure: the service loads the task, its campaign's node and its unit first.
import { hasRoleAt, type Actor, type Role } from '../auth/actor';
import type { CampaignStatus } from '../../features/campaigns/types';

/** Coordinators of the campaign's node or above give out and change its tasks (PRODUCT M4: TC-HC-QT urges units). */
export const TASK_MANAGERS: readonly Role[] = ['coordinator'];

/** Who reads a campaign's whole task list and follow-up board: its coordinators, leaders and supervisors. */
export const TASK_BOARD_READERS: readonly Role[] = ['coordinator', 'unit_leader', 'supervisor'];

/**
 * A plan's duties are settled once it is approved; until then they may still change. A closed
 * Week keeps its follow-up: the report to the Department comes after it (M16), and late units
 * are still urged, so tasks may still be given.
 */
export const TASK_CAMPAIGN_STATUSES: readonly CampaignStatus[] = ['approved', 'issued', 'running', 'closed'];

/** What the policy needs to know of a campaign. */
export interface TaskCampaignResource {
	orgPath: string;
	status: CampaignStatus;
}

/** What the policy needs to know of a task. */
export interface TaskResource {
	/** The path of the campaign's node. */
	campaignOrgPath: string;
	/** The path of the unit that answers for the task. */
	unitPath: string;
	/** The account of the person the task is given to, if it is given to a person who has one. */
	personUserId: string | null;
	/** True when the task is given to one person rather than to the unit as a whole. */
	assignedToPerson: boolean;
}

/** Coordinators of the campaign's node or above create and edit its tasks. */
export function canManageCampaignTasks(actor: Actor, campaign: { orgPath: string }): boolean {
	return hasRoleAt(actor, TASK_MANAGERS, campaign.orgPath);
}

/** Coordinators, unit leaders and supervisors of the campaign's node or above read all its tasks and the board. */
export function canReadCampaignTasks(actor: Actor, campaign: { orgPath: string }): boolean {
	return hasRoleAt(actor, TASK_BOARD_READERS, campaign.orgPath);
}

/** Tasks are given only on an approved, issued, running or closed plan. */
export function campaignTakesTasks(campaign: { status: CampaignStatus }): boolean {
	return TASK_CAMPAIGN_STATUSES.includes(campaign.status);
}

function isAssignedPerson(actor: Actor, task: TaskResource): boolean {
	return actor.kind === 'user' && Boolean(task.personUserId) && actor.userId === task.personUserId;
}

/** The campaign's readers, the leaders and staff of the task's unit (or above), and the person it is given to read a task. */
export function canReadTask(actor: Actor, task: TaskResource): boolean {
	return canReadCampaignTasks(actor, { orgPath: task.campaignOrgPath }) || hasRoleAt(actor, ['unit_leader', 'staff'], task.unitPath) || isAssignedPerson(actor, task);
}

/** A leader of the task's unit (or above) re-assigns it within the unit; so does a coordinator of the campaign. */
export function canAssignTask(actor: Actor, task: TaskResource): boolean {
	return canManageCampaignTasks(actor, { orgPath: task.campaignOrgPath }) || hasRoleAt(actor, ['unit_leader'], task.unitPath);
}

/**
 * The assignees report progress: the person it is given to, the leaders of its unit (or above),
 * and, for a task given to the unit as a whole, the unit's staff.
 */
export function canReportTaskProgress(actor: Actor, task: TaskResource): boolean {
	if (isAssignedPerson(actor, task) || hasRoleAt(actor, ['unit_leader'], task.unitPath)) return true;
	return !task.assignedToPerson && hasRoleAt(actor, ['staff'], task.unitPath);
}

/** Coordinators of the campaign and leaders of the task's unit urge (đôn đốc) its assignees. */
export function canRemindTask(actor: Actor, task: TaskResource): boolean {
	return canManageCampaignTasks(actor, { orgPath: task.campaignOrgPath }) || hasRoleAt(actor, ['unit_leader'], task.unitPath);
}
