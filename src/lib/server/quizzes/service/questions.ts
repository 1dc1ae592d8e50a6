// The question bank: staff write questions (with an optional image), edit and retire them.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { parseInput } from '../../core/http';
import { deleteStoredFile, detectFileKind, putFile, readStoredFile, type FileKind } from '../../core/storage';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { listOrgNodesInRoleScope, type OrgNodeRow } from '../../org/service';
import { foldVietnamese } from '$lib/vn/text';
import { questionInput, type QuestionInput, type QuestionInputData } from '$lib/features/quizzes/inputs';
import { TRUE_FALSE_OPTION_IDS, type QuestionOption } from '$lib/features/quizzes/types';
import { canEditQuestions, QUESTION_EDITORS } from '../policy';
import { insertQuestions, selectQuestion, selectQuestionsOf, updateQuestionRow, type NewQuestionRow } from '../queries';
import type { QuizQuestionRow } from '../tables';
import { loadOrg, questionSearchText } from './quiz-context';

/** 2 MB: a photo or a chart at phone resolution; pictures in a quiz must load fast on weak networks. */
export const QUESTION_IMAGE_MAX_BYTES = 2 * 1024 * 1024;
export const QUESTION_IMAGE_KINDS: readonly FileKind[] = ['png', 'jpeg', 'webp', 'gif'];

export interface QuestionImage {
	bytes: Uint8Array;
}

/** The stored columns of a valid question: options get ids, the right ones are named by id. */
export function questionColumns(data: QuestionInputData): Omit<NewQuestionRow, 'id' | 'orgId'> {
	let options: QuestionOption[] = [];
	let correct: string[];
	if (data.kind === 'single' || data.kind === 'multiple') {
		options = data.options.map((text) => ({ id: newId().slice(0, 12), text }));
		correct = [...new Set(data.correct)].map((n) => options[Number(n) - 1].id);
	} else if (data.kind === 'true_false') {
		options = TRUE_FALSE_OPTION_IDS.map((id) => ({ id, text: id }));
		correct = [data.correct[0]];
	} else correct = data.accepted;
	return {
		kind: data.kind,
		text: data.text,
		options,
		correct,
		foldAnswers: data.kind === 'short' && data.foldAnswers,
		tags: data.tags,
		difficulty: data.difficulty,
		explanation: data.explanation,
		searchText: questionSearchText(data)
	};
}

function checkImage(image: QuestionImage): void {
	if (image.bytes.byteLength > QUESTION_IMAGE_MAX_BYTES) throw new AppError('TOO_LARGE', { fields: { image: 'quizzes_image_too_large' } });
	if (!QUESTION_IMAGE_KINDS.includes(detectFileKind(image.bytes).kind)) throw new AppError('UNSUPPORTED_TYPE', { fields: { image: 'quizzes_image_type' } });
}

async function storeImage(image: QuestionImage | undefined): Promise<string | undefined> {
	if (!image?.bytes.byteLength) return undefined;
	checkImage(image);
	return (await putFile(image.bytes, { prefix: 'quizzes', maxBytes: QUESTION_IMAGE_MAX_BYTES, accept: [...QUESTION_IMAGE_KINDS] })).key;
}

function auditView(q: QuizQuestionRow) {
	return { kind: q.kind, text: q.text, options: q.options, correct: q.correct, tags: q.tags, difficulty: q.difficulty, archived: q.archived };
}

async function requireEditableQuestion(db: Db, actor: Actor, id: string): Promise<{ row: QuizQuestionRow; org: OrgNodeRow }> {
	const row = await selectQuestion(db, id);
	if (!row) throw new AppError('NOT_FOUND');
	const org = await loadOrg(db, row.orgId);
	if (!canEditQuestions(actor, { orgPath: org.path })) throw new AppError('NOT_FOUND');
	return { row, org };
}

/**
 * Adds a question to the bank of `orgId`. Refuses anyone but its staff and coordinators (or
 * above) with FORBIDDEN, an invalid question (VALIDATION: empty text, too few options, no right
 * answer…), an image too large (TOO_LARGE) or not a picture (UNSUPPORTED_TYPE).
 */
