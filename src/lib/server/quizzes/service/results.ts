// A round's results: published by its organiser once it has closed, then public — the leaderboard
// of people, of units (participation rate and average score), statistics of each question, and
// the same as an XLSX for the organiser's report.
import ExcelJS from 'exceljs';
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { translate } from '../../core/http';
import { now } from '../../core/clock';
import { newSecret } from '../../core/ids';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { countPeopleByOrgUnit, listOrgNodesByIds, listOrgUnitsUnder } from '../../org/service';
import { formatDateTime } from '$lib/vn/dates';
import { vietnameseCollator } from '$lib/vn/text';
import { formatDuration } from '$lib/features/quizzes/format';
import type { LeaderboardRow, QuestionStatRow, UnitResultRow } from '$lib/features/quizzes/types';
import { canExportResults, canOrganiseContests, canReadResults } from '../policy';
import { lockRound, selectEntrant, selectExpiredOpenAttempts, selectQuestionCounts, selectQuestionsByIds, selectScoredAttempts, updateRoundRow, setEntrantCertificateCode } from '../queries';
import type { QuizContestRow, QuizRoundRow } from '../tables';
import { finishIfExpired } from './attempts';
import { countAllCorrect, rankAttempts, type RankedEntrant } from './ranking';
import { changeOfRounds, requireReadableRound } from './quiz-context';

/** The winners: the first three places get a prize certificate, everyone else a participation one. */
export const WINNER_PLACES = 3;

export interface RoundResults {
	round: QuizRoundRow;
	contest: QuizContestRow;
	published: boolean;
	/** Whether the actor may download every participant's result (organisers, supervisors). */
	canExport: boolean;
	allCorrectCount: number;
	participants: number;
	leaderboard: LeaderboardRow[];
	units: UnitResultRow[];
	questions: QuestionStatRow[];
}

/** A certificate code: "TN-" and 10 letters or digits (no 0/O, 1/I to misread on paper). */
function certificateCode(): string {
	const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
	return `TN-${[...newSecret(16)].map((c) => alphabet[c.charCodeAt(0) % alphabet.length]).join('').slice(0, 10)}`;
}

/**
 * Publishes a round's results: closes the attempts still open with what they saved, fixes the
 * real number of all-correct participants (for the prediction tie-break), gives every
 * participant a certificate code, and audits it. Refuses anyone but the contest's organisers
 * (FORBIDDEN), a round still taking answers (INVALID_TRANSITION) and a second publication
 * (INVALID_TRANSITION).
 */
export async function publishRound(db: Db, actor: Actor, roundId: string): Promise<QuizRoundRow> {
	const { round, contest, org } = await requireReadableRound(db, actor, roundId);
	if (!canOrganiseContests(actor, { orgPath: org.path })) throw new AppError('FORBIDDEN');
	const at = now();
	// The last attempt may end at the close plus the grace: publish after that.
	if (at.getTime() < round.closesAt.getTime() + contest.graceSeconds * 1000) throw new AppError('INVALID_TRANSITION', { fields: { _: 'quizzes_round_not_closed' } });
	if (round.publishedAt) throw new AppError('INVALID_TRANSITION', { fields: { _: 'quizzes_round_already_published' } });
	for (const attempt of await selectExpiredOpenAttempts(db, roundId, at)) await finishIfExpired(db, attempt, contest, at);
	return changeOfRounds(db, async (tx) => {
		const locked = await lockRound(tx, roundId);
		if (!locked || locked.publishedAt) throw new AppError('INVALID_TRANSITION', { fields: { _: 'quizzes_round_already_published' } });
		const rows = await selectScoredAttempts(tx, roundId);
		const allCorrectCount = countAllCorrect(rows);
		for (const entrantId of new Set(rows.map((r) => r.entrantId))) await setEntrantCertificateCode(tx, entrantId, certificateCode());
		const updated = await updateRoundRow(tx, roundId, { publishedAt: at, allCorrectCount });
		const ranked = rankAttempts(rows, allCorrectCount);
		await recordAudit(tx, actor, {
			orgId: org.id,
			orgPath: org.path,
			entity: 'quiz_round',
			entityId: roundId,
			action: 'publish',
			after: { allCorrectCount, participants: ranked.length, podium: ranked.slice(0, WINNER_PLACES).map((r) => ({ rank: r.rank, entrantId: r.entrantId, score: r.score, durationMs: r.durationMs })) }
		});
		return updated;
	});
}

