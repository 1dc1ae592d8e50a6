// The tasks domain (M4): tasks given to units or people from the plan's duties, progress with
// evidence, reminders as durable jobs, the follow-up board. Other domains and routes enter here;
// the use cases live in service/<use-case>.ts.
export { createTask, updateTask } from './service/create-task';
export { assignTask } from './service/assign-task';
export { reportTaskProgress, type EvidenceUpload } from './service/report-progress';
export { remindTask, runTaskReminder, scheduleTaskReminders, taskJobHandlers, REMINDER_OFFSETS_DAYS, TASK_REMINDER_JOB } from './service/remind-task';
export {
	getTask,
	getCampaignTasks,
	listMyTasks,
	listTaskAssigneeOptions,
	readTaskEvidence,
	buildTaskBoard,
	type TaskDetail,
	type CampaignTasks,
	type MyTasks,
	type TaskAssigneeOptions,
	type TaskCampaignSummary
} from './service/read-tasks';
export { TASK_CAMPAIGN_STATUSES } from './policy';
export type { TaskRow, TaskProgressRow, TaskEvidenceRow, TaskReminderRow, TaskStatus } from './tables';
// Read models other domains measure from (maturity's automatic criteria).
export { listCampaignTaskFacts, type TaskFact } from './export';
