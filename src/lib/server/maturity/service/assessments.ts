// A unit's self-assessment: opened (automatic criteria measured), filled as they go with evidence,
// previewed (the level it would reach, what would raise it), submitted before the deadline, and
// resubmitted after a return.
import type { Db } from '../../db/types';
import { AppError, isAppError } from '../../core/errors';
import { now, todayInVietnam } from '../../core/clock';
import { newId } from '../../core/ids';
import { parseInput } from '../../core/http';
import { putFile, readStoredFile } from '../../core/storage';
import { recordAudit } from '../../audit/service';
import { actorLabel, type Actor } from '../../auth/actor';
import { formatDate } from '$lib/vn/dates';
import { vietnameseCollator } from '$lib/vn/text';
import { answerInput, type AnswerInput } from '$lib/features/maturity/inputs';
import { EVIDENCE_KINDS, EVIDENCE_MAX_BYTES, SCALE_MAX, type AssessmentResult, type AssessmentStatus, type Criterion, type RaiseHint } from '$lib/features/maturity/types';
import { canEditAssessment, canManageRound, canReviewAssessment, EDITABLE_STATUSES, MATURITY_UNIT_READERS } from '../policy';
import {
	deleteEvidenceRow,
	freezeVersionRow,
	insertEvidence,
	insertScoreChanges,
	selectAnswers,
	selectAssessmentsOfUnits,
	selectEvidence,
	selectEvidenceOf,
	selectRoundsByIds,
	selectScoreChanges,
	updateAssessmentRow,
	upsertAnswer
} from '../queries';
import type { MaturityAnswerRow, MaturityAssessmentRow, MaturityEvidenceRow, MaturityScoreChangeRow } from '../tables';
import { computeAutomaticFacts } from './automatic';
import { criteriaOf, computeResult, criterionScore, raiseHints, valueProblem } from './scoring';
import { loadAssessmentContext, loadRoundContext, orgsInScope, requireReadableAssessment, type AssessmentContext } from './maturity-context';

export interface EvidenceUpload {
	name: string;
	bytes: Uint8Array;
}

type Values = Map<string, number | null>;

/** The values the unit entered. */
export function selfValues(answers: MaturityAnswerRow[]): Values {
	return new Map(answers.map((a) => [a.criterionKey, a.value]));
}

/** The values after review: an adjusted criterion counts with the coordinator's value. */
export function reviewedValues(answers: MaturityAnswerRow[]): Values {
	return new Map(answers.map((a) => [a.criterionKey, a.decision === 'adjusted' ? a.reviewedValue : a.value]));
}

function findCriterion(ctx: AssessmentContext, key: string): Criterion {
	const c = criteriaOf(ctx.definition).find((x) => x.key === key);
	if (!c) throw new AppError('VALIDATION', { fields: { criterionKey: 'field_invalid' } });
	return c;
}

/** The largest value a criterion takes, quoted by "above the maximum". */
export function valueMax(c: Criterion): number {
	return c.type === 'scale' ? SCALE_MAX : c.type === 'percentage' ? 100 : c.type === 'yes_no' ? 1 : c.maxPoints;
}

/** VALIDATION on `field` when a value cannot be entered for the criterion. */
export function checkValue(c: Criterion, value: number | null, field = 'value'): void {
	const problem = valueProblem(c, value);
	if (problem) throw new AppError('VALIDATION', { fields: { [field]: problem }, detail: { max: valueMax(c) } });
}

/** NOT_FOUND when the actor may not read it; INVALID_TRANSITION when its status allows no edit; FORBIDDEN for a reader who is not its unit's leader. */
async function requireEditable(db: Db, actor: Actor, id: string): Promise<AssessmentContext> {
	const ctx = await requireReadableAssessment(db, actor, id);
	if (canEditAssessment(actor, ctx.resource)) return ctx;
	if (!EDITABLE_STATUSES.includes(ctx.assessment.status)) throw new AppError('INVALID_TRANSITION', { fields: { _: 'maturity_not_editable' } });
	throw new AppError('FORBIDDEN');
}

/** Recomputes the unit's own total and level from the answers. */
async function storeSelfResult(db: Db, ctx: AssessmentContext, extra: Partial<MaturityAssessmentRow> = {}): Promise<MaturityAssessmentRow> {
	const result = computeResult(ctx.definition, selfValues(await selectAnswers(db, [ctx.assessment.id])));
	return updateAssessmentRow(db, ctx.assessment.id, { selfTotal: result.total, selfLevel: result.level, updatedAt: now(), ...extra });
}

