// The only SQL of the maturity domain. Every read is scoped by the ids the service hands in after
// its policy: frameworks by organisation, rounds by campaign or organisation, assessments by round or unit.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/types';
import {
	maturityAnswer,
	maturityAssessment,
	maturityEvidence,
	maturityFramework,
	maturityFrameworkVersion,
	maturityRound,
	maturityScoreChange,
	type MaturityAnswerRow,
	type MaturityAssessmentRow,
	type MaturityEvidenceRow,
	type MaturityFrameworkRow,
	type MaturityFrameworkVersionRow,
	type MaturityRoundRow,
	type MaturityScoreChangeRow
} from './tables';

const first = <T>(rows: T[]): T | undefined => rows[0];

export async function insertFramework(db: Db, row: typeof maturityFramework.$inferInsert): Promise<MaturityFrameworkRow> {
	return (await db.insert(maturityFramework).values(row).returning())[0];
}

export async function selectFramework(db: Db, id: string): Promise<MaturityFrameworkRow | undefined> {
	return first(await db.select().from(maturityFramework).where(eq(maturityFramework.id, id)).limit(1));
}

export async function selectFrameworksOfOrgs(db: Db, orgIds: string[]): Promise<MaturityFrameworkRow[]> {
	if (!orgIds.length) return [];
	return db.select().from(maturityFramework).where(inArray(maturityFramework.orgId, orgIds)).orderBy(desc(maturityFramework.updatedAt), asc(maturityFramework.id));
}

export async function updateFrameworkRow(db: Db, id: string, patch: Partial<typeof maturityFramework.$inferInsert>): Promise<MaturityFrameworkRow> {
	return (await db.update(maturityFramework).set(patch).where(eq(maturityFramework.id, id)).returning())[0];
}

export async function insertVersion(db: Db, row: typeof maturityFrameworkVersion.$inferInsert): Promise<MaturityFrameworkVersionRow> {
	return (await db.insert(maturityFrameworkVersion).values(row).returning())[0];
}

/** A version; `lock` holds it (inside a transaction) so a freeze and an edit do not cross. */
export async function selectVersion(db: Db, id: string, options: { lock?: boolean } = {}): Promise<MaturityFrameworkVersionRow | undefined> {
	const q = db.select().from(maturityFrameworkVersion).where(eq(maturityFrameworkVersion.id, id)).limit(1);
	return first(await (options.lock ? q.for('update') : q));
}

export async function selectVersionsOf(db: Db, frameworkIds: string[]): Promise<MaturityFrameworkVersionRow[]> {
	if (!frameworkIds.length) return [];
	return db.select().from(maturityFrameworkVersion).where(inArray(maturityFrameworkVersion.frameworkId, frameworkIds)).orderBy(asc(maturityFrameworkVersion.frameworkId), desc(maturityFrameworkVersion.version));
}

export async function updateVersionRow(db: Db, id: string, patch: Partial<typeof maturityFrameworkVersion.$inferInsert>): Promise<MaturityFrameworkVersionRow> {
	return (await db.update(maturityFrameworkVersion).set(patch).where(eq(maturityFrameworkVersion.id, id)).returning())[0];
}

/** Freezes a version the first time; a frozen one keeps its first date. */
export async function freezeVersionRow(db: Db, id: string, at: Date): Promise<void> {
	await db
		.update(maturityFrameworkVersion)
		.set({ frozenAt: at })
		.where(and(eq(maturityFrameworkVersion.id, id), sql`${maturityFrameworkVersion.frozenAt} is null`));
}

export async function insertRound(db: Db, row: typeof maturityRound.$inferInsert): Promise<MaturityRoundRow> {
	return (await db.insert(maturityRound).values(row).returning())[0];
}

export async function selectRound(db: Db, id: string): Promise<MaturityRoundRow | undefined> {
	return first(await db.select().from(maturityRound).where(eq(maturityRound.id, id)).limit(1));
}

export async function selectRoundsOfOrgs(db: Db, orgIds: string[]): Promise<MaturityRoundRow[]> {
	if (!orgIds.length) return [];
	return db.select().from(maturityRound).where(inArray(maturityRound.orgId, orgIds)).orderBy(desc(maturityRound.createdAt), asc(maturityRound.id));
}

export async function selectRoundsOfCampaigns(db: Db, campaignIds: string[]): Promise<MaturityRoundRow[]> {
	if (!campaignIds.length) return [];
	return db.select().from(maturityRound).where(inArray(maturityRound.campaignId, campaignIds)).orderBy(asc(maturityRound.createdAt), asc(maturityRound.id));
}

