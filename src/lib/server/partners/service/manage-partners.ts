// Keeping an agency's partners: adding one (with its own node in the organisation tree), changing
// its details, adding and removing its contact people.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { parseInput } from '../../core/http';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { createOrgNode, findOrgNode, updateOrgNode, type OrgNodeRow } from '../../org/service';
import { foldVietnamese } from '$lib/vn/text';
import { partnerContactInput, partnerInput, partnerUpdateInput, type PartnerContactInput, type PartnerInput, type PartnerUpdateInput } from '$lib/features/partners/inputs';
import { MEDIA_PARTNER_KINDS, type OrgOption, type PartnerKind } from '$lib/features/partners/types';
import { canManagePartners, canSeeOrg, PARTNER_MANAGERS } from '../policy';
import { deleteContact, insertContacts, insertPartner, updatePartnerRow } from '../queries';
import type { PartnerContactRow, PartnerRow } from '../tables';
import { nodesReachedBy, partnerAuditView, PARTNERS_SYSTEM, requireManagedPartner } from './partner-context';

/** Kinds of node a partner may hang from: organisations, not departments or other partners. */
const AGENCY_KINDS: readonly OrgNodeRow['kind'][] = ['province', 'agency', 'school', 'commune', 'other'];

/** The node kind of a partner: 'media' for press and broadcasters, 'enterprise' for the rest. */
export function partnerNodeKind(kind: PartnerKind): 'media' | 'enterprise' {
	return MEDIA_PARTNER_KINDS.includes(kind) ? 'media' : 'enterprise';
}

/**
 * Short codes for the partner's node, in the order tried: "DT-" (đối tác) and the initials of its
 * name ("Viettel Sơn La" → DT-VSL), then numbered when a sibling holds it. Codes appear in
 * document symbols, hence upper-case ASCII (org inputs, shortCodeField).
 */
function nodeCodeCandidates(name: string): string[] {
	const words = foldVietnamese(name).toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
	const base = `DT-${words.map((w) => (/^\d+$/.test(w) ? w : w[0])).join('').slice(0, 12) || 'X'}`;
	return [base, ...Array.from({ length: 8 }, (_, i) => `${base}-${i + 2}`), `DT-${newId().slice(0, 8).toUpperCase()}`];
}

/** Creates the partner's node under the agency with the first free code; the caller's transaction holds it. */
async function createPartnerNode(db: Db, agency: OrgNodeRow, data: { name: string; kind: PartnerKind; website: string | null }): Promise<OrgNodeRow> {
	for (const shortCode of nodeCodeCandidates(data.name)) {
		try {
			// Coordinators add partners, but only administrators add nodes: the node is the partner's, made by this use case.
			return await createOrgNode(db, PARTNERS_SYSTEM, { parentId: agency.id, kind: partnerNodeKind(data.kind), name: data.name, shortCode, website: data.website });
		} catch (e) {
			if (!(e instanceof AppError && e.code === 'CONFLICT' && e.fields?.shortCode)) throw e;
		}
	}
	throw new AppError('CONFLICT', { fields: { name: 'field_taken' } });
}

function contactRows(partner: { id: string; orgId: string }, contacts: Array<Omit<PartnerContactRow, 'id' | 'partnerId' | 'orgId' | 'createdAt'>>, at: Date) {
	return contacts.map((c) => ({ id: newId(), partnerId: partner.id, orgId: partner.orgId, name: c.name, position: c.position, email: c.email, phone: c.phone, createdAt: at }));
}

/**
 * Adds a partner of the agency `orgId` with its first contacts, creating its own node under the
 * agency (kind 'enterprise', or 'media' for press and broadcasters) where its accounts will hold
 * the `partner` role, and writes the audit entry. Refuses an agency the actor may not see
 * (NOT_FOUND), anyone but a coordinator or administrator of it or above (FORBIDDEN), a department
 * or another partner as the agency (VALIDATION, orgId: partners_org_invalid) and bad input (VALIDATION).
 */
