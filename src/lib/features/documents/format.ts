// How an official document reads whatever it is rendered to (DOCX, PDF, the preview page): the
// Decree 30/2020 page setup and type sizes, the formatted header lines, the closing "./.", and the
// campaign plan as a document.
import { formatDocumentNumber } from '$lib/vn/numbers';
import { formatFormalDate } from '$lib/vn/dates';
import type { CampaignDocument } from '$lib/server/campaigns/export';
import type { OutlinePart } from '$lib/features/campaigns/format';
import { DOCUMENT_TYPE_NAMES, type DocumentBlock, type DocumentSignature, type ListItem, type OfficialDocument, type RichText, type Span } from './types';

/**
 * Decree 30/2020, Appendix I, Part I: A4 portrait; margins top and bottom 20–25 mm, left 30–35 mm,
 * right 15–20 mm; Times New Roman; body 13–14 pt justified, first-line indent 1–1.27 cm, paragraph
 * spacing ≥ 6 pt, line spacing single to 1.5. Sizes are points; lengths millimetres.
 */
export const DECREE30 = {
	page: { width: 210, height: 297 },
	margin: { top: 20, bottom: 20, left: 30, right: 15 },
	/** Where the page number sits: centred in the top margin, this far from the top edge. */
	pageNumberFromTop: 10,
	/** The header table's left column (agency, number); the right one holds the Quốc hiệu and the date. */
	headerLeftShare: 0.4,
	firstLineIndent: 12.7,
	/** Multiple of the font's single line height (single = 1.0, the Decree allows up to 1.5). */
	lineSpacing: 1.15,
	paragraphAfter: 6,
	/** The short rules under the agency and the trích yếu: between 1/3 and 1/2 of the line above. */
	shortRuleShare: 0.4,
	size: {
		governingBody: 13,
		issuer: 13,
		reference: 13,
		nationalTitle: 12,
		motto: 13,
		placeAndDate: 14,
		type: 14,
		summary: 14,
		enactingAuthority: 14,
		addressees: 14,
		citation: 14,
		body: 14,
		table: 12,
		recipientsLabel: 12,
		recipients: 11,
		signature: 14,
		pageNumber: 14,
		appendixLabel: 14,
		appendixTitle: 14
	}
} as const;

/** ❶ and ❷ (Appendix I §II.1): hyphens with a space either side. */
export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
/** After a decision's legal bases, before its articles. */
export const DECISION_LINE = 'QUYẾT ĐỊNH:';
export const RECIPIENTS_LABEL = 'Nơi nhận:';
export const ADDRESSEES_LABEL = 'Kính gửi:';
/** The end of the body, as in every template of Appendix III. */
export const BODY_END = './.';

/** ⑤a "KẾ HOẠCH", "BÁO CÁO", "QUYẾT ĐỊNH". */
export function documentTypeName(doc: Pick<OfficialDocument, 'kind'>): string {
	return DOCUMENT_TYPE_NAMES[doc.kind];
}

/** Decree 30/2020, Appendix I §II.3: numbers below 10 take a leading zero ("05"). */
export const formatNumber = formatDocumentNumber;

/** ② "Số: 05/KH-VPUB"; "Số: …/KH-VPUB" while unnumbered. */
export function formatReference(doc: Pick<OfficialDocument, 'number' | 'symbol'>): string {
	return `Số: ${formatNumber(doc.number) || '…'}/${doc.symbol}`;
}

/** ❹ "Sơn La, ngày 05 tháng 01 năm 2021", or "Sơn La, ngày … tháng … năm 2021" while undated. */
export function formatPlaceAndDate(doc: Pick<OfficialDocument, 'place' | 'date' | 'year'>): string {
	const date = doc.date ? formatFormalDate(doc.date) : `ngày … tháng … năm ${doc.year}`;
	return doc.place ? `${doc.place}, ${date}` : date;
}

function listEnd(lines: string[], last = '.'): string[] {
	return lines.map((l, i) => `${l.replace(/[;.,]+$/, '')}${i === lines.length - 1 ? last : ';'}`);
}

