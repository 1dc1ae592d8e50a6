import { json } from '@sveltejs/kit';
import { AppError } from '$lib/server/core/errors';
import { apiHandler } from '$lib/server/core/http';
import { criteriaOf, openAssessment } from '$lib/server/maturity/service';
import { toAssessmentJson } from '$lib/features/maturity/api';
import type { RequestHandler } from './$types';

/** GET /api/v1/maturity/assessments/{id}: a unit's assessment, for its own leaders and staff and the round's coordinators (404 for anyone else). */
export const GET: RequestHandler = apiHandler(async ({ locals, params }) => {
	if (locals.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
	const v = await openAssessment(locals.db, locals.actor, params.id);
	const files: Record<string, number> = {};
	for (const e of v.evidence) files[e.criterionKey] = (files[e.criterionKey] ?? 0) + 1;
	return json(
		toAssessmentJson({
			id: v.ctx.assessment.id,
			roundId: v.ctx.round.id,
			unit: { id: v.ctx.unit.id, name: v.ctx.unit.name },
			status: v.ctx.assessment.status,
			deadline: v.ctx.round.deadline,
			submittedAt: v.ctx.assessment.submittedAt,
			self: v.self,
			reviewed: v.reviewed,
			criteria: criteriaOf(v.ctx.definition),
			answers: v.answers,
			scores: v.scores,
			files
		})
	);
});
