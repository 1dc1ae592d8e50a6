// How creative contests read on the pages: label keys, durations, scores and the phase a contest is in.
import { dateTimeInputValue } from '$lib/vn/dates';
import type { ContestStatus, EntryConsentPurpose, EntryType, GuardianRelation, VoteMode } from './types';

export const entryTypeLabelKey = (t: EntryType) => `creative_type_${t}` as const;
export const contestStatusLabelKey = (s: ContestStatus) => `creative_status_${s}` as const;
export const voteModeLabelKey = (v: VoteMode) => `creative_vote_mode_${v}` as const;
export const guardianRelationLabelKey = (r: GuardianRelation) => `creative_relation_${r}` as const;
export const consentLabelKey = (p: EntryConsentPurpose) => `creative_consent_${p}` as const;

/** "3:05" for 185 seconds; "1:02:03" past an hour. */
export function formatDuration(seconds: number | null | undefined): string {
	if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '';
	const s = Math.round(seconds);
	const h = Math.floor(s / 3600);
	const m = Math.floor((s % 3600) / 60);
	const rest = String(s % 60).padStart(2, '0');
	return h ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** A score out of 100 with two decimals, Vietnamese style ("83,50"). */
export function formatScore(score: number, locale: 'vi' | 'en' = 'vi'): string {
	return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(score);
}

/** Which HTML element plays a stored file. */
export function playerKind(contentType: string | null | undefined): 'audio' | 'video' | 'img' | null {
	if (!contentType) return null;
	if (contentType.startsWith('audio/')) return 'audio';
	if (contentType.startsWith('video/')) return 'video';
	if (contentType.startsWith('image/')) return 'img';
	return null;
}

/** Where a contest stands at `at`, for its badge: the first phase that holds. */
export type ContestPhase = 'draft' | 'upcoming' | 'submissions' | 'judging' | 'voting' | 'results';

export function contestPhase(
	c: { status: ContestStatus; submissionOpensAt: Date | string; submissionClosesAt: Date | string; voteOpensAt: Date | string | null; voteClosesAt: Date | string | null },
	at: Date
): ContestPhase {
	if (c.status === 'draft') return 'draft';
	if (c.status === 'results') return 'results';
	const t = at.getTime();
	if (t < new Date(c.submissionOpensAt).getTime()) return 'upcoming';
	if (t < new Date(c.submissionClosesAt).getTime()) return 'submissions';
	if (c.voteOpensAt && c.voteClosesAt && t >= new Date(c.voteOpensAt).getTime() && t < new Date(c.voteClosesAt).getTime()) return 'voting';
	return 'judging';
}
export const contestPhaseLabelKey = (p: ContestPhase) => `creative_phase_${p}` as const;

/** A contest as its settings form shows it (Vietnam wall-clock times, sizes in MB, minutes). */
export function contestFormValues(c: {
	title: string;
	rules: string;
	entryTypes: string[];
	maxBytes: number;
	maxDurationSeconds: number;
	submissionOpensAt: Date;
	submissionClosesAt: Date;
	voteOpensAt: Date | null;
	voteClosesAt: Date | null;
	voteMode: string;
	votesPerAccount: number;
	juryWeight: number;
}): Record<string, unknown> {
	return {
		title: c.title,
		rules: c.rules,
		entryTypes: c.entryTypes,
		maxSizeMb: String(Math.round(c.maxBytes / 1024 / 1024)),
		maxDurationMinutes: String(Math.round(c.maxDurationSeconds / 60)),
		submissionOpensAt: dateTimeInputValue(c.submissionOpensAt),
		submissionClosesAt: dateTimeInputValue(c.submissionClosesAt),
		voteOpensAt: c.voteOpensAt ? dateTimeInputValue(c.voteOpensAt) : '',
		voteClosesAt: c.voteClosesAt ? dateTimeInputValue(c.voteClosesAt) : '',
		voteMode: c.voteMode,
		votesPerAccount: String(c.votesPerAccount),
		juryWeight: String(c.juryWeight)
	};
}

/** What a contest shows of itself on its pages (and what the audit log keeps of it). */
export function contestView<C extends { id: string; title: string; rules: string; status: ContestStatus; entryTypes: string[]; maxBytes: number; maxDurationSeconds: number; submissionOpensAt: Date; submissionClosesAt: Date; voteOpensAt: Date | null; voteClosesAt: Date | null; voteMode: VoteMode; votesPerAccount: number; juryWeight: number }>(c: C) {
	const { id, title, rules, status, entryTypes, maxBytes, maxDurationSeconds, submissionOpensAt, submissionClosesAt, voteOpensAt, voteClosesAt, voteMode, votesPerAccount, juryWeight } = c;
	return { id, title, rules, status, entryTypes, maxBytes, maxDurationSeconds, submissionOpensAt, submissionClosesAt, voteOpensAt, voteClosesAt, voteMode, votesPerAccount, juryWeight };
}