/** 9b the list under "Nơi nhận:": "- Sở …;" each, the last "- Lưu: VT, TCHCQT.". */
export function recipientLines(doc: Pick<OfficialDocument, 'recipients' | 'archive'>): string[] {
	const archive = doc.archive.trim().replace(/^Lưu:\s*/i, '').replace(/[;.]+$/, '') || 'VT';
	return listEnd([...doc.recipients.map((r) => r.trim()).filter(Boolean), `Lưu: ${archive}`]).map((l) => `- ${l}`);
}

/**
 * 9a: one addressee goes on the "Kính gửi:" line; several go on lines of their own, "- …;" and the
 * last ".", aligned under the colon. Empty when the document is sent to no one in particular.
 */
export function addresseeLines(doc: Pick<OfficialDocument, 'addressees'>): { inline: string } | { lines: string[] } | null {
	const list = (doc.addressees ?? []).map((a) => a.trim().replace(/[;.]+$/, '')).filter(Boolean);
	if (!list.length) return null;
	if (list.length === 1) return { inline: `${ADDRESSEES_LABEL} ${list[0]}.` };
	return { lines: listEnd(list).map((l) => `- ${l}`) };
}

/** Spans of a rich text (plain text is one upright span). */
export function spansOf(text: RichText): Span[] {
	return typeof text === 'string' ? [{ text }] : text;
}

/** The plain text of a rich text. */
export function plainText(text: RichText): string {
	return spansOf(text)
		.map((s) => s.text)
		.join('');
}

/** Decree 30/2020, Appendix I §II.6: điểm run a, b, c, d, đ, e, g, h, i, k… (the Vietnamese alphabet). */
const POINT_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

/** "- " for a list item, "+ " nested, "a) " for the items of an ordered list. */
export function listMarker(depth: number, index: number, ordered = false): string {
	if (ordered) return `${POINT_LETTERS[index] ?? index + 1}) `;
	return depth === 0 ? '- ' : '+ ';
}

/** "Điều 1." */
export function articleLabel(number: number): string {
	return `Điều ${number}.`;
}

function closeSpans(spans: Span[]): Span[] {
	const all = spans.map((s) => s.text).join('');
	if (all.trimEnd().endsWith(BODY_END)) return spans;
	const out = spans.map((s) => ({ ...s }));
	// Drop the final full stop (or list punctuation) and end with "./." in the last span's style.
	for (let i = out.length - 1; i >= 0; i--) {
		const trimmed = out[i].text.replace(/\s+$/, '');
		if (!trimmed) {
			out.splice(i, 1);
			continue;
		}
		out[i].text = trimmed.replace(/[.;,:]+$/, '') + BODY_END;
		return out;
	}
	return [{ text: BODY_END }];
}

function closeRich(text: RichText): RichText {
	const closed = closeSpans(spansOf(text));
	return typeof text === 'string' ? closed.map((s) => s.text).join('') : closed;
}

function closeItems(items: ListItem[]): ListItem[] {
	const last = items.at(-1);
	if (!last) return items;
	const closed: ListItem = last.items?.length ? { ...last, items: closeItems(last.items) } : { ...last, text: closeRich(last.text) };
	return [...items.slice(0, -1), closed];
}

function closeBlock(block: DocumentBlock): DocumentBlock | null {
	switch (block.kind) {
		case 'paragraph':
			return { ...block, text: closeRich(block.text) };
		case 'list':
			return block.items.length ? { ...block, items: closeItems(block.items) } : null;
		case 'article': {
			if (block.blocks?.length) {
				const inner = closeBlocks(block.blocks);
				return { ...block, blocks: inner };
			}
			if (block.text !== undefined || !block.title) return { ...block, text: closeRich(block.text ?? '') };
			return { ...block, title: plainText(closeRich(block.title)) };
		}
		default:
			return null;
	}
}

/**
 * The body as printed: its last paragraph (or list item, or article) ends with "./.". After a
 * heading or a table, "./." stands on a line of its own.
 */
export function closeBlocks(blocks: DocumentBlock[]): DocumentBlock[] {
	const last = blocks.at(-1);
	if (!last) return blocks;
	const closed = closeBlock(last);
	return closed ? [...blocks.slice(0, -1), closed] : [...blocks, { kind: 'paragraph', text: BODY_END }];
}

