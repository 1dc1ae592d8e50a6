// Input schemas of the documents domain's register, shared by the forms and the services.
// Error messages are message keys.
import { z } from 'zod';
import { cleanText } from '$lib/vn/text';
import { isoDate, line } from '$lib/features/fields';
import { DOCUMENT_TYPE_CODES, NUMBERING_MODES, OFFICIAL_LETTER, type DocumentRecipientRef } from './register';

export const DOCUMENT_LIMITS = {
	summary: 500,
	name: 100,
	position: 150,
	label: 300,
	recipients: 100,
	note: 500,
	copies: 9999
} as const;

const str = (v: unknown): unknown => (v === undefined || v === null ? '' : v);


/** A date typed as dd/mm/yyyy or sent as yyyy-mm-dd; '' is null. */
const optionalDate = isoDate(false);

/** Groups of letters or digits joined by "-", no spaces: "KH-VPUB", "VPUB-TCHCQT", "QyĐ-UBND" (Appendix I §II.3). */
const SYMBOL = /^[\p{L}\p{N}&]+(?:-[\p{L}\p{N}&]+)*$/u;
/** A unit's short code: letters and digits only ("TCHCQT"). */
const CODE = /^[\p{L}\p{N}&]+$/u;

/** "- Sở Giáo dục và Đào tạo (b/c);" → "Sở Giáo dục và Đào tạo (b/c)": the list's dash and end punctuation are layout. */
export function cleanRecipientLabel(value: string): string {
	return cleanText(value)
		.replace(/^[-–+•]\s*/, '')
		.replace(/[;.,]+$/, '')
		.trim();
}

/** "Lưu: VT, TCHCQT." names the archive copies, not a recipient. */
export function isArchiveLine(label: string): boolean {
	return /^lưu\s*:/iu.test(cleanText(label).replace(/^[-–+•]\s*/, ''));
}

const recipientItem = z.preprocess(
	(v) => (typeof v === 'string' ? { label: v } : v),
	z.object({
		label: z.preprocess(str, z.string({ error: 'field_invalid' }).transform(cleanRecipientLabel).pipe(z.string().max(DOCUMENT_LIMITS.label, 'field_too_long'))),
		orgId: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string({ error: 'field_invalid' }).optional())
	})
);

/** Recipients typed one a line (a textarea) or sent as a list; blank lines are dropped. */
const recipientList = z.preprocess(
	(v) => {
		if (v === undefined || v === null) return [];
		if (typeof v === 'string') return v.split(/\r?\n/);
		return v;
	},
	z
		.array(recipientItem, { error: 'field_invalid' })
		.transform((items) => items.filter((i) => i.label || i.orgId).map((i): DocumentRecipientRef => (i.orgId ? { label: i.label, orgId: i.orgId } : { label: i.label })))
		.superRefine((items, ctx) => {
			if (items.length > DOCUMENT_LIMITS.recipients) ctx.addIssue({ code: 'custom', message: 'field_too_long' });
			if (items.some((i) => !i.label)) ctx.addIssue({ code: 'custom', message: 'field_required' });
		})
);

