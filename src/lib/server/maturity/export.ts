// The maturity domain's read models: a round's leaderboard as XLSX, and a campaign's maturity
// figures for the report (M16).
import ExcelJS from 'exceljs';
import type { Db } from '../db/types';
import type { Actor } from '../auth/actor';
import { translate } from '../core/http';
import type { AssessmentStatus, MaturityBlock } from '../../features/maturity/types';
import { getLeaderboard } from './service/leaderboard';
import { reviewedValues } from './service/assessments';
import { computeResult, round2 } from './service/scoring';
import { loadRoundContext } from './service/maturity-context';
import { selectAnswers, selectAssessmentsOfRounds, selectRoundsOfCampaigns } from './queries';

const vi = (key: string, params: Record<string, unknown> = {}) => translate(key, params, 'vi');

/** The leaderboard of a round as an XLSX workbook: rank, unit, total, level, each group and pillar, progress. Same rights as getLeaderboard. */
export async function exportLeaderboardXlsx(db: Db, actor: Actor, roundId: string): Promise<{ fileName: string; xlsx: Buffer }> {
	const board = await getLeaderboard(db, actor, roundId);
	const wb = new ExcelJS.Workbook();
	wb.creator = 'LearnWeek';
	const ws = wb.addWorksheet('Xep hang', { views: [{ state: 'frozen', ySplit: 4 }] });
	ws.getCell('A1').value = `${board.round.title} — ${board.orgName}`;
	ws.getCell('A1').font = { bold: true, size: 13 };
	ws.getCell('A2').value = `${board.frameworkName} (${vi('maturity_version_n', { n: board.frameworkVersion })})${board.preview ? ` — ${vi('maturity_preview')}` : ''}`;
	const groups = board.definition.groups;
	const pillars = board.definition.pillars;
	const header = [
		vi('maturity_col_rank'),
		vi('maturity_col_unit'),
		vi('maturity_col_total'),
		vi('maturity_col_percent'),
		vi('maturity_col_level'),
		...(groups.length > 1 ? groups.map((g) => g.name) : []),
		...pillars.map((p) => p.name),
		vi('maturity_col_previous'),
		vi('maturity_col_progress')
	];
	const row = ws.getRow(4);
	header.forEach((h, i) => {
		row.getCell(i + 1).value = h;
		row.getCell(i + 1).font = { bold: true };
	});
	for (const r of board.rows) {
		ws.addRow([
			r.rank,
			r.unitName,
			r.result.total,
			r.result.percent,
			r.result.levelName,
			...(groups.length > 1 ? r.result.groups.map((g) => `${g.score} — ${g.levelName}`) : []),
			...r.result.pillars.map((p) => p.score),
			r.previousPercent ?? '',
			r.progress ?? ''
		]);
	}
	ws.getColumn(2).width = 40;
	ws.getColumn(5).width = 24;
	return { fileName: `xep-hang-chuyen-doi-so-${board.campaign.year}.xlsx`, xlsx: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/**
 * A campaign's self-assessment rounds for the report: units enrolled, submitted, verified and
 * published, verified units by level and their mean percentage. The caller checks who may read it.
 */
export async function maturityFiguresOfCampaign(db: Db, campaignId: string): Promise<MaturityBlock> {
	const rounds = await selectRoundsOfCampaigns(db, [campaignId]);
	const assessments = await selectAssessmentsOfRounds(db, rounds.map((r) => r.id));
	const out: MaturityBlock = { available: true, rounds: [] };
	for (const r of rounds) {
		const rc = await loadRoundContext(db, r.id);
		const mine = assessments.filter((a) => a.roundId === r.id);
		const count = (statuses: AssessmentStatus[]) => mine.filter((a) => statuses.includes(a.status)).length;
		const verified = mine.filter((a) => a.status === 'verified' || a.status === 'published');
		const answers = await selectAnswers(db, verified.map((a) => a.id));
		const results = verified.map((a) => computeResult(rc.definition, reviewedValues(answers.filter((x) => x.assessmentId === a.id))));
		const levels = [...new Set(rc.definition.groups.flatMap((g) => g.levels.map((b) => b.level)))].sort((a, b) => a - b);
		out.rounds.push({
			roundId: r.id,
			title: r.title,
			frameworkName: rc.framework.name,
			published: r.status === 'published',
			enrolled: mine.length,
			submitted: mine.length - count(['draft']),
			verified: verified.length,
			byLevel: levels.map((level) => ({ key: String(level), label: vi('maturity_level_n', { n: level }), count: results.filter((x) => x.level === level).length })),
			averagePercent: results.length ? round2(results.reduce((s, x) => s + x.percent, 0) / results.length) : null
		});
	}
	return out;
}