/** The body and the introduction as printed, "./." placed on whichever comes last. */
export function closedContent(doc: Pick<OfficialDocument, 'introduction' | 'body'>): { introduction: string[]; body: DocumentBlock[] } {
	if (doc.body.length) return { introduction: doc.introduction, body: closeBlocks(doc.body) };
	if (doc.introduction.length) {
		const intro = [...doc.introduction];
		intro[intro.length - 1] = closeRich(intro[intro.length - 1]) as string;
		return { introduction: intro, body: [] };
	}
	return { introduction: [], body: [] };
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** "Phụ lục", or "Phụ lục I", "Phụ lục II" when there are several (Appendix I §II.12). */
export function appendixLabel(index: number, count: number): string {
	return count > 1 ? `Phụ lục ${ROMAN[index] ?? index + 1}` : 'Phụ lục';
}

/** "(Kèm theo Báo cáo số 05/BC-VPUB ngày 14 tháng 9 năm 2021)" under an appendix's title. */
export function appendixNote(doc: Pick<OfficialDocument, 'kind' | 'number' | 'symbol' | 'date' | 'year'>): string {
	const type = documentTypeName(doc).toLocaleLowerCase('vi');
	const date = doc.date ? formatFormalDate(doc.date) : `ngày … tháng … năm ${doc.year}`;
	return `(Kèm theo ${type[0].toLocaleUpperCase('vi')}${type.slice(1)} ${formatReference(doc).replace(/^Số:/, 'số')} ${date})`;
}

// ---------------------------------------------------------------------------------------------
// Sanitised HTML (a plan's sections: p, br, strong, em, u, ul, ol, li, a, h3, h4, blockquote) as blocks.

interface HtmlNode {
	tag: string;
	attrs: Record<string, string>;
	children: Array<HtmlNode | string>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
	return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name[0] === '#') {
			const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
			return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
		}
		return ENTITIES[name.toLowerCase()] ?? whole;
	});
}

const VOID_TAGS = new Set(['br']);

function parseHtml(html: string): HtmlNode {
	const root: HtmlNode = { tag: '#root', attrs: {}, children: [] };
	const stack: HtmlNode[] = [root];
	const re = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+|<)/g;
	for (let m = re.exec(html); m; m = re.exec(html)) {
		const top = stack[stack.length - 1];
		if (m[4] !== undefined) {
			top.children.push(decodeEntities(m[4]));
			continue;
		}
		const tag = m[2].toLowerCase();
		if (m[1]) {
			const at = stack.map((n) => n.tag).lastIndexOf(tag);
			if (at > 0) stack.length = at;
			continue;
		}
		const attrs: Record<string, string> = {};
		for (const a of m[3].matchAll(/([a-zA-Z-]+)\s*=\s*"([^"]*)"/g)) attrs[a[1].toLowerCase()] = decodeEntities(a[2]);
		const node: HtmlNode = { tag, attrs, children: [] };
		top.children.push(node);
		if (!VOID_TAGS.has(tag) && !m[3].trim().endsWith('/')) stack.push(node);
	}
	return root;
}

type Style = Omit<Span, 'text'>;

/** Inline content as spans; each `<br>` starts a new line (a new array). */
function inlineLines(nodes: Array<HtmlNode | string>, style: Style = {}, lines: Span[][] = [[]]): Span[][] {
	for (const n of nodes) {
		if (typeof n === 'string') {
			lines[lines.length - 1].push({ text: n, ...style });
			continue;
		}
		if (n.tag === 'br') lines.push([]);
		else if (n.tag === 'ul' || n.tag === 'ol') continue;
		else if (n.tag === 'a') {
			inlineLines(n.children, style, lines);
			const href = n.attrs.href ?? '';
			const text = plainText(lines[lines.length - 1]);
			// Paper cannot be clicked: a link whose text hides its address prints the address too.
			if (href && !text.includes(href.replace(/^mailto:/, ''))) lines[lines.length - 1].push({ text: ` (${href.replace(/^mailto:/, '')})`, ...style });
		} else {
			const next: Style = { ...style };
			if (n.tag === 'strong' || n.tag === 'b') next.bold = true;
			if (n.tag === 'em' || n.tag === 'i') next.italic = true;
			if (n.tag === 'u') next.underline = true;
			inlineLines(n.children, next, lines);
		}
	}
	return lines;
}

