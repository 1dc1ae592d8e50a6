// Questions in and out of a spreadsheet: an XLSX (or CSV) import that keeps the good rows and says,
// row by row, why the others were refused; and an export in the same columns, so a bank round-trips.
import ExcelJS from 'exceljs';
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { zodFieldErrors } from '../../core/http';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { findHeader, readUploadRows, rowsToRecords } from '../../org/service';
import { foldVietnamese } from '$lib/vn/text';
import { questionInput, type QuestionInput } from '$lib/features/quizzes/inputs';
import { QUESTION_COLUMNS, OPTION_LETTERS, difficultyWord, kindWord, type QuestionImportReport } from '$lib/features/quizzes/format';
import { DIFFICULTIES, QUESTION_KINDS, type Difficulty, type QuestionKind } from '$lib/features/quizzes/types';
import { canEditQuestions } from '../policy';
import { insertQuestions, selectQuestionsOf } from '../queries';
import { loadOrg } from './quiz-context';
import { questionColumns } from './questions';

/** 5 MB: several thousand questions; a bank bigger than that is imported in parts. */
export const QUESTION_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

const KIND_WORDS: Record<string, QuestionKind> = {};
for (const k of QUESTION_KINDS) for (const w of [k, kindWord(k, 'vi'), kindWord(k, 'en')]) KIND_WORDS[foldVietnamese(w)] = k;
Object.assign(KIND_WORDS, { 'mot dap an': 'single', 'nhieu dap an': 'multiple', 'dung/sai': 'true_false', 'dung sai': 'true_false', 'tu luan ngan': 'short', 'dien vao cho trong': 'short' });

const DIFFICULTY_WORDS: Record<string, Difficulty> = {};
for (const d of DIFFICULTIES) for (const w of [d, difficultyWord(d, 'vi'), difficultyWord(d, 'en')]) DIFFICULTY_WORDS[foldVietnamese(w)] = d;

const TRUE_WORDS = new Set(['dung', 'true', 'd', 'co', 'yes']);
const FALSE_WORDS = new Set(['sai', 'false', 's', 'khong', 'no']);

/** A row of the sheet as the shared question schema takes it; `problem` when a cell cannot be read at all. */
function rowToInput(v: Record<string, string>): { input?: QuestionInput; problem?: string } {
	const kind = KIND_WORDS[foldVietnamese(v.kind ?? '')];
	if (!kind) return { problem: v.kind ? 'quizzes_import_unknown_kind' : 'quizzes_import_kind_required' };
	const answer = (v.answer ?? '').trim();
	const options = OPTION_LETTERS.map((l) => v[`option${l}`] ?? '');
	let correct: string[] = [];
	let accepted: string[] = [];
	if (kind === 'single' || kind === 'multiple') {
		const letters = answer.toUpperCase().split(/[\s,;]+/).filter(Boolean);
		if (letters.some((l) => !OPTION_LETTERS.includes(l as (typeof OPTION_LETTERS)[number]) || !options[OPTION_LETTERS.indexOf(l as (typeof OPTION_LETTERS)[number])]))
			return { problem: 'quizzes_import_unknown_answer' };
		// Blank option cells are dropped by the schema; the right ones are counted among those kept.
		const kept = options.map((o, i) => ({ o, i })).filter((x) => x.o.trim());
		correct = letters.map((l) => String(kept.findIndex((x) => x.i === OPTION_LETTERS.indexOf(l as (typeof OPTION_LETTERS)[number])) + 1));
	} else if (kind === 'true_false') {
		const w = foldVietnamese(answer);
		correct = TRUE_WORDS.has(w) ? ['true'] : FALSE_WORDS.has(w) ? ['false'] : [];
		if (!correct.length && answer) return { problem: 'quizzes_correct_true_false' };
	} else accepted = answer.split(/[|;]/);
	const fold = foldVietnamese(v.fold ?? '');
	const difficulty = v.difficulty ? DIFFICULTY_WORDS[foldVietnamese(v.difficulty)] : undefined;
	if (v.difficulty && !difficulty) return { problem: 'quizzes_import_unknown_difficulty' };
	return {
		input: { kind, text: v.text ?? '', options, correct, accepted, foldAnswers: TRUE_WORDS.has(fold), tags: v.tags ?? '', difficulty, explanation: v.explanation ?? '' }
	};
}

