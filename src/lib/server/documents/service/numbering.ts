// Numbering and issuing (Decree 30/2020, Art. 15): numbers run per organisation and calendar year
// from 01 on 1 January, in one sequence or one per type, are taken when a document is issued,
// and are never reused.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now, todayInVietnam } from '../../core/clock';
import { newId } from '../../core/ids';
import { actorLabel, type Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { foldVietnamese } from '../../../vn/text';
import { canSeeOrgNode, findOrgNode, listOrgNodesByIds, type OrgNodeRow } from '../../org/service';
import { cancelDocumentInput, issueDocumentInput, numberingPolicyInput, type IssueDocumentInput, type NumberingPolicyInput } from '../../../features/documents/inputs';
import { documentReference, documentTypeLabel, letterSymbol, OFFICIAL_LETTER, typedSymbol, type NumberingModeCode } from '../../../features/documents/register';
import { canIssueDocument, canReadRegister, canSetNumberingPolicy, canSignDocument } from '../policy';
import {
	cancelDocumentRow,
	countDocumentsOfYear,
	documentNumberTaken,
	insertDocument,
	insertRecipients,
	isUniqueViolation,
	selectNumberingMode,
	takeNextNumber,
	upsertNumberingMode
} from '../queries';
import type { DocumentRow } from '../tables';
import { loadReadableDocument, parseInput } from './register';
import { notifyDocumentRecipients } from './distribution';

/** The organisation the actor names: NOT_FOUND when unknown or invisible to the actor. */
async function requireVisibleOrg(db: Db, actor: Actor, orgId: string): Promise<OrgNodeRow> {
	const org = await findOrgNode(db, orgId);
	if (!org || !canSeeOrgNode(actor, org)) throw new AppError('NOT_FOUND');
	return org;
}

/** The organisation an input names; VALIDATION (orgId: field_required) when it names none. */
function requestedOrgId(input: { orgId?: unknown }): string {
	const id = typeof input.orgId === 'string' ? input.orgId.trim() : '';
	if (!id) throw new AppError('VALIDATION', { fields: { orgId: 'field_required' } });
	return id;
}

const rootOf = (path: string) => `/${path.split('/')[1]}/`;

/** Reads how the organisation numbers its documents ('single' unless chosen otherwise); refuses an invisible organisation (NOT_FOUND) and anyone outside its back office (FORBIDDEN). */
export async function getNumberingPolicy(db: Db, actor: Actor, orgId: string): Promise<{ mode: NumberingModeCode; canChange: boolean }> {
	const org = await requireVisibleOrg(db, actor, orgId);
	if (!canReadRegister(actor, org.path)) throw new AppError('FORBIDDEN');
	return { mode: (await selectNumberingMode(db, org.id)) ?? 'single', canChange: canSetNumberingPolicy(actor, org.path) };
}

/**
 * Sets the organisation's numbering: one sequence for all types, or one per type. Refuses an
 * invisible organisation (NOT_FOUND), anyone but its unit leaders and administrators (FORBIDDEN),
 * and a change once the organisation has issued documents this year (CONFLICT, mode:
 * documents_numbering_locked), since the two ways would give the same number twice in one year.
 */
export async function setNumberingPolicy(db: Db, actor: Actor, input: NumberingPolicyInput): Promise<{ mode: NumberingModeCode }> {
	const org = await requireVisibleOrg(db, actor, requestedOrgId(input));
	if (!canSetNumberingPolicy(actor, org.path)) throw new AppError('FORBIDDEN');
	const data = parseInput(numberingPolicyInput, { ...input, orgId: org.id });
	return db.transaction(async (tx) => {
		const before = (await selectNumberingMode(tx, org.id)) ?? 'single';
		if (before === data.mode) return { mode: before };
		const year = Number(todayInVietnam().slice(0, 4));
		if ((await countDocumentsOfYear(tx, org.id, year)) > 0) throw new AppError('CONFLICT', { fields: { mode: 'documents_numbering_locked' } });
		await upsertNumberingMode(tx, { orgId: org.id, mode: data.mode, updatedByLabel: actorLabel(actor), updatedAt: now() });
		await recordAudit(tx, actor, { orgId: org.id, orgPath: org.path, entity: 'document_numbering_policy', entityId: org.id, action: 'update', before: { mode: before }, after: { mode: data.mode } });
		return { mode: data.mode };
	});
}

/** Folded words of everything the register is searched by. */
function searchTextOf(d: { number: number; symbol: string; type: string; summary: string; signerName: string; signerPosition: string; recipients: Array<{ label: string }>; archive: string; note: string }): string {
	return foldVietnamese(
		[documentReference(d), documentTypeLabel(d.type), d.summary, d.signerName, d.signerPosition, ...d.recipients.map((r) => r.label), d.archive, d.note].join(' ')
	);
}

/** "VT, TCHCQT" keeps two copies: one per name after "Lưu:". */
function archiveCopies(archive: string): number {
	return archive.split(',').filter((s) => s.trim()).length || 1;
}

/** One copy per recipient: an organisation named twice (in "Các phòng, ban, đơn vị" and by name) gets one. */
function distinctRecipients(recipients: Array<{ label: string; orgId?: string }>): number {
	return new Set(recipients.map((r) => r.orgId ?? `label:${r.label}`)).size;
}

function numberTaken(): AppError {
	return new AppError('CONFLICT', { fields: { number: 'field_taken' } });
}

/**
 * Issues a document of an organisation: takes the next number of its series (or, when `number` is
 * given, records that number typed by hand without touching the sequence), writes its register
 * line, sends it to the organisations named among its recipients (an inbox entry each, and after
 * the commit a mail to their administrators, coordinators and unit leaders, unless `notify` is
 * false, for a caller that mails after its own transaction), and writes the audit entry, all in
 * one transaction. Refuses an invisible organisation (NOT_FOUND), anyone but its unit leaders and
 * coordinators (FORBIDDEN), bad fields or a recipient outside the organisation's tree (VALIDATION),
 * and a number typed by hand that the year already holds (CONFLICT, number: field_taken).
 */
export async function issueDocument(db: Db, actor: Actor, input: IssueDocumentInput, options: { notify?: boolean } = {}): Promise<DocumentRow> {
	// The policy first: one who may not issue learns nothing from the input's faults.
	const org = await requireVisibleOrg(db, actor, requestedOrgId(input));
	if (!canIssueDocument(actor, org.path)) throw new AppError('FORBIDDEN');
	const data = parseInput(issueDocumentInput, { ...input, orgId: org.id });

	// Recipients named by id must exist in the issuer's own tree: a document does not cross tenants.
	const named = [...new Set(data.recipients.flatMap((r) => (r.orgId ? [r.orgId] : [])))];
	const nodes = await listOrgNodesByIds(db, named);
	if (nodes.length !== named.length || nodes.some((n) => !n.path.startsWith(rootOf(org.path)))) throw new AppError('VALIDATION', { fields: { recipients: 'field_invalid' } });

	const documentDate = data.documentDate ?? todayInVietnam();
	// Decree 30/2020, Art. 15.1: numbers restart on 1 January: the year is the document's.
	const year = Number(documentDate.slice(0, 4));
	const mode = (await selectNumberingMode(db, org.id)) ?? 'single';
	const series = mode === 'single' ? '' : data.type;
	const symbol = data.symbol ?? (data.type === OFFICIAL_LETTER ? letterSymbol(org.shortCode, data.unitCode as string) : typedSymbol(data.type, org.shortCode));
	const key = { orgId: org.id, year, series };

	let row: DocumentRow;
	try {
		row = await db.transaction(async (tx) => {
			let number: number;
			if (data.number) {
				if (await documentNumberTaken(tx, { ...key, number: data.number })) throw numberTaken();
				number = data.number;
			} else {
				// A number typed by hand earlier may sit ahead of the sequence: it is skipped, not given twice.
				do number = await takeNextNumber(tx, key);
				while (await documentNumberTaken(tx, { ...key, number }));
			}
			const at = now();
			const fields = {
				number,
				symbol,
				type: data.type,
				summary: data.summary,
				signerName: data.signerName,
				signerPosition: data.signerPosition,
				recipients: data.recipients,
				archive: data.archive,
				note: data.note
			};
			const doc = await insertDocument(tx, {
				id: newId(),
				orgId: org.id,
				year,
				series,
				numberEnteredByHand: data.number !== null,
				documentDate,
				copies: data.copies ?? distinctRecipients(data.recipients) + archiveCopies(data.archive),
				sentOn: todayInVietnam(at),
				campaignId: data.campaignId,
				status: 'issued',
				issuedByUserId: actor.userId ?? null,
				issuedByLabel: actorLabel(actor),
				searchText: searchTextOf(fields),
				createdAt: at,
				...fields
			});
			await insertRecipients(
				tx,
				nodes.map((n) => ({ documentId: doc.id, orgId: n.id, label: data.recipients.find((r) => r.orgId === n.id)!.label, createdAt: at }))
			);
			await recordAudit(tx, actor, {
				orgId: org.id,
				orgPath: org.path,
				entity: 'document',
				entityId: doc.id,
				action: 'issue',
				after: {
					reference: documentReference(doc),
					year,
					series,
					numberEnteredByHand: doc.numberEnteredByHand,
					type: doc.type,
					summary: doc.summary,
					documentDate,
					recipients: doc.recipients,
					campaignId: doc.campaignId
				}
			});
			return doc;
		});
	} catch (e) {
		// Two numbers typed by hand at once: the unique index refuses the second.
		if (isUniqueViolation(e)) throw numberTaken();
		throw e;
	}
	if (options.notify !== false) await notifyDocumentRecipients(db, row.id);
	return row;
}

/**
 * Cancels an issued document: it stays in the register with its number, which is never given
 * again. Refuses a document the actor may not read (NOT_FOUND), anyone but the unit leaders and
 * coordinators of its organisation (FORBIDDEN), an empty reason (VALIDATION) and a document
 * already cancelled (INVALID_TRANSITION).
 */
export async function cancelDocument(db: Db, actor: Actor, id: string, input: { reason: string }): Promise<DocumentRow> {
	const loaded = await loadReadableDocument(db, actor, id);
	if (!canSignDocument(actor, loaded.resource)) throw new AppError('FORBIDDEN');
	const { reason } = parseInput(cancelDocumentInput, input);
	return db.transaction(async (tx) => {
		const row = await cancelDocumentRow(tx, id, { cancelledAt: now(), cancelReason: reason });
		if (!row) throw new AppError('INVALID_TRANSITION');
		await recordAudit(tx, actor, {
			orgId: loaded.org.id,
			orgPath: loaded.org.path,
			entity: 'document',
			entityId: id,
			action: 'cancel',
			before: { status: loaded.row.status },
			after: { status: row.status, reference: documentReference(row), cancelReason: reason }
		});
		return row;
	});
}
