// The partners domain's input schemas, shared by the forms and the services. Error messages are
// message keys; paths are the forms' field names.
import { z } from 'zod';
import { cleanText } from '$lib/vn/text';
import { line, list, paragraphs } from '$lib/features/fields';
import { parseDate } from '$lib/vn/dates';
import { emailField, phoneField, websiteField } from '$lib/features/org/inputs';
import { EDU_APP_AGE_MAX, EDU_APP_AGE_MIN, EDU_APP_LICENCES, EDU_APP_PLATFORMS, PARTNER_KINDS, SPONSORSHIP_KINDS, type EduAppFilters } from './types';

export const PARTNER_LIMITS = { name: 200, description: 2000, position: 150, sponsorship: 1000, appName: 150, appDescription: 2000, url: 500, note: 1000 } as const;

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
	z.enum(values, { error: (iss) => (iss.input === undefined || iss.input === '' ? 'field_required' : 'field_invalid') });

/** A line that may be left blank: null then. */
const optionalLine = (max: number) => line(max).optional().transform((v) => v || null);

const id = z.string({ error: 'field_required' }).trim().min(1, 'field_required').max(100, 'field_invalid');

/** A contact person at a partner. */
export const partnerContactInput = z.object({
	name: line(PARTNER_LIMITS.name, true),
	position: optionalLine(PARTNER_LIMITS.position),
	email: emailField.transform((v) => v ?? null),
	phone: phoneField.transform((v) => v ?? null)
});
export type PartnerContactInput = z.input<typeof partnerContactInput>;

const partnerFields = {
	name: line(PARTNER_LIMITS.name, true),
	kind: choice(PARTNER_KINDS),
	website: websiteField.transform((v) => v ?? null),
	description: paragraphs(PARTNER_LIMITS.description).default('')
};

/** A new partner, with its first contacts. */
export const partnerInput = z.object({ ...partnerFields, contacts: z.array(partnerContactInput).max(20, 'field_invalid').default([]) });
export type PartnerInput = z.input<typeof partnerInput>;

/** Changes to a partner's details (contacts are added and removed one by one). */
export const partnerUpdateInput = z.object(partnerFields);
export type PartnerUpdateInput = z.input<typeof partnerUpdateInput>;

/** The contact fieldset of a form, named `contacts.0.name`…, as a list: empty when nothing was typed. */
export function contactsFromForm(values: Record<string, unknown>): PartnerContactInput[] {
	const fields = ['name', 'position', 'email', 'phone'] as const;
	const out: PartnerContactInput[] = [];
	for (let i = 0; fields.some((f) => `contacts.${i}.${f}` in values); i++) {
		const contact = Object.fromEntries(fields.map((f) => [f, values[`contacts.${i}.${f}`] as string | undefined]));
		if (fields.some((f) => String(contact[f] ?? '').trim())) out.push(contact as PartnerContactInput);
	}
	return out;
}

/** The new-partner form's fields as the service's input. */
export function partnerFormToInput(values: Record<string, unknown>): PartnerInput {
	return { name: values.name as string, kind: values.kind as PartnerInput['kind'], website: values.website as string, description: values.description as string, contacts: contactsFromForm(values) };
}

/**
 * A sum in đồng as people type it: "20.000.000", "20 000 000 đ" or 20000000. Dots, commas and
 * spaces are read as grouping (the đồng has no subunit in use), so the result is whole đồng.
 */
const digitsOf = (v: string) => v.replace(/[\s.,]|vnđ|vnd|đ/gi, '');
const vnd = z.preprocess(
	(v) => (typeof v === 'string' ? (digitsOf(v) === '' ? undefined : Number(digitsOf(v))) : v),
	z
		.number({ error: (iss) => (iss.input === undefined ? 'field_required' : 'partners_value_invalid') })
		.int('partners_value_invalid')
		.positive('partners_value_invalid')
		.max(Number.MAX_SAFE_INTEGER, 'partners_value_invalid')
);