/**
 * Imports the questions of a spreadsheet into the bank of `orgId`: every valid row is added (in one
 * transaction), every other one is reported with its row number and the reasons (message keys).
 * Refuses anyone but the bank's editors (FORBIDDEN), a file that is not a spreadsheet
 * (UNSUPPORTED_TYPE), one too large (TOO_LARGE), and one without the header row (VALIDATION).
 */
export async function importQuestions(db: Db, actor: Actor, orgId: string, bytes: Uint8Array): Promise<QuestionImportReport> {
	const org = await loadOrg(db, orgId);
	if (!canEditQuestions(actor, { orgPath: org.path })) throw new AppError('FORBIDDEN');
	if (bytes.byteLength > QUESTION_IMPORT_MAX_BYTES) throw new AppError('TOO_LARGE', { fields: { file: 'quizzes_import_too_large' } });
	const rows = await readUploadRows(bytes, QUESTION_COLUMNS);
	const header = findHeader(rows, QUESTION_COLUMNS);
	if (!header || ![...header.columns.values()].includes('text')) throw new AppError('VALIDATION', { fields: { file: 'quizzes_import_no_header' } });
	const report: QuestionImportReport = { imported: 0, rejected: [] };
	const good: Array<ReturnType<typeof questionColumns>> = [];
	for (const { line, values } of rowsToRecords(rows, header)) {
		const { input, problem } = rowToInput(values);
		if (problem || !input) {
			report.rejected.push({ line, text: values.text ?? '', reasons: [problem ?? 'field_invalid'] });
			continue;
		}
		const parsed = questionInput.safeParse(input);
		if (!parsed.success) {
			report.rejected.push({ line, text: values.text ?? '', reasons: [...new Set(Object.values(zodFieldErrors(parsed.error)))] });
			continue;
		}
		good.push(questionColumns(parsed.data));
	}
	if (good.length) {
		const at = now();
		await db.transaction(async (tx) => {
			const by = actor.userId ?? actor.name ?? actor.kind;
			for (let i = 0; i < good.length; i += 500) {
				await insertQuestions(tx, good.slice(i, i + 500).map((c) => ({ id: newId(), orgId: org.id, ...c, createdBy: by, createdAt: at, updatedAt: at })));
			}
			await recordAudit(tx, actor, { orgId: org.id, orgPath: org.path, entity: 'quiz_question', entityId: org.id, action: 'import', after: { imported: good.length, rejected: report.rejected.length } });
		});
	}
	report.imported = good.length;
	return report;
}

/** The bank of `orgId` as an XLSX in the import's columns. Refuses anyone but its editors (FORBIDDEN). */
export async function exportQuestionsXlsx(db: Db, actor: Actor, orgId: string, locale: 'vi' | 'en' = 'vi'): Promise<Buffer> {
	const org = await loadOrg(db, orgId);
	if (!canEditQuestions(actor, { orgPath: org.path })) throw new AppError('FORBIDDEN');
	const questions = await selectQuestionsOf(db, [org.id]);
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'LearnWeek';
	const sheet = workbook.addWorksheet(locale === 'vi' ? 'Ngân hàng câu hỏi' : 'Question bank');
	sheet.columns = QUESTION_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.key === 'text' ? 60 : c.key.startsWith('option') ? 28 : 16 }));
	sheet.getRow(1).font = { bold: true };
	for (const q of [...questions].reverse()) {
		const letterOf = (id: string) => OPTION_LETTERS[q.options.findIndex((o) => o.id === id)];
		const row: Record<string, string> = {
			kind: kindWord(q.kind, 'vi'),
			text: q.text,
			answer:
				q.kind === 'short'
					? q.correct.join(' | ')
					: q.kind === 'true_false'
						? q.correct[0] === 'true'
							? 'Đúng'
							: 'Sai'
						: q.correct.map(letterOf).join(', '),
			tags: q.tags.join(', '),
			difficulty: difficultyWord(q.difficulty, 'vi'),
			fold: q.foldAnswers ? 'Có' : '',
			explanation: q.explanation
		};
		if (q.kind === 'single' || q.kind === 'multiple') q.options.forEach((o, i) => (row[`option${OPTION_LETTERS[i]}`] = o.text));
		sheet.addRow(row);
	}
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
