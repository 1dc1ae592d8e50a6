// The news domain's input schemas, shared by the forms and the services. Error messages are
// message keys; paths are the forms' field names.
import { z } from 'zod';
import { line, optionalId, optionalUrl } from '$lib/features/fields';
import { parseDate } from '$lib/vn/dates';
import { cleanText } from '$lib/vn/text';
import { NEWS_CHANNELS, NEWS_PRINT_FORMATS } from './types';

export const NEWS_LIMITS = { title: 300, summary: 1000, body: 100_000, alt: 300, tags: 10, tag: 50 } as const;

/** Tags typed as one line separated by commas; cleaned, without duplicates. */
const tags = z.preprocess(
	(v) => (Array.isArray(v) ? v.join(',') : typeof v === 'string' ? v : ''),
	z
		.string()
		.transform((v) => [...new Set(v.split(',').map(cleanText).filter(Boolean))])
		.pipe(z.array(z.string().max(NEWS_LIMITS.tag, 'field_too_long')).max(NEWS_LIMITS.tags, 'news_too_many_tags'))
);

/** A post as a writer creates or edits it; the body is HTML or plain paragraphs, sanitised by the service. */
export const newsPostInput = z.object({
	title: line(NEWS_LIMITS.title, true),
	summary: line(NEWS_LIMITS.summary).default(''),
	bodyHtml: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().max(NEWS_LIMITS.body, 'field_too_long')).default(''),
	coverAlt: line(NEWS_LIMITS.alt).default(''),
	tags: tags.default([]),
	campaignId: optionalId.default(null)
});
export type NewsPostInput = { [K in keyof z.input<typeof newsPostInput>]?: unknown };
export type NewsPostInputData = z.output<typeof newsPostInput>;

/** A date and time typed "dd/mm/yyyy hh:mm" (Vietnam time) or sent as an ISO instant. */
export function parseVietnamDateTime(value: string): Date | null {
	const t = value.trim();
	const m = /^(\S+)[ T](\d{1,2}):(\d{2})$/.exec(t);
	if (!m) {
		const d = new Date(t);
		return /\d{4}-\d{2}-\d{2}T/.test(t) && !Number.isNaN(d.getTime()) ? d : null;
	}
	const iso = parseDate(m[1]);
	const h = Number(m[2]);
	const min = Number(m[3]);
	if (!iso || h > 23 || min > 59) return null;
	const [y, mo, d] = iso.split('-').map(Number);
	// Vietnam is UTC+7 all year (no daylight saving).
	return new Date(Date.UTC(y, mo - 1, d, h - 7, min));
}

export const newsScheduleInput = z.object({
	publishAt: z.preprocess(
		(v) => (typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : ''),
		z.string().transform((v, ctx): Date => {
			if (!v.trim()) {
				ctx.addIssue({ code: 'custom', message: 'field_required' });
				return new Date(NaN);
			}
			const d = parseVietnamDateTime(v);
			if (!d) ctx.addIssue({ code: 'custom', message: 'news_invalid_datetime' });
			return d ?? new Date(NaN);
		})
	)
});
export type NewsScheduleInput = z.input<typeof newsScheduleInput>;

export const newsChannelEntryInput = z.object({
	channel: z.enum(NEWS_CHANNELS, { error: 'field_required' }),
	url: optionalUrl(),
	reach: z.preprocess((v) => (v === '' || v === undefined || v === null ? 0 : Number(String(v).replace(/[.\s]/g, ''))), z.number({ error: 'field_invalid' }).int('field_invalid').min(0, 'field_invalid').max(1_000_000_000, 'field_invalid')),
	publishedOn: z.preprocess(
		(v) => (typeof v === 'string' ? v : ''),
		z.string().transform((v, ctx): string => {
			const iso = parseDate(v.trim());
			if (!iso) ctx.addIssue({ code: 'custom', message: v.trim() ? 'field_invalid_date' : 'field_required' });
			return iso ?? '';
		})
	),
	note: line(500).default('')
});
/** What a form or API sends: every field as typed (the schema checks them). */
export type NewsChannelEntryInput = { [K in keyof z.input<typeof newsChannelEntryInput>]?: unknown };

export const newsPrintInput = z.object({
	format: z.enum(Object.keys(NEWS_PRINT_FORMATS) as [keyof typeof NEWS_PRINT_FORMATS], { error: 'field_required' }),
	slogan: line(300, true),
	/** Mã đơn vị hành chính where the banner hangs; required for a banner, not for a poster. */
	adminUnitCode: line(10).default(''),
	from: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string()).default(''),
	to: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string()).default('')
});
export type NewsPrintInput = { [K in keyof z.input<typeof newsPrintInput>]?: unknown };

/** The cover file of the editor's form, if one was chosen. */
export async function coverFromForm(form: FormData): Promise<{ bytes: Uint8Array; name: string } | undefined> {
	const file = form.get('cover');
	if (!(file instanceof File) || file.size === 0) return undefined;
	return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name };
}
