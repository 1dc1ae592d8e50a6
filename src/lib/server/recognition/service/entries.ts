// Initiatives (sáng kiến) submitted under a call, role-model nominations, and their evidence files:
// what authors and coordinators write before a council sees it.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now, todayInVietnam } from '../../core/clock';
import { newId } from '../../core/ids';
import { parseInput } from '../../core/http';
import { putFile, readStoredFile } from '../../core/storage';
import { actorLabel, type Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { foldVietnamese } from '../../../vn/text';
import { initiativeInput, initiativeUpdateInput, nominationInput, type InitiativeInput, type InitiativeUpdateInput, type NominationInput } from '../../../features/recognition/inputs';
import { EVIDENCE_KINDS, EVIDENCE_MAX_BYTES, type ConsentGiver, type EntryKind, type InitiativeAuthor } from '../../../features/recognition/types';
import { canEditEntry, canManageRecognition, canNominate, canSubmitFrom } from '../policy';
import { insertEntryFile, insertInitiative, insertNomination, selectCall, selectEntryFile, updateInitiativeRow } from '../queries';
import type { EntryFileRow, InitiativeRow, NominationRow } from '../tables';
import { recordConsentChanges } from './consents';
import { loadEntry, nodesById, requireCampaign } from './context';

type InitiativeData = ReturnType<typeof initiativeUpdateInput.parse>;

/** The authors with their units' names; VALIDATION (authors: field_invalid) for a unit outside the campaign's organisation. */
async function resolveAuthors(db: Db, orgPath: string, authors: InitiativeData['authors']): Promise<InitiativeAuthor[]> {
	const nodes = await nodesById(db, authors.map((a) => a.unitId));
	return authors.map((a) => {
		const unit = nodes.get(a.unitId);
		if (!unit || !unit.path.startsWith(orgPath)) throw new AppError('VALIDATION', { fields: { authors: 'field_invalid' } });
		return { name: a.name, unitId: unit.id, unitName: unit.name, share: a.share as number, consent: a.consent };
	});
}

const searchOf = (d: { title: string; authors: InitiativeAuthor[]; solution: string }) => foldVietnamese([d.title, ...d.authors.map((a) => a.name), d.solution.slice(0, 500)].join(' '));

/** The application's columns, written the same on submission and on fixes. */
function columnsOf(data: InitiativeData, authors: InitiativeAuthor[]) {
	const { title, field, firstAppliedOn, situationBefore, solution, conditions, benefits, appliedWhere } = data;
	return { title, field, authors, firstAppliedOn: firstAppliedOn as string, situationBefore, solution, conditions, benefits, appliedWhere };
}

function authorConsents(authors: InitiativeAuthor[]) {
	return authors.map((a, i) => ({ subject: String(i), subjectName: a.name, givenBy: 'self' as const, granted: a.consent }));
}

/**
 * Submits an initiative from a unit under a campaign's call, with its authors (shares summing to
 * 100) and each author's consent to the honour board recorded. Refuses an unknown call (NOT_FOUND),
 * a call past its deadline (VALIDATION, _: recognition_call_closed), a unit outside the campaign or
 * one where the actor does not work (FORBIDDEN), and bad input (VALIDATION, authors:
 * recognition_shares_not_100 when the shares do not sum to 100).
 */
export async function submitInitiative(db: Db, actor: Actor, input: InitiativeInput): Promise<InitiativeRow> {
	const call = await selectCall(db, String(input.callId ?? ''));
	if (!call) throw new AppError('NOT_FOUND');
	const campaign = await requireCampaign(db, call.campaignId);
	const unit = (await nodesById(db, [String(input.unitId ?? '')])).get(String(input.unitId ?? ''));
	if (!unit || !canSubmitFrom(actor, { campaignOrgPath: campaign.orgPath, unitPath: unit.path })) throw new AppError('FORBIDDEN');
	const data = parseInput(initiativeInput, input);
	if (todayInVietnam() > call.deadline) throw new AppError('VALIDATION', { fields: { _: 'recognition_call_closed' }, detail: { deadline: call.deadline } });
	const authors = await resolveAuthors(db, campaign.orgPath, data.authors);
	return db.transaction(async (tx) => {
		const at = now();
		const fields = columnsOf(data, authors);
		const row = await insertInitiative(tx, {
			id: newId(),
			orgId: campaign.orgId,
			campaignId: campaign.id,
			callId: call.id,
			unitId: unit.id,
			...fields,
			councilId: call.councilId,
			submittedBy: actor.userId ?? null,
			submittedAt: at,
			searchText: searchOf(fields),
			createdAt: at,
			updatedAt: at
		});
		await recordConsentChanges(tx, actor, { kind: 'initiative', id: row.id, orgId: row.orgId }, authorConsents(authors));
		await recordAudit(tx, actor, { orgId: campaign.orgId, orgPath: campaign.orgPath, entity: 'initiative', entityId: row.id, action: 'submit', after: row });
		return row;
	});
}

/**
 * The submitter fixes their initiative while it waits or after it was returned; a returned one is
 * submitted again. Consents that changed are recorded as new events. Refuses anyone but the
 * submitter, or an initiative already under review or decided (FORBIDDEN), an edit from an older
 * version (STALE), and bad input (VALIDATION).
 */
export async function updateInitiative(db: Db, actor: Actor, id: string, input: InitiativeUpdateInput): Promise<InitiativeRow> {
	const loaded = await loadEntry(db, actor, 'initiative', id);
	if (!canEditEntry(actor, loaded.resource)) throw new AppError('FORBIDDEN');
	const before = loaded.entry.row as InitiativeRow;
	const data = parseInput(initiativeUpdateInput, input);
	if (data.version !== undefined && data.version !== before.version) throw new AppError('STALE');
	const authors = await resolveAuthors(db, loaded.campaign.orgPath, data.authors);
	return db.transaction(async (tx) => {
		const fields = columnsOf(data, authors);
		const row = await updateInitiativeRow(tx, id, before.version, { ...fields, status: 'submitted', returnReason: null, searchText: searchOf(fields), updatedAt: now() });
		if (!row) throw new AppError('STALE');
		await recordConsentChanges(tx, actor, { kind: 'initiative', id, orgId: row.orgId }, authorConsents(authors));
		await recordAudit(tx, actor, { orgId: row.orgId, orgPath: loaded.campaign.orgPath, entity: 'initiative', entityId: id, action: before.status === 'returned' ? 'resubmit' : 'update', before, after: row });
		return row;
	});
}

/**
 * Nominates a person, a family or a collective as a role model of self-study and lifelong learning,
 * recording the consents given where it is made (the person's, and for a minor their guardian's).
 * Refuses anyone but the campaign's coordinators or the leaders of the nominee's unit (FORBIDDEN),
 * a unit outside the campaign's organisation (VALIDATION, unitId) and bad input (VALIDATION).
 */
export async function nominate(db: Db, actor: Actor, input: NominationInput): Promise<NominationRow> {
	const campaign = await requireCampaign(db, String(input.campaignId ?? ''));
	const unitId = typeof input.unitId === 'string' && input.unitId ? input.unitId : null;
	const unit = unitId ? (await nodesById(db, [unitId])).get(unitId) : undefined;
	if (!canNominate(actor, { campaignOrgPath: campaign.orgPath, unitPath: unit?.path ?? null })) throw new AppError('FORBIDDEN');
	const data = parseInput(nominationInput, input);
	if (unitId && (!unit || !unit.path.startsWith(campaign.orgPath))) throw new AppError('VALIDATION', { fields: { unitId: 'field_invalid' } });
	const isMinor = data.kind === 'person' && data.isMinor;
	return db.transaction(async (tx) => {
		const at = now();
		const row = await insertNomination(tx, {
			id: newId(),
			orgId: campaign.orgId,
			campaignId: campaign.id,
			kind: data.kind,
			name: data.name,
			unitId: unit?.id ?? null,
			userId: data.userId,
			isMinor,
			guardianName: isMinor ? data.guardianName : null,
			story: data.story,
			source: data.source || 'manual',
			sourceFacts: data.sourceFacts,
			nominatedBy: actor.userId ?? null,
			nominatedByLabel: actorLabel(actor),
			searchText: foldVietnamese(`${data.name} ${data.story.slice(0, 500)}`),
			createdAt: at,
			updatedAt: at
		});
		if (data.kind !== 'collective') {
			const wanted: Array<{ subject: string; subjectName: string; givenBy: ConsentGiver; granted: boolean }> = [{ subject: 'nominee', subjectName: data.name, givenBy: 'self', granted: data.consentSelf }];
			if (isMinor) wanted.push({ subject: 'nominee', subjectName: data.guardianName, givenBy: 'guardian', granted: data.consentGuardian });
			await recordConsentChanges(tx, actor, { kind: 'nomination', id: row.id, orgId: row.orgId }, wanted);
		}
		await recordAudit(tx, actor, { orgId: campaign.orgId, orgPath: campaign.orgPath, entity: 'nomination', entityId: row.id, action: 'create', after: row });
		return row;
	});
}

/**
 * Withdraws (or gives again) a person's consent to the honour board, as they asked. Refuses anyone
 * but the campaign's coordinators and the entry's submitter (FORBIDDEN) and an entry the actor may
 * not read (NOT_FOUND).
 */
export async function setHonourConsent(db: Db, actor: Actor, kind: EntryKind, id: string, input: { subject: string; givenBy: 'self' | 'guardian'; granted: boolean }): Promise<void> {
	const loaded = await loadEntry(db, actor, kind, id);
	const isSubmitter = actor.kind === 'user' && loaded.resource.submittedBy === actor.userId;
	if (!isSubmitter && !canManageRecognition(actor, loaded.campaign.orgPath)) throw new AppError('FORBIDDEN');
	const row = loaded.entry.row;
	const name = loaded.entry.kind === 'initiative' ? loaded.entry.row.authors[Number(input.subject)]?.name : input.givenBy === 'guardian' ? (loaded.entry.row.guardianName ?? '') : loaded.entry.row.name;
	if (name === undefined || (loaded.entry.kind === 'nomination' && input.subject !== 'nominee')) throw new AppError('VALIDATION', { fields: { subject: 'field_invalid' } });
	await db.transaction(async (tx) => {
		const changed = await recordConsentChanges(tx, actor, { kind, id, orgId: row.orgId }, [{ subject: input.subject, subjectName: name, givenBy: input.givenBy, granted: input.granted }]);
		if (changed) await recordAudit(tx, actor, { orgId: row.orgId, orgPath: loaded.campaign.orgPath, entity: kind, entityId: id, action: input.granted ? 'consent_given' : 'consent_withdrawn', after: input });
	});
}

/**
 * Attaches an evidence file to an initiative or nomination, checked by size and content (PDF,
 * pictures, Office files). Refuses anyone but the submitter while it may still be edited and the
 * campaign's coordinators (FORBIDDEN), a file too large (TOO_LARGE) or of another kind (UNSUPPORTED_TYPE).
 */
export async function addEvidence(db: Db, actor: Actor, kind: EntryKind, id: string, file: { name: string; bytes: Uint8Array }): Promise<EntryFileRow> {
	const loaded = await loadEntry(db, actor, kind, id);
	if (!canEditEntry(actor, loaded.resource) && !canManageRecognition(actor, loaded.campaign.orgPath)) throw new AppError('FORBIDDEN');
	if (!file.bytes.byteLength) throw new AppError('VALIDATION', { fields: { file: 'field_required' } });
	const stored = await putFile(file.bytes, { prefix: 'recognition', maxBytes: EVIDENCE_MAX_BYTES, accept: [...EVIDENCE_KINDS] });
	return db.transaction(async (tx) => {
		const row = await insertEntryFile(tx, {
			id: newId(),
			orgId: loaded.entry.row.orgId,
			entryKind: kind,
			entryId: id,
			fileKey: stored.key,
			fileName: file.name.normalize('NFC').replace(/[\\/]/g, '_').slice(0, 200) || 'evidence',
			contentType: stored.contentType,
			size: stored.size,
			sha256: stored.sha256,
			uploadedBy: actor.userId ?? null,
			createdAt: now()
		});
		await recordAudit(tx, actor, { orgId: row.orgId, orgPath: loaded.campaign.orgPath, entity: kind, entityId: id, action: 'add_evidence', after: { fileName: row.fileName, size: row.size, sha256: row.sha256 } });
		return row;
	});
}

/** An evidence file's bytes for whoever may read its entry; NOT_FOUND otherwise. */
export async function readEvidence(db: Db, actor: Actor, fileId: string): Promise<{ row: EntryFileRow; bytes: Buffer }> {
	const row = await selectEntryFile(db, fileId);
	if (!row) throw new AppError('NOT_FOUND');
	await loadEntry(db, actor, row.entryKind, row.entryId);
	return { row, bytes: await readStoredFile(row.fileKey) };
}
