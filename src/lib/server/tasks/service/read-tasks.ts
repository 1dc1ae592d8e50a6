// Reading tasks: one task with its history, a campaign's list and follow-up board, my tasks.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { readStoredFile } from '../../core/storage';
import { hasRoleAt, type Actor } from '../../auth/actor';
import { findPersonByUserId, listOrgNodesByIds, listOrgTree, listPeople, type OrgNodeRow, type PersonWithUnit } from '../../org/service';
import type { CampaignDetail } from '../../campaigns/service';
import { campaignReference } from '$lib/features/campaigns/format';
import { fullName } from '$lib/vn/names';
import { vietnameseCollator } from '$lib/vn/text';
import { taskTimeliness } from '$lib/features/tasks/format';
import type { TaskBoard, TaskBoardRow, TaskListItem } from '$lib/features/tasks/types';
import { canAssignTask, canManageCampaignTasks, canReadCampaignTasks, canRemindTask, canReportTaskProgress, campaignTakesTasks } from '../policy';
import { selectEvidence, selectEvidenceOfTask, selectLastReminders, selectProgressOfTask, selectRemindersOfTask, selectTasksOfAssignees, selectTasksOfCampaign } from '../queries';
import type { TaskEvidenceRow, TaskProgressRow, TaskReminderRow, TaskRow } from '../tables';
import { findPerson, loadCampaign, requireReadableTask, TASKS_SYSTEM } from './task-context';

/** What a task's page shows about its campaign. */
export interface TaskCampaignSummary {
	id: string;
	title: string;
	reference: string;
	orgId: string;
	orgName: string;
	status: CampaignDetail['status'];
	documentDate: string | null;
	startsOn: string;
	endsOn: string;
}

function campaignSummary(c: CampaignDetail): TaskCampaignSummary {
	return { id: c.id, title: c.title, reference: campaignReference(c), orgId: c.orgId, orgName: c.orgName, status: c.status, documentDate: c.documentDate, startsOn: c.startsOn, endsOn: c.endsOn };
}

/** Units and people by id, for lists. */
interface Names {
	units: Map<string, OrgNodeRow>;
	people: Map<string, PersonWithUnit>;
	campaigns: Map<string, { title: string }>;
}

async function loadNames(db: Db, tasks: TaskRow[], campaigns: Map<string, { title: string }>): Promise<Names> {
	const units = new Map((await listOrgNodesByIds(db, tasks.map((t) => t.unitId))).map((n) => [n.id, n]));
	const people = new Map<string, PersonWithUnit>();
	for (const id of new Set(tasks.map((t) => t.personId).filter((p): p is string => Boolean(p)))) {
		const p = await findPerson(db, id);
		if (p) people.set(id, p);
	}
	for (const id of new Set(tasks.map((t) => t.campaignId))) {
		if (!campaigns.has(id)) campaigns.set(id, { title: (await loadCampaign(db, id)).title });
	}
	return { units, people, campaigns };
}

function toListItem(t: TaskRow, names: Names, lastReminders: Map<string, Date>, at: Date): TaskListItem {
	const person = t.personId ? names.people.get(t.personId) : undefined;
	const { timeliness, daysLate } = taskTimeliness(t, at);
	return {
		id: t.id,
		campaignId: t.campaignId,
		campaignTitle: names.campaigns.get(t.campaignId)?.title ?? '',
		title: t.title,
		dueOn: t.dueOn,
		status: t.status,
		percent: t.percent,
		doneAt: t.doneAt ? t.doneAt.toISOString() : null,
		evidenceRequired: t.evidenceRequired,
		unitId: t.unitId,
		unitName: names.units.get(t.unitId)?.name ?? '',
		personId: t.personId,
		personName: person ? fullName(person) : null,
		timeliness,
		daysLate,
		lastReminderAt: lastReminders.get(t.id)?.toISOString() ?? null
	};
}

async function toListItems(db: Db, tasks: TaskRow[], campaigns: Map<string, { title: string }> = new Map()): Promise<TaskListItem[]> {
	const names = await loadNames(db, tasks, campaigns);
	const last = await selectLastReminders(db, tasks.map((t) => t.id));
	const at = now();
	return tasks.map((t) => toListItem(t, names, last, at));
}

const emptyCounts = (): Omit<TaskBoardRow, 'unitId' | 'unitName'> => ({ total: 0, done: 0, onTime: 0, late: 0, notStarted: 0, inProgress: 0, overdue: 0 });

/**
 * The follow-up board of a list of tasks: per unit, how many are done (on time or late), late
 * (done after the due date, or overdue and not done), not started, in progress, overdue; the
 * units in the tree's order; and the overdue tasks, most late first.
 */