export async function createPartner(db: Db, actor: Actor, orgId: string, input: PartnerInput): Promise<PartnerRow> {
	const agency = await findOrgNode(db, orgId);
	if (!agency || !canSeeOrg(actor, agency)) throw new AppError('NOT_FOUND');
	if (!canManagePartners(actor, agency)) throw new AppError('FORBIDDEN');
	if (!AGENCY_KINDS.includes(agency.kind)) throw new AppError('VALIDATION', { fields: { orgId: 'partners_org_invalid' } });
	const data = parseInput(partnerInput, input);
	const at = now();
	return db.transaction(async (tx) => {
		const node = await createPartnerNode(tx, agency, data);
		const row = await insertPartner(tx, {
			id: newId(),
			orgId: agency.id,
			nodeId: node.id,
			kind: data.kind,
			name: data.name,
			website: data.website,
			description: data.description,
			searchText: foldVietnamese(`${data.name} ${data.description}`),
			createdBy: actor.userId ?? actor.name ?? actor.kind,
			createdAt: at,
			updatedAt: at
		});
		const contacts = await insertContacts(tx, contactRows(row, data.contacts, at));
		await recordAudit(tx, actor, {
			orgId: agency.id,
			orgPath: agency.path,
			entity: 'partner',
			entityId: row.id,
			action: 'create',
			after: { ...partnerAuditView(row), contacts: contacts.map((c) => ({ name: c.name, position: c.position, email: c.email, phone: c.phone })) }
		});
		return row;
	});
}

/**
 * Changes a partner's name, kind, website and description; its node's name and kind follow.
 * Refuses a partner the actor may not see (NOT_FOUND), anyone but a coordinator or administrator
 * of its agency or above (FORBIDDEN), and bad input (VALIDATION).
 */
export async function updatePartner(db: Db, actor: Actor, partnerId: string, input: PartnerUpdateInput): Promise<PartnerRow> {
	const ctx = await requireManagedPartner(db, actor, partnerId);
	const data = parseInput(partnerUpdateInput, input);
	return db.transaction(async (tx) => {
		const row = await updatePartnerRow(tx, ctx.partner.id, {
			kind: data.kind,
			name: data.name,
			website: data.website,
			description: data.description,
			searchText: foldVietnamese(`${data.name} ${data.description}`),
			updatedAt: now()
		});
		await updateOrgNode(tx, PARTNERS_SYSTEM, ctx.node.id, { name: data.name, kind: partnerNodeKind(data.kind), website: data.website });
		await recordAudit(tx, actor, { orgId: ctx.agency.id, orgPath: ctx.agency.path, entity: 'partner', entityId: row.id, action: 'update', before: partnerAuditView(ctx.partner), after: partnerAuditView(row) });
		return row;
	});
}

/** Adds a contact person to a partner and writes the audit entry; refuses what updatePartner refuses. */
export async function addPartnerContact(db: Db, actor: Actor, partnerId: string, input: PartnerContactInput): Promise<PartnerContactRow> {
	const ctx = await requireManagedPartner(db, actor, partnerId);
	const data = parseInput(partnerContactInput, input);
	return db.transaction(async (tx) => {
		const [row] = await insertContacts(tx, contactRows(ctx.partner, [data], now()));
		await recordAudit(tx, actor, { orgId: ctx.agency.id, orgPath: ctx.agency.path, entity: 'partner_contact', entityId: row.id, action: 'create', after: { partnerId: row.partnerId, ...data } });
		return row;
	});
}

/** Removes a contact person of a partner and writes the audit entry; refuses what updatePartner refuses, and a contact the partner does not have (NOT_FOUND). */
export async function removePartnerContact(db: Db, actor: Actor, partnerId: string, contactId: string): Promise<void> {
	const ctx = await requireManagedPartner(db, actor, partnerId);
	await db.transaction(async (tx) => {
		const row = await deleteContact(tx, ctx.partner.id, contactId);
		if (!row) throw new AppError('NOT_FOUND');
		await recordAudit(tx, actor, {
			orgId: ctx.agency.id,
			orgPath: ctx.agency.path,
			entity: 'partner_contact',
			entityId: row.id,
			action: 'delete',
			before: { partnerId: row.partnerId, name: row.name, position: row.position, email: row.email, phone: row.phone }
		});
	});
}

/** The organisations the actor may add partners to: where it coordinates or administers, and the agencies below. */
export async function listPartnerAgencyOptions(db: Db, actor: Actor): Promise<OrgOption[]> {
	const nodes = await nodesReachedBy(db, actor, PARTNER_MANAGERS);
	return nodes.filter((n) => AGENCY_KINDS.includes(n.kind) && canManagePartners(actor, n)).map((n) => ({ id: n.id, name: n.name }));
}
