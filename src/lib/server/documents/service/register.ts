// Reading the outgoing register (sổ đăng ký văn bản đi) and one document of it.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { systemActor, type Actor } from '../../auth/actor';
import { foldVietnamese, cleanText } from '../../../vn/text';
import { canSeeOrgNode, findOrgNode, listOrgNodesByIds, listOrgTree, type OrgNodeRow, type OrgTreeItem } from '../../org/service';
import { registerQueryInput, type RegisterQuery } from '../../../features/documents/inputs';
import { documentReference, documentTypeLabel, type RegisterEntry, type RegisterReceipt } from '../../../features/documents/register';
import { canReadDocument, canReadRegister, canSignDocument, isDocumentRecipient, REGISTER_READERS, type DocumentResource } from '../policy';
import { selectDocument, selectDocumentsOfCampaign, selectRecipients, selectRegister, selectRegisterYears } from '../queries';
import type { DocumentRecipientRow, DocumentRow } from '../tables';
import { parseInput } from '../../core/http';

/** The one input check of every service (core/http). */
export { parseInput };

/** A document with its organisation and its recipient organisations, as the policy and the pages need them. */
export interface LoadedDocument {
	row: DocumentRow;
	org: OrgNodeRow;
	recipients: Array<DocumentRecipientRow & { node: OrgNodeRow | undefined }>;
	resource: DocumentResource;
}

/** What the register and the document page show of a document, from its row and its recipients. */
export function toRegisterEntry(row: DocumentRow, recipients: Array<DocumentRecipientRow & { node?: OrgNodeRow }>): RegisterEntry {
	// In the order "Nơi nhận" lists them.
	const order = (orgId: string) => row.recipients.findIndex((r) => r.orgId === orgId);
	const receipts: RegisterReceipt[] = [...recipients].sort((a, b) => order(a.orgId) - order(b.orgId)).map((r) => ({ orgId: r.orgId, orgName: r.node?.name ?? r.label, label: r.label, readAt: r.readAt, readByLabel: r.readByLabel }));
	return {
		id: row.id,
		orgId: row.orgId,
		year: row.year,
		series: row.series,
		number: row.number,
		symbol: row.symbol,
		reference: documentReference(row),
		numberEnteredByHand: row.numberEnteredByHand,
		type: row.type,
		typeName: documentTypeLabel(row.type),
		summary: row.summary,
		documentDate: row.documentDate,
		signerName: row.signerName,
		signerPosition: row.signerPosition,
		recipients: [...new Set(row.recipients.map((r) => r.label))],
		archive: row.archive,
		copies: row.copies,
		sentOn: row.sentOn,
		receipts,
		note: row.note,
		status: row.status,
		cancelReason: row.cancelReason,
		campaignId: row.campaignId,
		signed:
			row.signedFileKey && row.signedSha256 && row.signedAt
				? { sha256: row.signedSha256, size: row.signedSize ?? 0, at: row.signedAt, byLabel: row.signedByLabel ?? '', hasSignature: row.signedHasSignature ?? false }
				: null
	};
}

/** The document with its organisations, whoever asks (the caller applies the policy); undefined when missing. */
export async function loadDocument(db: Db, id: string): Promise<LoadedDocument | undefined> {
	const row = await selectDocument(db, id);
	const org = row && (await findOrgNode(db, row.orgId));
	if (!row || !org) return undefined;
	const recipientRows = await selectRecipients(db, [row.id]);
	const nodes = new Map((await listOrgNodesByIds(db, recipientRows.map((r) => r.orgId))).map((n) => [n.id, n]));
	const recipients = recipientRows.map((r) => ({ ...r, node: nodes.get(r.orgId) }));
	return { row, org, recipients, resource: { orgPath: org.path, recipientPaths: recipients.flatMap((r) => (r.node ? [r.node.path] : [])) } };
}

/** The document if the actor may read it; NOT_FOUND otherwise, so others' documents do not betray their existence. */
export async function loadReadableDocument(db: Db, actor: Actor, id: string): Promise<LoadedDocument> {
	const loaded = await loadDocument(db, id);
	if (!loaded || !canReadDocument(actor, loaded.resource)) throw new AppError('NOT_FOUND');
	return loaded;
}

/** A document as its page shows it: the register line, the issuing organisation, and what the actor may do with it. */
export interface DocumentDetail extends RegisterEntry {
	orgName: string;
	orgShortCode: string;
	/** The actor belongs to the issuing organisation's back office (not only a recipient). */
	canSeeRegister: boolean;
	/** The actor may upload the signed PDF and cancel the document. */
	canSign: boolean;
}

