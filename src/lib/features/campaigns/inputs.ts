// The campaign editor's one input schema, shared by the form, the JSON API and the services.
// Error messages are message keys; paths are the form's field names (`sections.0.heading`).
import { z } from 'zod';
import { cleanText } from '$lib/vn/text';
import { formatDate } from '$lib/vn/dates';
import { isoDate, line } from '$lib/features/fields';
import { CAMPAIGN_STATUSES, SIGNING_AUTHORITIES, type Duty, type LegalBasis, type PlanSection, type Signer } from './types';

/** Limits of one plan; a real Kế hoạch holds far fewer of each. */
export const CAMPAIGN_LIMITS = {
	title: 300,
	paragraphs: 20_000,
	sectionBody: 100_000,
	line: 500,
	sections: 50,
	legalBases: 30,
	duties: 50,
	themes: 20,
	recipients: 50,
	/** Highest row index a plain form may post (`sections.99.heading`). */
	formRows: 100
} as const;

const str = (v: unknown): unknown => (v === undefined || v === null ? '' : v);


/** Paragraphs of plain text: each line cleaned, blank lines dropped, paragraphs joined by "\n". */
export function cleanParagraphs(value: string): string {
	return value
		.normalize('NFC')
		.split(/\r?\n/)
		.map(cleanText)
		.filter(Boolean)
		.join('\n');
}

function paragraphs(max: number) {
	return z.preprocess(str, z.string({ error: 'field_invalid' }).transform(cleanParagraphs).pipe(z.string().max(max, 'field_too_long')));
}

/** A date typed as dd/mm/yyyy or sent as yyyy-mm-dd; '' is null unless required. */
const dateField = isoDate;

/** A list typed one item a line (textarea) or sent as an array; empty lines are dropped. */
function lineList(maxItems: number, required: boolean) {
	return z.preprocess(
		(v) => {
			if (v === undefined || v === null) return [];
			if (typeof v === 'string') return v.split(/\r?\n/);
			return v;
		},
		z
			.array(z.string({ error: 'field_invalid' }), { error: 'field_invalid' })
			.transform((items) => items.map(cleanText).filter(Boolean))
			.superRefine((items, ctx) => {
				// Errors go on the list itself: the form has one textarea for it.
				if (required && items.length === 0) ctx.addIssue({ code: 'custom', message: 'field_required' });
				else if (items.length > maxItems || items.some((i) => i.length > CAMPAIGN_LIMITS.line)) ctx.addIssue({ code: 'custom', message: 'field_too_long' });
			})
	);
}