/** Measures the automatic criteria again; a changed value is saved with its source and kept in the score history. */
async function refreshAutomatic(db: Db, ctx: AssessmentContext, at: Date): Promise<void> {
	const facts = await computeAutomaticFacts(db, ctx.definition, { campaignId: ctx.campaign.id, unit: ctx.unit, at });
	if (!facts.size) return;
	const answers = new Map((await selectAnswers(db, [ctx.assessment.id])).map((a) => [a.criterionKey, a]));
	const changes = [];
	for (const c of criteriaOf(ctx.definition)) {
		const fact = c.automatic ? facts.get(c.automatic) : undefined;
		if (!fact) continue;
		const before = answers.get(c.key);
		const from = before ? criterionScore(c, before.value) : null;
		const to = criterionScore(c, fact.value);
		await upsertAnswer(db, {
			id: before?.id ?? newId(),
			assessmentId: ctx.assessment.id,
			criterionKey: c.key,
			value: fact.value,
			automatic: fact,
			comment: before?.comment ?? '',
			docNumber: before?.docNumber ?? '',
			docDate: before?.docDate ?? null,
			docSummary: before?.docSummary ?? '',
			link: before?.link ?? null,
			decision: before?.decision ?? null,
			reviewedValue: before?.reviewedValue ?? null,
			reviewReason: before?.reviewReason ?? '',
			reviewedBy: before?.reviewedBy ?? null,
			reviewedAt: before?.reviewedAt ?? null,
			updatedBy: 'LearnWeek',
			updatedAt: at
		});
		if (from !== to) changes.push({ id: newId(), assessmentId: ctx.assessment.id, criterionKey: c.key, kind: 'automatic' as const, fromScore: from, toScore: to, reason: '', byLabel: 'LearnWeek', at });
	}
	await insertScoreChanges(db, changes);
	await storeSelfResult(db, ctx, { automaticAt: at });
}

export interface AssessmentView {
	ctx: AssessmentContext;
	answers: Record<string, MaturityAnswerRow>;
	evidence: MaturityEvidenceRow[];
	self: AssessmentResult;
	/** The result with the coordinator's decisions, once the review has begun. */
	reviewed: AssessmentResult | null;
	hints: RaiseHint[];
	history: MaturityScoreChangeRow[];
	deadlinePassed: boolean;
	can: { edit: boolean; submit: boolean; review: boolean; manage: boolean };
	/** Criteria the unit may still change (all of a draft; the returned ones after a return). */
	editableKeys: string[];
	/** Each criterion's points as entered and after review. */
	scores: Record<string, { self: number; reviewed: number }>;
}

async function buildView(db: Db, actor: Actor, ctx: AssessmentContext): Promise<AssessmentView> {
	const answers = await selectAnswers(db, [ctx.assessment.id]);
	const self = computeResult(ctx.definition, selfValues(answers));
	const reviewStarted = answers.some((a) => a.decision) || ['verified', 'published'].includes(ctx.assessment.status);
	const edit = canEditAssessment(actor, ctx.resource);
	const status = ctx.assessment.status;
	const deadlinePassed = todayInVietnam(now()) > ctx.round.deadline;
	const byKey = Object.fromEntries(answers.map((a) => [a.criterionKey, a]));
	return {
		ctx,
		answers: byKey,
		evidence: await selectEvidenceOf(db, ctx.assessment.id),
		self,
		reviewed: reviewStarted ? computeResult(ctx.definition, reviewedValues(answers)) : null,
		hints: raiseHints(ctx.definition, selfValues(answers), self),
		history: await selectScoreChanges(db, ctx.assessment.id),
		deadlinePassed,
		can: { edit, submit: edit && (status === 'returned' || !deadlinePassed), review: canReviewAssessment(actor, ctx.resource), manage: canManageRound(actor, { orgPath: ctx.org.path }) },
		scores: Object.fromEntries(criteriaOf(ctx.definition).map((c) => [c.key, { self: criterionScore(c, byKey[c.key]?.value), reviewed: criterionScore(c, byKey[c.key] ? reviewedValues([byKey[c.key]]).get(c.key) : null) }])),
		editableKeys: !edit ? [] : status === 'returned' ? answers.filter((a) => a.decision === 'returned').map((a) => a.criterionKey) : criteriaOf(ctx.definition).map((c) => c.key)
	};
}

