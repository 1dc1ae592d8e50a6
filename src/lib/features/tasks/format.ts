// How tasks read: Vietnam's calendar for due dates, on-time/late/overdue, the duty → task draft.
import { isoDateInVietnam } from '$lib/vn/dates';
import type { TaskStatus, TaskTimeliness } from './types';

/** The calendar date in Vietnam at an instant, as yyyy-mm-dd. */
export function vietnamDateOf(at: Date | string): string {
	return isoDateInVietnam(at);
}

function dayNumber(isoDate: string): number {
	const [y, m, d] = isoDate.split('-').map(Number);
	return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Whole days from `a` to `b` (yyyy-mm-dd), negative when `b` is earlier. */
export function daysBetween(a: string, b: string): number {
	return dayNumber(b) - dayNumber(a);
}

/** A yyyy-mm-dd date moved by `days`. */
export function addDays(isoDate: string, days: number): string {
	return new Date((dayNumber(isoDate) + days) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * On time, late, overdue or pending at `now`. A task is overdue once the due date has ended in
 * Vietnam (from 00:00 the next day, UTC+07:00), whatever the server's zone; done on time when it
 * was done on or before the due date, in Vietnam.
 */
export function taskTimeliness(task: { dueOn: string; status: TaskStatus; doneAt: Date | string | null }, now: Date): { timeliness: TaskTimeliness; daysLate: number } {
	if (task.status === 'done' && task.doneAt) {
		const late = daysBetween(task.dueOn, vietnamDateOf(task.doneAt));
		return late > 0 ? { timeliness: 'late', daysLate: late } : { timeliness: 'on_time', daysLate: 0 };
	}
	const late = daysBetween(task.dueOn, vietnamDateOf(now));
	return late > 0 ? { timeliness: 'overdue', daysLate: late } : { timeliness: 'pending', daysLate: 0 };
}

/**
 * The earliest due date a campaign's task may have: the day the plan was signed (its document
 * date), or, for a plan without one, the Week's first day. Work prepared before the Week (publicity,
 * registrations) is due between the two; nothing can be due before the plan that asks for it.
 */
export function earliestDueDate(campaign: { documentDate: string | null; startsOn: string }): string {
	return campaign.documentDate ?? campaign.startsOn;
}

/** Days after the Week's end past which a due date is allowed but flagged: the report to the Department is due within weeks, not months. */
export const DUE_AFTER_END_WARNING_DAYS = 60;

/** True when a due date lies more than 60 days after the Week's end: allowed, but likely a typing slip. */
export function isDueLongAfterCampaign(campaign: { endsOn: string }, dueOn: string): boolean {
	return daysBetween(campaign.endsOn, dueOn) > DUE_AFTER_END_WARNING_DAYS;
}

const TITLE_MAX = 200;

/**
 * A task drafted from one of the plan's duties: the duty's first sentence, capitalised, as the
 * title (the unit it names becomes the assignee), the whole duty as the description.
 */
export function draftTaskFromDuty(duty: { unit: string; text: string }): { title: string; description: string } {
	const text = duty.text.trim();
	const firstSentence = text.split(/(?<=[.;:])\s|\n/)[0].replace(/[.;:]$/, '');
	let title = firstSentence ? firstSentence[0].toLocaleUpperCase('vi') + firstSentence.slice(1) : duty.unit;
	if (title.length > TITLE_MAX) title = `${title.slice(0, TITLE_MAX - 1).replace(/\s+\S*$/, '')}…`;
	return { title, description: duty.unit ? `${duty.unit}: ${text}` : text };
}

/** A unit named in a plan's duty matched to a node of the tree, ignoring case, diacritics and dashes ("Phòng Tổ chức - Hành chính - Quản trị" finds "Phòng Tổ chức – Hành chính – Quản trị"). */
export function matchDutyUnit<T extends { name: string }>(dutyUnit: string, units: T[]): T | undefined {
	const fold = (s: string) =>
		s
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.replace(/[đĐ]/g, 'd')
			.toLowerCase()
			.replace(/[\u2010-\u2015-]/g, ' ')
			.replace(/\s+/g, ' ')
			.trim();
	const wanted = fold(dutyUnit);
	return wanted ? units.find((u) => fold(u.name) === wanted) : undefined;
}

/** "12,5 MB", "300 KB": sizes as people read them. */
export function formatFileSize(bytes: number): string {
	if (bytes >= 1024 * 1024) return `${(Math.round((bytes / 1024 / 1024) * 10) / 10).toLocaleString('vi-VN')} MB`;
	return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