/** Collapses white space, trims the ends and merges neighbours of the same style. */
function tidySpans(spans: Span[]): Span[] {
	const out: Span[] = [];
	for (const s of spans) {
		const text = s.text.replace(/[\s\u00a0]+/g, ' ');
		const prev = out.at(-1);
		if (prev && !!prev.bold === !!s.bold && !!prev.italic === !!s.italic && !!prev.underline === !!s.underline) prev.text += text;
		else out.push({ ...s, text });
	}
	if (out.length) {
		out[0].text = out[0].text.replace(/^ +/, '');
		out[out.length - 1].text = out[out.length - 1].text.replace(/ +$/, '');
	}
	for (let i = 1; i < out.length; i++) if (out[i - 1].text.endsWith(' ')) out[i].text = out[i].text.replace(/^ +/, '');
	return out.filter((s) => s.text);
}

function richOf(spans: Span[]): RichText {
	const tidy = tidySpans(spans);
	return tidy.length === 1 && !tidy[0].bold && !tidy[0].italic && !tidy[0].underline ? tidy[0].text : tidy;
}

function listItems(list: HtmlNode): ListItem[] {
	return list.children
		.filter((c): c is HtmlNode => typeof c !== 'string' && c.tag === 'li')
		.map((li) => {
			const text = richOf(inlineLines(li.children.flatMap((c) => (typeof c !== 'string' && c.tag === 'p' ? [...c.children, ' '] : [c]))).flat());
			const nested = li.children.filter((c): c is HtmlNode => typeof c !== 'string' && (c.tag === 'ul' || c.tag === 'ol'));
			const items = nested.flatMap(listItems);
			return items.length ? { text, items } : { text };
		});
}

/** A plan section's sanitised HTML as document blocks: paragraphs, "- " lists, sub-headings. */
export function htmlToBlocks(html: string): DocumentBlock[] {
	const blocks: DocumentBlock[] = [];
	let loose: Array<HtmlNode | string> = [];
	const paragraphs = (nodes: Array<HtmlNode | string>, style: Style = {}) => {
		for (const line of inlineLines(nodes, style)) {
			const text = richOf(line);
			if (plainText(text)) blocks.push({ kind: 'paragraph', text });
		}
	};
	const flush = () => {
		if (loose.length) paragraphs(loose);
		loose = [];
	};
	for (const node of parseHtml(html).children) {
		if (typeof node === 'string' || ['strong', 'em', 'b', 'i', 'u', 'a', 'br'].includes(node.tag)) {
			loose.push(node);
			continue;
		}
		flush();
		if (node.tag === 'p') paragraphs(node.children);
		else if (node.tag === 'blockquote') paragraphs(node.children.flatMap((c) => (typeof c !== 'string' && c.tag === 'p' ? [...c.children, { tag: 'br', attrs: {}, children: [] }] : [c])), { italic: true });
		else if (node.tag === 'h3' || node.tag === 'h4') {
			const text = plainText(richOf(inlineLines(node.children).flat()));
			if (text) blocks.push({ kind: 'heading', level: 3, text });
		} else if (node.tag === 'ul' || node.tag === 'ol') {
			const items = listItems(node);
			if (items.length) blocks.push({ kind: 'list', ordered: node.tag === 'ol', items });
		} else loose.push(node);
	}
	flush();
	return blocks;
}

// ---------------------------------------------------------------------------------------------
// The campaign's plan as an official document.

function outlineBlocks(outline: OutlinePart[]): DocumentBlock[] {
	const blocks: DocumentBlock[] = [];
	for (const part of outline) {
		blocks.push({ kind: 'heading', level: 1, text: part.heading });
		for (const item of part.items) {
			if (item.heading) blocks.push({ kind: 'heading', level: 2, text: item.heading });
			for (const p of item.paragraphs) blocks.push({ kind: 'paragraph', text: p });
			if (item.list.length) blocks.push({ kind: 'list', items: listEnd(item.list).map((text) => ({ text })) });
			if (item.html) blocks.push(...htmlToBlocks(item.html));
		}
	}
	return blocks;
}

