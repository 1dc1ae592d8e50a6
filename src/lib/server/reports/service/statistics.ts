// The campaign's figures for the report (M16) and the dashboard, following the blocks of DOMAIN-VN
// §1.1: planning, tasks, people, activities, publicity and resources mobilised now; recognition later.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { translate } from '../../core/http';
import type { Actor } from '../../auth/actor';
import { getCampaign, type CampaignDetail } from '../../campaigns/service';
import { listCampaignTaskFacts } from '../../tasks/export';
import { campaignReference } from '../../../features/campaigns/format';
import { employeeCategoryLabelKey, learnerGroupLabelKey } from '../../../features/org/format';
import { EMPLOYEE_CATEGORIES, LEARNER_GROUPS } from '../../../features/org/types';
import { ACTIVITY_MODES, ACTIVITY_TYPES } from '../../../features/activities/types';
import { activityModeLabelKey, activityTypeLabelKey, weekdayLabelKey } from '../../../features/activities/format';
import type { ActivitiesBlock, ActivityReportRow, CampaignStatistics, CountRow, HostUnitActivityRow, ResourcesBlock, UnitTaskRow } from '../../../features/reports/types';
import { formatDate, isoDateInVietnam } from '../../../vn/dates';
import { vietnameseCollator } from '../../../vn/text';
import { canReadReport } from '../policy';
import { countOrgUnitsBelow, countPeopleByCategory, countPeopleByLearnerGroup, countPeopleByOrgUnit, listOrgUnitsUnder } from '../../org/export';
import { countIssuedCampaignDocuments } from '../../documents/export';
import { countChildCampaigns } from '../../campaigns/export';
import { listCampaignActivityFacts } from '../../activities/export';
import { sponsorshipTotals } from '../../partners/export';
import { campaignPublicityStats } from '../../news/export';
import { maturityFiguresOfCampaign } from '../../maturity/export';

const vi = (key: string) => translate(key, {}, 'vi');

/** The campaign if the actor may read its figures: NOT_FOUND when it may not see it, FORBIDDEN outside the back office of its node. */
export async function requireReportCampaign(db: Db, actor: Actor, campaignId: string): Promise<CampaignDetail> {
	const c = await getCampaign(db, actor, campaignId);
	if (!canReadReport(actor, c.orgPath)) throw new AppError('FORBIDDEN');
	return c;
}

const byTreeOrder = (a: { path: string; sortOrder: number; name: string }, b: { path: string; sortOrder: number; name: string }) =>
	a.path.split('/').length - b.path.split('/').length || a.sortOrder - b.sortOrder || vietnameseCollator.compare(a.name, b.name);

/** Figures of a campaign already loaded and checked (the roll-up and the bench reuse it). */
export async function statisticsOf(db: Db, c: CampaignDetail, at: Date = now()): Promise<CampaignStatistics> {
	const [facts, peopleByUnit, groups, categories, units, subtree, children, activityFacts, sponsorships, publicity, maturity] = await Promise.all([
		listCampaignTaskFacts(db, c.id, at),
		countPeopleByOrgUnit(db, c.orgPath),
		countPeopleByLearnerGroup(db, c.orgPath),
		countPeopleByCategory(db, c.orgPath),
		countOrgUnitsBelow(db, c.orgPath),
		listOrgUnitsUnder(db, c.orgPath),
		countChildCampaigns(db, c.id),
		// The campaign's own activities and sponsorships: a child campaign's are its own report's (and the roll-up's).
		listCampaignActivityFacts(db, [c.id]),
		sponsorshipTotals(db, [c.id]),
		campaignPublicityStats(db, { campaignId: c.id, underPath: c.orgPath }),
		maturityFiguresOfCampaign(db, c.id)
	]);
	const documentsIssued = await countIssuedCampaignDocuments(db, c.id, subtree.map((n) => n.id));

	const unitRows = new Map<string, UnitTaskRow>();
	for (const f of facts) {
		let r = unitRows.get(f.unitId);
		if (!r) unitRows.set(f.unitId, (r = { unitId: f.unitId, unitName: '', total: 0, done: 0, onTime: 0, late: 0, overdue: 0, pending: 0 }));
		r.total++;
		if (f.status === 'done') r.done++;
		if (f.timeliness === 'on_time') r.onTime++;
		else if (f.timeliness === 'late') r.late++;
		else if (f.timeliness === 'overdue') r.overdue++;
		else r.pending++;
	}
	const nameOf = new Map(subtree.filter((n) => unitRows.has(n.id)).map((n) => [n.id, n]));
	const byUnit = [...unitRows.values()]
		.map((r) => ({ ...r, unitName: nameOf.get(r.unitId)?.name ?? '' }))
		.sort((a, b) => {
			const na = nameOf.get(a.unitId);
			const nb = nameOf.get(b.unitId);
			return na && nb ? byTreeOrder(na, nb) : 0;
		});
	const sum = (k: keyof Omit<UnitTaskRow, 'unitId' | 'unitName'>) => byUnit.reduce((s, r) => s + r[k], 0);

	const childPlansByStatus = Object.fromEntries(children);
	return {
		campaignId: c.id,
		orgName: c.orgName,
		year: c.year,
		planning: {
			reference: c.number ? campaignReference(c).replace(/^Số:\s*/, '') : '',
			documentDate: c.documentDate,
			status: c.status,
			childPlans: [...children.values()].reduce((s, n) => s + n, 0),
			childPlansByStatus,
			documentsIssued
		},
		tasks: {
			total: facts.length,
			done: sum('done'),
			onTime: sum('onTime'),
			late: sum('late'),
			overdue: sum('overdue'),
			pending: sum('pending'),
			inProgress: facts.filter((f) => f.status === 'in_progress').length,
			notStarted: facts.filter((f) => f.status === 'not_started').length,
			byUnit
		},
		people: {
			units,
			total: peopleByUnit.reduce((s, u) => s + u.count, 0),
			byUnit: peopleByUnit.sort(byTreeOrder).map((u) => ({ key: u.id, label: u.name, count: u.count })),
			byLearnerGroup: LEARNER_GROUPS.filter((g) => groups.has(g)).map((g) => ({ key: g, label: vi(learnerGroupLabelKey(g)), count: groups.get(g)! })),
			byCategory: EMPLOYEE_CATEGORIES.filter((k) => categories.has(k)).map((k) => ({ key: k, label: vi(employeeCategoryLabelKey(k)), count: categories.get(k)! }))
		},
		activities: activitiesBlock(activityFacts, c, subtree),
		publicity: { available: true, ...publicity, byChannel: publicity.byChannel.map((r) => ({ ...r, label: vi(`news_channel_${r.channel}`) })) },
		resources: resourcesBlock(sponsorships),
		recognition: { available: false },
		maturity
	};
}

