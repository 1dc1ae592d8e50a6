// Sponsorships: money or goods a partner gave for a campaign, recorded by the coordinator; the
// report sums them as the resources mobilised (nguồn lực huy động).
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { parseInput } from '../../core/http';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { getCampaign, type CampaignDetail } from '../../campaigns/service';
import { sponsorshipInput, type SponsorshipInput } from '$lib/features/partners/inputs';
import type { SponsorshipItem } from '$lib/features/partners/types';
import type { CampaignSummary } from '$lib/features/campaigns/types';
import { canReadSponsorships, canRecordSponsorship, canSeeOrg } from '../policy';
import { insertSponsorship, selectSponsorshipsOfCampaigns } from '../queries';
import type { SponsorshipRow } from '../tables';
import { campaignsOfAgency, PARTNERS_SYSTEM, requireReadablePartner } from './partner-context';

/** The campaign, or undefined when there is none. */
async function findCampaign(db: Db, id: string): Promise<CampaignDetail | undefined> {
	try {
		return await getCampaign(db, PARTNERS_SYSTEM, id);
	} catch (e) {
		if (e instanceof AppError && e.code === 'NOT_FOUND') return undefined;
		throw e;
	}
}

/**
 * Records money or goods (at their estimated value, in whole đồng) a partner gave for a campaign of
 * its agency or of a node below it, and writes the audit entry. Refuses a partner the actor may not
 * see (NOT_FOUND), anyone but a coordinator of the partner's agency or above (FORBIDDEN), a campaign
 * that is unknown or outside the agency (VALIDATION, campaignId) and bad input (VALIDATION: a value
 * that is not a positive whole number of đồng is partners_value_invalid).
 */
export async function recordSponsorship(db: Db, actor: Actor, input: SponsorshipInput): Promise<SponsorshipRow> {
	const partnerId = typeof input?.partnerId === 'string' ? input.partnerId : '';
	const ctx = await requireReadablePartner(db, actor, partnerId);
	if (!canRecordSponsorship(actor, ctx.resource)) throw new AppError('FORBIDDEN');
	const data = parseInput(sponsorshipInput, input);
	const campaign = await findCampaign(db, data.campaignId);
	if (!campaign) throw new AppError('VALIDATION', { fields: { campaignId: 'field_invalid' } });
	if (!campaign.orgPath.startsWith(ctx.agency.path)) throw new AppError('VALIDATION', { fields: { campaignId: 'partners_campaign_outside' } });
	return db.transaction(async (tx) => {
		const row = await insertSponsorship(tx, {
			id: newId(),
			partnerId: ctx.partner.id,
			orgId: ctx.partner.orgId,
			campaignId: campaign.id,
			kind: data.kind,
			valueVnd: data.valueVnd,
			description: data.description,
			receivedOn: data.receivedOn,
			createdBy: actor.userId ?? actor.name ?? actor.kind,
			createdAt: now()
		});
		await recordAudit(tx, actor, {
			orgId: ctx.agency.id,
			orgPath: ctx.agency.path,
			entity: 'sponsorship',
			entityId: row.id,
			action: 'create',
			after: { partnerId: row.partnerId, campaignId: row.campaignId, kind: row.kind, valueVnd: row.valueVnd, description: row.description, receivedOn: row.receivedOn }
		});
		return row;
	});
}

/**
 * Lists what partners gave for a campaign, newest first, to the back office of the campaign's
 * node or above; refuses a campaign the actor may not see (NOT_FOUND) and anyone else (FORBIDDEN).
 */
export async function listSponsorships(db: Db, actor: Actor, campaignId: string): Promise<SponsorshipItem[]> {
	const campaign = await findCampaign(db, campaignId);
	if (!campaign || !canSeeOrg(actor, { path: campaign.orgPath })) throw new AppError('NOT_FOUND');
	if (!canReadSponsorships(actor, campaign)) throw new AppError('FORBIDDEN');
	const rows = await selectSponsorshipsOfCampaigns(db, [campaign.id]);
	return rows.map((s) => ({
		id: s.id,
		partnerId: s.partnerId,
		partnerName: s.partnerName,
		campaignId: s.campaignId,
		campaignTitle: campaign.title,
		kind: s.kind,
		valueVnd: s.valueVnd,
		description: s.description,
		receivedOn: s.receivedOn
	}));
}

/** The campaigns a coordinator may record the partner's sponsorships for (its agency's and those below), newest first; refuses what recordSponsorship refuses. */
export async function listSponsorshipCampaigns(db: Db, actor: Actor, partnerId: string): Promise<CampaignSummary[]> {
	const ctx = await requireReadablePartner(db, actor, partnerId);
	if (!canRecordSponsorship(actor, ctx.resource)) throw new AppError('FORBIDDEN');
	return [...(await campaignsOfAgency(db, ctx.agency.id)).values()];
}
