// Client-safe shapes of the campaign: the server's tables and the pages share them.

/** The workflow: draft → submitted → approved → issued → running → closed. */
export const CAMPAIGN_STATUSES = ['draft', 'submitted', 'approved', 'issued', 'running', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** Statuses anyone, signed in or not, may read. */
export const PUBLIC_CAMPAIGN_STATUSES = ['issued', 'running', 'closed'] as const satisfies readonly CampaignStatus[];

export function isPublicCampaignStatus(status: CampaignStatus): boolean {
	return (PUBLIC_CAMPAIGN_STATUSES as readonly CampaignStatus[]).includes(status);
}

/** Thẩm quyền ký: KT. (ký thay), TL. (thừa lệnh), TM. (thay mặt), Q. (quyền), TUQ. (thừa ủy quyền); '' when the head signs. */
export const SIGNING_AUTHORITIES = ['', 'KT', 'TL', 'TM', 'Q', 'TUQ'] as const;
export type SigningAuthority = (typeof SIGNING_AUTHORITIES)[number];

export interface LegalBasis {
	/** A document (number, date, issuer, title) or another campaign on LearnWeek. */
	kind: 'document' | 'campaign';
	/** "1373/QĐ-TTg": number and symbol as cited. */
	number?: string;
	/** yyyy-mm-dd */
	date?: string;
	issuer?: string;
	title?: string;
	campaignId?: string;
}

export interface PlanSection {
	heading: string;
	/** Sanitised HTML. */
	bodyHtml: string;
}

export interface Duty {
	/** The unit's name as written in the plan, or empty for everyone. */
	unit: string;
	text: string;
}

export interface Signer {
	name: string;
	/** Chức vụ of the signer, e.g. "PHÓ CHÁNH VĂN PHÒNG". */
	position: string;
	authority: SigningAuthority;
	/** The title the authority is exercised for, e.g. "CHÁNH VĂN PHÒNG" after "KT.". */
	authorityTitle: string;
}

/** Workflow steps; each moves the campaign from some statuses to one. */
export type CampaignTransition = 'submit' | 'approve' | 'return' | 'issue' | 'start' | 'close';

/** Everything a role may be allowed to do with a campaign (policy.ts holds who may). */
export type CampaignAction = 'read' | 'create' | 'update' | 'clone' | CampaignTransition;

/** Which statuses each step starts from and where it leads. */
export const CAMPAIGN_TRANSITIONS: Record<CampaignTransition, { from: readonly CampaignStatus[]; to: CampaignStatus }> = {
	submit: { from: ['draft'], to: 'submitted' },
	approve: { from: ['submitted'], to: 'approved' },
	return: { from: ['submitted', 'approved'], to: 'draft' },
	issue: { from: ['approved'], to: 'issued' },
	start: { from: ['issued'], to: 'running' },
	close: { from: ['running'], to: 'closed' }
};

/** A campaign in lists: enough for a card, a table row or a link. */
export interface CampaignSummary {
	id: string;
	orgId: string;
	orgName: string;
	orgShortCode: string;
	parentId: string | null;
	year: number;
	title: string;
	number: string | null;
	symbol: string;
	place: string;
	documentDate: string | null;
	themes: string[];
	startsOn: string;
	endsOn: string;
	status: CampaignStatus;
	version: number;
}
