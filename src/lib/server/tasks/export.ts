// The tasks domain's read model for reports and dashboards: a campaign's tasks by unit and status.
import type { Db } from '../db/types';
import { now } from '../core/clock';
import { taskTimeliness } from '$lib/features/tasks/format';
import type { TaskStatus, TaskTimeliness } from '$lib/features/tasks/types';
import { selectTasksOfCampaign } from './queries';

/** One task as reports count it (no names: the report joins units from the org domain). */
export interface TaskFact {
	id: string;
	unitId: string;
	personId: string | null;
	dueOn: string;
	status: TaskStatus;
	percent: number;
	timeliness: TaskTimeliness;
	evidenceRequired: boolean;
}

/** Every task of a campaign with where it stands at `at` (default now), for the report (M16) and the dashboard; the caller checks who may read it. */
export async function listCampaignTaskFacts(db: Db, campaignId: string, at: Date = now()): Promise<TaskFact[]> {
	const rows = await selectTasksOfCampaign(db, campaignId);
	return rows.map((t) => ({
		id: t.id,
		unitId: t.unitId,
		personId: t.personId,
		dueOn: t.dueOn,
		status: t.status,
		percent: t.percent,
		timeliness: taskTimeliness(t, at).timeliness,
		evidenceRequired: t.evidenceRequired
	}));
}
