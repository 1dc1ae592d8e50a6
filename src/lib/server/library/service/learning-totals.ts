// The coordinators' view of learning (M15): hours and completions by unit and by learner group,
// and the most active self-learners (the recognition domain and the report read them too).
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import type { Actor } from '../../auth/actor';
import { findUser } from '../../auth/service';
import { findPersonByUserId, type PersonWithUnit } from '../../org/service';
import { fullName } from '$lib/vn/names';
import type { LearningTotals } from '$lib/features/library/types';
import { canReadLearningTotals } from '../policy';
import { selectTotalsPerUser } from '../queries';
import { loadOrg, orgsInScope, LIBRARY_SYSTEM } from './library-context';

/** Key of the learners who are not (yet) people of the organisation tree. */
export const UNLINKED = 'unlinked';

export interface SelfLearner {
	userId: string;
	name: string;
	unitName: string | null;
	minutes: number;
	completions: number;
}

export interface LearningReport {
	orgId: string;
	campaignId: string | null;
	byUnit: LearningTotals[];
	byLearnerGroup: LearningTotals[];
	topLearners: SelfLearner[];
	totalMinutes: number;
	totalCompletions: number;
}

function add(map: Map<string, LearningTotals>, key: string, label: string, t: { minutes: number; completions: number }) {
	const row = map.get(key) ?? { key, label, learners: 0, minutes: 0, completions: 0 };
	row.learners += 1;
	row.minutes += t.minutes;
	row.completions += t.completions;
	map.set(key, row);
}

const byMinutes = (a: LearningTotals, b: LearningTotals) => b.minutes - a.minutes || a.label.localeCompare(b.label, 'vi');

/**
 * Sums the learning on resources of the organisation `orgId` and the nodes below it (for one
 * campaign when given): by the learner's unit and learner groups (people linked to accounts), and
 * the `top` most active learners. Reads the org domain as the system, after our policy.
 */
export async function buildLearningReport(db: Db, orgId: string, options: { campaignId?: string | null; top?: number } = {}): Promise<LearningReport> {
	const org = await loadOrg(db, orgId);
	const orgIds = (await orgsInScope(db, LIBRARY_SYSTEM, [])).filter((n) => n.path.startsWith(org.path)).map((n) => n.id);
	const totals = await selectTotalsPerUser(db, { orgIds, campaignId: options.campaignId });
	const byUnit = new Map<string, LearningTotals>();
	const byGroup = new Map<string, LearningTotals>();
	const people = new Map<string, PersonWithUnit | undefined>();
	for (const t of totals) {
		const person = await findPersonByUserId(db, t.userId);
		people.set(t.userId, person);
		if (person) add(byUnit, person.unitId, person.unitName, t);
		else add(byUnit, UNLINKED, UNLINKED, t);
		const groups = person?.learnerGroups.length ? person.learnerGroups : [UNLINKED];
		for (const g of groups) add(byGroup, g, g, t);
	}
	const topLearners: SelfLearner[] = [];
	for (const t of totals.slice(0, options.top ?? 10)) {
		const person = people.get(t.userId);
		const name = person ? fullName(person) : ((await findUser(db, t.userId))?.name ?? '');
		topLearners.push({ userId: t.userId, name, unitName: person?.unitName ?? null, minutes: t.minutes, completions: t.completions });
	}
	return {
		orgId: org.id,
		campaignId: options.campaignId ?? null,
		byUnit: [...byUnit.values()].sort(byMinutes),
		byLearnerGroup: [...byGroup.values()].sort(byMinutes),
		topLearners,
		totalMinutes: totals.reduce((n, t) => n + t.minutes, 0),
		totalCompletions: totals.reduce((n, t) => n + t.completions, 0)
	};
}

/**
 * The coordinators' view of learning hours of `orgId` and below (see buildLearningReport).
 * Refuses anyone but a coordinator or supervisor of the organisation or above (FORBIDDEN;
 * NOT_FOUND for an unknown organisation).
 */
export async function getLearningReport(db: Db, actor: Actor, orgId: string, options: { campaignId?: string | null } = {}): Promise<LearningReport> {
	const org = await loadOrg(db, orgId);
	if (!canReadLearningTotals(actor, { orgPath: org.path })) throw new AppError('FORBIDDEN');
	return buildLearningReport(db, orgId, { campaignId: options.campaignId, top: 20 });
}