/** Reads one document with its receipts; refuses (NOT_FOUND) anyone outside its organisation's back office, the supervisors above and the people of its recipient organisations. */
export async function getDocument(db: Db, actor: Actor, id: string): Promise<DocumentDetail> {
	const loaded = await loadReadableDocument(db, actor, id);
	return detailOf(actor, loaded);
}

/** The page's view of a loaded document for this actor. */
export function detailOf(actor: Actor, loaded: LoadedDocument): DocumentDetail {
	const canSeeRegister = canReadRegister(actor, loaded.org.path);
	const entry = toRegisterEntry(loaded.row, loaded.recipients);
	// A recipient sees who received it only for its own organisations; the issuer sees every receipt.
	const mine = new Set(loaded.recipients.filter((r) => r.node && isDocumentRecipient(actor, { recipientPaths: [r.node.path] })).map((r) => r.orgId));
	const receipts = canSeeRegister ? entry.receipts : entry.receipts.filter((r) => mine.has(r.orgId));
	return { ...entry, receipts, orgName: loaded.org.name, orgShortCode: loaded.org.shortCode, canSeeRegister, canSign: canSignDocument(actor, loaded.resource) };
}

/** Lists the documents of a campaign (its plan, later its report) that the actor may read, oldest first. */
export async function listCampaignDocuments(db: Db, actor: Actor, campaignId: string): Promise<RegisterEntry[]> {
	const rows = await selectDocumentsOfCampaign(db, campaignId);
	const out: RegisterEntry[] = [];
	for (const row of rows) {
		const loaded = await loadDocument(db, row.id);
		if (loaded && canReadDocument(actor, loaded.resource)) out.push(toRegisterEntry(loaded.row, loaded.recipients));
	}
	return out;
}

/**
 * Lists one organisation's outgoing register for a year, in register order (by series, then
 * number): every issued and cancelled document with the ten fields of Decree 30/2020, Appendix IV.
 * `type` keeps one type; `q` keeps documents whose number, type, trích yếu, signer, recipients or
 * note hold every word, diacritics and case ignored. Refuses an organisation the actor cannot see
 * (NOT_FOUND), anyone but its administrators, coordinators, unit leaders and the supervisors above
 * (FORBIDDEN), and bad filters (VALIDATION).
 */
export async function listRegister(db: Db, actor: Actor, query: RegisterQuery): Promise<RegisterEntry[]> {
	const f = parseInput(registerQueryInput, query);
	const org = await requireRegisterOrg(db, actor, f.orgId);
	const words = f.q ? foldVietnamese(cleanText(f.q)).split(' ').filter(Boolean) : [];
	const rows = await selectRegister(db, { orgId: org.id, year: f.year, type: f.type, words });
	const recipients = await selectRecipients(
		db,
		rows.map((r) => r.id)
	);
	const nodes = new Map((await listOrgNodesByIds(db, recipients.map((r) => r.orgId))).map((n) => [n.id, n]));
	return rows.map((row) =>
		toRegisterEntry(
			row,
			recipients.filter((r) => r.documentId === row.id).map((r) => ({ ...r, node: nodes.get(r.orgId) }))
		)
	);
}

/** The organisation whose register the actor asks for: NOT_FOUND when unknown or invisible, FORBIDDEN without a back-office role on it or above. */
export async function requireRegisterOrg(db: Db, actor: Actor, orgId: string): Promise<OrgNodeRow> {
	const org = await findOrgNode(db, orgId);
	if (!org || !canSeeOrgNode(actor, org)) throw new AppError('NOT_FOUND');
	if (!canReadRegister(actor, org.path)) throw new AppError('FORBIDDEN');
	return org;
}

/** The years an organisation's register has documents in, newest first; the same refusals as listRegister. */
export async function listRegisterYears(db: Db, actor: Actor, orgId: string): Promise<number[]> {
	const org = await requireRegisterOrg(db, actor, orgId);
	return selectRegisterYears(db, org.id);
}

/** Lists the organisations whose register the actor may read (each node under a back-office grant), in tree order; refuses nothing (an empty list). */
export async function listRegisterOrgs(db: Db, actor: Actor): Promise<OrgTreeItem[]> {
	if (actor.kind === 'anonymous') return [];
	const tree = await listOrgTree(db, actor.kind === 'system' ? systemActor('documents') : actor);
	return tree.filter((n) => actor.kind === 'system' || actor.grants.some((g) => REGISTER_READERS.includes(g.role) && n.path.startsWith(g.orgPath)));
}