/** A document to register and send: what the register and the inbox hold of it. */
const issueDocumentFields = z.object({
	orgId: z.preprocess(str, z.string({ error: 'field_invalid' }).trim().min(1, 'field_required')),
	type: z.enum(DOCUMENT_TYPE_CODES, { error: 'field_invalid' }),
	summary: line(DOCUMENT_LIMITS.summary, true),
	campaignId: z.preprocess((v) => (v === '' ? null : v), z.string({ error: 'field_invalid' }).nullish()).transform((v) => v ?? null),
	// Người ký: a plan issued before its signer was filled in still enters the register (blank).
	signerName: line(DOCUMENT_LIMITS.name).default(''),
	signerPosition: line(DOCUMENT_LIMITS.position).default(''),
	recipients: recipientList.default(() => []),
	documentDate: optionalDate.default(null),
	// A number given by a person (a document numbered outside LearnWeek): the sequence is not used.
	number: z
		.preprocess(
			(v) => (typeof v === 'number' ? String(v) : str(v)),
			z
				.string({ error: 'field_invalid' })
				.transform((v) => v.trim())
				.pipe(z.string().regex(/^\d{0,6}$/, 'field_invalid_document_number'))
				.transform((v) => (v ? Number(v) : null))
				.refine((v) => v === null || v > 0, 'field_invalid_document_number')
		)
		.default(null),
	// The symbol as the document prints it, when it is not the usual "<type>-<agency code>".
	symbol: z
		.preprocess(str, z.string({ error: 'field_invalid' }).transform((v) => v.normalize('NFC').replace(/\s+/g, '')).pipe(z.string().max(40, 'field_too_long')))
		.refine((v) => !v || SYMBOL.test(v), 'field_invalid_symbol')
		.transform((v) => v || null)
		.default(null),
	// The drafting unit's code, after the agency's in a công văn's symbol ("VPUB-TCHCQT").
	unitCode: z
		.preprocess(str, z.string({ error: 'field_invalid' }).transform((v) => v.normalize('NFC').trim()).pipe(z.string().max(20, 'field_too_long')))
		.refine((v) => !v || CODE.test(v), 'field_invalid_short_code')
		.transform((v) => v || null)
		.default(null),
	archive: line(200).transform((v) => v.replace(/^lưu\s*:\s*/iu, '').replace(/[;.]+$/, '') || 'VT').default('VT'),
	copies: z
		.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number({ error: 'field_invalid' }).int('field_invalid').min(1, 'field_invalid').max(DOCUMENT_LIMITS.copies, 'field_invalid').optional())
		.transform((v) => v ?? null),
	note: line(DOCUMENT_LIMITS.note).default('')
});

/** Decree 30/2020, Appendix I §II.3 (b): a công văn's symbol names the drafting unit. */
function letterNeedsUnit(d: { type: string; symbol: string | null; unitCode: string | null }, ctx: z.RefinementCtx): void {
	if (d.type === OFFICIAL_LETTER && !d.symbol && !d.unitCode) ctx.addIssue({ code: 'custom', path: ['unitCode'], message: 'field_required' });
}

export const issueDocumentInput = issueDocumentFields.superRefine(letterNeedsUnit);

export type IssueDocumentInput = z.input<typeof issueDocumentInput>;
export type IssueDocumentData = z.output<typeof issueDocumentInput>;

/** The register's form: a person registering a document names its signer. */
export const issueDocumentFormInput = issueDocumentFields
	.extend({ signerName: line(DOCUMENT_LIMITS.name, true), signerPosition: line(DOCUMENT_LIMITS.position, true) })
	.superRefine(letterNeedsUnit);

/** How an organisation numbers its documents. */
export const numberingPolicyInput = z.object({
	orgId: z.preprocess(str, z.string({ error: 'field_invalid' }).trim().min(1, 'field_required')),
	mode: z.enum(NUMBERING_MODES, { error: 'field_invalid' })
});

export type NumberingPolicyInput = z.input<typeof numberingPolicyInput>;

/** Why an issued document is cancelled (it keeps its number). */
export const cancelDocumentInput = z.object({ reason: line(DOCUMENT_LIMITS.note, true) });

/** The register's filters as the page's query string sends them. */
export const registerQueryInput = z.object({
	orgId: z.preprocess(str, z.string().trim().min(1, 'field_required')),
	year: z.coerce.number({ error: 'field_invalid' }).int('field_invalid').min(1990, 'field_invalid').max(2100, 'field_invalid'),
	type: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.enum(DOCUMENT_TYPE_CODES, { error: 'field_invalid' }).optional()),
	q: z.preprocess((v) => (v === null ? undefined : v), z.string().max(200, 'field_too_long').optional())
});

export type RegisterQuery = z.input<typeof registerQueryInput>;
