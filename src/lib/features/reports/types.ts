// Client-safe shapes of the reports domain: the campaign's statistics (DOMAIN-VN §1.1) and its report.
import type { CampaignStatus } from '../campaigns/types';

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

/** A block whose data a later issue provides (activities, publicity, resources, recognition). */
export interface PendingBlock {
	available: false;
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
	activities: PendingBlock;
	publicity: PendingBlock;
	resources: PendingBlock;
	recognition: PendingBlock;
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
