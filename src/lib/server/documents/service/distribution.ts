// Distribution: an issued document reaches the organisations named in "Nơi nhận" (an inbox entry
// each and a mail to their administrators, coordinators and unit leaders); opening it there
// records the receipt (the register's "Ký nhận").
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { settings } from '../../core/env';
import { translate } from '../../core/http';
import { logger } from '../../core/logger';
import { actorLabel, systemActor, type Actor } from '../../auth/actor';
import { sendMail } from '../../notifications/service';
import { canSeeOrgNode, findOrgNode, listGrants, listOrgNodesByIds, listOrgTree, type OrgNodeRow } from '../../org/service';
import { foldVietnamese } from '../../../vn/text';
import { formatDate } from '../../../vn/dates';
import { cleanRecipientLabel, isArchiveLine } from '../../../features/documents/inputs';
import { documentReference, documentTypeLabel, type DocumentRecipientRef, type InboxItem } from '../../../features/documents/register';
import { canAcknowledgeDocument, canIssueDocument, RECIPIENT_MAIL_ROLES } from '../policy';
import { markRecipientsRead, selectInbox } from '../queries';
import { detailOf, loadDocument, loadReadableDocument, type DocumentDetail } from './register';

/** A name as compared: folded, the dashes of "Tổ chức – Hành chính" made one, a closing "(Báo cáo)" dropped. */
function nameKey(value: string): string {
	return foldVietnamese(value.replace(/\s*\([^)]*\)\s*$/, ''))
		.replace(/\s*[-–—]\s*/g, '-')
		.replace(/[.,;:]+$/, '');
}

/** "Các phòng, ban, đơn vị": every unit directly under the issuing organisation. */
const ALL_UNITS = /^cac (phong|ban|don vi|co quan|truong|so)\b/;

/**
 * The lines of a plan's "Nơi nhận" as recipients: each line whose name is the name (or short code)
 * of exactly one organisation of the issuer's tree is sent to it; "Các phòng, ban, đơn vị" to every
 * unit directly under the issuer; the others stay as written. "Lưu: VT, TCHCQT" is the archive, not a
 * recipient. Reads the tree as the system: the caller has already been allowed to issue.
 */
export async function matchRecipientOrgs(db: Db, orgId: string, lines: readonly string[]): Promise<{ recipients: DocumentRecipientRef[]; archive: string | null }> {
	const org = await findOrgNode(db, orgId);
	if (!org) throw new AppError('NOT_FOUND');
	const tree = await listOrgTree(db, systemActor('documents'), { rootId: org.path.split('/')[1] });
	const byKey = new Map<string, OrgNodeRow[]>();
	for (const n of tree) {
		for (const k of new Set([nameKey(n.name), nameKey(n.shortCode)])) byKey.set(k, [...(byKey.get(k) ?? []), n]);
	}
	const recipients: DocumentRecipientRef[] = [];
	let archive: string | null = null;
	for (const line of lines) {
		if (isArchiveLine(line)) {
			archive = cleanRecipientLabel(line).replace(/^lưu\s*:\s*/iu, '');
			continue;
		}
		const label = cleanRecipientLabel(line);
		if (!label) continue;
		const key = nameKey(label);
		const found = (byKey.get(key) ?? []).filter((n) => n.id !== org.id);
		if (found.length === 1) recipients.push({ label, orgId: found[0].id });
		else if (ALL_UNITS.test(key)) {
			const children = tree.filter((n) => n.parentId === org.id);
			if (children.length) recipients.push(...children.map((c) => ({ label, orgId: c.id })));
			else recipients.push({ label });
		} else recipients.push({ label });
	}
	return { recipients, archive };
}

/**
 * The organisations a document of `orgId` may be sent to: every node of its tree but itself, in tree
 * order with their depth (the form's choices). Refuses an organisation the actor cannot see
 * (NOT_FOUND) and anyone who may not issue its documents (FORBIDDEN).
 */
export async function listRecipientChoices(db: Db, actor: Actor, orgId: string): Promise<Array<{ id: string; name: string; depth: number }>> {
	const org = await findOrgNode(db, orgId);
	if (!org || !canSeeOrgNode(actor, org)) throw new AppError('NOT_FOUND');
	if (!canIssueDocument(actor, org.path)) throw new AppError('FORBIDDEN');
	const tree = await listOrgTree(db, systemActor('documents'), { rootId: org.path.split('/')[1] });
	return tree.filter((n) => n.id !== org.id).map((n) => ({ id: n.id, name: n.name, depth: n.depth }));
}