async function unitNames(db: Db, ids: Array<string | null>): Promise<Map<string, string>> {
	const known = [...new Set(ids.filter((id): id is string => Boolean(id)))];
	return new Map((await listOrgNodesByIds(db, known)).map((n) => [n.id, n.name]));
}

function toLeaderboard(ranked: RankedEntrant[], names: Map<string, string>): LeaderboardRow[] {
	return ranked.map((r) => ({
		rank: r.rank,
		entrantId: r.entrantId,
		name: r.name,
		unitName: r.unitId ? (names.get(r.unitId) ?? null) : null,
		score: r.score,
		total: r.total,
		durationMs: r.durationMs,
		prediction: r.prediction,
		submittedAt: r.submittedAt
	}));
}

/**
 * The results of a round: everyone's best attempt ranked, units by participation and average
 * score, each question's statistics. Public once published; before, only for organisers and
 * supervisors (NOT_FOUND for others, as if there were none).
 */
export async function getRoundResults(db: Db, actor: Actor, roundId: string): Promise<RoundResults> {
	const { round, contest, org } = await requireReadableRound(db, actor, roundId);
	if (!canReadResults(actor, { orgPath: org.path, published: Boolean(round.publishedAt) })) throw new AppError('NOT_FOUND');
	const rows = await selectScoredAttempts(db, roundId);
	const allCorrectCount = round.allCorrectCount ?? countAllCorrect(rows);
	const ranked = rankAttempts(rows, allCorrectCount);
	const names = await unitNames(db, ranked.map((r) => r.unitId));

	// Units of the organiser's subtree: people recorded beside the participants who came from them.
	const units = new Map<string | null, UnitResultRow & { total: number }>();
	const outline = await listOrgUnitsUnder(db, org.path);
	for (const { id, count } of await countPeopleByOrgUnit(db, org.path)) {
		units.set(id, { unitId: id, unitName: outline.find((u) => u.id === id)?.name ?? id, people: count, participants: 0, participationRate: null, averageScore: 0, total: 0 });
	}
	for (const r of ranked) {
		const key = r.unitId && (units.has(r.unitId) || names.has(r.unitId)) ? r.unitId : null;
		const u = units.get(key) ?? { unitId: key, unitName: key ? names.get(key)! : '', people: 0, participants: 0, participationRate: null, averageScore: 0, total: 0 };
		u.participants++;
		u.total += r.score;
		units.set(key, u);
	}
	const unitRows: UnitResultRow[] = [...units.values()]
		.map(({ total, ...u }) => ({ ...u, participationRate: u.people ? u.participants / u.people : null, averageScore: u.participants ? total / u.participants : 0 }))
		.sort((a, b) => (b.participationRate ?? -1) - (a.participationRate ?? -1) || b.averageScore - a.averageScore || vietnameseCollator.compare(a.unitName, b.unitName));

	const counts = await selectQuestionCounts(db, roundId);
	const questions = new Map((await selectQuestionsByIds(db, counts.map((c) => c.questionId))).map((q) => [q.id, q]));
	const questionRows: QuestionStatRow[] = counts
		.map((c) => {
			const q = questions.get(c.questionId);
			return { questionId: c.questionId, text: q?.text ?? '', kind: q?.kind ?? 'single', tags: q?.tags ?? [], difficulty: q?.difficulty ?? 'medium', drawn: c.drawn, answered: c.answered, correct: c.correct, correctRate: c.drawn ? c.correct / c.drawn : null };
		})
		.sort((a, b) => (a.correctRate ?? 2) - (b.correctRate ?? 2) || vietnameseCollator.compare(a.text, b.text));

	return { round, contest, published: Boolean(round.publishedAt), canExport: canExportResults(actor, { orgPath: org.path }), allCorrectCount, participants: ranked.length, leaderboard: toLeaderboard(ranked, names), units: unitRows, questions: questionRows };
}

