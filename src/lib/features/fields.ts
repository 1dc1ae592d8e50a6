// Zod field builders every domain's inputs.ts shares: form values arrive as strings (or are
// missing), JSON bodies as typed values; errors are message keys.
import { z } from 'zod';
import { cleanText } from '$lib/vn/text';
import { parseVietnamDateTime } from '$lib/vn/dates';

const str = (v: unknown): unknown => (v === undefined || v === null ? '' : v);

/** One line of text, cleaned (NFC, spaces collapsed). */
export function line(max: number, required = false) {
	const base = z.string({ error: 'field_invalid' }).transform(cleanText);
	return z.preprocess(str, base.pipe(required ? z.string().min(1, 'field_required').max(max, 'field_too_long') : z.string().max(max, 'field_too_long')));
}

/** Paragraphs of plain text: each line cleaned, blank lines dropped. */
export function paragraphs(max: number) {
	return z.preprocess(
		str,
		z
			.string({ error: 'field_invalid' })
			.transform((v) =>
				v
					.normalize('NFC')
					.split(/\r?\n/)
					.map(cleanText)
					.filter(Boolean)
					.join('\n')
			)
			.pipe(z.string().max(max, 'field_too_long'))
	);
}

/** A checkbox ('on'), a yes/no select or a JSON boolean. */
export const yesNo = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1' || v === 'yes', z.boolean());

/** An id from a select; empty means none. */
export const optionalId = z.preprocess((v) => (v === '' || v === undefined ? null : v), z.string().max(64, 'field_invalid').nullable());

/** A list from repeated form fields (getAll) or a JSON array; one value becomes a list of one. */
export function list<T extends z.ZodType>(item: T) {
	return z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item));
}

/** An optional https (or http) link; empty means none. */
export function optionalUrl(max = 500) {
	return z.preprocess(
		(v) => (v === undefined || v === null ? '' : typeof v === 'string' ? v.trim() : v),
		z
			.string({ error: 'field_invalid' })
			.max(max, 'field_too_long')
			.refine((v) => v === '' || isWebUrl(v), 'field_invalid_url')
			.transform((v) => (v === '' ? null : v))
	);
}

export function isWebUrl(value: string): boolean {
	try {
		const u = new URL(value);
		return (u.protocol === 'https:' || u.protocol === 'http:') && Boolean(u.hostname);
	} catch {
		return false;
	}
}

/** A date and time typed in Vietnam. */
export const dateTime = z.preprocess(
	(v) => (v instanceof Date ? v.toISOString() : v === undefined || v === null ? '' : v),
	z.string({ error: 'field_invalid_datetime' }).transform((v, ctx): Date => {
		const t = v.trim();
		if (!t) {
			ctx.addIssue({ code: 'custom', message: 'field_required' });
			return new Date(NaN);
		}
		// Full ISO instants (API) keep their offset; wall-clock values are Vietnam time.
		const at = /(Z|[+-]\d{2}:?\d{2})$/.test(t) ? new Date(t) : parseVietnamDateTime(t);
		const year = at?.getUTCFullYear() ?? 0;
		if (!at || Number.isNaN(at.getTime()) || year < 2000 || year > 2100) {
			ctx.addIssue({ code: 'custom', message: 'field_invalid_datetime' });
			return new Date(NaN);
		}
		return at;
	})
);
