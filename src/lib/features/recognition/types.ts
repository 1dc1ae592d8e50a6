// Client-safe shapes of the recognition domain (M8, M15): initiatives and their council review,
// role-model nominations, award decisions and their certificates, the honour board.

/**
 * Where an initiative or nomination stands. Submitted → (returned → submitted again) → in review
 * by a council → recognised or refused by the head of the organisation.
 */
export const ENTRY_STATUSES = ['submitted', 'returned', 'in_review', 'recognised', 'refused'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** What a council reviews: an initiative (sáng kiến) or a role-model nomination (tấm gương). */
export const ENTRY_KINDS = ['initiative', 'nomination'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Fields of an initiative (lĩnh vực), as provincial regulations under NĐ 13/2012 group them. */
export const INITIATIVE_FIELDS = ['education', 'digital_transformation', 'administrative_reform', 'management', 'technical', 'other'] as const;
export type InitiativeField = (typeof INITIATIVE_FIELDS)[number];

/**
 * The level an initiative is recognised at (DOMAIN-VN §4.4): cấp cơ sở by the head of the unit;
 * cấp tỉnh (or higher) when replicated province-wide and recognised there.
 */
export const INITIATIVE_LEVELS = ['co_so', 'higher'] as const;
export type InitiativeLevel = (typeof INITIATIVE_LEVELS)[number];

/** Who a role-model nomination honours (tấm gương tự học, học tập suốt đời). */
export const NOMINEE_KINDS = ['person', 'family', 'collective'] as const;
export type NomineeKind = (typeof NOMINEE_KINDS)[number];

/** The rubric most provinces use for initiatives (DOMAIN-VN §4.4): each criterion scored 0–10. */
export const RUBRIC_CRITERIA = ['novelty', 'applicability', 'effectiveness', 'replicability'] as const;
export type RubricCriterion = (typeof RUBRIC_CRITERIA)[number];
export type RubricWeights = Record<RubricCriterion, number>;
export type RubricScores = Record<RubricCriterion, number>;
/** The highest mark of one criterion. */
export const CRITERION_MAX = 10;
/** Weights in percent (they sum to 100); a council may set its own. */
export const DEFAULT_WEIGHTS: RubricWeights = { novelty: 30, applicability: 25, effectiveness: 30, replicability: 15 };
/** Provinces commonly recognise an initiative from 50 of 100 points [M]; a council sets its own. */
export const DEFAULT_PASS_MARK = 50;

/** Council: open while members score, closed once it has met (no score changes after). */
export const COUNCIL_STATUSES = ['open', 'closed'] as const;
export type CouncilStatus = (typeof COUNCIL_STATUSES)[number];

/** A Quyết định khen thưởng: drafted by the coordinator, issued (numbered) by the signer. */
export const DECISION_STATUSES = ['draft', 'issued'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** An award goes to a person (cá nhân) or a collective (tập thể); a family counts as a collective of persons and is shown only with consent. */
export const RECIPIENT_KINDS = ['individual', 'family', 'collective'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** Where a recipient came from. */
export const RECIPIENT_SOURCES = ['initiative', 'nomination', 'contest', 'manual'] as const;
export type RecipientSource = (typeof RECIPIENT_SOURCES)[number];

/** A form of commendation or an emulation title is for individuals, collectives, or both. */
export const FORM_SCOPES = ['individual', 'collective', 'both'] as const;
export type FormScope = (typeof FORM_SCOPES)[number];

/**
 * What a form needs of its recipient, as data (DOMAIN-VN §4.2): Chiến sĩ thi đua cơ sở needs
 * Lao động tiên tiến and a recognised initiative in the same period. A rule not met only warns.
 */
export interface FormRequirements {
	/** Codes of forms or titles the recipient must hold in the same year (in an issued decision or this one). */
	holds?: string[];
	/** The recipient must be an author of an initiative recognised in the same year. */
	recognisedInitiative?: boolean;
}

/** Consent to show a person (or family) on the public honour board (DOMAIN-VN §6.8). */
export const HONOUR_PURPOSE = 'honour_board';
/** The version of the notice shown beside the consent boxes; kept with each consent event. */
export const RECOGNITION_NOTICE_VERSION = '2026-11';
/** Who gave a consent: the person themself, or a minor's legal representative. */
export const CONSENT_GIVERS = ['self', 'guardian'] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];

/** Evidence files: documents, slides and pictures, told from their content. */
export const EVIDENCE_KINDS = ['pdf', 'png', 'jpeg', 'webp', 'ooxml'] as const;
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/** Award certificates: "KT-" and 10 characters without look-alikes (activities' are "CN-"). */
export const AWARD_CERTIFICATE_PREFIX = 'KT-';

/** How many author rows the no-JavaScript form offers. */
export const AUTHOR_ROWS = 5;

/** One author of an initiative (tác giả) with their share of the contribution. */
export interface InitiativeAuthor {
	name: string;
	/** The unit (org node) the author works in: conflicts are declared by unit. */
	unitId: string;
	unitName: string;
	/** Tỷ lệ đóng góp, whole percent; the authors' shares sum to 100. */
	share: number;
	/** The author consented to appear on the honour board. */
	consent: boolean;
}

/** A suggestion for a role-model nomination, drawn from LearnWeek's data. */
export interface NominationSuggestion {
	/** Which source produced it ('learning', 'activities', 'initiatives', 'contests'). */
	source: string;
	kind: NomineeKind;
	name: string;
	unitId: string | null;
	unitName: string | null;
	userId: string | null;
	/** A sentence the coordinator starts the story from. */
	evidence: string;
	/** Facts kept with the nomination (minutes, completions…). */
	facts: Record<string, number | string>;
}