type ActivityFacts = Awaited<ReturnType<typeof listCampaignActivityFacts>>;
type OrgOutline = Awaited<ReturnType<typeof listOrgUnitsUnder>>[number];

const NOT_STATED = 'not_stated';
const OTHER_DAYS = 'other';

/** Every calendar day from `from` to `to` (yyyy-mm-dd, both included). */
function daysBetween(from: string, to: string): string[] {
	const days: string[] = [];
	const [y, m, d] = from.split('-').map(Number);
	for (let t = Date.UTC(y, m - 1, d); ; t += 86_400_000) {
		const day = new Date(t).toISOString().slice(0, 10);
		if (day > to) break;
		days.push(day);
	}
	return days;
}

/** The activities block: counts of the published activities, and participants from their attendance. */
function activitiesBlock(facts: ActivityFacts, c: Pick<CampaignDetail, 'startsOn' | 'endsOn'>, subtree: OrgOutline[]): ActivitiesBlock {
	const { activities, attendance, forumNotes } = facts;
	// A participant is a registration that attended; on site and online at one activity counts once.
	const participantsOf = new Map<string, Set<string>>();
	const groupOf = new Map<string, string>();
	const daysOf = new Map<string, Set<string>>();
	for (const f of attendance) {
		let set = participantsOf.get(f.activityId);
		if (!set) participantsOf.set(f.activityId, (set = new Set()));
		set.add(f.registrationId);
		groupOf.set(f.registrationId, f.learnerGroup ?? NOT_STATED);
		let day = daysOf.get(f.day);
		if (!day) daysOf.set(f.day, (day = new Set()));
		day.add(f.registrationId);
	}

	const week = daysBetween(c.startsOn, c.endsOn);
	const inWeek = new Set(week);
	const otherDays = [...daysOf].filter(([day]) => !inWeek.has(day)).reduce((s, [, regs]) => s + regs.size, 0);
	const byDay: CountRow[] = week.map((day) => ({ key: day, label: `${vi(weekdayLabelKey(day))}, ${formatDate(day)}`, count: daysOf.get(day)?.size ?? 0 }));
	if (otherDays) byDay.push({ key: OTHER_DAYS, label: vi('reports_day_other'), count: otherDays });

	const groupCounts = new Map<string, number>();
	for (const g of groupOf.values()) groupCounts.set(g, (groupCounts.get(g) ?? 0) + 1);
	const known: readonly string[] = LEARNER_GROUPS;
	const groupKeys = [...LEARNER_GROUPS.filter((g) => groupCounts.has(g)), ...[...groupCounts.keys()].filter((g) => g !== NOT_STATED && !known.includes(g)).sort(), ...(groupCounts.has(NOT_STATED) ? [NOT_STATED] : [])];
	const groupLabel = (g: string) => (g === NOT_STATED ? vi('reports_group_not_stated') : known.includes(g) ? vi(learnerGroupLabelKey(g as (typeof LEARNER_GROUPS)[number])) : g);

	const nodes = new Map(subtree.map((n) => [n.id, n]));
	const list: ActivityReportRow[] = activities.map((a) => ({
		id: a.id,
		title: a.title,
		day: isoDateInVietnam(a.startsAt),
		type: a.type,
		typeLabel: vi(activityTypeLabelKey(a.type)),
		mode: a.mode,
		modeLabel: vi(activityModeLabelKey(a.mode)),
		hostUnitName: nodes.get(a.hostUnitId)?.name ?? '',
		withPartner: a.partnerId !== null,
		registered: a.registered,
		waitlisted: a.waitlisted,
		onsite: a.onsite,
		online: a.online,
		participants: participantsOf.get(a.id)?.size ?? 0,
		completed: a.type === 'training_class' ? a.completed : null
	}));

	const hostRows = new Map<string, HostUnitActivityRow>();
	activities.forEach((a, i) => {
		let r = hostRows.get(a.hostUnitId);
		if (!r) hostRows.set(a.hostUnitId, (r = { unitId: a.hostUnitId, unitName: list[i].hostUnitName, activities: 0, registered: 0, onsite: 0, online: 0, participants: 0 }));
		r.activities++;
		r.registered += a.registered;
		r.onsite += a.onsite;
		r.online += a.online;
		r.participants += list[i].participants;
	});
	const byHostUnit = [...hostRows.values()].sort((a, b) => {
		const na = nodes.get(a.unitId);
		const nb = nodes.get(b.unitId);
		return na && nb ? byTreeOrder(na, nb) : 0;
	});

	const countBy = <K extends string>(keys: readonly K[], of: (a: (typeof activities)[number]) => K) => keys.map((k) => activities.filter((a) => of(a) === k).length);
	const typeCounts = countBy(ACTIVITY_TYPES, (a) => a.type);
	const modeCounts = countBy(ACTIVITY_MODES, (a) => a.mode);
	const classes = activities.filter((a) => a.type === 'training_class');
	const total = <T,>(rows: T[], pick: (r: T) => number) => rows.reduce((s, r) => s + pick(r), 0);
	const titleOf = new Map(activities.map((a) => [a.id, a.title]));
	return {
		available: true,
		total: activities.length,
		withPartner: list.filter((a) => a.withPartner).length,
		byType: ACTIVITY_TYPES.map((t, i) => ({ key: t, label: vi(activityTypeLabelKey(t)), count: typeCounts[i] })).filter((r) => r.count),
		byMode: ACTIVITY_MODES.map((k, i) => ({ key: k, label: vi(activityModeLabelKey(k)), count: modeCounts[i] })),
		registered: total(activities, (a) => a.registered),
		waitlisted: total(activities, (a) => a.waitlisted),
		attendance: { onsite: total(activities, (a) => a.onsite), online: total(activities, (a) => a.online) },
		participants: total(list, (a) => a.participants),
		byDay,
		byHostUnit,
		byLearnerGroup: groupKeys.map((g) => ({ key: g, label: groupLabel(g), count: groupCounts.get(g)! })),
		training: { classes: classes.length, registered: total(classes, (a) => a.registered), completed: total(classes, (a) => a.completed) },
		forumNotes: forumNotes.map((n) => ({ activityId: n.activityId, activityTitle: titleOf.get(n.activityId) ?? '', name: n.name, note: n.note })),
		list
	};
}

/** The resources block: what partners gave for the campaign. */
function resourcesBlock(t: Awaited<ReturnType<typeof sponsorshipTotals>>): ResourcesBlock {
	return {
		available: true,
		moneyVnd: t.moneyVnd,
		inKindVnd: t.inKindVnd,
		count: t.count,
		byPartner: t.byPartner.map((p) => ({ partnerId: p.partnerId, name: p.name, moneyVnd: p.moneyVnd, inKindVnd: p.inKindVnd }))
	};
}

/**
 * Computes the campaign's statistics for the report and the dashboard (tasks as they stand at
 * `options.at`, default now); refuses a campaign the actor may not see (NOT_FOUND) and anyone
 * outside the administrators, coordinators, unit leaders and supervisors of its node (FORBIDDEN).
 */
export async function computeCampaignStatistics(db: Db, actor: Actor, campaignId: string, options: { at?: Date } = {}): Promise<CampaignStatistics> {
	const c = await requireReportCampaign(db, actor, campaignId);
	return statisticsOf(db, c, options.at ?? now());
}