export async function createQuestion(db: Db, actor: Actor, orgId: string, input: QuestionInput, image?: QuestionImage): Promise<QuizQuestionRow> {
	const org = await loadOrg(db, orgId);
	if (!canEditQuestions(actor, { orgPath: org.path })) throw new AppError('FORBIDDEN');
	const data = parseInput(questionInput, input);
	const imageKey = await storeImage(image);
	const at = now();
	try {
		return await db.transaction(async (tx) => {
			const [row] = await insertQuestions(tx, [{ id: newId(), orgId: org.id, ...questionColumns(data), imageKey: imageKey ?? null, createdBy: actor.userId ?? actor.name ?? actor.kind, createdAt: at, updatedAt: at }]);
			await recordAudit(tx, actor, { orgId: org.id, orgPath: org.path, entity: 'quiz_question', entityId: row.id, action: 'create', after: auditView(row) });
			return row;
		});
	} catch (e) {
		if (imageKey) await deleteStoredFile(imageKey);
		throw e;
	}
}

/**
 * Changes a question; attempts already drawn keep the options they showed. Refuses what
 * createQuestion refuses and a question the actor may not edit (NOT_FOUND).
 */
export async function updateQuestion(db: Db, actor: Actor, id: string, input: QuestionInput, image?: QuestionImage): Promise<QuizQuestionRow> {
	const { row: current, org } = await requireEditableQuestion(db, actor, id);
	const data = parseInput(questionInput, input);
	const columns = questionColumns(data);
	// Options keep their ids when their text is unchanged, so answers already saved still point at them.
	if (current.kind === data.kind && (data.kind === 'single' || data.kind === 'multiple')) {
		const byText = new Map(current.options.map((o) => [o.text, o.id]));
		const remap = new Map<string, string>();
		columns.options = columns.options!.map((o) => {
			const kept = byText.get(o.text);
			if (kept) remap.set(o.id, kept);
			return kept ? { ...o, id: kept } : o;
		});
		columns.correct = columns.correct!.map((c) => remap.get(c) ?? c);
	}
	const imageKey = await storeImage(image);
	const row = await db.transaction(async (tx) => {
		const updated = await updateQuestionRow(tx, id, { ...columns, ...(imageKey ? { imageKey } : {}), updatedAt: now() });
		await recordAudit(tx, actor, { orgId: org.id, orgPath: org.path, entity: 'quiz_question', entityId: id, action: 'update', before: auditView(current), after: auditView(updated) });
		return updated;
	});
	if (imageKey && current.imageKey) await deleteStoredFile(current.imageKey);
	return row;
}

/** Retires a question from future draws (attempts that drew it keep it). Refuses who may not edit it (NOT_FOUND). */
export async function archiveQuestion(db: Db, actor: Actor, id: string): Promise<void> {
	const { row, org } = await requireEditableQuestion(db, actor, id);
	await db.transaction(async (tx) => {
		const updated = await updateQuestionRow(tx, id, { archived: true, updatedAt: now() });
		await recordAudit(tx, actor, { orgId: org.id, orgPath: org.path, entity: 'quiz_question', entityId: id, action: 'archive', before: auditView(row), after: auditView(updated) });
	});
}

/** One question with its answers, for its editors; NOT_FOUND for anyone else. */
export async function getQuestion(db: Db, actor: Actor, id: string): Promise<QuizQuestionRow> {
	return (await requireEditableQuestion(db, actor, id)).row;
}

/** The questions of the banks the actor edits (or of `orgId` among them), searched without diacritics and by tag. */
export async function listQuestions(db: Db, actor: Actor, query: { orgId?: string; q?: string; tag?: string } = {}): Promise<QuizQuestionRow[]> {
	const orgs = await listOrgNodesInRoleScope(db, actor, QUESTION_EDITORS);
	const ids = orgs.map((o) => o.id).filter((id) => !query.orgId || id === query.orgId);
	return selectQuestionsOf(db, ids, { phrase: query.q ? foldVietnamese(query.q) : undefined, tag: query.tag?.trim().toLowerCase() || undefined });
}

/** The organisations whose bank the actor edits. */
export async function listQuestionBankOrgs(db: Db, actor: Actor): Promise<OrgNodeRow[]> {
	return listOrgNodesInRoleScope(db, actor, QUESTION_EDITORS);
}

/** A question's picture (anyone may see it: it is shown in attempts, and says nothing of the answer). */
export async function readQuestionImage(db: Db, id: string): Promise<{ bytes: Buffer; contentType: string }> {
	const row = await selectQuestion(db, id);
	if (!row?.imageKey) throw new AppError('NOT_FOUND');
	const bytes = await readStoredFile(row.imageKey);
	return { bytes, contentType: detectFileKind(bytes).contentType };
}