/** The results as an XLSX: people, units, questions. Refuses what getRoundResults refuses, and anyone but organisers and supervisors (FORBIDDEN). */
export async function exportRoundResultsXlsx(db: Db, actor: Actor, roundId: string, locale: 'vi' | 'en' = 'vi'): Promise<Buffer> {
	const r = await getRoundResults(db, actor, roundId);
	if (!r.canExport) throw new AppError('FORBIDDEN');
	const t = (key: string) => translate(key, {}, locale);
	const wb = new ExcelJS.Workbook();
	wb.creator = 'LearnWeek';
	const people = wb.addWorksheet(t('quizzes_xlsx_people'));
	people.columns = [
		{ header: t('quizzes_xlsx_rank'), key: 'rank', width: 8 },
		{ header: t('quizzes_xlsx_name'), key: 'name', width: 30 },
		{ header: t('quizzes_xlsx_unit'), key: 'unit', width: 36 },
		{ header: t('quizzes_xlsx_correct'), key: 'score', width: 12 },
		{ header: t('quizzes_xlsx_questions'), key: 'total', width: 10 },
		{ header: t('quizzes_xlsx_time_taken'), key: 'duration', width: 20 },
		{ header: t('quizzes_xlsx_time_s'), key: 'seconds', width: 14 },
		{ header: t('quizzes_xlsx_prediction'), key: 'prediction', width: 12 },
		{ header: t('quizzes_xlsx_submitted_at'), key: 'submitted', width: 20 }
	];
	for (const row of r.leaderboard) {
		people.addRow({
			rank: row.rank,
			name: row.name,
			unit: row.unitName ?? '',
			score: row.score,
			total: row.total,
			duration: formatDuration(row.durationMs, locale),
			seconds: Math.round(row.durationMs / 100) / 10,
			prediction: row.prediction ?? '',
			submitted: row.submittedAt ? formatDateTime(row.submittedAt) : t('quizzes_xlsx_timed_out')
		});
	}
	const units = wb.addWorksheet(t('quizzes_xlsx_units'));
	units.columns = [
		{ header: t('quizzes_xlsx_unit'), key: 'unit', width: 40 },
		{ header: t('quizzes_xlsx_people_2'), key: 'people', width: 10 },
		{ header: t('quizzes_xlsx_participants'), key: 'participants', width: 16 },
		{ header: t('quizzes_xlsx_participation'), key: 'rate', width: 18 },
		{ header: t('quizzes_xlsx_average_score'), key: 'average', width: 16 }
	];
	for (const u of r.units) {
		units.addRow({
			unit: u.unitName || (t('quizzes_xlsx_no_unit')),
			people: u.people,
			participants: u.participants,
			rate: u.participationRate === null ? '' : Math.round(u.participationRate * 1000) / 10,
			average: Math.round(u.averageScore * 100) / 100
		});
	}
	const questions = wb.addWorksheet(t('quizzes_xlsx_questions_2'));
	questions.columns = [
		{ header: t('quizzes_xlsx_question'), key: 'text', width: 60 },
		{ header: t('quizzes_xlsx_tags'), key: 'tags', width: 20 },
		{ header: t('quizzes_xlsx_drawn'), key: 'drawn', width: 14 },
		{ header: t('quizzes_xlsx_answered'), key: 'answered', width: 14 },
		{ header: t('quizzes_xlsx_correct_2'), key: 'correct', width: 12 },
		{ header: t('quizzes_xlsx_correct_3'), key: 'rate', width: 14 }
	];
	for (const q of r.questions) {
		questions.addRow({ text: q.text, tags: q.tags.join(', '), drawn: q.drawn, answered: q.answered, correct: q.correct, rate: q.correctRate === null ? '' : Math.round(q.correctRate * 1000) / 10 });
	}
	for (const ws of [people, units, questions]) ws.getRow(1).font = { bold: true };
	return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The entrant's certificate facts once the round is published, or undefined (not published, no finished attempt). */
export async function findEntrantAward(db: Db, round: QuizRoundRow, entrantId: string): Promise<{ rank: number; winner: boolean; score: number; total: number; code: string } | undefined> {
	if (!round.publishedAt) return undefined;
	const entrant = await selectEntrant(db, entrantId);
	if (!entrant?.certificateCode) return undefined;
	const ranked = rankAttempts(await selectScoredAttempts(db, round.id), round.allCorrectCount ?? 0);
	const mine = ranked.find((r) => r.entrantId === entrantId);
	if (!mine) return undefined;
	return { rank: mine.rank, winner: mine.rank <= WINNER_PLACES, score: mine.score, total: mine.total, code: entrant.certificateCode };
}
