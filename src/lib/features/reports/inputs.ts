// Input schemas of the reports domain, shared by the form and the service. Error messages are message keys.
import { z } from 'zod';

export const REPORT_LIMITS = { section: 20000, label: 300 } as const;

const str = (v: unknown): unknown => (v === undefined || v === null ? '' : v);

/** A narrative section: plain paragraphs, one a line; NFC, trailing spaces trimmed, blank lines collapsed. */
const section = z.preprocess(
	str,
	z
		.string({ error: 'field_invalid' })
		.transform((v) =>
			v
				.normalize('NFC')
				.replace(/\r\n?/g, '\n')
				.split('\n')
				.map((l) => l.replace(/[\t ]+/g, ' ').trim())
				.filter(Boolean)
				.join('\n')
		)
		.pipe(z.string().max(REPORT_LIMITS.section, 'field_too_long'))
);

export const saveReportInput = z.object({
	direction: section,
	results: section,
	assessment: section,
	proposals: section,
	addresseeOrgId: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string({ error: 'field_invalid' }).optional()).transform((v) => v ?? null),
	/** The version the form was read at; an older one is refused (STALE). */
	version: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number({ error: 'field_invalid' }).int().min(0).optional())
});

/** What a form or a caller sends: every field optional and untyped until parsed. */
export type SaveReportInput = { [K in keyof z.input<typeof saveReportInput>]?: unknown };