function inboxLink(documentId: string): string {
	return `${settings().ORIGIN.replace(/\/$/, '')}/inbox/${documentId}`;
}

/**
 * Mails the administrators, coordinators and unit leaders of each recipient organisation (those
 * with the role on that very node) that the document arrived: its number, trích yếu and a link to
 * the inbox. One mail per person, however many of the recipients they lead. Returns how many mails
 * were written; a failed delivery is kept in the outbox and does not fail the caller.
 */
export async function notifyDocumentRecipients(db: Db, documentId: string): Promise<number> {
	const loaded = await loadDocument(db, documentId);
	if (!loaded || loaded.row.status !== 'issued') return 0;
	const { row, org } = loaded;
	const sent = new Set<string>();
	const system = systemActor('documents');
	for (const r of loaded.recipients) {
		if (!r.node) continue;
		const grants = await listGrants(db, system, { orgId: r.orgId });
		for (const g of grants) {
			if (g.orgId !== r.orgId || !RECIPIENT_MAIL_ROLES.includes(g.role)) continue;
			const to = g.userEmail.toLowerCase();
			if (sent.has(to)) continue;
			sent.add(to);
			const params = {
				reference: documentReference(row),
				summary: row.summary,
				type: documentTypeLabel(row.type),
				date: formatDate(row.documentDate),
				issuer: org.name,
				org: r.node.name,
				name: g.userName,
				link: inboxLink(row.id)
			};
			await sendMail(db, { to, subject: translate('documents_mail_subject', params, 'vi'), text: translate('documents_mail_body', params, 'vi') });
		}
	}
	logger.info({ documentId, mails: sent.size }, 'document distributed');
	return sent.size;
}

export const INBOX_LIMIT = 200;

/**
 * Lists the documents sent to every organisation the actor holds a role on (or below one), unread
 * first, then the newest; a document sent to two of them shows once for each. Refuses anonymous
 * visitors (UNAUTHENTICATED).
 */
export async function listInbox(db: Db, actor: Actor): Promise<InboxItem[]> {
	if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
	const nodes = await listOrgTree(db, actor);
	const names = new Map(nodes.map((n) => [n.id, n.name]));
	const rows = await selectInbox(db, { orgIds: nodes.map((n) => n.id), limit: INBOX_LIMIT });
	const issuers = new Map((await listOrgNodesByIds(db, rows.map((r) => r.document.orgId))).map((n) => [n.id, n.name]));
	return rows.map(({ recipient, document: d }) => ({
		documentId: d.id,
		orgId: recipient.orgId,
		orgName: names.get(recipient.orgId) ?? recipient.label,
		issuerName: issuers.get(d.orgId) ?? '',
		reference: documentReference(d),
		typeName: documentTypeLabel(d.type),
		summary: d.summary,
		documentDate: d.documentDate,
		status: d.status,
		readAt: recipient.readAt,
		signed: Boolean(d.signedFileKey)
	}));
}

/**
 * Opens a document: as `getDocument`, and for each recipient organisation the actor holds a role
 * on (or above, but not over the issuer too) that had not opened it yet, records the receipt (who,
 * when). Refuses (NOT_FOUND) whoever may not read the document.
 */
export async function openDocument(db: Db, actor: Actor, id: string): Promise<DocumentDetail> {
	const loaded = await loadReadableDocument(db, actor, id);
	const mine = loaded.recipients.filter((r) => r.node && !r.readAt && canAcknowledgeDocument(actor, { orgPath: loaded.org.path, recipientPath: r.node.path })).map((r) => r.orgId);
	if (mine.length) {
		const at = now();
		const marked = await markRecipientsRead(db, { documentId: id, orgIds: mine, at, userId: actor.userId ?? null, label: actorLabel(actor) });
		for (const r of loaded.recipients) {
			if (marked.includes(r.orgId)) Object.assign(r, { readAt: at, readByUserId: actor.userId ?? null, readByLabel: actorLabel(actor) });
		}
	}
	return detailOf(actor, loaded);
}
