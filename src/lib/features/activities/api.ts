// What the JSON API answers about activities and registrations, and the bodies it accepts: the
// Zod schemas the OpenAPI document is generated from, and the functions shaping rows into them
// (no meeting links, secrets or internal columns; a registrant's own link only to the registrant).
import { z } from 'zod';
import { LEARNER_GROUPS } from '$lib/features/org/types';
import { ACTIVITY_MODES, ACTIVITY_STATUSES, ACTIVITY_TYPES, CONSENT_PURPOSES, ONLINE_PLATFORMS, REGISTRATION_STATUSES, type RegistrationStatus } from './types';
import { publicActivity, type PublicActivity } from './format';

const isoDateTime = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 date and time' });

export const activityJson = z.object({
	id: z.string(),
	campaignId: z.string(),
	title: z.string(),
	description: z.string(),
	type: z.enum(ACTIVITY_TYPES),
	mode: z.enum(ACTIVITY_MODES),
	onlineOnly: z.boolean().meta({ description: 'A hybrid activity moved online only (distancing)' }),
	venue: z.string(),
	adminUnitCode: z.string().nullable(),
	platform: z.enum(ONLINE_PLATFORMS).nullable().meta({ description: 'The meeting link itself goes only to registrants' }),
	externalUrl: z.string().nullable(),
	recordingUrl: z.string().nullable(),
	startsAt: isoDateTime,
	endsAt: isoDateTime,
	hostName: z.string(),
	capacity: z.number().int().nullable().meta({ description: 'null: no limit' }),
	registered: z.number().int(),
	waitlisted: z.number().int(),
	placesLeft: z.number().int().nullable(),
	targetGroups: z.array(z.string()),
	status: z.enum(ACTIVITY_STATUSES),
	url: z.string().meta({ description: 'The public page' })
});
export const activityListJson = z.object({ items: z.array(activityJson) });

export const programmeQuery = z.object({
	mode: z.enum(ACTIVITY_MODES).optional(),
	type: z.enum(ACTIVITY_TYPES).optional(),
	group: z.enum(LEARNER_GROUPS).optional(),
	q: z.string().max(200).optional().meta({ description: 'Search in titles, descriptions and venues; diacritics are ignored' })
});

export const registrationBody = z
	.object({
		name: z.string().optional().meta({ description: 'Guests only: the full name' }),
		email: z.string().optional().meta({ description: 'Guests: an e-mail or a phone is required' }),
		phone: z.string().optional(),
		learnerGroup: z.enum(LEARNER_GROUPS).optional(),
		consents: z.array(z.enum(CONSENT_PURPOSES)).optional().meta({ description: 'Purposes consented to; none is assumed' })
	})
	.meta({ description: 'With a token, the account registers itself (name and e-mail from the account); without one, a guest registers. Send an Idempotency-Key header to make a retry act once.' });

export const registrationJson = z.object({
	id: z.string(),
	activityId: z.string(),
	status: z.enum(REGISTRATION_STATUSES),
	ticketCode: z.string(),
	registrationUrl: z.string().meta({ description: "The registrant's page: ticket, join link, cancel (keep it private)" })
});

/** An activity as the API shows it: what the public page shows (no meeting link, no secrets), with its place code, counts and address. */
export function toActivityJson(a: PublicActivity & { adminUnitCode: string | null }, extra: { hostName: string; registered: number; waitlisted: number; placesLeft: number | null }, origin: string): z.infer<typeof activityJson> {
	const p = publicActivity(a);
	return {
		...p,
		adminUnitCode: a.adminUnitCode,
		startsAt: p.startsAt.toISOString(),
		endsAt: p.endsAt.toISOString(),
		hostName: extra.hostName,
		registered: extra.registered,
		waitlisted: extra.waitlisted,
		placesLeft: extra.placesLeft,
		url: `${origin}/activities/${a.id}`
	};
}

export function toRegistrationJson(r: { id: string; activityId: string; status: RegistrationStatus; ticketCode: string; token: string }, origin: string): z.infer<typeof registrationJson> {
	return { id: r.id, activityId: r.activityId, status: r.status, ticketCode: r.ticketCode, registrationUrl: `${origin}/registrations/${r.token}` };
}