/** True when an HTML fragment holds no visible text. */
function blankHtml(html: string): boolean {
	return (
		html
			.replace(/<[^>]*>/g, '')
			.replace(/&nbsp;|&#160;/g, ' ')
			.trim() === ''
	);
}

/**
 * A repeated group whose rows may be left blank (a plain form shows spare rows): blank rows are
 * dropped after validation, so an error's index is still the row the user typed in.
 */
function rows<T extends z.ZodType>(item: T, isBlank: (row: z.output<T>) => boolean, max: number) {
	return z.preprocess(
		(v) => (v === undefined || v === null ? [] : v),
		z
			.array(item, { error: 'field_invalid' })
			.transform((list) => list.filter((row) => !isBlank(row)))
			.refine((list) => list.length <= max, 'field_too_long')
	);
}

const sectionItem = z
	.object({
		heading: line(CAMPAIGN_LIMITS.title).default(''),
		bodyHtml: z.preprocess(str, z.string({ error: 'field_invalid' }).max(CAMPAIGN_LIMITS.sectionBody, 'field_too_long')).default('')
	})
	.superRefine((row, ctx) => {
		if (!row.heading && !blankHtml(row.bodyHtml)) ctx.addIssue({ code: 'custom', path: ['heading'], message: 'field_required' });
	});

const legalBasisItem = z
	.object({
		kind: z.preprocess((v) => (v === '' || v == null ? 'document' : v), z.enum(['document', 'campaign'], { error: 'field_invalid' })).default('document'),
		number: line(100).default(''),
		date: dateField(false).default(null),
		issuer: line(CAMPAIGN_LIMITS.line).default(''),
		title: line(CAMPAIGN_LIMITS.line).default(''),
		campaignId: line(64).default('')
	})
	.superRefine((row, ctx) => {
		if (isBlankLegalBasis(row)) return;
		if (row.kind === 'campaign' && !row.campaignId) ctx.addIssue({ code: 'custom', path: ['campaignId'], message: 'field_required' });
		if (row.kind === 'document' && !row.title) ctx.addIssue({ code: 'custom', path: ['title'], message: 'field_required' });
	});

function isBlankLegalBasis(row: { number: string; date: string | null; issuer: string; title: string; campaignId: string }): boolean {
	return !row.number && !row.date && !row.issuer && !row.title && !row.campaignId;
}

function toLegalBasis(row: z.output<typeof legalBasisItem>): LegalBasis {
	if (row.kind === 'campaign') return { kind: 'campaign', campaignId: row.campaignId };
	const basis: LegalBasis = { kind: 'document', title: row.title };
	if (row.number) basis.number = row.number;
	if (row.date) basis.date = row.date;
	if (row.issuer) basis.issuer = row.issuer;
	return basis;
}

const dutyItem = z
	.object({ unit: line(CAMPAIGN_LIMITS.line).default(''), text: paragraphs(CAMPAIGN_LIMITS.paragraphs).default('') })
	.superRefine((row, ctx) => {
		if (row.unit && !row.text) ctx.addIssue({ code: 'custom', path: ['text'], message: 'field_required' });
	});

const upper = (v: string) => v.toLocaleUpperCase('vi');

const signerSchema = z.preprocess(
	(v) => v ?? {},
	z
		.object({
			name: line(120).default(''),
			position: line(200).transform(upper).default(''),
			// "KT." as typed on paper is accepted; the dot is part of the rendering, not the value.
			authority: z.preprocess(
				(v) => (typeof v === 'string' ? upper(v.trim()).replace(/\.$/, '') : str(v)),
				z.enum(SIGNING_AUTHORITIES, { error: 'field_invalid' })
			).default(''),
			authorityTitle: line(200).transform(upper).default('')
		})
		.superRefine((s, ctx) => {
			if (s.authority && !s.authorityTitle) ctx.addIssue({ code: 'custom', path: ['authorityTitle'], message: 'field_required' });
		})
);

/** "KH-VPUB", "KH-SGDĐT": groups of capitals or digits joined by "-" without spaces (Decree 30/2020, Appendix I §II.3). */
const SYMBOL = /^[\p{Lu}\p{N}&]+(?:-[\p{Lu}\p{N}&]+)*$/u;

/** The campaign as the editor and the API send it. */
export const campaignInput = z
	.object({
		title: line(CAMPAIGN_LIMITS.title, true),
		// The number part of "Số: 05/KH-VPUB"; digits only, blank until the plan is numbered.
		number: z.preprocess(
			str,
			z
				.string({ error: 'field_invalid' })
				.transform((v) => v.trim())
				.pipe(z.string().regex(/^\d{0,6}$/, 'field_invalid_document_number'))
				.transform((v) => v || null)
		).default(null),
		symbol: z.preprocess(
			str,
			z
				.string({ error: 'field_invalid' })
				.transform((v) => upper(v.normalize('NFC').replace(/\s+/g, '')))
				.pipe(z.string().min(1, 'field_required').max(40, 'field_too_long').regex(SYMBOL, 'field_invalid_symbol'))
		),
		place: line(100, true),
		documentDate: dateField(false).default(null),
		legalBases: rows(legalBasisItem, isBlankLegalBasis, CAMPAIGN_LIMITS.legalBases)
			.transform((list) => list.map(toLegalBasis))
			.default(() => []),
		introduction: paragraphs(CAMPAIGN_LIMITS.paragraphs).default(''),
		purposes: paragraphs(CAMPAIGN_LIMITS.paragraphs).default(''),
		requirements: paragraphs(CAMPAIGN_LIMITS.paragraphs).default(''),
		themes: lineList(CAMPAIGN_LIMITS.themes, true),
		startsOn: dateField(true),
		endsOn: dateField(true),
		sections: rows(sectionItem, (r) => !r.heading && blankHtml(r.bodyHtml), CAMPAIGN_LIMITS.sections)
			.transform((list): PlanSection[] => list)
			.default(() => []),
		duties: rows(dutyItem, (r) => !r.unit && !r.text, CAMPAIGN_LIMITS.duties)
			.transform((list): Duty[] => list)
			.default(() => []),
		recipients: lineList(CAMPAIGN_LIMITS.recipients, false).default(() => []),
		signer: signerSchema.transform((s): Signer => s).default((): Signer => ({ name: '', position: '', authority: '', authorityTitle: '' })),
		/** The campaign this one implements; it must belong to an ancestor node (checked by the service). */
		parentId: z
			.preprocess(str, z.string({ error: 'field_invalid' }).trim().max(64, 'field_invalid'))
			.transform((v) => v || null)
			.default(null)
	})
	.superRefine((v, ctx) => {
		if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'field_date_order' });
	})
	.transform((v) => ({ ...v, startsOn: v.startsOn as string, endsOn: v.endsOn as string, year: Number((v.startsOn as string).slice(0, 4)) }));