/**
 * Opens an assessment: for its unit's leaders while they may edit it, the automatic criteria are
 * measured again first. Refuses anyone who may not read it (NOT_FOUND): before publication, a
 * unit's own leaders and staff and the round's coordinators and supervisors only.
 */
export async function openAssessment(db: Db, actor: Actor, id: string): Promise<AssessmentView> {
	let ctx = await requireReadableAssessment(db, actor, id);
	if (canEditAssessment(actor, ctx.resource)) {
		await db.transaction(async (tx) => {
			const locked = await loadAssessmentContext(tx, id, { lock: true });
			if (EDITABLE_STATUSES.includes(locked.assessment.status)) await refreshAutomatic(tx, locked, now());
		});
		ctx = await loadAssessmentContext(db, id);
	}
	return buildView(db, actor, ctx);
}

/**
 * Saves one criterion's answer (value, comment, document cited, link) as the unit goes. Refuses
 * readers who are not the unit's leaders (FORBIDDEN), an assessment not open to edits or a
 * criterion the coordinator did not return (INVALID_TRANSITION), a value above the maximum or
 * otherwise out of range (VALIDATION, value), and an unknown criterion (VALIDATION).
 */
export async function saveAnswer(db: Db, actor: Actor, id: string, input: AnswerInput): Promise<AssessmentView> {
	const data = parseInput(answerInput, input);
	const ctx = await requireEditable(db, actor, id);
	const c = findCriterion(ctx, data.criterionKey);
	if (!c.automatic) checkValue(c, data.value);
	await db.transaction(async (tx) => {
		const locked = await loadAssessmentContext(tx, id, { lock: true, round: ctx });
		if (!EDITABLE_STATUSES.includes(locked.assessment.status)) throw new AppError('INVALID_TRANSITION', { fields: { _: 'maturity_not_editable' } });
		const before = (await selectAnswers(tx, [id])).find((a) => a.criterionKey === c.key);
		if (locked.assessment.status === 'returned' && before?.decision !== 'returned') throw new AppError('INVALID_TRANSITION', { fields: { _: 'maturity_criterion_locked' } });
		const value = c.automatic ? (before?.value ?? null) : data.value;
		const at = now();
		await upsertAnswer(tx, {
			id: before?.id ?? newId(),
			assessmentId: id,
			criterionKey: c.key,
			value,
			automatic: before?.automatic ?? null,
			comment: data.comment,
			docNumber: data.docNumber,
			docDate: data.docDate,
			docSummary: data.docSummary,
			link: data.link,
			decision: before?.decision ?? null,
			reviewedValue: before?.reviewedValue ?? null,
			reviewReason: before?.reviewReason ?? '',
			reviewedBy: before?.reviewedBy ?? null,
			reviewedAt: before?.reviewedAt ?? null,
			updatedBy: actorLabel(actor),
			updatedAt: at
		});
		const from = before ? criterionScore(c, before.value) : null;
		const to = criterionScore(c, value);
		if (from !== to) await insertScoreChanges(tx, [{ id: newId(), assessmentId: id, criterionKey: c.key, kind: 'self', fromScore: from, toScore: to, reason: '', byLabel: actorLabel(actor), at }]);
		await storeSelfResult(tx, locked);
	});
	return buildView(db, actor, await loadAssessmentContext(db, id));
}

/**
 * Attaches an evidence file to a criterion. Refuses what saveAnswer refuses, a file larger than
 * 5 MB (TOO_LARGE) and a kind other than PDF, image or Office document, told from its content
 * (UNSUPPORTED_TYPE); nothing is stored then.
 */
