// What the JSON API answers about campaigns, and the bodies it accepts beyond the editor's schema:
// the Zod schemas the OpenAPI document is generated from, and the functions that shape a campaign
// into exactly that (ISO dates, the printed reference, no internal columns such as search text,
// node paths or who created it).
import { z } from 'zod';
import { campaignInput, campaignListQuery } from './inputs';
import { campaignReference } from './format';
import { CAMPAIGN_STATUSES, SIGNING_AUTHORITIES, type CampaignSummary, type CampaignStatus, type Duty, type LegalBasis, type PlanSection, type Signer } from './types';

const isoDate = z.iso.date().meta({ description: 'yyyy-mm-dd (a calendar date in Việt Nam)' });
const isoDateTime = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 date and time' });

export const campaignSummaryJson = z.object({
	id: z.string(),
	orgId: z.string(),
	orgName: z.string(),
	orgShortCode: z.string(),
	parentId: z.string().nullable().meta({ description: 'The campaign this one implements' }),
	year: z.number().int(),
	title: z.string().meta({ description: 'Trích yếu, e.g. "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021"' }),
	number: z.string().nullable().meta({ description: 'The number part of the reference; null until numbered' }),
	symbol: z.string().meta({ description: 'e.g. KH-VPUB' }),
	reference: z.string().meta({ description: 'As printed: "Số: 05/KH-VPUB" (or "Số: …/KH-VPUB")' }),
	place: z.string(),
	documentDate: isoDate.nullable(),
	themes: z.array(z.string()),
	startsOn: isoDate,
	endsOn: isoDate,
	status: z.enum(CAMPAIGN_STATUSES),
	version: z.number().int().meta({ description: 'Send it back as expectedVersion when editing' })
});
export type CampaignSummaryJson = z.infer<typeof campaignSummaryJson>;

export const campaignListJson = z.object({ items: z.array(campaignSummaryJson) });

const legalBasisJson = z.object({
	kind: z.enum(['document', 'campaign']),
	number: z.string().optional().meta({ description: 'e.g. 1373/QĐ-TTg' }),
	date: isoDate.optional(),
	issuer: z.string().optional(),
	title: z.string().optional(),
	campaignId: z.string().optional().meta({ description: 'For kind "campaign": the campaign cited (see linkedCampaigns)' })
});

export const campaignJson = campaignSummaryJson.extend({
	clonedFromId: z.string().nullable(),
	introduction: z.string().meta({ description: 'Paragraphs separated by "\\n"' }),
	purposes: z.string(),
	requirements: z.string(),
	legalBases: z.array(legalBasisJson),
	sections: z.array(z.object({ heading: z.string(), bodyHtml: z.string().meta({ description: 'Sanitised HTML' }) })),
	duties: z.array(z.object({ unit: z.string(), text: z.string() })),
	recipients: z.array(z.string()),
	signer: z.object({
		name: z.string(),
		position: z.string(),
		authority: z.enum(SIGNING_AUTHORITIES).meta({ description: "KT, TL, TM, Q, TUQ or '' when the head signs" }),
		authorityTitle: z.string()
	}),
	returnReason: z.string().nullable().meta({ description: 'Why the leadership last returned it to draft' }),
	createdAt: isoDateTime,
	updatedAt: isoDateTime,
	parent: campaignSummaryJson.nullable().meta({ description: 'The campaign it implements, when the caller may read it' }),
	children: z.array(campaignSummaryJson).meta({ description: 'The campaigns implementing it that the caller may read' }),
	linkedCampaigns: z.record(z.string(), campaignSummaryJson).meta({ description: 'Campaigns cited by legalBases, by id' })
});
export type CampaignJson = z.infer<typeof campaignJson>;

/** GET /campaigns: the public list's filters. */
export const publicCampaignListQuery = campaignListQuery.pick({ year: true, q: true });

/** POST /campaigns: the editor's fields and the node the draft belongs to. */
export const campaignCreateBody = z.intersection(z.object({ orgId: z.string().min(1, 'field_required').meta({ description: 'The issuing organisation node' }) }), campaignInput);

/** The version the edit was made from: an older one is refused with STALE. */
export const campaignVersionInput = z.object({
	expectedVersion: z.coerce.number({ error: 'field_required' }).int('field_invalid').min(1, 'field_invalid')
});

/** PATCH /campaigns/{id}: the whole content of the draft (it replaces the old) and the version it was read at. */
export const campaignUpdateBody = z.intersection(campaignVersionInput, campaignInput);

/** POST /campaigns/{id}/transitions */
export const campaignTransitionBody = z.object({
	action: z.enum(['submit', 'approve', 'return', 'issue', 'start', 'close'], { error: 'field_invalid' }),
	reason: z.string().optional().meta({ description: 'Required with "return": why the plan goes back to draft' })
});

interface SummaryLike extends Omit<CampaignSummary, 'status'> {
	status: CampaignStatus;
}

/** A campaign summary as the API answers it. */
export function toCampaignSummaryJson(c: SummaryLike): CampaignSummaryJson {
	return {
		id: c.id,
		orgId: c.orgId,
		orgName: c.orgName,
		orgShortCode: c.orgShortCode,
		parentId: c.parentId,
		year: c.year,
		title: c.title,
		number: c.number,
		symbol: c.symbol,
		reference: campaignReference(c),
		place: c.place,
		documentDate: c.documentDate,
		themes: c.themes,
		startsOn: c.startsOn,
		endsOn: c.endsOn,
		status: c.status,
		version: c.version
	};
}

interface DetailLike extends SummaryLike {
	clonedFromId: string | null;
	introduction: string;
	purposes: string;
	requirements: string;
	legalBases: LegalBasis[];
	sections: PlanSection[];
	duties: Duty[];
	recipients: string[];
	signer: Signer;
	returnReason: string | null;
	createdAt: Date;
	updatedAt: Date;
	parent: SummaryLike | null;
	children: SummaryLike[];
	linkedCampaigns: Record<string, SummaryLike>;
}

/** A campaign with its parent, children and cited campaigns, as the API answers it. */
export function toCampaignJson(c: DetailLike): CampaignJson {
	return {
		...toCampaignSummaryJson(c),
		clonedFromId: c.clonedFromId,
		introduction: c.introduction,
		purposes: c.purposes,
		requirements: c.requirements,
		legalBases: c.legalBases.map((b) => ({ ...b })),
		sections: c.sections.map((s) => ({ heading: s.heading, bodyHtml: s.bodyHtml })),
		duties: c.duties.map((d) => ({ unit: d.unit, text: d.text })),
		recipients: c.recipients,
		signer: { name: c.signer.name, position: c.signer.position, authority: c.signer.authority, authorityTitle: c.signer.authorityTitle },
		returnReason: c.returnReason,
		createdAt: c.createdAt.toISOString(),
		updatedAt: c.updatedAt.toISOString(),
		parent: c.parent ? toCampaignSummaryJson(c.parent) : null,
		children: c.children.map(toCampaignSummaryJson),
		linkedCampaigns: Object.fromEntries(Object.entries(c.linkedCampaigns).map(([id, s]) => [id, toCampaignSummaryJson(s)]))
	};
}
