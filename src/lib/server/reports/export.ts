// The roll-up of the child campaigns as an XLSX workbook: a title, one row per child, the totals.
import ExcelJS from 'exceljs';
import type { Db } from '../db/types';
import type { Actor } from '../auth/actor';
import { translate } from '../core/http';
import { formatDateTime } from '../../vn/dates';
import { campaignStatusKey } from '../../features/campaigns/format';
import { getRollup } from './service';

const vi = (key: string) => translate(key, {}, 'vi');

/** The roll-up of `campaignId` as an XLSX file (Vietnamese headers), for whoever may read the roll-up. */
export async function exportRollupXlsx(db: Db, actor: Actor, campaignId: string): Promise<Buffer> {
	const r = await getRollup(db, actor, campaignId);
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('Tong hop');
	ws.addRow([`${vi('reports_rollup_title')}: ${r.campaign.title} (${r.campaign.orgName})`]).font = { bold: true, size: 13 };
	ws.addRow([]);
	const header = ws.addRow([
		'TT',
		vi('reports_col_unit'),
		vi('reports_col_status'),
		vi('reports_col_total'),
		vi('reports_col_done'),
		vi('reports_col_overdue'),
		vi('reports_rollup_people'),
		vi('reports_col_activities'),
		vi('reports_col_participants'),
		vi('reports_col_onsite'),
		vi('reports_col_online'),
		vi('reports_col_money'),
		vi('reports_col_in_kind'),
		vi('reports_col_report')
	]);
	header.font = { bold: true };
	r.rows.forEach((row, i) =>
		ws.addRow([
			i + 1,
			row.orgName,
			vi(campaignStatusKey(row.status)),
			row.tasksTotal,
			row.tasksDone,
			row.tasksOverdue,
			row.people,
			row.activities,
			row.participants,
			row.attendancesOnsite,
			row.attendancesOnline,
			row.moneyVnd,
			row.inKindVnd,
			row.reportStatus === 'submitted' ? `${vi('reports_status_submitted')} ${row.reportSubmittedAt ? formatDateTime(row.reportSubmittedAt) : ''}`.trim() : vi('reports_rollup_not_submitted')
		])
	);
	const t = r.totals;
	ws.addRow(['', vi('reports_rollup_totals'), `${t.children}`, t.tasksTotal, t.tasksDone, t.tasksOverdue, t.people, t.activities, t.participants, t.attendancesOnsite, t.attendancesOnline, t.moneyVnd, t.inKindVnd, `${t.reportsSubmitted}/${t.children}`]).font = {
		bold: true
	};
	ws.columns.forEach((col, i) => (col.width = [6, 44, 16, 10, 12, 10, 10, 12, 14, 14, 14, 18, 22, 24][i]));
	// Sums in đồng with thousands grouped, as Excel shows them in Vietnam ("20.000.000").
	for (const c of [12, 13]) ws.getColumn(c).numFmt = '#,##0';
	return Buffer.from(await wb.xlsx.writeBuffer());
}
