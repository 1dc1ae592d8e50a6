// The activities domain's read models for reports and exports: the attendance sheet of one
// activity as XLSX, and a campaign's activity and attendance facts for the report (M16).
import ExcelJS from 'exceljs';
import type { Db } from '../db/types';
import { translate } from '../core/http';
import type { Actor } from '../auth/actor';
import { formatDateTime, isoDateInVietnam } from '../../vn/dates';
import { formatPhone } from '../../vn/phone';
import type { ActivityMode, ActivityType, AttendanceMode } from '../../features/activities/types';
import { getRoster } from './service/read-activities';
import { countCompletionsOf, countRegistrationsOf, selectActivities, selectAttendanceFacts, selectEngagedLearners, selectLearningNotes } from './queries';

const vi = (key: string, params: Record<string, unknown> = {}) => translate(key, params, 'vi');

/**
 * The attendance sheet of an activity as an XLSX workbook: one row per registration with its
 * status, on-site and online attendance (time and how), learner group, whether it was assisted,
 * and completion for a training class; totals on top. For the activity's staff only.
 */
export async function exportAttendanceXlsx(db: Db, actor: Actor, activityId: string): Promise<{ fileName: string; xlsx: Buffer }> {
	const { ctx, entries } = await getRoster(db, actor, activityId);
	const a = ctx.activity;
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'LearnWeek';
	const sheet = workbook.addWorksheet('Điểm danh', { views: [{ state: 'frozen', ySplit: 4 }] });
	sheet.getCell('A1').value = a.title;
	sheet.getCell('A1').font = { bold: true, size: 13 };
	sheet.getCell('A2').value = `${formatDateTime(a.startsAt)} – ${formatDateTime(a.endsAt)}`;
	const onsite = entries.filter((e) => e.onsite).length;
	const online = entries.filter((e) => e.online).length;
	sheet.getCell('A3').value = vi('activities_xlsx_totals', { registered: entries.filter((e) => e.registration.status === 'registered').length, onsite, online });
	const headers = ['activities_xlsx_no', 'activities_xlsx_name', 'activities_xlsx_email', 'activities_xlsx_phone', 'activities_xlsx_group', 'activities_xlsx_status', 'activities_xlsx_ticket', 'activities_xlsx_onsite', 'activities_xlsx_online', 'activities_xlsx_assisted', 'activities_xlsx_completed'];
	const header = sheet.getRow(4);
	headers.forEach((k, i) => {
		header.getCell(i + 1).value = vi(k);
		header.getCell(i + 1).font = { bold: true };
	});
	const at = (x: { at: Date; method: string } | null) => (x ? `${formatDateTime(x.at)} (${vi(`activities_method_${x.method}`)})` : '');
	entries.forEach((e, i) => {
		const r = e.registration;
		sheet.addRow([
			i + 1,
			r.name,
			r.email ?? '',
			r.phone ? formatPhone(r.phone) : '',
			r.learnerGroup ? vi(`org_learner_group_${r.learnerGroup}`) : '',
			vi(`activities_registration_status_${r.status}`),
			r.ticketCode,
			at(e.onsite),
			at(e.online),
			r.assistedByLabel ?? '',
			r.completedAt ? formatDateTime(r.completedAt) : ''
		]);
	});
	[6, 28, 28, 16, 24, 16, 12, 26, 26, 24, 18].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
	const slug = a.id.slice(0, 8);
	return { fileName: `diem-danh-${slug}.xlsx`, xlsx: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

/** One activity of a campaign as the report counts it. */
export interface ActivityFact {
	id: string;
	title: string;
	type: ActivityType;
	mode: ActivityMode;
	startsAt: Date;
	hostUnitId: string;
	partnerId: string | null;
	registered: number;
	waitlisted: number;
	onsite: number;
	online: number;
	completed: number;
}

/** One attendance as the report counts it: the day in Vietnam, on site or online, the learner group. */
export interface AttendanceFact {
	activityId: string;
	day: string;
	mode: AttendanceMode;
	learnerGroup: string | null;
	registrationId: string;
}

/**
 * The campaign's published activities (cancelled and drafts left out) with their counts, every
 * attendance, and the international-forum notes (M14), for the report's activities block.
 */
export async function listCampaignActivityFacts(db: Db, campaignIds: string[]): Promise<{ activities: ActivityFact[]; attendance: AttendanceFact[]; forumNotes: Array<{ activityId: string; name: string; note: string }> }> {
	const rows = await selectActivities(db, { campaignIds, status: 'published', limit: 100_000 });
	const ids = rows.map((a) => a.id);
	const counts = await countRegistrationsOf(db, ids);
	const facts = await selectAttendanceFacts(db, ids);
	const completed = await countCompletionsOf(db, rows.filter((x) => x.type === 'training_class').map((a) => a.id));
	const attended = new Map<string, { onsite: number; online: number }>();
	for (const f of facts) {
		const c = attended.get(f.activityId) ?? { onsite: 0, online: 0 };
		c[f.mode]++;
		attended.set(f.activityId, c);
	}
	return {
		activities: rows.map((a) => ({
			id: a.id,
			title: a.title,
			type: a.type,
			mode: a.mode,
			startsAt: a.startsAt,
			hostUnitId: a.hostUnitId,
			partnerId: a.partnerId,
			registered: counts.get(a.id)?.registered ?? 0,
			waitlisted: counts.get(a.id)?.waitlisted ?? 0,
			onsite: attended.get(a.id)?.onsite ?? 0,
			online: attended.get(a.id)?.online ?? 0,
			completed: completed.get(a.id) ?? 0
		})),
		attendance: facts.map((f) => ({ activityId: f.activityId, day: isoDateInVietnam(f.at), mode: f.mode, learnerGroup: f.learnerGroup, registrationId: f.registrationId })),
		forumNotes: await selectLearningNotes(db, ids)
	};
}

/** The learners of a campaign's activities with the most completed classes and attendances (M15): candidates for role-model nominations. */
export async function listEngagedLearners(db: Db, campaignIds: string[], options: { limit?: number } = {}): Promise<Array<{ userId: string; name: string; completions: number; attended: number }>> {
	return selectEngagedLearners(db, campaignIds, options.limit ?? 10);
}
