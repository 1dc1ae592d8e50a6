// Client-safe shapes of the reports domain: the campaign's statistics (DOMAIN-VN §1.1) and its report.
import type { MaturityBlock } from '../maturity/types';
import type { CampaignStatus } from '../campaigns/types';
import type { ActivityMode, ActivityType } from '../activities/types';

/** A labelled count: one bar of a chart, one row of a table. */
export interface CountRow {
	key: string;
	label: string;
	count: number;
}

/** Tasks of one unit: total and by where they stand. */
export interface UnitTaskRow {
	unitId: string;
	unitName: string;
	total: number;
	done: number;
	onTime: number;
	late: number;
	overdue: number;
	pending: number;
}

/** The publicity block (M5): posts published for the campaign and the channels that carried them, reach as staff entered it. */
export interface PublicityBlock {
	available: true;
	postsPublished: number;
	channelEntries: number;
	totalReach: number;
	byChannel: Array<{ channel: string; label: string; entries: number; reach: number }>;
}

/** A block whose data a later issue provides (publicity, recognition). */
export interface PendingBlock {
	available: false;
}

/** One published activity as the report's table lists it (DOMAIN-VN §1.1 block D). */
export interface ActivityReportRow {
	id: string;
	title: string;
	/** The day it starts in Vietnam, yyyy-mm-dd. */
	day: string;
	type: ActivityType;
	typeLabel: string;
	mode: ActivityMode;
	modeLabel: string;
	hostUnitName: string;
	withPartner: boolean;
	registered: number;
	waitlisted: number;
	/** Attendances on site and online, counted apart (a person at both counts in each). */
	onsite: number;
	online: number;
	/** Registrations with at least one attendance. */
	participants: number;
	/** Learners who completed a training class; null for other types. */
	completed: number | null;
}

/** The activities one unit hosted and who took part in them. */
export interface HostUnitActivityRow {
	unitId: string;
	unitName: string;
	activities: number;
	registered: number;
	onsite: number;
	online: number;
	participants: number;
}

/** What a participant of an international forum (M14) wrote they learned, which the report may quote. */
export interface ForumNoteRow {
	activityId: string;
	activityTitle: string;
	name: string;
	note: string;
}

/**
 * Activities and participation (DOMAIN-VN §1.1 blocks B, D, E): published activities only. A
 * participant is a registration with at least one attendance; the activities domain gives no
 * person key across activities, so a person at two activities counts at each.
 */
export interface ActivitiesBlock {
	available: true;
	total: number;
	withPartner: number;
	/** Types with at least one activity, in the taxonomy's order. */
	byType: CountRow[];
	/** Every mode (trực tiếp, trực tuyến, kết hợp), zero included. */
	byMode: CountRow[];
	registered: number;
	waitlisted: number;
	attendance: { onsite: number; online: number };
	participants: number;
	/** Participants by the day they attended: every day of the Week, zero days included, then "other days" if any. */
	byDay: CountRow[];
	byHostUnit: HostUnitActivityRow[];
	/** Participants by the learner group they gave when registering; "not stated" last. */
	byLearnerGroup: CountRow[];
	training: { classes: number; registered: number; completed: number };
	forumNotes: ForumNoteRow[];
	list: ActivityReportRow[];
}

/** What one partner gave (đồng). */
export interface PartnerResourceRow {
	partnerId: string;
	name: string;
	moneyVnd: number;
	inKindVnd: number;
}

/** Resources mobilised from partners (xã hội hóa, DOMAIN-VN §1.1 block G), in đồng. */
export interface ResourcesBlock {
	available: true;
	moneyVnd: number;
	inKindVnd: number;
	/** Sponsorships recorded. */
	count: number;
	/** Most given first. */
	byPartner: PartnerResourceRow[];
}

export interface CampaignStatistics {
	campaignId: string;
	orgName: string;
	year: number;
	planning: {
		/** "05/KH-VPUB", or '' while unnumbered. */
		reference: string;
		documentDate: string | null;
		status: CampaignStatus;
		childPlans: number;
		childPlansByStatus: Partial<Record<CampaignStatus, number>>;
		documentsIssued: number;
	};
	tasks: {
		total: number;
		done: number;
		onTime: number;
		late: number;
		overdue: number;
		pending: number;
		inProgress: number;
		notStarted: number;
		byUnit: UnitTaskRow[];
	};
	people: {
		units: number;
		total: number;
		byUnit: CountRow[];
		byLearnerGroup: CountRow[];
		byCategory: CountRow[];
	};
	activities: ActivitiesBlock;
	publicity: PublicityBlock;
	resources: ResourcesBlock;
	recognition: PendingBlock;
	/** The campaign's digital-transformation self-assessment rounds (M7). */
	maturity?: MaturityBlock;
}

export const REPORT_SECTIONS = ['direction', 'results', 'assessment', 'proposals'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** The headings of the Báo cáo's four parts (DOMAIN-VN §3.5). */
export const REPORT_SECTION_HEADINGS: Record<ReportSection, string> = {
	direction: 'I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI',
	results: 'II. KẾT QUẢ THỰC HIỆN',
	assessment: 'III. ĐÁNH GIÁ CHUNG',
	proposals: 'IV. ĐỀ XUẤT, KIẾN NGHỊ'
};

export type ReportStatus = 'draft' | 'submitted';

export interface CampaignReportView {
	campaignId: string;
	direction: string;
	results: string;
	assessment: string;
	proposals: string;
	addresseeOrgId: string | null;
	addresseeLabel: string;
	status: ReportStatus;
	documentId: string | null;
	submittedAt: string | null;
	version: number;
	/** The actor may save and submit it. */
	canEdit: boolean;
}
