// Client-safe shapes of the tasks domain (M4): the server's service and the pages share them.

/** Chưa bắt đầu, đang thực hiện, đã hoàn thành. */
export const TASK_STATUSES = ['not_started', 'in_progress', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/**
 * Where a task stands against its due date in Vietnam: done on time (on or before the due date),
 * done late, overdue (past the end of the due date and not done), or pending (not done, not yet due).
 */
export type TaskTimeliness = 'on_time' | 'late' | 'overdue' | 'pending';

/**
 * Evidence files a task accepts, told from their content (core/storage): scans and reports as PDF,
 * photos as PNG, JPEG or WebP, Word/Excel/PowerPoint as OOXML. Plain ZIP archives are refused:
 * their content cannot be previewed or checked, and they are the usual carrier of executables.
 */
export const EVIDENCE_KINDS = ['pdf', 'png', 'jpeg', 'webp', 'ooxml'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/**
 * Largest evidence file: 5 MB holds a scanned report or a phone photo, and stays under the request
 * body limit the server is started with (BODY_SIZE_LIMIT, 101 MB by default, README).
 */
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

/** Files posted with one progress report. */
export const EVIDENCE_MAX_FILES = 5;

/** The file picker's hint to the browser (the server decides from the content). */
export const EVIDENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx,.pptx,application/pdf,image/png,image/jpeg,image/webp';

/** A task as lists and the board show it. */
export interface TaskListItem {
	id: string;
	campaignId: string;
	campaignTitle: string;
	title: string;
	/** yyyy-mm-dd */
	dueOn: string;
	status: TaskStatus;
	percent: number;
	/** ISO instant, or null. */
	doneAt: string | null;
	evidenceRequired: boolean;
	unitId: string;
	unitName: string;
	personId: string | null;
	personName: string | null;
	timeliness: TaskTimeliness;
	/** Days past the due date (overdue and late), else 0. */
	daysLate: number;
	/** Last reminder sent (automatic or manual), ISO instant. */
	lastReminderAt: string | null;
}

/** One unit's line on the follow-up board. */
export interface TaskBoardRow {
	unitId: string;
	unitName: string;
	total: number;
	/** Done, on time or late. */
	done: number;
	/** Done on or before the due date. */
	onTime: number;
	/** Done after the due date, or overdue and not done. */
	late: number;
	notStarted: number;
	inProgress: number;
	/** Not done and past the due date. */
	overdue: number;
}

export interface TaskBoard {
	rows: TaskBoardRow[];
	totals: Omit<TaskBoardRow, 'unitId' | 'unitName'>;
	/** Not done and past the due date, most late first. */
	overdue: TaskListItem[];
}
