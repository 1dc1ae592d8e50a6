// Verification: the round's coordinator accepts each criterion, adjusts its value with a reason, or
// returns it for more evidence; returns the assessment to the unit, or verifies it.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { parseInput } from '../../core/http';
import { recordAudit } from '../../audit/service';
import { actorLabel, type Actor } from '../../auth/actor';
import { reviewInput, type ReviewInput } from '$lib/features/maturity/inputs';
import { canManageRound, REVIEWABLE_STATUSES } from '../policy';
import { insertScoreChanges, selectAnswers, updateAssessmentRow, upsertAnswer } from '../queries';
import type { MaturityAnswerRow, MaturityAssessmentRow } from '../tables';
import { checkValue, reviewedValues } from './assessments';
import { computeResult, criteriaOf, criterionScore } from './scoring';
import { loadAssessmentContext, requireReadableAssessment, type AssessmentContext } from './maturity-context';

/** NOT_FOUND for who may not read it, FORBIDDEN for a reader who does not coordinate the round, INVALID_TRANSITION outside review. */
async function requireReviewable(db: Db, actor: Actor, id: string): Promise<AssessmentContext> {
	const ctx = await requireReadableAssessment(db, actor, id);
	if (!canManageRound(actor, { orgPath: ctx.org.path })) throw new AppError('FORBIDDEN');
	if (!REVIEWABLE_STATUSES.includes(ctx.assessment.status)) throw new AppError('INVALID_TRANSITION', { fields: { _: 'maturity_not_in_review' } });
	return ctx;
}

const effective = (a: Pick<MaturityAnswerRow, 'decision' | 'value' | 'reviewedValue'>) => (a.decision === 'adjusted' ? a.reviewedValue : a.value);

/**
 * Records the coordinator's decision on one criterion: accepted, adjusted (to a value, with a
 * reason) or returned (with a reason); the score change is kept in the history and the audit log.
 * Refuses what requireReviewable refuses, an adjusted value out of range (VALIDATION, value) and a
 * missing reason (VALIDATION, reason).
 */
export async function reviewCriterion(db: Db, actor: Actor, id: string, input: ReviewInput): Promise<void> {
	const data = parseInput(reviewInput, input);
	const ctx = await requireReviewable(db, actor, id);
	const c = criteriaOf(ctx.definition).find((x) => x.key === data.criterionKey);
	if (!c) throw new AppError('VALIDATION', { fields: { criterionKey: 'field_invalid' } });
	if (data.decision === 'adjusted') checkValue(c, data.value);
	await db.transaction(async (tx) => {
		const locked = await loadAssessmentContext(tx, id, { lock: true, round: ctx });
		if (!REVIEWABLE_STATUSES.includes(locked.assessment.status)) throw new AppError('INVALID_TRANSITION', { fields: { _: 'maturity_not_in_review' } });
		const before = (await selectAnswers(tx, [id])).find((a) => a.criterionKey === c.key);
		const at = now();
		const next = {
			id: before?.id ?? newId(),
			assessmentId: id,
			criterionKey: c.key,
			value: before?.value ?? null,
			automatic: before?.automatic ?? null,
			comment: before?.comment ?? '',
			docNumber: before?.docNumber ?? '',
			docDate: before?.docDate ?? null,
			docSummary: before?.docSummary ?? '',
			link: before?.link ?? null,
			decision: data.decision,
			reviewedValue: data.decision === 'adjusted' ? data.value : null,
			reviewReason: data.reason,
			reviewedBy: actorLabel(actor),
			reviewedAt: at,
			updatedBy: before?.updatedBy ?? null,
			updatedAt: before?.updatedAt ?? at
		};
		await upsertAnswer(tx, next);
		const from = criterionScore(c, before ? effective(before) : null);
		const to = criterionScore(c, effective(next));
		if (from !== to) await insertScoreChanges(tx, [{ id: newId(), assessmentId: id, criterionKey: c.key, kind: 'review', fromScore: from, toScore: to, reason: data.reason, byLabel: actorLabel(actor), at }]);
		if (locked.assessment.status !== 'under_review') await updateAssessmentRow(tx, id, { status: 'under_review', updatedAt: at });
		await recordAudit(tx, actor, {
			orgId: locked.unit.id,
			orgPath: locked.unit.path,
			entity: 'maturity_answer',
			entityId: next.id,
			action: `review_${data.decision}`,
			before: { criterion: c.key, score: from, decision: before?.decision ?? null },
			after: { criterion: c.key, score: to, decision: data.decision, reason: data.reason }
		});
	});
}

