// Re-assignment within the unit: a unit leader gives the unit's task to one of its people.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { taskAssignInput, type TaskAssignInput } from '$lib/features/tasks/inputs';
import { canAssignTask, canReadTask } from '../policy';
import { updateTaskRow } from '../queries';
import type { TaskRow } from '../tables';
import { findPerson, loadTaskContext, parseInput, taskAuditView } from './task-context';

/**
 * Gives the task to a person of its unit (or of a unit below it), or back to the unit as a whole
 * with `personId` empty. Refuses a task the actor may not see (NOT_FOUND), anyone but a leader of
 * the task's unit or a coordinator of its campaign (FORBIDDEN), and a person outside the unit
 * (VALIDATION, personId: tasks_assignee_outside_unit).
 */
export async function assignTask(db: Db, actor: Actor, taskId: string, input: TaskAssignInput): Promise<TaskRow> {
	const ctx = await loadTaskContext(db, taskId);
	if (!canReadTask(actor, ctx.resource)) throw new AppError('NOT_FOUND');
	if (!canAssignTask(actor, ctx.resource)) throw new AppError('FORBIDDEN');
	const { personId } = parseInput(taskAssignInput, input);
	if (personId) {
		const person = await findPerson(db, personId);
		if (!person || !person.unitPath.startsWith(ctx.unit.path)) throw new AppError('VALIDATION', { fields: { personId: 'tasks_assignee_outside_unit' } });
	}
	if ((ctx.task.personId ?? null) === personId) return ctx.task;
	return db.transaction(async (tx) => {
		const current = (await loadTaskContext(tx, taskId, { lock: true, campaign: ctx.campaign })).task;
		const row = await updateTaskRow(tx, current.id, { personId, updatedAt: now() });
		await recordAudit(tx, actor, { orgId: row.orgId, orgPath: ctx.campaign.orgPath, entity: 'task', entityId: row.id, action: 'assign', before: taskAuditView(current), after: taskAuditView(row) });
		return row;
	});
}