/** A date typed dd/mm/yyyy or sent yyyy-mm-dd, as yyyy-mm-dd. */
const day = z.preprocess(
	(v) => (v == null ? '' : v),
	z.string({ error: 'field_invalid_date' }).transform((v, ctx) => {
		if (!v.trim()) ctx.addIssue({ code: 'custom', message: 'field_required' });
		const iso = v.trim() ? parseDate(v) : undefined;
		if (v.trim() && (!iso || iso < '1990-01-01' || iso > '2100-12-31')) ctx.addIssue({ code: 'custom', message: 'field_invalid_date' });
		return iso ?? '';
	})
);

/** Money or goods a partner gave for a campaign. */
export const sponsorshipInput = z.object({
	partnerId: id,
	campaignId: id,
	kind: choice(SPONSORSHIP_KINDS),
	valueVnd: vnd,
	description: line(PARTNER_LIMITS.sponsorship).default(''),
	receivedOn: day
});
export type SponsorshipInput = z.input<typeof sponsorshipInput>;

const age = z.preprocess(
	(v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim())) : v),
	z
		.number({ error: (iss) => (iss.input === undefined ? 'field_required' : 'partners_age_invalid') })
		.int('partners_age_invalid')
		.min(EDU_APP_AGE_MIN, 'partners_age_invalid')
		.max(EDU_APP_AGE_MAX, 'partners_age_invalid')
);

/** An app's address: https only, since the directory sends children there. */
const httpsUrl = z.preprocess(
	(v) => (typeof v === 'string' ? v.trim() : v),
	z
		.string({ error: 'field_required' })
		.min(1, 'field_required')
		.max(PARTNER_LIMITS.url, 'field_too_long')
		.pipe(z.url({ protocol: /^https$/, hostname: z.regexes.domain, error: 'partners_url_https' }))
);

/** A free educational app proposed for the directory. */
export const eduAppInput = z
	.object({
		name: line(PARTNER_LIMITS.appName, true),
		ageMin: age,
		ageMax: age,
		platforms: list(z.enum(EDU_APP_PLATFORMS, { error: 'field_invalid' }))
			.refine((chosen) => chosen.length > 0, 'partners_platforms_required')
			// The directory's order, each once, whatever order the boxes were ticked in.
			.transform((chosen) => EDU_APP_PLATFORMS.filter((p) => chosen.includes(p))),
		url: httpsUrl,
		licence: choice(EDU_APP_LICENCES),
		description: paragraphs(PARTNER_LIMITS.appDescription).default('')
	})
	.superRefine(
		(a, ctx) => {
			if (typeof a.ageMin === 'number' && typeof a.ageMax === 'number' && a.ageMin > a.ageMax) ctx.addIssue({ code: 'custom', path: ['ageMax'], message: 'partners_age_order' });
		},
		// Also when other fields fail, so the form marks every field at fault at once.
		{ when: () => true }
	);
export type EduAppInput = z.input<typeof eduAppInput>;

/** A coordinator's decision on a proposed app; a refusal says why, for the proposer. */
export const eduAppReviewInput = z
	.object({
		decision: choice(['approved', 'rejected'] as const),
		note: line(PARTNER_LIMITS.note).default('')
	})
	.superRefine((r, ctx) => {
		if (r.decision === 'rejected' && !r.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'partners_review_note_required' });
	});
export type EduAppReviewInput = z.input<typeof eduAppReviewInput>;

/** The directory's filters from a query string; a value out of range is ignored, not an error (links get mangled). */
export function parseEduAppFilters(params: URLSearchParams | Record<string, string | undefined>): EduAppFilters {
	const get = (k: string) => (params instanceof URLSearchParams ? params.get(k) : params[k])?.trim() ?? '';
	const filters: EduAppFilters = {};
	const q = cleanText(get('q')).slice(0, 200);
	if (q) filters.q = q;
	const a = get('age');
	if (/^\d{1,2}$/.test(a) && Number(a) >= EDU_APP_AGE_MIN && Number(a) <= EDU_APP_AGE_MAX) filters.age = Number(a);
	const platform = get('platform');
	if ((EDU_APP_PLATFORMS as readonly string[]).includes(platform)) filters.platform = platform as EduAppFilters['platform'];
	const licence = get('licence');
	if ((EDU_APP_LICENCES as readonly string[]).includes(licence)) filters.licence = licence as EduAppFilters['licence'];
	return filters;
}
