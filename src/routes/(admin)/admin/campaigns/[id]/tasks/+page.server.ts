import { fail, redirect } from '@sveltejs/kit';
import { isAppError } from '$lib/server/core/errors';
import { failForm, formValues, orPageError, translate, failAction as failFormAction } from '$lib/server/core/http';
import { createTask, getCampaignTasks, listTaskAssigneeOptions, remindTask } from '$lib/server/tasks/service';
import { draftTaskFromDuty, earliestDueDate, isDueLongAfterCampaign, matchDutyUnit } from '$lib/features/tasks/format';
import { taskFormToInput } from '$lib/features/tasks/inputs';
import { formatDate } from '$lib/vn/dates';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { db, actor } = locals;
	const overview = await orPageError(() => getCampaignTasks(db, actor, params.id));
	const options = overview.can.create ? await orPageError(() => listTaskAssigneeOptions(db, actor, params.id)) : { units: [], people: [] };
	// "Tạo nhiệm vụ từ mục này": the form filled from one of the plan's duties.
	const dutyIndex = Number(url.searchParams.get('duty'));
	const duty = url.searchParams.has('duty') && Number.isInteger(dutyIndex) ? overview.campaign.duties[dutyIndex] : undefined;
	let values: Record<string, unknown> = {};
	if (duty) {
		const unit = matchDutyUnit(duty.unit, options.units);
		values = { ...draftTaskFromDuty(duty), dutyIndex: String(dutyIndex), assignee: unit ? `unit:${unit.id}` : '' };
	}
	const created = url.searchParams.get('created');
	const createdTask = created ? overview.tasks.find((t) => t.id === created) : undefined;
	return {
		...overview,
		options,
		values,
		earliestDue: formatDate(earliestDueDate(overview.campaign)),
		notice: url.searchParams.get('notice'),
		createdTask: createdTask ? { id: createdTask.id, title: createdTask.title, dueLate: isDueLongAfterCampaign(overview.campaign, createdTask.dueOn) } : null
	};
};

function failAction(action: string, e: unknown, values: Record<string, unknown>) {
	return failFormAction(action, e, values, (data, err) => {
		if (err.fields?.dueOn === 'tasks_due_before_campaign' && typeof err.detail?.earliest === 'string') data.errors.dueOn = translate('tasks_due_before_campaign_named', { date: formatDate(err.detail.earliest) });
		if (err.code === 'INVALID_TRANSITION' && action === 'create') data.message = translate('tasks_campaign_not_approved');
		if (err.code === 'INVALID_TRANSITION' && action === 'remind') data.message = translate('tasks_remind_done');
	});
}

export const actions: Actions = {
	create: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		let id: string;
		try {
			id = (await createTask(locals.db, locals.actor, params.id, taskFormToInput(values))).id;
		} catch (e) {
			return failAction('create', e, values);
		}
		redirect(303, localizeHref(`/admin/campaigns/${params.id}/tasks?notice=created&created=${id}`));
	},
	remind: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await remindTask(locals.db, locals.actor, String(values.taskId ?? ''));
		} catch (e) {
			return failAction('remind', e, values);
		}
		redirect(303, localizeHref(`/admin/campaigns/${params.id}/tasks?notice=reminded`));
	}
};