export async function addEvidence(db: Db, actor: Actor, id: string, criterionKey: string, file: EvidenceUpload): Promise<MaturityEvidenceRow> {
	const ctx = await requireEditable(db, actor, id);
	const c = findCriterion(ctx, criterionKey);
	const answer = (await selectAnswers(db, [id])).find((a) => a.criterionKey === c.key);
	if (ctx.assessment.status === 'returned' && answer?.decision !== 'returned') throw new AppError('INVALID_TRANSITION', { fields: { _: 'maturity_criterion_locked' } });
	if (!file.bytes.byteLength) throw new AppError('VALIDATION', { fields: { file: 'field_required' } });
	let stored;
	try {
		stored = await putFile(file.bytes, { prefix: 'maturity', maxBytes: EVIDENCE_MAX_BYTES, accept: [...EVIDENCE_KINDS] });
	} catch (e) {
		if (isAppError(e) && (e.code === 'UNSUPPORTED_TYPE' || e.code === 'TOO_LARGE')) {
			throw new AppError(e.code, { fields: { file: e.code === 'TOO_LARGE' ? 'maturity_file_too_large' : 'maturity_file_type' }, detail: { fileName: file.name } });
		}
		throw e;
	}
	return db.transaction(async (tx) => {
		const row = await insertEvidence(tx, {
			id: newId(),
			assessmentId: id,
			criterionKey: c.key,
			orgId: ctx.assessment.orgId,
			fileKey: stored.key,
			fileName: file.name.slice(0, 200) || 'minh-chung',
			contentType: stored.contentType,
			size: stored.size,
			sha256: stored.sha256,
			uploadedBy: actorLabel(actor),
			createdAt: now()
		});
		await updateAssessmentRow(tx, id, { updatedAt: now() });
		return row;
	});
}

/** Removes an evidence file of a criterion the unit may still change. Refuses what addEvidence refuses, and another assessment's file (NOT_FOUND). */
export async function removeEvidence(db: Db, actor: Actor, id: string, evidenceId: string): Promise<void> {
	const ctx = await requireEditable(db, actor, id);
	const ev = await selectEvidence(db, evidenceId);
	if (!ev || ev.assessmentId !== id) throw new AppError('NOT_FOUND');
	const answer = (await selectAnswers(db, [id])).find((a) => a.criterionKey === ev.criterionKey);
	if (ctx.assessment.status === 'returned' && answer?.decision !== 'returned') throw new AppError('INVALID_TRANSITION', { fields: { _: 'maturity_criterion_locked' } });
	await deleteEvidenceRow(db, evidenceId);
}

/** An evidence file's bytes for whoever may read the assessment; NOT_FOUND otherwise (another unit's evidence does not betray its existence). */
export async function readEvidenceFile(db: Db, actor: Actor, id: string, evidenceId: string): Promise<{ row: MaturityEvidenceRow; bytes: Buffer }> {
	await requireReadableAssessment(db, actor, id);
	const row = await selectEvidence(db, evidenceId);
	if (!row || row.assessmentId !== id) throw new AppError('NOT_FOUND');
	return { row, bytes: await readStoredFile(row.fileKey) };
}

/** Whether a criterion has the evidence it asks for: any one of the kinds it lists (a document needs its number, date and trích yếu). */
export function hasEvidence(c: Criterion, answer: MaturityAnswerRow | undefined, files: MaturityEvidenceRow[]): boolean {
	if (!c.evidence.length || c.automatic) return true;
	return c.evidence.some((need) =>
		need === 'document' ? Boolean(answer?.docNumber && answer.docDate && answer.docSummary) : need === 'link' ? Boolean(answer?.link) : files.some((f) => f.criterionKey === c.key)
	);
}

/**
 * Submits the assessment (a draft) or resubmits it (after a return): the automatic criteria are
 * measured again, and the framework version is frozen. Refuses a first submission after the
 * round's deadline (INVALID_TRANSITION), unanswered criteria and points claimed without the
 * evidence asked for (VALIDATION, each criterion named), and anyone but the unit's leaders.
 */
