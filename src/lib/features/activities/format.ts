// How activities are shown on the public and registrant pages. Labels are message keys: pages
// pass them to `m[key]()` so they come out in the reader's language.
import { formatDateTime, isoDateInVietnam } from '$lib/vn/dates';
import { foldVietnamese } from '$lib/vn/text';
import { LEARNER_GROUPS, type LearnerGroup } from '$lib/features/org/types';
import { ACTIVITY_MODES, ACTIVITY_TYPES, type ActivityMode, type ActivityStatus, type ActivityType, type ConsentPurpose, type OnlinePlatform, type RegistrationStatus } from './types';

export function activityTypeLabelKey(type: ActivityType): `activities_type_${ActivityType}` {
	return `activities_type_${type}`;
}

export function activityModeLabelKey(mode: ActivityMode): `activities_mode_${ActivityMode}` {
	return `activities_mode_${mode}`;
}

export function platformLabelKey(platform: OnlinePlatform): `activities_platform_${OnlinePlatform}` {
	return `activities_platform_${platform}`;
}

export function registrationStatusLabelKey(status: RegistrationStatus): `activities_registration_status_${RegistrationStatus}` {
	return `activities_registration_status_${status}`;
}

export function consentLabelKey(purpose: ConsentPurpose): `activities_consent_${ConsentPurpose}` {
	return `activities_consent_${purpose}`;
}

type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Message key of the weekday of a yyyy-mm-dd calendar date: activities_weekday_5 → "Thứ Sáu" / "Friday". */
export function weekdayLabelKey(isoDay: string): `activities_weekday_${Weekday}` {
	const [y, m, d] = isoDay.split('-').map(Number);
	return `activities_weekday_${new Date(Date.UTC(y, m - 1, d)).getUTCDay() as Weekday}`;
}

/** "08:00–10:30" in Vietnam; an activity that ends on a later day names that day: "08:00 – 02/10/2021 17:00". */
export function timeRange(startsAt: Date | string, endsAt: Date | string): string {
	const start = formatDateTime(startsAt).slice(11);
	if (isoDateInVietnam(startsAt) !== isoDateInVietnam(endsAt)) return `${start} – ${formatDateTime(endsAt)}`;
	return `${start}–${formatDateTime(endsAt).slice(11)}`;
}

/** "01/10/2021 08:00 – 10:30", or both dates in full when it runs past midnight. */
export function dateTimeRange(startsAt: Date | string, endsAt: Date | string): string {
	const sameDay = isoDateInVietnam(startsAt) === isoDateInVietnam(endsAt);
	return `${formatDateTime(startsAt)} – ${sameDay ? formatDateTime(endsAt).slice(11) : formatDateTime(endsAt)}`;
}

/** A ticket code in groups of four, as it is read aloud at the door: "ABCD EFGH". */
export function spacedTicketCode(code: string): string {
	return code.replace(/(.{4})(?=.)/g, '$1 ');
}

export interface ProgrammeQuery {
	mode?: ActivityMode;
	type?: ActivityType;
	group?: LearnerGroup;
	q?: string;
}

const SEARCH_MAX = 100;

/** The programme's filters from its address; a value the form never offers is ignored. */
export function programmeQuery(params: URLSearchParams): ProgrammeQuery {
	const pick = <T extends string>(allowed: readonly T[], value: string | null): T | undefined => (allowed as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
	const q = (params.get('q') ?? '').trim().slice(0, SEARCH_MAX);
	return {
		mode: pick(ACTIVITY_MODES, params.get('mode')),
		type: pick(ACTIVITY_TYPES, params.get('type')),
		group: pick(LEARNER_GROUPS, params.get('group')),
		q: q || undefined
	};
}

/**
 * Share links that need no script. Facebook's sharer reads the page's Open Graph tags. Zalo
 * documents its share button only as an SDK widget; the address here is the one that widget
 * opens. [M] If Zalo moves it, this is the one place to change.
 */
export function shareLinks(url: string): { facebook: string; zalo: string } {
	const u = encodeURIComponent(url);
	return { facebook: `https://www.facebook.com/sharer/sharer.php?u=${u}`, zalo: `https://sp.zalo.me/share_inline?url=${u}` };
}

/** What a public page may show of an activity: never its meeting link (registrants get a join link) nor its code secret. */
export interface PublicActivity {
	id: string;
	campaignId: string;
	title: string;
	description: string;
	type: ActivityType;
	mode: ActivityMode;
	onlineOnly: boolean;
	venue: string;
	platform: OnlinePlatform | null;
	externalUrl: string | null;
	recordingUrl: string | null;
	startsAt: Date;
	endsAt: Date;
	capacity: number | null;
	targetGroups: string[];
	status: ActivityStatus;
}

export function publicActivity(a: PublicActivity): PublicActivity {
	return {
		id: a.id,
		campaignId: a.campaignId,
		title: a.title,
		description: a.description,
		type: a.type,
		mode: a.mode,
		onlineOnly: a.onlineOnly,
		venue: a.venue,
		platform: a.platform,
		externalUrl: a.externalUrl,
		recordingUrl: a.recordingUrl,
		startsAt: a.startsAt,
		endsAt: a.endsAt,
		capacity: a.capacity,
		targetGroups: a.targetGroups,
		status: a.status
	};
}

/** Whether the activity has a part on site now (a hybrid one moved online under distancing has not). */
export function heldOnsite(a: Pick<PublicActivity, 'mode' | 'onlineOnly'>): boolean {
	return a.mode !== 'online' && !a.onlineOnly;
}

/** Whether registrants join online. */
export function heldOnline(a: Pick<PublicActivity, 'mode'>): boolean {
	return a.mode !== 'in_person';
}

/**
 * A stored file's names for Content-Disposition: an ASCII one every browser takes ("tai-lieu-hoc-tap.pdf",
 * Vietnamese letters folded) and the Vietnamese one for `filename*`.
 */
export function downloadFileNames(fileName: string, fallback = 'tai-lieu'): { ascii: string; utf8: string } {
	const utf8 = fileName.normalize('NFC').replace(/[/\\"\r\n]+/g, '-').trim() || fallback;
	const dot = utf8.lastIndexOf('.');
	const [stem, extension] = dot > 0 ? [utf8.slice(0, dot), utf8.slice(dot + 1)] : [utf8, ''];
	const fold = (s: string) =>
		foldVietnamese(s)
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '');
	const ascii = [fold(stem) || fallback, fold(extension)].filter(Boolean).join('.');
	return { ascii, utf8 };
}