export async function selectRoundsByIds(db: Db, ids: string[]): Promise<MaturityRoundRow[]> {
	if (!ids.length) return [];
	return db.select().from(maturityRound).where(inArray(maturityRound.id, ids));
}

export async function selectRoundsOfFramework(db: Db, frameworkId: string): Promise<MaturityRoundRow[]> {
	return db.select().from(maturityRound).where(eq(maturityRound.frameworkId, frameworkId)).orderBy(desc(maturityRound.createdAt));
}

export async function updateRoundRow(db: Db, id: string, patch: Partial<typeof maturityRound.$inferInsert>): Promise<MaturityRoundRow> {
	return (await db.update(maturityRound).set(patch).where(eq(maturityRound.id, id)).returning())[0];
}

/** Enrols units: a unit already enrolled keeps its assessment. */
export async function insertAssessments(db: Db, rows: Array<typeof maturityAssessment.$inferInsert>): Promise<void> {
	if (!rows.length) return;
	await db.insert(maturityAssessment).values(rows).onConflictDoNothing({ target: [maturityAssessment.roundId, maturityAssessment.unitId] });
}

export async function selectAssessment(db: Db, id: string, options: { lock?: boolean } = {}): Promise<MaturityAssessmentRow | undefined> {
	const q = db.select().from(maturityAssessment).where(eq(maturityAssessment.id, id)).limit(1);
	return first(await (options.lock ? q.for('update') : q));
}

export async function selectAssessmentsOfRounds(db: Db, roundIds: string[]): Promise<MaturityAssessmentRow[]> {
	if (!roundIds.length) return [];
	return db.select().from(maturityAssessment).where(inArray(maturityAssessment.roundId, roundIds)).orderBy(asc(maturityAssessment.createdAt), asc(maturityAssessment.id));
}

export async function selectAssessmentsOfUnits(db: Db, unitIds: string[]): Promise<MaturityAssessmentRow[]> {
	if (!unitIds.length) return [];
	return db.select().from(maturityAssessment).where(inArray(maturityAssessment.unitId, unitIds)).orderBy(desc(maturityAssessment.createdAt), asc(maturityAssessment.id));
}

/** Writes an assessment's columns and bumps its version. */
export async function updateAssessmentRow(db: Db, id: string, patch: Partial<typeof maturityAssessment.$inferInsert>): Promise<MaturityAssessmentRow> {
	return (
		await db
			.update(maturityAssessment)
			.set({ ...patch, version: sql`${maturityAssessment.version} + 1` })
			.where(eq(maturityAssessment.id, id))
			.returning()
	)[0];
}

export async function selectAnswers(db: Db, assessmentIds: string[]): Promise<MaturityAnswerRow[]> {
	if (!assessmentIds.length) return [];
	return db.select().from(maturityAnswer).where(inArray(maturityAnswer.assessmentId, assessmentIds));
}

/** Saves one criterion's answer (the row is made the first time). */
export async function upsertAnswer(db: Db, row: typeof maturityAnswer.$inferInsert): Promise<MaturityAnswerRow> {
	const { id: _id, assessmentId: _a, criterionKey: _c, ...set } = row;
	return (
		await db
			.insert(maturityAnswer)
			.values(row)
			.onConflictDoUpdate({ target: [maturityAnswer.assessmentId, maturityAnswer.criterionKey], set })
			.returning()
	)[0];
}

export async function insertEvidence(db: Db, row: typeof maturityEvidence.$inferInsert): Promise<MaturityEvidenceRow> {
	return (await db.insert(maturityEvidence).values(row).returning())[0];
}

export async function selectEvidence(db: Db, id: string): Promise<MaturityEvidenceRow | undefined> {
	return first(await db.select().from(maturityEvidence).where(eq(maturityEvidence.id, id)).limit(1));
}

export async function selectEvidenceOf(db: Db, assessmentId: string): Promise<MaturityEvidenceRow[]> {
	return db.select().from(maturityEvidence).where(eq(maturityEvidence.assessmentId, assessmentId)).orderBy(asc(maturityEvidence.createdAt), asc(maturityEvidence.id));
}

export async function deleteEvidenceRow(db: Db, id: string): Promise<void> {
	await db.delete(maturityEvidence).where(eq(maturityEvidence.id, id));
}

export async function insertScoreChanges(db: Db, rows: Array<typeof maturityScoreChange.$inferInsert>): Promise<void> {
	if (rows.length) await db.insert(maturityScoreChange).values(rows);
}

export async function selectScoreChanges(db: Db, assessmentId: string): Promise<MaturityScoreChangeRow[]> {
	return db.select().from(maturityScoreChange).where(eq(maturityScoreChange.assessmentId, assessmentId)).orderBy(asc(maturityScoreChange.at), asc(maturityScoreChange.id));
}