/** What the editor and the API may send (dates as dd/mm/yyyy or yyyy-mm-dd, lists as arrays or lines); missing optional parts are empty. */
export interface CampaignInputValues {
	title: string;
	/** Digits only ("05", "212"); blank or null until numbered. */
	number?: string | null;
	/** "KH-VPUB" */
	symbol: string;
	place: string;
	documentDate?: string | null;
	/** kind 'document' (title required) or 'campaign' (campaignId required); blank rows are dropped. */
	legalBases?: ReadonlyArray<Partial<Record<'kind' | 'number' | 'date' | 'issuer' | 'title' | 'campaignId', string | null>>>;
	introduction?: string;
	purposes?: string;
	requirements?: string;
	/** At least one; an array, or one a line. */
	themes: readonly string[] | string;
	startsOn: string;
	endsOn: string;
	sections?: ReadonlyArray<{ heading?: string; bodyHtml?: string }>;
	duties?: ReadonlyArray<{ unit?: string; text?: string }>;
	/** An array, or one a line. */
	recipients?: readonly string[] | string;
	signer?: { name?: string; position?: string; authority?: string; authorityTitle?: string };
	parentId?: string | null;
}
/** The validated campaign: clean text, ISO dates, blank rows dropped, `year` taken from `startsOn`. */
export type CampaignInput = z.output<typeof campaignInput>;

