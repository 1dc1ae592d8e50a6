// Client-safe shapes of the partners domain (M12): partners with their contacts and sponsorships,
// and the directory of free educational apps for children. The server's service and the pages share them.

/** Doanh nghiệp công nghệ, viễn thông, báo, đài truyền hình, đài phát thanh, cơ sở giáo dục, khác. */
export const PARTNER_KINDS = ['technology', 'telecom', 'newspaper', 'television', 'radio', 'education', 'other'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** Press and broadcasters get a 'media' node in the organisation tree; every other partner an 'enterprise' node. */
export const MEDIA_PARTNER_KINDS: readonly PartnerKind[] = ['newspaper', 'television', 'radio'];

/** Tiền mặt / hiện vật: money given, or goods given in kind at their estimated value. */
export const SPONSORSHIP_KINDS = ['money', 'in_kind'] as const;
export type SponsorshipKind = (typeof SPONSORSHIP_KINDS)[number];

export const EDU_APP_PLATFORMS = ['android', 'ios', 'web', 'windows', 'macos'] as const;
export type EduAppPlatform = (typeof EDU_APP_PLATFORMS)[number];

/**
 * Only apps children use without paying belong in the directory (M12 "free educational apps"):
 * free, open source, free with advertising, or free with paid extras (freemium) — the last two
 * labelled so parents know.
 */
export const EDU_APP_LICENCES = ['free', 'open_source', 'free_with_ads', 'freemium'] as const;
export type EduAppLicence = (typeof EDU_APP_LICENCES)[number];

/** Đề xuất, đã duyệt, không duyệt. */
export const EDU_APP_STATUSES = ['proposed', 'approved', 'rejected'] as const;
export type EduAppStatus = (typeof EDU_APP_STATUSES)[number];

/** The directory is for children: ages 0 to 18 (Law on Children 2016, art. 1: a child is under 16; pupils finish school at 18). */
export const EDU_APP_AGE_MIN = 0;
export const EDU_APP_AGE_MAX = 18;

/** A partner as lists show it, with what it has given. */
export interface PartnerSummary {
	id: string;
	/** The agency it partners. */
	orgId: string;
	orgName: string;
	/** The partner's own node, where its accounts hold the `partner` role. */
	nodeId: string;
	kind: PartnerKind;
	name: string;
	website: string | null;
	description: string;
	moneyVnd: number;
	inKindVnd: number;
	sponsorships: number;
}

export interface PartnerContactItem {
	id: string;
	name: string;
	position: string | null;
	email: string | null;
	/** E.164. */
	phone: string | null;
}

export interface SponsorshipItem {
	id: string;
	partnerId: string;
	partnerName: string;
	campaignId: string;
	campaignTitle: string;
	kind: SponsorshipKind;
	/** Đồng. */
	valueVnd: number;
	description: string;
	/** yyyy-mm-dd */
	receivedOn: string;
}

/** What was given, summed: the report's "nguồn lực huy động". */
export interface SponsorshipTotals {
	moneyVnd: number;
	inKindVnd: number;
	count: number;
}

/** An app as the public directory shows it. */
export interface EduAppItem {
	id: string;
	name: string;
	ageMin: number;
	ageMax: number;
	platforms: EduAppPlatform[];
	url: string;
	licence: EduAppLicence;
	description: string;
}

/** An app as the review queue and its proposer see it. */
export interface EduAppReviewItem extends EduAppItem {
	orgId: string;
	orgName: string;
	partnerName: string | null;
	status: EduAppStatus;
	reviewNote: string;
	/** ISO instant. */
	proposedAt: string;
}

/** The public directory's filters, as read from the query string. */
export interface EduAppFilters {
	q?: string;
	age?: number;
	platform?: EduAppPlatform;
	licence?: EduAppLicence;
}

/** An organisation a form may choose. */
export interface OrgOption {
	id: string;
	name: string;
}