/** Accepts every criterion not yet decided. Refuses what reviewCriterion refuses. */
export async function acceptRemainingCriteria(db: Db, actor: Actor, id: string): Promise<number> {
	const ctx = await requireReviewable(db, actor, id);
	const decided = new Set((await selectAnswers(db, [id])).filter((a) => a.decision).map((a) => a.criterionKey));
	const open = criteriaOf(ctx.definition).filter((c) => !decided.has(c.key));
	for (const c of open) await reviewCriterion(db, actor, id, { criterionKey: c.key, decision: 'accepted' });
	return open.length;
}

/**
 * Returns the assessment to its unit for the criteria returned. Refuses one with no criterion
 * returned (INVALID_TRANSITION) and what requireReviewable refuses.
 */
export async function returnAssessment(db: Db, actor: Actor, id: string): Promise<MaturityAssessmentRow> {
	const ctx = await requireReviewable(db, actor, id);
	const returned = (await selectAnswers(db, [id])).filter((a) => a.decision === 'returned');
	if (!returned.length) throw new AppError('INVALID_TRANSITION', { fields: { _: 'maturity_return_none' } });
	return db.transaction(async (tx) => {
		const row = await updateAssessmentRow(tx, id, { status: 'returned', updatedAt: now() });
		await recordAudit(tx, actor, { orgId: ctx.unit.id, orgPath: ctx.unit.path, entity: 'maturity_assessment', entityId: id, action: 'return', before: { status: ctx.assessment.status }, after: { status: 'returned', criteria: returned.map((a) => a.criterionKey) } });
		return row;
	});
}

/**
 * Verifies the assessment: every criterion accepted or adjusted, the verified total and level
 * stored. Refuses one with criteria undecided or returned (INVALID_TRANSITION) and what
 * requireReviewable refuses.
 */
export async function verifyAssessment(db: Db, actor: Actor, id: string): Promise<MaturityAssessmentRow> {
	const ctx = await requireReviewable(db, actor, id);
	const answers = await selectAnswers(db, [id]);
	const decided = new Map(answers.map((a) => [a.criterionKey, a.decision]));
	const criteria = criteriaOf(ctx.definition);
	if (criteria.some((c) => decided.get(c.key) === 'returned')) throw new AppError('INVALID_TRANSITION', { fields: { _: 'maturity_verify_returned' } });
	if (criteria.some((c) => !decided.get(c.key))) throw new AppError('INVALID_TRANSITION', { fields: { _: 'maturity_verify_undecided' } });
	const result = computeResult(ctx.definition, reviewedValues(answers));
	const at = now();
	return db.transaction(async (tx) => {
		const row = await updateAssessmentRow(tx, id, { status: 'verified', verifiedTotal: result.total, verifiedLevel: result.level, verifiedAt: at, updatedAt: at });
		await recordAudit(tx, actor, {
			orgId: ctx.unit.id,
			orgPath: ctx.unit.path,
			entity: 'maturity_assessment',
			entityId: id,
			action: 'verify',
			before: { status: ctx.assessment.status, selfTotal: ctx.assessment.selfTotal, selfLevel: ctx.assessment.selfLevel },
			after: { status: 'verified', total: result.total, level: result.level }
		});
		return row;
	});
}
