// Reading partners: an agency's list for its back office, one partner with its contacts and what
// it gave, and the partners an account acts for.
import type { Db } from '../../db/types';
import type { Actor } from '../../auth/actor';
import { findOrgNode, listOrgNodesByIds, type OrgNodeRow } from '../../org/service';
import { vietnameseCollator } from '$lib/vn/text';
import { sumSponsorships } from '$lib/features/partners/format';
import type { PartnerContactItem, PartnerSummary, SponsorshipItem, SponsorshipTotals } from '$lib/features/partners/types';
import { canManagePartner, canRecordSponsorship, PARTNER_READERS } from '../policy';
import { selectContactsOfPartner, selectPartner, selectPartnersByNodeIds, selectPartnersOfOrgs, selectSponsorshipsOfPartner, sumSponsorshipsByPartner } from '../queries';
import type { PartnerRow, SponsorshipRow } from '../tables';
import { campaignsOfAgency, nodesReachedBy, requireReadablePartner } from './partner-context';

/** A partner with its contacts, what it gave, and what the actor may do with it. */
export interface PartnerDetail {
	partner: PartnerSummary;
	contacts: PartnerContactItem[];
	sponsorships: SponsorshipItem[];
	totals: SponsorshipTotals;
	can: { manage: boolean; recordSponsorship: boolean };
}

async function summaries(db: Db, rows: PartnerRow[], orgNames: Map<string, string>): Promise<PartnerSummary[]> {
	const sums = await sumSponsorshipsByPartner(db, rows.map((r) => r.id));
	return rows.map((p) => {
		const own = sums.filter((s) => s.partnerId === p.id);
		const value = (kind: SponsorshipRow['kind']) => own.filter((s) => s.kind === kind).reduce((a, s) => a + s.valueVnd, 0);
		return {
			id: p.id,
			orgId: p.orgId,
			orgName: orgNames.get(p.orgId) ?? '',
			nodeId: p.nodeId,
			kind: p.kind,
			name: p.name,
			website: p.website,
			description: p.description,
			moneyVnd: value('money'),
			inKindVnd: value('in_kind'),
			sponsorships: own.reduce((a, s) => a + s.count, 0)
		};
	});
}

/**
 * Lists the partners the actor may read, by name: those of the agencies where it is coordinator,
 * unit leader, supervisor or administrator (or below them), and the partners it is an account of.
 * With `orgId`, only the partners of that node and the nodes below it. Anyone else gets an empty
 * list, whatever `orgId` names.
 */
export async function listPartners(db: Db, actor: Actor, orgId?: string): Promise<PartnerSummary[]> {
	const under = orgId ? await findOrgNode(db, orgId) : undefined;
	if (orgId && !under) return [];
	const inScope = (n: OrgNodeRow) => !under || n.path.startsWith(under.path);
	const readable = (await nodesReachedBy(db, actor, PARTNER_READERS)).filter(inScope);
	const own = await partnersOfActor(db, actor);
	const ownAgencies = (await listOrgNodesByIds(db, own.map((p) => p.orgId))).filter(inScope);
	const rows = new Map((await selectPartnersOfOrgs(db, readable.map((n) => n.id))).map((p) => [p.id, p]));
	for (const p of own) if (ownAgencies.some((n) => n.id === p.orgId)) rows.set(p.id, p);
	const names = new Map([...readable, ...ownAgencies].map((n) => [n.id, n.name]));
	const list = await summaries(db, [...rows.values()], names);
	return list.sort((a, b) => vietnameseCollator.compare(a.name, b.name) || a.id.localeCompare(b.id));
}

/**
 * Returns a partner with its contacts and its sponsorships (newest first) with their totals, to
 * the back office of its agency or above and to its own accounts; NOT_FOUND to anyone else.
 */
export async function getPartner(db: Db, actor: Actor, id: string): Promise<PartnerDetail> {
	const ctx = await requireReadablePartner(db, actor, id);
	const [summary] = await summaries(db, [ctx.partner], new Map([[ctx.agency.id, ctx.agency.name]]));
	const contacts = await selectContactsOfPartner(db, ctx.partner.id);
	const rows = await selectSponsorshipsOfPartner(db, ctx.partner.id);
	const campaigns = rows.length ? await campaignsOfAgency(db, ctx.agency.id) : new Map();
	return {
		partner: summary,
		contacts: contacts.map((c) => ({ id: c.id, name: c.name, position: c.position, email: c.email, phone: c.phone })),
		sponsorships: rows.map((s) => ({
			id: s.id,
			partnerId: s.partnerId,
			partnerName: ctx.partner.name,
			campaignId: s.campaignId,
			campaignTitle: campaigns.get(s.campaignId)?.title ?? '',
			kind: s.kind,
			valueVnd: s.valueVnd,
			description: s.description,
			receivedOn: s.receivedOn
		})),
		totals: sumSponsorships(rows),
		can: { manage: canManagePartner(actor, ctx.resource), recordSponsorship: canRecordSponsorship(actor, ctx.resource) }
	};
}

/** The partners whose node the actor holds the `partner` role on: whom a partner account acts for (the activities domain asks). */
export async function partnersOfActor(db: Db, actor: Actor): Promise<PartnerRow[]> {
	if (actor.kind !== 'user') return [];
	return selectPartnersByNodeIds(db, [...new Set(actor.grants.filter((g) => g.role === 'partner').map((g) => g.orgId))]);
}

/** A partner by id without any check of the actor, or undefined: for other domains that name or link a partner. */
export async function findPartnerRow(db: Db, id: string): Promise<PartnerRow | undefined> {
	return selectPartner(db, id);
}