const AUTHORITY_LINE = /^(KT|TL|TM|Q|TUQ)\.\s/;

/** The signer block from its printed lines: authority lines ("KT. …"), the title, and the name (not upper case). */
export function signatureFromLines(lines: string[]): DocumentSignature {
	const rest = lines.map((l) => l.trim()).filter(Boolean);
	const last = rest.at(-1);
	const name = last && last !== last.toLocaleUpperCase('vi') ? (rest.pop() as string) : '';
	const authority = rest.filter((l) => AUTHORITY_LINE.test(l));
	const title = rest.filter((l) => !AUTHORITY_LINE.test(l)).join(' ');
	return { authority, title, name };
}

function parseReference(reference: string): { number: string | null; symbol: string } {
	const m = /^Số:\s*([^/]*)\/(.*)$/.exec(reference.trim());
	if (!m) return { number: null, symbol: reference.replace(/^Số:\s*/, '') };
	const number = m[1].trim();
	return { number: /^\d+$/.test(number) ? number : null, symbol: m[2].trim() };
}

function parsePlaceAndDate(text: string): { place: string; date: string | null; year: number } {
	const dated = /^(.*?),?\s*ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})$/.exec(text.trim());
	if (dated) {
		const [, place, d, m, y] = dated;
		return { place, date: `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`, year: Number(y) };
	}
	const undated = /^(.*?),?\s*ngày\s.*năm (\d{4})$/.exec(text.trim());
	if (undated) return { place: undated[1], date: null, year: Number(undated[2]) };
	return { place: text.trim(), date: null, year: new Date().getFullYear() };
}

/** The campaign's Kế hoạch (as `campaignDocument` builds it) in the document model the renderers read. */
export function planToOfficialDocument(doc: CampaignDocument): OfficialDocument {
	const recipients = doc.recipients.map((r) => r.replace(/^-\s*/, '').replace(/[;.]+$/, '').trim()).filter(Boolean);
	const archiveAt = recipients.findIndex((r) => /^Lưu:/i.test(r));
	const archive = archiveAt >= 0 ? recipients.splice(archiveAt, 1)[0].replace(/^Lưu:\s*/i, '') : 'VT';
	return {
		kind: 'plan',
		governingBody: doc.governingBody,
		issuer: doc.issuer,
		...parseReference(doc.reference),
		...parsePlaceAndDate(doc.placeAndDate),
		summary: doc.summary,
		citations: doc.citations,
		introduction: doc.introduction,
		body: outlineBlocks(doc.outline),
		recipients,
		archive,
		signature: signatureFromLines(doc.signature)
	};
}

function asciiFold(s: string): string {
	return s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/đ/g, 'd')
		.replace(/Đ/g, 'D')
		.replace(/[^A-Za-z0-9-]+/g, '-')
		.replace(/-+/g, '-')
		.replace(/^-|-$/g, '');
}

/**
 * The download's file names: ASCII for every browser ("05-KH-VPUB-2021.docx", Vietnamese letters
 * folded) and the Vietnamese one for `filename*` ("Kế hoạch 05-KH-VPUB-2021.docx").
 */
export function documentFileNames(doc: Pick<OfficialDocument, 'kind' | 'number' | 'symbol' | 'year'>, extension: string): { ascii: string; utf8: string } {
	const stem = [formatNumber(doc.number), doc.symbol.replace(/[/\\]+/g, '-'), String(doc.year)].filter(Boolean).join('-');
	const type = documentTypeName(doc).toLocaleLowerCase('vi');
	return {
		ascii: `${asciiFold(stem) || 'van-ban'}.${extension}`,
		utf8: `${type[0].toLocaleUpperCase('vi')}${type.slice(1)} ${stem}.${extension}`.normalize('NFC')
	};
}

/** `attachment; filename="05-KH-VPUB-2021.docx"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch…` (RFC 6266). */
export function contentDisposition(names: { ascii: string; utf8: string }): string {
	const encoded = encodeURIComponent(names.utf8).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
	return `attachment; filename="${names.ascii}"; filename*=UTF-8''${encoded}`;
}
