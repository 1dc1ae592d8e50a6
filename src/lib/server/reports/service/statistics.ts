// The campaign's figures for the report (M16) and the dashboard, following the blocks of DOMAIN-VN
// §1.1: planning, tasks and people now; activities, publicity, resources and recognition later.
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
import type { CampaignStatistics, UnitTaskRow } from '../../../features/reports/types';
import { vietnameseCollator } from '../../../vn/text';
import { canReadReport } from '../policy';
import { countOrgUnitsBelow, countPeopleByCategory, countPeopleByLearnerGroup, countPeopleByOrgUnit, listOrgUnitsUnder } from '../../org/export';
import { countIssuedCampaignDocuments } from '../../documents/export';
import { countChildCampaigns } from '../../campaigns/export';

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
	const [facts, peopleByUnit, groups, categories, units, subtree, children] = await Promise.all([
		listCampaignTaskFacts(db, c.id, at),
		countPeopleByOrgUnit(db, c.orgPath),
		countPeopleByLearnerGroup(db, c.orgPath),
		countPeopleByCategory(db, c.orgPath),
		countOrgUnitsBelow(db, c.orgPath),
		listOrgUnitsUnder(db, c.orgPath),
		countChildCampaigns(db, c.id)
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
		activities: { available: false },
		publicity: { available: false },
		resources: { available: false },
		recognition: { available: false }
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
