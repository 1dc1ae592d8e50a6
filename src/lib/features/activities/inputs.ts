// The activities domain's input schemas, shared by the forms, the API and the services. Error
// messages are message keys; paths are the forms' field names.
import { z } from 'zod';
import { normalizePhone } from '$lib/vn/phone';
import { LEARNER_GROUPS } from '$lib/features/org/types';
import { line, paragraphs, optionalId, list, optionalUrl, dateTime } from '$lib/features/fields';
import { ACTIVITY_MODES, ACTIVITY_TYPES, CONSENT_PURPOSES, ONLINE_PLATFORMS, TICKET_ALPHABET, type OnlinePlatform } from './types';

export const ACTIVITY_LIMITS = { title: 300, description: 10000, venue: 300, name: 120, note: 2000, capacity: 100000 } as const;

/**
 * The hosts each platform's meeting links live on. A link of `other` may be any web address.
 * [M] Platforms add domains; this list is the one place to change.
 */
export const PLATFORM_HOSTS: Record<Exclude<OnlinePlatform, 'other'>, readonly string[]> = {
	zoom: ['zoom.us', 'zoom.com'],
	google_meet: ['meet.google.com'],
	teams: ['teams.microsoft.com', 'teams.live.com'],
	k12online: ['k12online.vn'],
	youtube_live: ['youtube.com', 'youtu.be']
};

/** True when `url` is an https link on one of the platform's hosts (or a subdomain of one). */
export function meetingUrlMatchesPlatform(platform: OnlinePlatform, url: string): boolean {
	let u: URL;
	try {
		u = new URL(url);
	} catch {
		return false;
	}
	if (u.protocol !== 'https:') return false;
	if (platform === 'other') return true;
	const host = u.hostname.toLowerCase();
	return PLATFORM_HOSTS[platform].some((h) => host === h || host.endsWith(`.${h}`));
}

/** Places: empty means no limit; otherwise a whole number, zero or more. */
const capacity = z.preprocess(
	(v) => (v === '' || v === undefined || v === null ? null : typeof v === 'string' ? Number(v.trim()) : v),
	z
		.number({ error: 'activities_capacity_invalid' })
		.int('activities_capacity_invalid')
		.min(0, 'activities_capacity_negative')
		.max(ACTIVITY_LIMITS.capacity, 'activities_capacity_invalid')
		.nullable()
);

const emptyToNull = (v: unknown) => (v === '' || v === undefined ? null : v);

export const activityInput = z
	.object({
		title: line(ACTIVITY_LIMITS.title, true),
		description: paragraphs(ACTIVITY_LIMITS.description),
		type: z.enum(ACTIVITY_TYPES, { error: 'field_required' }),
		mode: z.enum(ACTIVITY_MODES, { error: 'field_required' }),
		venue: line(ACTIVITY_LIMITS.venue),
		adminUnitCode: optionalId,
		platform: z.preprocess(emptyToNull, z.enum(ONLINE_PLATFORMS, { error: 'field_invalid' }).nullable()),
		meetingUrl: optionalUrl(),
		externalUrl: optionalUrl(),
		startsAt: dateTime,
		endsAt: dateTime,
		/** Empty: the campaign's own organisation hosts it. */
		hostUnitId: optionalId,
		partnerId: optionalId,
		partnerIds: list(z.string().max(64, 'field_invalid')),
		capacity,
		targetGroups: list(z.enum(LEARNER_GROUPS, { error: 'field_invalid' }))
	})
	.superRefine((v, ctx) => {
		const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
		if (!Number.isNaN(v.startsAt.getTime()) && !Number.isNaN(v.endsAt.getTime()) && v.endsAt <= v.startsAt) issue('endsAt', 'activities_end_before_start');
		if (v.mode !== 'online') {
			if (!v.venue) issue('venue', 'activities_venue_required');
			if (!v.adminUnitCode) issue('adminUnitCode', 'activities_place_required');
		}
		if (v.mode !== 'in_person') {
			if (!v.platform) issue('platform', 'activities_platform_required');
			if (!v.meetingUrl) issue('meetingUrl', 'activities_link_required');
			else if (v.platform && !meetingUrlMatchesPlatform(v.platform, v.meetingUrl)) issue('meetingUrl', 'activities_link_not_platform');
		}
		if (v.type === 'international_forum' && !v.externalUrl) issue('externalUrl', 'activities_external_required');
	})
	.transform((v) => ({
		...v,
		// A link and platform mean nothing for an in-person activity; a venue nothing for an online one.
		platform: v.mode === 'in_person' ? null : v.platform,
		meetingUrl: v.mode === 'in_person' ? null : v.meetingUrl,
		venue: v.mode === 'online' ? '' : v.venue,
		adminUnitCode: v.mode === 'online' ? null : v.adminUnitCode,
		partnerIds: [...new Set(v.partnerIds.filter(Boolean))],
		targetGroups: [...new Set(v.targetGroups)]
	}));
