// The only SQL of the recognition domain. Every list is scoped by the campaign (and so by its
// organisation) that the service hands in.
import { and, asc, desc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/types';
import {
	awardDecision,
	awardRecipient,
	baseSalary,
	commendationForm,
	council,
	councilMember,
	entryFile,
	initiative,
	initiativeCall,
	nomination,
	recognitionConsent,
	score,
	type AwardDecisionRow,
	type AwardRecipientRow,
	type BaseSalaryRow,
	type CommendationFormRow,
	type CouncilMemberRow,
	type CouncilRow,
	type EntryFileRow,
	type InitiativeCallRow,
	type InitiativeRow,
	type NominationRow,
	type RecognitionConsentRow,
	type ScoreRow
} from './tables';
import type { EntryKind } from '../../features/recognition/types';

const first = <T>(rows: T[]): T | undefined => rows[0];

// Councils ------------------------------------------------------------------------------------

export async function insertCouncil(db: Db, row: typeof council.$inferInsert): Promise<CouncilRow> {
	return (await db.insert(council).values(row).returning())[0];
}

export async function selectCouncil(db: Db, id: string): Promise<CouncilRow | undefined> {
	return first(await db.select().from(council).where(eq(council.id, id)).limit(1));
}

export async function selectCouncilsOfCampaign(db: Db, campaignId: string): Promise<CouncilRow[]> {
	return db.select().from(council).where(eq(council.campaignId, campaignId)).orderBy(asc(council.createdAt));
}

export async function closeCouncilRow(db: Db, id: string, patch: { closedAt: Date; closedByLabel: string }): Promise<CouncilRow | undefined> {
	return first(
		await db
			.update(council)
			.set({ status: 'closed', ...patch })
			.where(and(eq(council.id, id), eq(council.status, 'open')))
			.returning()
	);
}

export async function insertMember(db: Db, row: typeof councilMember.$inferInsert): Promise<CouncilMemberRow> {
	return (await db.insert(councilMember).values(row).returning())[0];
}

export async function selectMembers(db: Db, councilIds: string[]): Promise<CouncilMemberRow[]> {
	if (!councilIds.length) return [];
	return db.select().from(councilMember).where(inArray(councilMember.councilId, councilIds)).orderBy(desc(councilMember.isChair), asc(councilMember.createdAt));
}

export async function selectMembershipsOfUser(db: Db, userId: string): Promise<CouncilMemberRow[]> {
	return db.select().from(councilMember).where(eq(councilMember.userId, userId));
}

export async function updateMemberConflicts(db: Db, id: string, conflictUnitIds: string[]): Promise<CouncilMemberRow> {
	return (await db.update(councilMember).set({ conflictUnitIds }).where(eq(councilMember.id, id)).returning())[0];
}

export async function deleteMember(db: Db, id: string): Promise<void> {
	await db.delete(councilMember).where(eq(councilMember.id, id));
}

// Calls and initiatives -----------------------------------------------------------------------

export async function insertCall(db: Db, row: typeof initiativeCall.$inferInsert): Promise<InitiativeCallRow> {
	return (await db.insert(initiativeCall).values(row).returning())[0];
}

export async function selectCall(db: Db, id: string): Promise<InitiativeCallRow | undefined> {
	return first(await db.select().from(initiativeCall).where(eq(initiativeCall.id, id)).limit(1));
}

export async function selectCallsOfCampaign(db: Db, campaignId: string): Promise<InitiativeCallRow[]> {
	return db.select().from(initiativeCall).where(eq(initiativeCall.campaignId, campaignId)).orderBy(asc(initiativeCall.deadline));
}

export async function insertInitiative(db: Db, row: typeof initiative.$inferInsert): Promise<InitiativeRow> {
	return (await db.insert(initiative).values(row).returning())[0];
}

export async function selectInitiative(db: Db, id: string): Promise<InitiativeRow | undefined> {
	return first(await db.select().from(initiative).where(eq(initiative.id, id)).limit(1));
}

export async function selectInitiativesOfCampaign(db: Db, campaignId: string): Promise<InitiativeRow[]> {
	return db.select().from(initiative).where(eq(initiative.campaignId, campaignId)).orderBy(desc(initiative.submittedAt));
}

/** Initiatives of an organisation recognised in a year, or under one campaign: "in the period" for eligibility. */
export async function selectRecognisedInitiatives(db: Db, orgId: string, year: number, campaignId: string): Promise<InitiativeRow[]> {
	return db
		.select()
		.from(initiative)
		.where(
			and(
				eq(initiative.orgId, orgId),
				eq(initiative.status, 'recognised'),
				sql`(${initiative.campaignId} = ${campaignId} or extract(year from ${initiative.decidedAt} at time zone 'Asia/Ho_Chi_Minh') = ${year})`
			)
		);
}

/** Updates an initiative only at the version the caller read; undefined when it changed meanwhile. */
export async function updateInitiativeRow(db: Db, id: string, version: number, patch: Partial<typeof initiative.$inferInsert>): Promise<InitiativeRow | undefined> {
	return first(
		await db
			.update(initiative)
			.set({ ...patch, version: sql`${initiative.version} + 1` })
			.where(and(eq(initiative.id, id), eq(initiative.version, version)))
			.returning()
	);
}

// Nominations ---------------------------------------------------------------------------------

export async function insertNomination(db: Db, row: typeof nomination.$inferInsert): Promise<NominationRow> {
	return (await db.insert(nomination).values(row).returning())[0];
}

export async function selectNomination(db: Db, id: string): Promise<NominationRow | undefined> {
	return first(await db.select().from(nomination).where(eq(nomination.id, id)).limit(1));
}

export async function selectNominationsOfCampaign(db: Db, campaignId: string): Promise<NominationRow[]> {
	return db.select().from(nomination).where(eq(nomination.campaignId, campaignId)).orderBy(desc(nomination.createdAt));
}

export async function updateNominationRow(db: Db, id: string, version: number, patch: Partial<typeof nomination.$inferInsert>): Promise<NominationRow | undefined> {
	return first(
		await db
			.update(nomination)
			.set({ ...patch, version: sql`${nomination.version} + 1` })
			.where(and(eq(nomination.id, id), eq(nomination.version, version)))
			.returning()
	);
}

// Files and consents --------------------------------------------------------------------------

export async function insertEntryFile(db: Db, row: typeof entryFile.$inferInsert): Promise<EntryFileRow> {
	return (await db.insert(entryFile).values(row).returning())[0];
}

export async function selectEntryFiles(db: Db, kind: EntryKind, entryId: string): Promise<EntryFileRow[]> {
	return db.select().from(entryFile).where(and(eq(entryFile.entryKind, kind), eq(entryFile.entryId, entryId))).orderBy(asc(entryFile.createdAt));
}

export async function selectEntryFile(db: Db, id: string): Promise<EntryFileRow | undefined> {
	return first(await db.select().from(entryFile).where(eq(entryFile.id, id)).limit(1));
}

export async function insertConsents(db: Db, rows: Array<typeof recognitionConsent.$inferInsert>): Promise<void> {
	if (rows.length) await db.insert(recognitionConsent).values(rows);
}

/** Every consent event of these entries, oldest first: the last one of each subject and giver stands. */
export async function selectConsents(db: Db, kind: EntryKind, entryIds: string[]): Promise<RecognitionConsentRow[]> {
	if (!entryIds.length) return [];
	return db
		.select()
		.from(recognitionConsent)
		.where(and(eq(recognitionConsent.entryKind, kind), inArray(recognitionConsent.entryId, entryIds)))
		.orderBy(asc(recognitionConsent.at), asc(recognitionConsent.id));
}

// Scores --------------------------------------------------------------------------------------

export async function upsertScore(db: Db, row: typeof score.$inferInsert): Promise<ScoreRow> {
	const { id: _id, ...marks } = row;
	void _id;
	return (
		await db
			.insert(score)
			.values(row)
			.onConflictDoUpdate({ target: [score.entryKind, score.entryId, score.memberUserId], set: marks })
			.returning()
	)[0];
}

export async function selectScores(db: Db, kind: EntryKind, entryIds: string[]): Promise<ScoreRow[]> {
	if (!entryIds.length) return [];
	return db.select().from(score).where(and(eq(score.entryKind, kind), inArray(score.entryId, entryIds)));
}

// Forms and base salary -----------------------------------------------------------------------

export async function selectForms(db: Db, orgId: string): Promise<CommendationFormRow[]> {
	return db.select().from(commendationForm).where(eq(commendationForm.orgId, orgId)).orderBy(asc(commendationForm.sortOrder), asc(commendationForm.name));
}

export async function insertForms(db: Db, rows: Array<typeof commendationForm.$inferInsert>): Promise<void> {
	if (rows.length) await db.insert(commendationForm).values(rows).onConflictDoNothing();
}

export async function upsertForm(db: Db, row: typeof commendationForm.$inferInsert): Promise<CommendationFormRow> {
	const { id: _id, orgId: _org, code: _code, ...rest } = row;
	void _id;
	void _org;
	void _code;
	return (
		await db
			.insert(commendationForm)
			.values(row)
			.onConflictDoUpdate({ target: [commendationForm.orgId, commendationForm.code], set: rest })
			.returning()
	)[0];
}

export async function selectBaseSalaries(db: Db): Promise<BaseSalaryRow[]> {
	return db.select().from(baseSalary).orderBy(desc(baseSalary.effectiveFrom));
}

/** The base salary in force on `day` (yyyy-mm-dd). */
export async function selectBaseSalaryOn(db: Db, day: string): Promise<BaseSalaryRow | undefined> {
	return first(await db.select().from(baseSalary).where(lte(baseSalary.effectiveFrom, day)).orderBy(desc(baseSalary.effectiveFrom)).limit(1));
}

export async function upsertBaseSalary(db: Db, row: typeof baseSalary.$inferInsert): Promise<BaseSalaryRow> {
	return (
		await db
			.insert(baseSalary)
			.values(row)
			.onConflictDoUpdate({ target: baseSalary.effectiveFrom, set: { amountVnd: row.amountVnd, source: row.source, updatedByLabel: row.updatedByLabel, updatedAt: row.updatedAt } })
			.returning()
	)[0];
}

// Decisions and recipients --------------------------------------------------------------------

export async function insertDecision(db: Db, row: typeof awardDecision.$inferInsert): Promise<AwardDecisionRow> {
	return (await db.insert(awardDecision).values(row).returning())[0];
}

export async function selectDecision(db: Db, id: string): Promise<AwardDecisionRow | undefined> {
	return first(await db.select().from(awardDecision).where(eq(awardDecision.id, id)).limit(1));
}

export async function selectDecisionsOfCampaign(db: Db, campaignId: string): Promise<AwardDecisionRow[]> {
	return db.select().from(awardDecision).where(eq(awardDecision.campaignId, campaignId)).orderBy(desc(awardDecision.createdAt));
}

export async function updateDecisionRow(db: Db, id: string, version: number, patch: Partial<typeof awardDecision.$inferInsert>): Promise<AwardDecisionRow | undefined> {
	return first(
		await db
			.update(awardDecision)
			.set({ ...patch, version: sql`${awardDecision.version} + 1` })
			.where(and(eq(awardDecision.id, id), eq(awardDecision.version, version)))
			.returning()
	);
}

export async function insertRecipient(db: Db, row: typeof awardRecipient.$inferInsert): Promise<AwardRecipientRow> {
	return (await db.insert(awardRecipient).values(row).returning())[0];
}

export async function selectRecipients(db: Db, decisionIds: string[]): Promise<AwardRecipientRow[]> {
	if (!decisionIds.length) return [];
	return db.select().from(awardRecipient).where(inArray(awardRecipient.decisionId, decisionIds)).orderBy(asc(awardRecipient.sortOrder), asc(awardRecipient.createdAt));
}

export async function selectRecipient(db: Db, id: string): Promise<AwardRecipientRow | undefined> {
	return first(await db.select().from(awardRecipient).where(eq(awardRecipient.id, id)).limit(1));
}

export async function selectRecipientByCertificate(db: Db, code: string): Promise<AwardRecipientRow | undefined> {
	return first(await db.select().from(awardRecipient).where(eq(awardRecipient.certificateCode, code)).limit(1));
}

export async function deleteRecipient(db: Db, id: string): Promise<void> {
	await db.delete(awardRecipient).where(eq(awardRecipient.id, id));
}

export async function updateRecipientRow(db: Db, id: string, patch: Partial<typeof awardRecipient.$inferInsert>): Promise<AwardRecipientRow> {
	return (await db.update(awardRecipient).set(patch).where(eq(awardRecipient.id, id)).returning())[0];
}

/** Recipients of issued decisions of an organisation in a year (for eligibility: who already holds a title). */
export async function selectIssuedRecipientsOfYear(db: Db, orgId: string, year: number): Promise<AwardRecipientRow[]> {
	return db
		.select({ r: awardRecipient })
		.from(awardRecipient)
		.innerJoin(awardDecision, eq(awardDecision.id, awardRecipient.decisionId))
		.where(and(eq(awardDecision.orgId, orgId), eq(awardDecision.status, 'issued'), sql`extract(year from ${awardDecision.documentDate}) = ${year}`))
		.then((rows) => rows.map((x) => x.r));
}

/** Recipients of a campaign's issued decisions, not revoked: the honour board's rows. */
export async function selectHonouredOfCampaign(db: Db, campaignId: string): Promise<Array<{ r: AwardRecipientRow; d: AwardDecisionRow }>> {
	return db
		.select({ r: awardRecipient, d: awardDecision })
		.from(awardRecipient)
		.innerJoin(awardDecision, eq(awardDecision.id, awardRecipient.decisionId))
		.where(and(eq(awardDecision.campaignId, campaignId), eq(awardDecision.status, 'issued'), isNotNull(awardRecipient.certificateCode), sql`${awardRecipient.revokedAt} is null`))
		.orderBy(asc(awardDecision.documentDate), asc(awardRecipient.sortOrder));
}
