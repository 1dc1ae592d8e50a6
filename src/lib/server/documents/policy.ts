// Who may number, read, sign and receive documents. Pure: the service loads the paths first.
import { hasRoleAt, ROLES, type Actor, type Role } from '../auth/actor';

/** The signer (unit leader) and the coordinator of an organisation issue its documents and upload the signed PDF. */
export const DOCUMENT_ISSUERS: readonly Role[] = ['unit_leader', 'coordinator'];
/** An organisation's back office reads its register; supervisors above read it too. */
export const REGISTER_READERS: readonly Role[] = ['administrator', 'coordinator', 'unit_leader', 'supervisor'];
/** Decree 30/2020, Art. 15.1: the head of the agency decides the numbering; the administrator keeps the settings. */
export const NUMBERING_DECIDERS: readonly Role[] = ['unit_leader', 'administrator'];
/** Who of a recipient organisation is told by mail that a document arrived. */
export const RECIPIENT_MAIL_ROLES: readonly Role[] = ['administrator', 'coordinator', 'unit_leader'];

/** What the policy needs to know of a document: its organisation's path and its recipients' paths. */
export interface DocumentResource {
	orgPath: string;
	recipientPaths: readonly string[];
}

/** Whether the actor may issue (number and send) documents of the organisation at `orgPath`. */
export function canIssueDocument(actor: Actor, orgPath: string): boolean {
	return hasRoleAt(actor, DOCUMENT_ISSUERS, orgPath);
}

/** Whether the actor may read the outgoing register of the organisation at `orgPath`. */
export function canReadRegister(actor: Actor, orgPath: string): boolean {
	return hasRoleAt(actor, REGISTER_READERS, orgPath);
}

/** Whether the actor may choose how the organisation at `orgPath` numbers its documents. */
export function canSetNumberingPolicy(actor: Actor, orgPath: string): boolean {
	return hasRoleAt(actor, NUMBERING_DECIDERS, orgPath);
}

/** Whether the actor holds any role on a recipient organisation (or above it): the document is in its inbox. */
export function isDocumentRecipient(actor: Actor, doc: Pick<DocumentResource, 'recipientPaths'>): boolean {
	return doc.recipientPaths.some((p) => hasRoleAt(actor, ROLES, p));
}

/**
 * Whether the actor's opening of a document counts as the receipt of one recipient organisation
 * (the register's "Ký nhận"): a role on that organisation or above it, but not one that also holds
 * over the issuer, whose people reading their own document acknowledge nothing.
 */
export function canAcknowledgeDocument(actor: Actor, doc: { orgPath: string; recipientPath: string }): boolean {
	if (actor.kind !== 'user') return false;
	return actor.grants.some((g) => doc.recipientPath.startsWith(g.orgPath) && !doc.orgPath.startsWith(g.orgPath));
}

/** The issuing organisation's back office (supervisors above included) and the recipients' people read a document. */
export function canReadDocument(actor: Actor, doc: DocumentResource): boolean {
	return canReadRegister(actor, doc.orgPath) || isDocumentRecipient(actor, doc);
}

/** Whether the actor may upload the signed PDF of a document, or cancel it: its organisation's issuers. */
export function canSignDocument(actor: Actor, doc: Pick<DocumentResource, 'orgPath'>): boolean {
	return canIssueDocument(actor, doc.orgPath);
}
