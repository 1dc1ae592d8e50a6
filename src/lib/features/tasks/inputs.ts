// The tasks domain's input schemas, shared by the forms and the services. Error messages are
// message keys; paths are the forms' field names.
import { z } from 'zod';
import { line, paragraphs, yesNo, optionalId } from '$lib/features/fields';
import { parseDate } from '$lib/vn/dates';
import { TASK_STATUSES } from './types';

export const TASK_LIMITS = { title: 300, description: 5000, evidenceNote: 300, note: 2000 } as const;

const str = (v: unknown): unknown => (v === undefined || v === null ? '' : v);

/** A date typed dd/mm/yyyy or sent yyyy-mm-dd. */
const dueDate = z.preprocess(
	str,
	z.string({ error: 'field_invalid_date' }).transform((v, ctx): string => {
		const t = v.trim();
		if (!t) {
			ctx.addIssue({ code: 'custom', message: 'field_required' });
			return '';
		}
		const iso = parseDate(t);
		const year = iso ? Number(iso.slice(0, 4)) : 0;
		if (!iso || year < 1990 || year > 2100) {
			ctx.addIssue({ code: 'custom', message: 'field_invalid_date' });
			return '';
		}
		return iso;
	})
);

/** A checkbox ('on'), a yes/no select or a JSON boolean. */


/**
 * The assignee as one form field: "unit:<id>" or "person:<id>" (one select lists both); the
 * service takes `unitId` / `personId`.
 */
export function parseAssignee(value: unknown): { unitId?: string; personId?: string | null } {
	const v = typeof value === 'string' ? value : '';
	const [kind, id] = v.split(':');
	if (kind === 'unit' && id) return { unitId: id, personId: null };
	if (kind === 'person' && id) return { personId: id };
	return {};
}

/** A task as the coordinator creates or edits it. Either `unitId` or `personId` names the assignee. */
export const taskInput = z
	.object({
		title: line(TASK_LIMITS.title, true),
		description: paragraphs(TASK_LIMITS.description).default(''),
		dueOn: dueDate,
		evidenceRequired: yesNo.default(false),
		evidenceNote: line(TASK_LIMITS.evidenceNote).default(''),
		unitId: optionalId.default(null),
		personId: optionalId.default(null),
		dutyIndex: z.preprocess((v) => (v === '' || v === undefined || v === null ? null : Number(v)), z.number().int().min(0).max(1000).nullable()).default(null)
	})
	.superRefine(
		(t, ctx) => {
			// The form has one select for both; its error goes on it.
			if (!t.unitId && !t.personId) ctx.addIssue({ code: 'custom', path: ['assignee'], message: 'field_required' });
		},
		// Also when other fields fail, so the form marks every field at fault at once.
		{ when: () => true }
	);

export type TaskInput = z.input<typeof taskInput>;
export type TaskInputData = z.output<typeof taskInput>;

/** The form's fields as the service's input. */
export function taskFormToInput(values: Record<string, unknown>): TaskInput {
	return {
		title: values.title as string,
		description: values.description as string,
		dueOn: values.dueOn as string,
		evidenceRequired: values.evidenceRequired as string,
		evidenceNote: values.evidenceNote as string,
		dutyIndex: values.dutyIndex as string,
		...parseAssignee(values.assignee)
	} as TaskInput;
}

/**
 * A progress report: status, percent and a note. A blank percent is 0 for not started and 100 for
 * done; for in progress the service keeps the task's last percent (below 100).
 */
export const taskProgressInput = z
	.object({
		status: z.enum(TASK_STATUSES, { error: 'field_required' }),
		percent: z.preprocess(
			(v) => (v === '' || v === undefined || v === null ? null : typeof v === 'string' ? Number(v.replace('%', '').trim()) : v),
			z.number({ error: 'tasks_percent_invalid' }).int('tasks_percent_invalid').min(0, 'tasks_percent_invalid').max(100, 'tasks_percent_invalid').nullable()
		).default(null),
		note: paragraphs(TASK_LIMITS.note).default('')
	})
	.transform((p) => ({ ...p, percent: p.percent ?? (p.status === 'done' ? 100 : p.status === 'not_started' ? 0 : null) }))
	.superRefine((p, ctx) => {
		if (p.status === 'done' && p.percent !== 100) ctx.addIssue({ code: 'custom', path: ['percent'], message: 'tasks_percent_done' });
		if (p.status === 'not_started' && p.percent !== 0) ctx.addIssue({ code: 'custom', path: ['percent'], message: 'tasks_percent_not_started' });
		if (p.status === 'in_progress' && p.percent === 100) ctx.addIssue({ code: 'custom', path: ['percent'], message: 'tasks_percent_in_progress' });
	});

export type TaskProgressInput = z.input<typeof taskProgressInput>;

/** Re-assignment within the unit: a person of it, or '' for the unit as a whole. */
export const taskAssignInput = z.object({ personId: optionalId.default(null) });
export type TaskAssignInput = z.input<typeof taskAssignInput>;