/** What a form or the API sends, as typed: every field optional and unchecked; the schema decides. */
export type ActivityInput = Partial<Record<keyof z.input<typeof activityInput>, unknown>>;
export type ActivityInputData = z.output<typeof activityInput>;

const consents = list(z.enum(CONSENT_PURPOSES, { error: 'field_invalid' })).transform((v) => [...new Set(v)]);

const email = z.preprocess(
	(v) => (typeof v === 'string' ? v.trim().toLowerCase() : v === undefined || v === null ? '' : v),
	z
		.string({ error: 'field_invalid_email' })
		.max(254, 'field_invalid_email')
		.refine((v) => v === '' || z.email().safeParse(v).success, 'field_invalid_email')
		.transform((v) => (v === '' ? null : v))
);

const phone = z.preprocess(
	(v) => (v === undefined || v === null ? '' : v),
	z.string({ error: 'field_invalid_phone' }).transform((v, ctx): string | null => {
		if (!v.trim()) return null;
		const e164 = normalizePhone(v);
		if (!e164) ctx.addIssue({ code: 'custom', message: 'field_invalid_phone' });
		return e164 ?? null;
	})
);

/**
 * A guest's (or an assisted citizen's) registration: a name and an e-mail or a phone, the learner
 * group, and the purposes consented to — each an unticked box, none required.
 */
export const guestRegistrationInput = z
	.object({
		name: line(ACTIVITY_LIMITS.name, true),
		email,
		phone,
		learnerGroup: z.preprocess(emptyToNull, z.enum(LEARNER_GROUPS, { error: 'field_invalid' }).nullable()),
		consents
	})
	.superRefine((v, ctx) => {
		if (!v.email && !v.phone) ctx.addIssue({ code: 'custom', path: ['email'], message: 'activities_contact_required' });
	});
export type GuestRegistrationInput = Partial<Record<keyof z.input<typeof guestRegistrationInput>, unknown>>;

/** A signed-in learner's registration: their account gives the name and e-mail. */
export const memberRegistrationInput = z.object({
	learnerGroup: z.preprocess(emptyToNull, z.enum(LEARNER_GROUPS, { error: 'field_invalid' }).nullable()),
	consents
});
export type MemberRegistrationInput = Partial<Record<keyof z.input<typeof memberRegistrationInput>, unknown>>;

/** A ticket code typed at the door: case, spaces and dashes do not matter. */
export const ticketCodeInput = z.object({
	code: z.preprocess(
		(v) => (typeof v === 'string' ? v : ''),
		z.string().transform((v, ctx) => {
			const code = v
				.toUpperCase()
				.replace(/[\s-]/g, '');
			if (!code) ctx.addIssue({ code: 'custom', message: 'field_required' });
			else if (![...code].every((c) => TICKET_ALPHABET.includes(c))) ctx.addIssue({ code: 'custom', message: 'activities_ticket_unknown' });
			return code;
		})
	)
});

/** The rotating code the host shows, typed by a participant. */
export const activityCodeInput = z.object({
	code: z.preprocess((v) => (typeof v === 'string' ? v.replace(/\s/g, '') : ''), z.string().regex(/^\d{6}$/, 'activities_code_invalid'))
});

/** What a participant of an international forum learned (M14). */
export const learningNoteInput = z.object({ note: line(ACTIVITY_LIMITS.note, true) });

/** The recording link added after an activity. */
export const recordingInput = z.object({ recordingUrl: optionalUrl() });

/** A material given as a link. */
export const materialLinkInput = z.object({ title: line(200, true), url: optionalUrl().pipe(z.string({ error: 'field_required' })) });
