// Client-safe shapes of the maturity domain (M7): frameworks as versioned data, self-assessments
// with evidence, verification and the emulation leaderboard. Pages and the service share them.

/**
 * How a criterion is scored from what the unit enters (DOMAIN-VN §2): yes/no (Có/Không), a 0–5
 * scale (the DBI's rating), a number against thresholds (e.g. "số hoạt động trực tuyến ≥ 3"), a
 * percentage (share of staff, of tasks), or points typed directly (a DTI sheet's "đủ điểm / nửa").
 */
export const SCORING_TYPES = ['yes_no', 'scale', 'number', 'percentage', 'points'] as const;
export type ScoringType = (typeof SCORING_TYPES)[number];

/** The top of the 0–5 scale. */
export const SCALE_MAX = 5;

/** What evidence a criterion needs (minh chứng): an official document (số, ngày, trích yếu), a file, a link. */
export const EVIDENCE_NEEDS = ['document', 'file', 'link'] as const;
export type EvidenceNeed = (typeof EVIDENCE_NEEDS)[number];

/**
 * Criteria measured from LearnWeek's own records instead of typed: the share of the unit's staff
 * who logged learning in the campaign (library), the share of the unit's tasks done on time
 * (tasks), and the number of online or hybrid activities the unit hosted (activities).
 */
export const AUTOMATIC_SOURCES = ['staff_learning_share', 'tasks_on_time_share', 'online_activities'] as const;
export type AutomaticSource = (typeof AUTOMATIC_SOURCES)[number];

/** The scoring type each automatic source yields. */
export const AUTOMATIC_SOURCE_TYPE: Record<AutomaticSource, ScoringType> = {
	staff_learning_share: 'percentage',
	tasks_on_time_share: 'percentage',
	online_activities: 'number'
};

/** A number criterion's step: at least `atLeast` earns `points`. */
export interface Threshold {
	atLeast: number;
	points: number;
}

export interface Criterion {
	/** Stable within the framework (answers are keyed by it across versions). */
	key: string;
	name: string;
	/** Điểm tối đa. */
	maxPoints: number;
	type: ScoringType;
	/** For `number`: ascending steps. */
	thresholds?: Threshold[];
	evidence: EvidenceNeed[];
	/** Điều kiện bắt buộc: a yes/no criterion that, unmet, caps its group's level. */
	mandatory: boolean;
	automatic?: AutomaticSource | null;
	/** Guidance for the unit (how to score, what to attach). */
	guidance?: string;
}

export interface Indicator {
	key: string;
	name: string;
	criteria: Criterion[];
}

export interface Pillar {
	key: string;
	name: string;
	/** The group it is scored in (MOET 4725 scores teaching and management apart). */
	group: string;
	indicators: Indicator[];
}

/**
 * One level band over the group's score as a percentage of its maximum. Both ends carry whether
 * they are included, so "< 50 / 50–75 / > 75" (QĐ 4725) is written exactly: [0, 50), [50, 75], (75, 100].
 */
export interface LevelBand {
	level: number;
	name: string;
	min: number;
	minInclusive: boolean;
	max: number;
	maxInclusive: boolean;
}

export interface ScoreGroup {
	key: string;
	name: string;
	levels: LevelBand[];
	/** The highest level a group reaches while one of its mandatory conditions is unmet. */
	mandatoryCap: number;
}

/** A framework version's whole content. */
export interface FrameworkDefinition {
	groups: ScoreGroup[];
	pillars: Pillar[];
	/** How the unit's own level follows from its groups': the lowest of them (a school must meet both, QĐ 4725). */
	overall: 'lowest_group';
}

export const TEMPLATE_KEYS = ['dti_agency', 'moet_4725', 'dbi'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/** Nháp → đã nộp → đang thẩm định → trả lại ↔ nộp lại → đã xác minh → đã công bố. */
export const ASSESSMENT_STATUSES = ['draft', 'submitted', 'under_review', 'returned', 'resubmitted', 'verified', 'published'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** A coordinator's decision on one criterion. */
export const REVIEW_DECISIONS = ['accepted', 'adjusted', 'returned'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const ROUND_STATUSES = ['open', 'published'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** Where a score change came from, in the history of a criterion. */
export const SCORE_CHANGE_KINDS = ['self', 'automatic', 'review'] as const;
export type ScoreChangeKind = (typeof SCORE_CHANGE_KINDS)[number];

/**
 * Evidence files accepted, told from their content (core/storage): scans as PDF, photos as PNG,
 * JPEG or WebP, Word/Excel/PowerPoint as OOXML. ZIP archives, executables and anything unknown
 * are refused before they are stored.
 */
export const EVIDENCE_KINDS = ['pdf', 'png', 'jpeg', 'webp', 'ooxml'] as const;

/** 5 MB: a scanned decision or a phone photo; under the server's BODY_SIZE_LIMIT (README). */
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;
export const EVIDENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx,.pptx,application/pdf,image/png,image/jpeg,image/webp';

/** What an automatic criterion was computed from, shown beside it. */
export interface AutomaticFact {
	source: AutomaticSource;
	value: number;
	numerator: number;
	denominator: number | null;
	computedAt: string;
}

/** A group's result. */
export interface GroupResult {
	key: string;
	name: string;
	score: number;
	maxPoints: number;
	percent: number;
	/** The level from the bands, before any cap. */
	bandLevel: number;
	level: number;
	levelName: string;
	/** Mandatory conditions unmet (criterion keys); any caps the level at `mandatoryCap`. */
	unmetMandatory: string[];
	capped: boolean;
	/** Points still missing to reach the next band, or null at the top band. */
	pointsToNextLevel: number | null;
}

export interface PillarResult {
	key: string;
	name: string;
	group: string;
	score: number;
	maxPoints: number;
	percent: number;
}

export interface AssessmentResult {
	total: number;
	maxPoints: number;
	percent: number;
	level: number;
	levelName: string;
	groups: GroupResult[];
	pillars: PillarResult[];
}

/** A criterion that, brought to full marks, would raise the level: the unit's "what would raise it". */
export interface RaiseHint {
	criterionKey: string;
	criterionName: string;
	group: string;
	gain: number;
	levelIfFull: number;
	mandatory: boolean;
}

/** A campaign's maturity figures for the report (M16): one entry per self-assessment round. */
export interface MaturityBlock {
	available: true;
	rounds: Array<{
		roundId: string;
		title: string;
		frameworkName: string;
		published: boolean;
		enrolled: number;
		submitted: number;
		verified: number;
		byLevel: Array<{ key: string; label: string; count: number }>;
		averagePercent: number | null;
	}>;
}
