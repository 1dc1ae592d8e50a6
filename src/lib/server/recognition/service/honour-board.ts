// The public honour board of a campaign (M15): those honoured by its issued decisions. Collectives
// always; a person or a family only with their standing consent, a minor only with a guardian's too
// (DOMAIN-VN §6.8). Revoked awards are gone from it.
import type { Db } from '../../db/types';
import { anonymousActor } from '../../auth/actor';
import { getCampaign } from '../../campaigns/service';
import { documentReference } from '../../../features/documents/register';
import type { RecipientKind } from '../../../features/recognition/types';
import { showsOnHonourBoard } from '../policy';
import { selectHonouredOfCampaign, selectNominationsOfCampaign } from '../queries';
import { consentGranted, standingConsents } from './consents';

export interface HonourBoard {
	campaign: { id: string; title: string; orgName: string; year: number };
	entries: Array<{ id: string; kind: RecipientKind; name: string; unitName: string; formName: string; citation: string; decision: string; decisionDate: string }>;
	/** How many honoured people are not shown for want of consent (a count only, no names). */
	hidden: number;
}

/** The honour board of a public campaign; NOT_FOUND for a campaign that is not public. */
export async function getHonourBoard(db: Db, campaignId: string): Promise<HonourBoard> {
	const campaign = await getCampaign(db, anonymousActor, campaignId);
	const rows = await selectHonouredOfCampaign(db, campaign.id);
	const initiativeIds = [...new Set(rows.filter((x) => x.r.source === 'initiative' && x.r.sourceId).map((x) => x.r.sourceId!))];
	const nominationIds = [...new Set(rows.filter((x) => x.r.source === 'nomination' && x.r.sourceId).map((x) => x.r.sourceId!))];
	const initiativeConsents = await standingConsents(db, 'initiative', initiativeIds);
	const nominationConsents = await standingConsents(db, 'nomination', nominationIds);
	const minors = new Set((await selectNominationsOfCampaign(db, campaign.id)).filter((n) => n.isMinor).map((n) => n.id));
	let hidden = 0;
	const entries: HonourBoard['entries'] = [];
	for (const { r, d } of rows) {
		let self = false;
		let guardian = false;
		if (r.source === 'initiative' && r.sourceId && r.authorIndex !== null) self = consentGranted(initiativeConsents, r.sourceId, String(r.authorIndex), 'self');
		if (r.source === 'nomination' && r.sourceId) {
			self = consentGranted(nominationConsents, r.sourceId, 'nominee', 'self');
			guardian = consentGranted(nominationConsents, r.sourceId, 'nominee', 'guardian');
		}
		const isMinor = r.source === 'nomination' && Boolean(r.sourceId && minors.has(r.sourceId));
		if (!showsOnHonourBoard({ kind: r.kind, isMinor, selfConsent: self, guardianConsent: guardian })) {
			hidden++;
			continue;
		}
		entries.push({ id: r.id, kind: r.kind, name: r.name, unitName: r.unitName, formName: r.formName, citation: r.citation, decision: documentReference({ number: d.number!, symbol: d.symbol! }), decisionDate: d.documentDate! });
	}
	return { campaign: { id: campaign.id, title: campaign.title, orgName: campaign.orgName, year: campaign.year }, entries, hidden };
}
