// The partners domain's read model for reports: what partners gave for campaigns (the report's
// "resources mobilised", nguồn lực huy động) and how many partners organisations have.
import type { Db } from '../db/types';
import { sumSponsorships } from '$lib/features/partners/format';
import type { SponsorshipTotals } from '$lib/features/partners/types';
import { countPartnersOfOrgs, selectSponsorshipsOfCampaigns } from './queries';

/** What one partner gave for the campaigns. */
export interface PartnerSponsorshipTotals {
	partnerId: string;
	name: string;
	moneyVnd: number;
	inKindVnd: number;
}

/**
 * Money and in-kind values (đồng) given for `campaignIds`, in all and by partner (most given
 * first); the caller checks who may read the campaigns.
 */
export async function sponsorshipTotals(db: Db, campaignIds: string[]): Promise<SponsorshipTotals & { byPartner: PartnerSponsorshipTotals[] }> {
	const rows = await selectSponsorshipsOfCampaigns(db, [...new Set(campaignIds)]);
	const groups = new Map<string, typeof rows>();
	for (const r of rows) groups.set(r.partnerId, [...(groups.get(r.partnerId) ?? []), r]);
	const byPartner = [...groups.values()].map((own) => {
		const t = sumSponsorships(own);
		return { partnerId: own[0].partnerId, name: own[0].partnerName, moneyVnd: t.moneyVnd, inKindVnd: t.inKindVnd };
	});
	const list = byPartner.sort((a, b) => b.moneyVnd + b.inKindVnd - (a.moneyVnd + a.inKindVnd) || a.name.localeCompare(b.name, 'vi'));
	return { ...sumSponsorships(rows), byPartner: list };
}

/** How many partners the organisations `orgIds` have (the report passes the nodes it covers); the caller checks who may read them. */
export async function partnerCount(db: Db, orgIds: string[]): Promise<number> {
	return countPartnersOfOrgs(db, [...new Set(orgIds)]);
}