function first(v: unknown): string {
	if (Array.isArray(v)) return first(v[0]);
	return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

/** Collects `prefix.N.field` values into rows by N; holes become blank rows so indexes keep matching the form. */
function collectRows<F extends string>(values: Record<string, unknown>, prefix: string, fields: readonly F[]): Array<Record<F, string>> {
	const out: Array<Record<F, string>> = [];
	const pattern = new RegExp(`^${prefix}\\.(\\d{1,3})\\.(\\w+)$`);
	for (const [key, value] of Object.entries(values)) {
		const m = pattern.exec(key);
		if (!m) continue;
		const index = Number(m[1]);
		const field = m[2] as F;
		if (index >= CAMPAIGN_LIMITS.formRows || !fields.includes(field)) continue;
		while (out.length <= index) out.push(Object.fromEntries(fields.map((f) => [f, ''])) as Record<F, string>);
		out[index][field] = first(value);
	}
	return out;
}

/**
 * Turns the flat values a plain HTML form posts into the nested input: `themes` and
 * `recipients` one per line, `sections.N.heading|bodyHtml`, `legalBases.N.kind|number|date|issuer|title|campaignId`,
 * `duties.N.unit|text`, `signer.name|position|authority|authorityTitle`.
 */
export function campaignFormToInput(values: Record<string, unknown>): CampaignInputValues {
	return {
		title: first(values.title),
		number: first(values.number),
		symbol: first(values.symbol),
		place: first(values.place),
		documentDate: first(values.documentDate),
		introduction: first(values.introduction),
		purposes: first(values.purposes),
		requirements: first(values.requirements),
		themes: first(values.themes).split(/\r?\n/),
		startsOn: first(values.startsOn),
		endsOn: first(values.endsOn),
		recipients: first(values.recipients).split(/\r?\n/),
		parentId: first(values.parentId),
		sections: collectRows(values, 'sections', ['heading', 'bodyHtml'] as const),
		legalBases: collectRows(values, 'legalBases', ['kind', 'number', 'date', 'issuer', 'title', 'campaignId'] as const),
		duties: collectRows(values, 'duties', ['unit', 'text'] as const),
		signer: {
			name: first(values['signer.name']),
			position: first(values['signer.position']),
			authority: first(values['signer.authority']),
			authorityTitle: first(values['signer.authorityTitle'])
		}
	};
}

/** The same schema reading a form's flat values: `parseForm(campaignForm, formData)`. */
export const campaignForm = z.preprocess(
	(v) => (v && typeof v === 'object' && !Array.isArray(v) ? campaignFormToInput(v as Record<string, unknown>) : v),
	campaignInput
);

/** A campaign (a row, a validated input, or what was typed) as it would stand in the editor. */
export interface CampaignFormSource {
	title?: string | null;
	number?: string | null;
	symbol?: string | null;
	place?: string | null;
	documentDate?: string | null;
	introduction?: string | null;
	purposes?: string | null;
	requirements?: string | null;
	themes?: readonly string[] | string | null;
	startsOn?: string | null;
	endsOn?: string | null;
	recipients?: readonly string[] | string | null;
	parentId?: string | null;
	sections?: ReadonlyArray<Partial<Record<'heading' | 'bodyHtml', string | null>>> | null;
	legalBases?: ReadonlyArray<Partial<Record<'kind' | 'number' | 'date' | 'issuer' | 'title' | 'campaignId', string | null>>> | null;
	duties?: ReadonlyArray<Partial<Record<'unit' | 'text', string | null>>> | null;
	signer?: Partial<Record<'name' | 'position' | 'authority' | 'authorityTitle', string | null>> | null;
}

/** yyyy-mm-dd becomes dd/mm/yyyy; anything else (what the user typed) is kept as it is. */
function dateForForm(v: string | null | undefined): string {
	if (!v) return '';
	return /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : v;
}

/** The inverse of `campaignFormToInput`: flat form values (dates dd/mm/yyyy, lists one per line). */
export function campaignToFormValues(source: CampaignFormSource): Record<string, string> {
	const out: Record<string, string> = {
		title: source.title ?? '',
		number: source.number ?? '',
		symbol: source.symbol ?? '',
		place: source.place ?? '',
		documentDate: dateForForm(source.documentDate),
		introduction: source.introduction ?? '',
		purposes: source.purposes ?? '',
		requirements: source.requirements ?? '',
		themes: Array.isArray(source.themes) ? source.themes.join('\n') : ((source.themes as string | null | undefined) ?? ''),
		startsOn: dateForForm(source.startsOn),
		endsOn: dateForForm(source.endsOn),
		recipients: Array.isArray(source.recipients) ? source.recipients.join('\n') : ((source.recipients as string | null | undefined) ?? ''),
		parentId: source.parentId ?? '',
		'signer.name': source.signer?.name ?? '',
		'signer.position': source.signer?.position ?? '',
		'signer.authority': source.signer?.authority ?? '',
		'signer.authorityTitle': source.signer?.authorityTitle ?? ''
	};
	(source.sections ?? []).forEach((s, i) => {
		out[`sections.${i}.heading`] = s.heading ?? '';
		out[`sections.${i}.bodyHtml`] = s.bodyHtml ?? '';
	});
	(source.legalBases ?? []).forEach((b, i) => {
		out[`legalBases.${i}.kind`] = b.kind ?? 'document';
		out[`legalBases.${i}.number`] = b.number ?? '';
		out[`legalBases.${i}.date`] = dateForForm(b.date);
		out[`legalBases.${i}.issuer`] = b.issuer ?? '';
		out[`legalBases.${i}.title`] = b.title ?? '';
		out[`legalBases.${i}.campaignId`] = b.campaignId ?? '';
	});
	(source.duties ?? []).forEach((d, i) => {
		out[`duties.${i}.unit`] = d.unit ?? '';
		out[`duties.${i}.text`] = d.text ?? '';
	});
	return out;
}

/** How many rows of `prefix.N.*` the values hold: the editor shows that many, plus spare blank ones. */
export function countFormRows(values: Record<string, unknown>, prefix: 'sections' | 'legalBases' | 'duties'): number {
	let count = 0;
	const pattern = new RegExp(`^${prefix}\\.(\\d{1,3})\\.`);
	for (const key of Object.keys(values)) {
		const m = pattern.exec(key);
		if (m && Number(m[1]) < CAMPAIGN_LIMITS.formRows) count = Math.max(count, Number(m[1]) + 1);
	}
	return count;
}

/** The Week runs from 1 to 7 October every year. */
export function defaultCampaignPeriod(year: number): { startsOn: string; endsOn: string } {
	return { startsOn: `${year}-10-01`, endsOn: `${year}-10-07` };
}

/** What a new campaign's editor starts with: the yearly title and the 1–7 October period. */
export function newCampaignFormValues(options: { year: number; symbol?: string; place?: string }): Record<string, string> {
	return campaignToFormValues({
		title: `Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm ${options.year}`,
		symbol: options.symbol ?? 'KH-',
		place: options.place ?? '',
		...defaultCampaignPeriod(options.year)
	});
}

/** A return to draft needs its reason. */
export const campaignReturnInput = z.object({ reason: paragraphs(2000).pipe(z.string().min(1, 'field_required')) });

/** Clone into a year; blank means the year after the source's. */
export const campaignCloneInput = z.object({
	year: z.preprocess((v) => (v === '' || v == null ? undefined : v), z.coerce.number({ error: 'field_invalid' }).int('field_invalid').min(2000, 'field_invalid').max(2100, 'field_invalid').optional())
});

/** The back office list's filters (query string or API). */
export const campaignListQuery = z.object({
	orgId: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(64).optional()),
	status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(CAMPAIGN_STATUSES, { error: 'field_invalid' }).optional()),
	q: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(200, 'field_too_long').optional()),
	year: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number({ error: 'field_invalid' }).int('field_invalid').min(2000, 'field_invalid').max(2100, 'field_invalid').optional())
});
export type CampaignListQuery = z.output<typeof campaignListQuery>;
