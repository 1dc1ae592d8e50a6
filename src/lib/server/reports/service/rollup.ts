// The supervisor's roll-up (M16): for a parent plan (the province's), the figures of every child
// campaign side by side, with their totals and whether each has submitted its report.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import type { Actor } from '../../auth/actor';
import { getCampaign, listCampaigns, listChildCampaigns } from '../../campaigns/service';
import type { CampaignStatus, CampaignSummary } from '../../../features/campaigns/types';
import type { ReportStatus } from '../../../features/reports/types';
import { canReadRollup } from '../policy';
import { selectReportsOfCampaigns } from '../queries';
import { statisticsOf } from './statistics';
import { vietnameseCollator } from '../../../vn/text';

export interface RollupRow {
	campaignId: string;
	orgName: string;
	title: string;
	status: CampaignStatus;
	tasksTotal: number;
	tasksDone: number;
	tasksOverdue: number;
	people: number;
	/** The child's own published activities and who took part (participants: registrations that attended). */
	activities: number;
	participants: number;
	attendancesOnsite: number;
	attendancesOnline: number;
	/** What partners gave for the child's campaign, in đồng. */
	moneyVnd: number;
	inKindVnd: number;
	reportStatus: ReportStatus | null;
	reportSubmittedAt: string | null;
}

export interface Rollup {
	campaign: { id: string; title: string; orgName: string; year: number };
	rows: RollupRow[];
	totals: { children: number; reportsSubmitted: number } & Record<SummedColumn, number>;
}

// Each child's activities, registrations and sponsorships are its own, so the sums count nothing twice.
const SUMMED = ['tasksTotal', 'tasksDone', 'tasksOverdue', 'people', 'activities', 'participants', 'attendancesOnsite', 'attendancesOnline', 'moneyVnd', 'inKindVnd'] as const;
type SummedColumn = (typeof SUMMED)[number];

/**
 * Rolls up the child campaigns of `campaignId`: one row each and the totals; refuses a campaign
 * the actor may not see (NOT_FOUND) and anyone but the supervisors, coordinators and
 * administrators of its node or above (FORBIDDEN).
 */
export async function getRollup(db: Db, actor: Actor, campaignId: string, options: { at?: Date } = {}): Promise<Rollup> {
	const c = await getCampaign(db, actor, campaignId);
	if (!canReadRollup(actor, c.orgPath)) throw new AppError('FORBIDDEN');
	const children = await listChildCampaigns(db, actor, c.id);
	const reports = new Map((await selectReportsOfCampaigns(db, children.map((k) => k.id))).map((r) => [r.campaignId, r]));
	const at = options.at ?? now();
	const rows: RollupRow[] = [];
	for (const child of children) {
		const stats = await statisticsOf(db, await getCampaign(db, actor, child.id), at);
		const report = reports.get(child.id);
		rows.push({
			campaignId: child.id,
			orgName: child.orgName,
			title: child.title,
			status: child.status,
			tasksTotal: stats.tasks.total,
			tasksDone: stats.tasks.done,
			tasksOverdue: stats.tasks.overdue,
			people: stats.people.total,
			activities: stats.activities.total,
			participants: stats.activities.participants,
			attendancesOnsite: stats.activities.attendance.onsite,
			attendancesOnline: stats.activities.attendance.online,
			moneyVnd: stats.resources.moneyVnd,
			inKindVnd: stats.resources.inKindVnd,
			reportStatus: report?.status ?? null,
			reportSubmittedAt: report?.submittedAt ? report.submittedAt.toISOString() : null
		});
	}
	rows.sort((x, y) => vietnameseCollator.compare(x.orgName, y.orgName));
	const sums = Object.fromEntries(SUMMED.map((k) => [k, rows.reduce((s, r) => s + r[k], 0)])) as Record<SummedColumn, number>;
	return {
		campaign: { id: c.id, title: c.title, orgName: c.orgName, year: c.year },
		rows,
		totals: { children: rows.length, reportsSubmitted: rows.filter((r) => r.reportStatus === 'submitted').length, ...sums }
	};
}

/** Lists the plans the actor may roll up: those with child campaigns, on nodes where it is supervisor, coordinator or administrator; refuses as listCampaigns does. */
export async function listRollupCampaigns(db: Db, actor: Actor): Promise<CampaignSummary[]> {
	const all = await listCampaigns(db, actor);
	const parents = new Set(all.map((c) => c.parentId).filter(Boolean));
	const candidates = all.filter((c) => parents.has(c.id));
	const readable: CampaignSummary[] = [];
	for (const c of candidates) {
		const detail = await getCampaign(db, actor, c.id);
		if (canReadRollup(actor, detail.orgPath)) readable.push(c);
	}
	return readable;
}