export async function submitAssessment(db: Db, actor: Actor, id: string): Promise<MaturityAssessmentRow> {
	const ctx = await requireEditable(db, actor, id);
	if (ctx.assessment.status === 'draft' && todayInVietnam(now()) > ctx.round.deadline) {
		throw new AppError('INVALID_TRANSITION', { fields: { _: 'maturity_deadline_passed' }, detail: { deadline: formatDate(ctx.round.deadline) } });
	}
	return db.transaction(async (tx) => {
		const locked = await loadAssessmentContext(tx, id, { lock: true, round: ctx });
		const from = locked.assessment.status;
		if (!EDITABLE_STATUSES.includes(from)) throw new AppError('INVALID_TRANSITION', { fields: { _: 'maturity_not_editable' } });
		const at = now();
		await refreshAutomatic(tx, locked, at);
		const answers = await selectAnswers(tx, [id]);
		const files = await selectEvidenceOf(tx, id);
		const byKey = new Map(answers.map((a) => [a.criterionKey, a]));
		const fields: Record<string, string> = {};
		for (const c of criteriaOf(locked.definition)) {
			const a = byKey.get(c.key);
			if (a?.value === null || a?.value === undefined) fields[c.key] = 'maturity_answer_missing';
			else if (criterionScore(c, a.value) > 0 && !hasEvidence(c, a, files)) fields[c.key] = 'maturity_evidence_missing';
		}
		if (Object.keys(fields).length) throw new AppError('VALIDATION', { fields });
		// What the coordinator returned goes back to be reviewed again.
		for (const a of answers.filter((x) => x.decision === 'returned')) await upsertAnswer(tx, { ...a, decision: null, reviewedValue: null, reviewedAt: null, reviewedBy: null });
		await freezeVersionRow(tx, locked.version.id, at);
		const status: AssessmentStatus = from === 'draft' ? 'submitted' : 'resubmitted';
		const row = await storeSelfResult(tx, locked, { status, submittedAt: at, submittedBy: actorLabel(actor) });
		await recordAudit(tx, actor, {
			orgId: locked.unit.id,
			orgPath: locked.unit.path,
			entity: 'maturity_assessment',
			entityId: id,
			action: status === 'submitted' ? 'submit' : 'resubmit',
			before: { status: from },
			after: { status, total: row.selfTotal, level: row.selfLevel }
		});
		return row;
	});
}

export interface MyAssessmentItem {
	id: string;
	status: AssessmentStatus;
	unitName: string;
	roundTitle: string;
	roundStatus: string;
	campaignTitle: string;
	deadline: string;
	selfTotal: number;
	selfLevel: number | null;
	verifiedTotal: number | null;
	verifiedLevel: number | null;
}

/** The assessments of the units the actor leads or works in, newest first; an empty list for anyone else. */
export async function listMyAssessments(db: Db, actor: Actor): Promise<MyAssessmentItem[]> {
	const units = await orgsInScope(db, actor, MATURITY_UNIT_READERS);
	const rows = await selectAssessmentsOfUnits(db, units.map((u) => u.id));
	const rounds = new Map((await selectRoundsByIds(db, [...new Set(rows.map((r) => r.roundId))])).map((r) => [r.id, r]));
	const name = new Map(units.map((u) => [u.id, u.name]));
	const out: MyAssessmentItem[] = [];
	const campaigns = new Map<string, string>();
	for (const a of rows) {
		const round = rounds.get(a.roundId)!;
		if (!campaigns.has(round.id)) campaigns.set(round.id, (await loadRoundContext(db, round.id)).campaign.title);
		out.push({
			id: a.id,
			status: a.status,
			unitName: name.get(a.unitId) ?? '',
			roundTitle: round.title,
			roundStatus: round.status,
			campaignTitle: campaigns.get(round.id)!,
			deadline: round.deadline,
			selfTotal: a.selfTotal,
			selfLevel: a.selfLevel,
			verifiedTotal: a.verifiedTotal,
			verifiedLevel: a.verifiedLevel
		});
	}
	return out.sort((a, b) => b.deadline.localeCompare(a.deadline) || vietnameseCollator.compare(a.unitName, b.unitName));
}

/** What the unit's and the coordinator's assessment pages show of a view, as plain data. */
export function assessmentPageData(v: AssessmentView) {
	const { ctx } = v;
	return {
		assessment: ctx.assessment,
		round: { id: ctx.round.id, title: ctx.round.title, deadline: ctx.round.deadline, status: ctx.round.status },
		campaign: { title: ctx.campaign.title },
		unit: { name: ctx.unit.name },
		framework: { name: ctx.framework.name, version: ctx.version.version },
		definition: ctx.definition,
		answers: v.answers,
		evidence: v.evidence.map((e) => ({ id: e.id, criterionKey: e.criterionKey, fileName: e.fileName, size: e.size })),
		self: v.self,
		reviewed: v.reviewed,
		hints: v.hints,
		history: v.history,
		can: v.can,
		scores: v.scores,
		editableKeys: v.editableKeys,
		deadlinePassed: v.deadlinePassed
	};
}