export function buildTaskBoard(items: TaskListItem[], unitOrder: string[] = []): TaskBoard {
	const rows = new Map<string, TaskBoardRow>();
	const totals = emptyCounts();
	for (const t of items) {
		const row = rows.get(t.unitId) ?? { unitId: t.unitId, unitName: t.unitName, ...emptyCounts() };
		for (const counts of [row, totals]) {
			counts.total++;
			if (t.status === 'done') counts.done++;
			if (t.timeliness === 'on_time') counts.onTime++;
			if (t.timeliness === 'late' || t.timeliness === 'overdue') counts.late++;
			if (t.timeliness === 'overdue') counts.overdue++;
			if (t.status === 'not_started') counts.notStarted++;
			if (t.status === 'in_progress') counts.inProgress++;
		}
		rows.set(t.unitId, row);
	}
	const position = (id: string) => {
		const i = unitOrder.indexOf(id);
		return i < 0 ? Number.MAX_SAFE_INTEGER : i;
	};
	return {
		rows: [...rows.values()].sort((a, b) => position(a.unitId) - position(b.unitId) || vietnameseCollator.compare(a.unitName, b.unitName)),
		totals,
		overdue: items.filter((t) => t.timeliness === 'overdue').sort((a, b) => b.daysLate - a.daysLate || a.dueOn.localeCompare(b.dueOn) || vietnameseCollator.compare(a.title, b.title))
	};
}

/** A campaign's tasks, its follow-up board and what the actor may do there. */
export interface CampaignTasks {
	campaign: TaskCampaignSummary & { duties: CampaignDetail['duties'] };
	tasks: TaskListItem[];
	board: TaskBoard;
	can: { create: boolean; remind: boolean };
}

/**
 * Reads a campaign's tasks with the follow-up board (by unit: done, on time, late, not started)
 * and the overdue list. Refuses anyone but the coordinators, unit leaders and supervisors of the
 * campaign's node or above (NOT_FOUND, so other organisations' campaigns stay unseen).
 */
export async function getCampaignTasks(db: Db, actor: Actor, campaignId: string): Promise<CampaignTasks> {
	const campaign = await loadCampaign(db, campaignId);
	if (!canReadCampaignTasks(actor, campaign)) throw new AppError('NOT_FOUND');
	const tasks = await selectTasksOfCampaign(db, campaign.id);
	const items = await toListItems(db, tasks, new Map([[campaign.id, { title: campaign.title }]]));
	const tree = await listOrgTree(db, TASKS_SYSTEM, { rootId: campaign.orgId });
	const manage = canManageCampaignTasks(actor, campaign);
	return {
		campaign: { ...campaignSummary(campaign), duties: campaign.duties },
		tasks: items,
		board: buildTaskBoard(items, tree.map((n) => n.id)),
		// A unit leader of the campaign's node leads every unit below it, and urges them too.
		can: { create: manage && campaignTakesTasks(campaign), remind: manage || hasRoleAt(actor, ['unit_leader'], campaign.orgPath) }
	};
}

/** Whom a task may be given to: the units at and under the campaign's node (indented by depth), and their people. */
export interface TaskAssigneeOptions {
	units: Array<{ id: string; name: string; depth: number }>;
	people: Array<{ id: string; name: string; unitId: string; unitName: string }>;
}

async function peopleUnder(db: Db, unitId: string): Promise<PersonWithUnit[]> {
	const people: PersonWithUnit[] = [];
	for (let page = 1; ; page++) {
		const result = await listPeople(db, TASKS_SYSTEM, { unitId, page });
		people.push(...result.items);
		if (page * result.pageSize >= result.total) break;
	}
	return people;
}

/** Lists the units and people a campaign's task may be given to. Refuses anyone but a coordinator of the campaign's node or above (FORBIDDEN; NOT_FOUND when the campaign is not theirs to see). */
export async function listTaskAssigneeOptions(db: Db, actor: Actor, campaignId: string): Promise<TaskAssigneeOptions> {
	const campaign = await loadCampaign(db, campaignId);
	if (!canManageCampaignTasks(actor, campaign)) throw new AppError(canReadCampaignTasks(actor, campaign) ? 'FORBIDDEN' : 'NOT_FOUND');
	const tree = await listOrgTree(db, TASKS_SYSTEM, { rootId: campaign.orgId });
	const people = await peopleUnder(db, campaign.orgId);
	return {
		units: tree.map((n) => ({ id: n.id, name: n.name, depth: n.depth })),
		people: people.map((p) => ({ id: p.id, name: fullName(p), unitId: p.unitId, unitName: p.unitName }))
	};
}

