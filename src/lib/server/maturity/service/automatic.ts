// Automatic criteria: measured from LearnWeek's own records of the round's campaign, for the unit
// and the units below it, through the read models of the library, tasks and activities domains.
import type { Db } from '../../db/types';
import { listPeople } from '../../org/service';
import { listCampaignLearnerMinutes } from '../../library/service';
import { listCampaignTaskFacts } from '../../tasks/service';
import { listCampaignActivityFacts } from '../../activities/service';
import type { AutomaticFact, AutomaticSource, FrameworkDefinition } from '$lib/features/maturity/types';
import { criteriaOf, round2 } from './scoring';
import { allOrgNodes, MATURITY_SYSTEM } from './maturity-context';

const share = (n: number, d: number) => (d > 0 ? round2((n / d) * 100) : 0);

/** The people of a unit and its sub-units (every page of the org domain's list). */
async function peopleUnder(db: Db, unitId: string): Promise<Array<{ userId: string | null }>> {
	const out: Array<{ userId: string | null }> = [];
	for (let page = 1; ; page++) {
		const p = await listPeople(db, MATURITY_SYSTEM, { unitId, page });
		out.push(...p.items);
		if (page * p.pageSize >= p.total) return out;
	}
}

/**
 * The facts of each automatic source a definition uses, for a unit in a campaign at `at`:
 * - staff_learning_share: people of the unit (and below) whose account logged learning minutes in
 *   the campaign, over all its people;
 * - tasks_on_time_share: its campaign tasks done on or before their due date, over all its tasks;
 * - online_activities: published online or hybrid activities of the campaign it hosted.
 */
export async function computeAutomaticFacts(db: Db, def: FrameworkDefinition, options: { campaignId: string; unit: { id: string; path: string }; at: Date }): Promise<Map<AutomaticSource, AutomaticFact>> {
	const sources = new Set(criteriaOf(def).flatMap((c) => (c.automatic ? [c.automatic] : [])));
	const out = new Map<AutomaticSource, AutomaticFact>();
	if (!sources.size) return out;
	const subtree = new Set((await allOrgNodes(db)).filter((n) => n.path.startsWith(options.unit.path)).map((n) => n.id));
	const computedAt = options.at.toISOString();
	if (sources.has('staff_learning_share')) {
		const people = await peopleUnder(db, options.unit.id);
		const learners = new Set((await listCampaignLearnerMinutes(db, options.campaignId)).map((l) => l.userId));
		const learning = people.filter((p) => p.userId && learners.has(p.userId)).length;
		out.set('staff_learning_share', { source: 'staff_learning_share', value: share(learning, people.length), numerator: learning, denominator: people.length, computedAt });
	}
	if (sources.has('tasks_on_time_share')) {
		const tasks = (await listCampaignTaskFacts(db, options.campaignId, options.at)).filter((t) => subtree.has(t.unitId));
		const onTime = tasks.filter((t) => t.timeliness === 'on_time').length;
		out.set('tasks_on_time_share', { source: 'tasks_on_time_share', value: share(onTime, tasks.length), numerator: onTime, denominator: tasks.length, computedAt });
	}
	if (sources.has('online_activities')) {
		const { activities } = await listCampaignActivityFacts(db, [options.campaignId]);
		const count = activities.filter((a) => subtree.has(a.hostUnitId) && (a.mode === 'online' || a.mode === 'hybrid')).length;
		out.set('online_activities', { source: 'online_activities', value: count, numerator: count, denominator: null, computedAt });
	}
	return out;
}