/** A task with its campaign, assignee, progress, evidence and reminders, and what the actor may do with it. */
export interface TaskDetail {
	task: TaskRow;
	campaign: TaskCampaignSummary;
	unit: { id: string; name: string; path: string };
	person: { id: string; name: string; unitName: string } | null;
	timeliness: TaskListItem['timeliness'];
	daysLate: number;
	progress: TaskProgressRow[];
	evidence: Array<Omit<TaskEvidenceRow, 'fileKey'>>;
	reminders: TaskReminderRow[];
	can: { report: boolean; assign: boolean; remind: boolean; edit: boolean; board: boolean };
	/** The people of the task's unit, when the actor may re-assign it. */
	assignablePeople: Array<{ id: string; name: string; unitName: string }>;
}

/** Reads one task with its history; refuses (NOT_FOUND) anyone who may not read it: the campaign's readers, the unit's leaders and staff, its person. */
export async function getTask(db: Db, actor: Actor, taskId: string): Promise<TaskDetail> {
	const ctx = await requireReadableTask(db, actor, taskId);
	const { task, campaign, unit, person } = ctx;
	const canAssign = canAssignTask(actor, ctx.resource);
	const evidence = (await selectEvidenceOfTask(db, task.id)).map((e) => {
		// eslint-disable-next-line @typescript-eslint/no-unused-vars
		const { fileKey, ...rest } = e;
		return rest;
	});
	const assignable = canAssign ? await peopleUnder(db, unit.id) : [];
	return {
		task,
		campaign: campaignSummary(campaign),
		unit: { id: unit.id, name: unit.name, path: unit.path },
		person: person ? { id: person.id, name: fullName(person), unitName: person.unitName } : null,
		...taskTimeliness(task, now()),
		progress: await selectProgressOfTask(db, task.id),
		evidence,
		reminders: await selectRemindersOfTask(db, task.id),
		can: {
			report: canReportTaskProgress(actor, ctx.resource),
			assign: canAssign,
			remind: canRemindTask(actor, ctx.resource) && task.status !== 'done',
			edit: canManageCampaignTasks(actor, campaign),
			board: canReadCampaignTasks(actor, campaign)
		},
		assignablePeople: assignable.map((p) => ({ id: p.id, name: fullName(p), unitName: p.unitName }))
	};
}

/** The signed-in user's tasks: given to them as a person, and given to the units they lead or work in. */
export interface MyTasks {
	mine: TaskListItem[];
	units: TaskListItem[];
}

/**
 * Lists the tasks given to the actor's person record and to the units (and units below) where the
 * actor is unit leader or staff, not done first, then by due date. Refuses anonymous visitors
 * (UNAUTHENTICATED).
 */
export async function listMyTasks(db: Db, actor: Actor): Promise<MyTasks> {
	if (actor.kind !== 'user' || !actor.userId) throw new AppError('UNAUTHENTICATED');
	const me = await findPersonByUserId(db, actor.userId);
	const unitIds = new Set<string>();
	for (const g of actor.grants.filter((g) => g.role === 'unit_leader' || g.role === 'staff')) {
		const subtree = await listOrgTree(db, TASKS_SYSTEM, { rootId: g.orgId }).catch((e: unknown) => {
			if (e instanceof AppError && e.code === 'NOT_FOUND') return [];
			throw e;
		});
		for (const n of subtree) unitIds.add(n.id);
	}
	const tasks = await selectTasksOfAssignees(db, { unitIds: [...unitIds], personIds: me ? [me.id] : [] });
	const items = await toListItems(db, tasks);
	const order = (a: TaskListItem, b: TaskListItem) => Number(a.status === 'done') - Number(b.status === 'done') || a.dueOn.localeCompare(b.dueOn) || vietnameseCollator.compare(a.title, b.title);
	const mine = items.filter((t) => me && t.personId === me.id).sort(order);
	return { mine, units: items.filter((t) => !mine.includes(t)).sort(order) };
}

/** The bytes of one evidence file with its name and type; refuses (NOT_FOUND) anyone who may not read the task, and a file not of that task. */
export async function readTaskEvidence(db: Db, actor: Actor, taskId: string, evidenceId: string): Promise<{ fileName: string; contentType: string; bytes: Buffer }> {
	await requireReadableTask(db, actor, taskId);
	const row = await selectEvidence(db, taskId, evidenceId);
	if (!row) throw new AppError('NOT_FOUND');
	return { fileName: row.fileName, contentType: row.contentType, bytes: await readStoredFile(row.fileKey) };
}
