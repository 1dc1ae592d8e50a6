// An official document as a PDF in the Decree 30/2020 layout, set in Liberation Serif (metrically
// Times New Roman, every Vietnamese letter), embedded. Lines are broken and justified here rather
// than by pdfkit, so that mixed bold/italic runs, first-line indents and page breaks stay exact.
import PDFDocument from 'pdfkit';
import regularFont from '../fonts/LiberationSerif-Regular.ttf?inline';
import boldFont from '../fonts/LiberationSerif-Bold.ttf?inline';
import italicFont from '../fonts/LiberationSerif-Italic.ttf?inline';
import boldItalicFont from '../fonts/LiberationSerif-BoldItalic.ttf?inline';
import type { DocumentAppendix, DocumentBlock, DocumentTable, ListItem, OfficialDocument, RichText, Span } from '../../../features/documents/types';
import {
	ADDRESSEES_LABEL,
	DECISION_LINE,
	DECREE30,
	MOTTO,
	NATIONAL_TITLE,
	RECIPIENTS_LABEL,
	addresseeLines,
	appendixLabel,
	appendixNote,
	articleLabel,
	closedContent,
	documentTypeName,
	formatPlaceAndDate,
	formatReference,
	listMarker,
	recipientLines,
	spansOf
} from '../../../features/documents/format';

type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FONT_DATA: Record<FontStyle, string> = { regular: regularFont, bold: boldFont, italic: italicFont, boldItalic: boldItalicFont };
/** PostScript-safe names the PDF lists its embedded fonts under (and `doc.font(…)` selects). */
export const FONT_NAMES: Record<FontStyle, string> = {
	regular: 'LiberationSerif',
	bold: 'LiberationSerif-Bold',
	italic: 'LiberationSerif-Italic',
	boldItalic: 'LiberationSerif-BoldItalic'
};

let fontBuffers: Record<FontStyle, Buffer> | undefined;

/** The four TTF files, read once from the data URLs Vite inlines (the build then needs no font on disk). */
function fonts(): Record<FontStyle, Buffer> {
	fontBuffers ??= Object.fromEntries(
		Object.entries(FONT_DATA).map(([k, url]) => [k, Buffer.from(url.slice(url.indexOf(',') + 1), 'base64')])
	) as Record<FontStyle, Buffer>;
	return fontBuffers;
}

/** Registers the four Liberation Serif faces on a pdfkit document under FONT_NAMES, embedded when used. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
	for (const [style, data] of Object.entries(fonts()) as Array<[FontStyle, Buffer]>) doc.registerFont(FONT_NAMES[style], data);
}

const PT_PER_MM = 72 / 25.4;
const mm = (v: number) => v * PT_PER_MM;

/** Liberation Serif's single line: ascender 0.891 + descender 0.216 + line gap 0.042 of the em. */
const SINGLE_LINE = 1.149;
const ASCENT = 0.891;

function fontStyle(s: { bold?: boolean; italic?: boolean }): FontStyle {
	return s.bold ? (s.italic ? 'boldItalic' : 'bold') : s.italic ? 'italic' : 'regular';
}

let measurer: PDFKit.PDFDocument | undefined;

/** Width in points of `text` at `size` pt in Liberation Serif, which has Times New Roman's metrics. */
export function measureText(text: string, style: { bold?: boolean; italic?: boolean }, size: number): number {
	if (!measurer) {
		measurer = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
		registerFonts(measurer);
	}
	return measurer.font(FONT_NAMES[fontStyle(style)]).fontSize(size).widthOfString(text);
}

// ---------------------------------------------------------------------------------------------
// Line layout.

interface Piece {
	text: string;
	bold: boolean;
	italic: boolean;
	size: number;
	underline: boolean;
	width: number;
}

interface Word {
	pieces: Piece[];
	width: number;
	/** The width of a space set after this word. */
	space: number;
}

type Align = 'left' | 'center' | 'right' | 'justify';

interface Para {
	spans: Span[];
	size: number;
	align: Align;
	/** Points from the box's left edge; `firstLine` is added to the first line (negative hangs). */
	left?: number;
	right?: number;
	firstLine?: number;
	before?: number;
	after?: number;
	/** Multiple of the single line. */
	leading?: number;
	/** Keep this paragraph on the page of the next one's first line (headings). */
	keepWithNext?: boolean;
}

interface Line {
	words: Word[];
	first: boolean;
	last: boolean;
}

function piece(text: string, span: Omit<Span, 'text'>, size: number): Piece {
	return { text, bold: !!span.bold, italic: !!span.italic, size, underline: !!span.underline, width: measureText(text, span, size) };
}

function toWords(spans: Span[], size: number): Word[] {
	const words: Word[] = [];
	let current: Piece[] = [];
	const finish = (space: number) => {
		if (current.length) words.push({ pieces: current, width: current.reduce((w, p) => w + p.width, 0), space });
		current = [];
	};
	for (const span of spans) {
		for (const token of span.text.split(/([\s\u00a0]+)/)) {
			if (!token) continue;
			if (/^[\s\u00a0]+$/.test(token)) finish(measureText(' ', span, size));
			else current.push(piece(token, span, size));
		}
	}
	finish(current.length ? measureText(' ', {}, size) : 0);
	return words;
}

/** A word wider than the line, cut into pieces that fit (a long link). */
function splitWord(word: Word, width: number): Word[] {
	const out: Word[] = [];
	let pieces: Piece[] = [];
	let used = 0;
	const close = () => {
		out.push({ pieces, width: pieces.reduce((s, x) => s + x.width, 0), space: 0 });
		pieces = [];
		used = 0;
	};
	for (const p of word.pieces) {
		let chunk = '';
		for (const ch of Array.from(p.text)) {
			if (used + measureText(chunk + ch, p, p.size) > width && (chunk || pieces.length)) {
				if (chunk) pieces.push({ ...p, text: chunk, width: measureText(chunk, p, p.size) });
				close();
				chunk = ch;
			} else chunk += ch;
		}
		if (chunk) {
			const piece = { ...p, text: chunk, width: measureText(chunk, p, p.size) };
			pieces.push(piece);
			used += piece.width;
		}
	}
	if (pieces.length) close();
	out[out.length - 1].space = word.space;
	return out;
}

function breakLines(words: Word[], firstWidth: number, width: number): Line[] {
	const lines: Word[][] = [];
	let line: Word[] = [];
	let used = 0;
	const avail = () => (lines.length ? width : firstWidth);
	const queue = [...words];
	while (queue.length) {
		const w = queue.shift() as Word;
		const add = line.length ? line[line.length - 1].space + w.width : w.width;
		if (line.length && used + add > avail() + 0.01) {
			lines.push(line);
			line = [];
			used = 0;
		}
		if (!line.length && w.width > avail() + 0.01) {
			const parts = splitWord(w, avail());
			queue.unshift(...parts.slice(1));
			line = [parts[0]];
			used = parts[0].width;
			if (queue.length && parts.length > 1) {
				lines.push(line);
				line = [];
				used = 0;
			}
			continue;
		}
		line.push(w);
		used += line.length > 1 ? add : w.width;
	}
	if (line.length) lines.push(line);
	return lines.map((words, i) => ({ words, first: i === 0, last: i === lines.length - 1 }));
}

/** The width in points of the longest line `spans` breaks into within `width` (to size the rules). */
export function longestLineWidth(spans: Span[], size: number, width: number): number {
	return Math.max(0, ...breakLines(toWords(spans, size), width, width).map((l) => naturalWidth(l.words)));
}

function naturalWidth(words: Word[]): number {
	return words.reduce((w, word, i) => w + word.width + (i < words.length - 1 ? word.space : 0), 0);
}

// ---------------------------------------------------------------------------------------------
// The page writer.

class Writer {
	readonly doc: PDFKit.PDFDocument;
	readonly left = mm(DECREE30.margin.left);
	readonly top = mm(DECREE30.margin.top);
	readonly width: number;
	readonly bottom: number;
	y: number;
	/** The first page of each numbering run: the document, then each appendix. */
	readonly runStarts: number[] = [0];
	/** The page being written, from 0. */
	page = 0;

	constructor(doc: PDFKit.PDFDocument) {
		this.doc = doc;
		this.width = doc.page.width - mm(DECREE30.margin.left) - mm(DECREE30.margin.right);
		this.bottom = doc.page.height - mm(DECREE30.margin.bottom);
		this.y = this.top;
	}

	newPage(restartNumbering = false): void {
		this.doc.addPage();
		this.page += 1;
		if (restartNumbering) this.runStarts.push(this.page);
		this.y = this.top;
	}

	get atPageTop(): boolean {
		return this.y <= this.top + 0.01;
	}

	ensure(height: number): void {
		if (this.y + height > this.bottom + 0.01 && !this.atPageTop) this.newPage();
	}

	lineHeight(p: Pick<Para, 'size' | 'leading'>): number {
		return p.size * SINGLE_LINE * (p.leading ?? 1);
	}

	layout(p: Para, boxWidth = this.width): Line[] {
		const inner = boxWidth - (p.left ?? 0) - (p.right ?? 0);
		return breakLines(toWords(p.spans, p.size), inner - (p.firstLine ?? 0), inner);
	}

	/** Height of a paragraph laid out in a box, spacing included. */
	height(p: Para, boxWidth = this.width): number {
		return (p.before ?? 0) + this.layout(p, boxWidth).length * this.lineHeight(p) + (p.after ?? 0);
	}

	drawLine(line: Line, p: Para, x: number, boxWidth: number, y: number): void {
		const indent = (p.left ?? 0) + (line.first ? (p.firstLine ?? 0) : 0);
		const avail = boxWidth - indent - (p.right ?? 0);
		const natural = naturalWidth(line.words);
		let cx = x + indent;
		let extra = 0;
		if (p.align === 'center') cx += (avail - natural) / 2;
		else if (p.align === 'right') cx += avail - natural;
		else if (p.align === 'justify' && !line.last && line.words.length > 1) extra = Math.max(0, (avail - natural) / (line.words.length - 1));
		line.words.forEach((word, i) => {
			for (const pc of word.pieces) {
				this.doc.font(FONT_NAMES[fontStyle(pc)]).fontSize(pc.size).text(pc.text, cx, y, { lineBreak: false });
				if (pc.underline) {
					const base = y + pc.size * ASCENT + pc.size * 0.1;
					this.doc.moveTo(cx, base).lineTo(cx + pc.width, base).lineWidth(pc.size / 20).stroke();
				}
				cx += pc.width;
			}
			if (i < line.words.length - 1) cx += word.space + extra;
		});
	}

	/** A paragraph in the flow, breaking across pages. */
	paragraph(p: Para, next?: Para): void {
		if (!this.atPageTop) this.y += p.before ?? 0;
		const lines = this.layout(p);
		const lh = this.lineHeight(p);
		if (p.keepWithNext) this.ensure(lines.length * lh + (p.after ?? 0) + (next ? (next.before ?? 0) + this.lineHeight(next) : 0));
		for (const line of lines) {
			this.ensure(lh);
			this.drawLine(line, p, this.left, this.width, this.y);
			this.y += lh;
		}
		this.y += p.after ?? 0;
	}

	/** A paragraph at a fixed place (header and signature columns); returns the y below it. */
	paragraphAt(p: Para, x: number, boxWidth: number, y: number): number {
		let at = y + (p.before ?? 0);
		for (const line of this.layout(p, boxWidth)) {
			this.drawLine(line, p, x, boxWidth, at);
			at += this.lineHeight(p);
		}
		return at + (p.after ?? 0);
	}

	/** The width of a paragraph's longest line. */
	longestLine(p: Para, boxWidth: number): number {
		return Math.max(0, ...this.layout(p, boxWidth).map((l) => naturalWidth(l.words)));
	}

	rule(centre: number, length: number, y: number): void {
		this.doc
			.moveTo(centre - length / 2, y)
			.lineTo(centre + length / 2, y)
			.lineWidth(0.75)
			.stroke();
	}
}

// ---------------------------------------------------------------------------------------------
// The document's parts.

const S = DECREE30.size;
/** Points between a line of text and the rule under it. */
const RULE_GAP = 2;
const INDENT = mm(DECREE30.firstLineIndent);

function centred(text: string, size: number, style: Omit<Span, 'text'> = {}, extra: Partial<Para> = {}): Para {
	return { spans: [{ text, ...style }], size, align: 'center', ...extra };
}

function bodyPara(text: RichText, extra: Partial<Para> = {}): Para {
	return { spans: spansOf(text), size: S.body, align: 'justify', firstLine: INDENT, leading: DECREE30.lineSpacing, after: DECREE30.paragraphAfter, ...extra };
}

function drawHeader(w: Writer, doc: OfficialDocument): void {
	const leftWidth = w.width * DECREE30.headerLeftShare;
	const rightWidth = w.width - leftWidth;
	const xL = w.left;
	const xR = w.left + leftWidth;
	let yL = w.y;
	if (doc.governingBody) yL = w.paragraphAt(centred(doc.governingBody, S.governingBody), xL, leftWidth, yL);
	const issuer = centred(doc.issuer, S.issuer, { bold: true });
	const issuerWidth = w.longestLine(issuer, leftWidth);
	yL = w.paragraphAt(issuer, xL, leftWidth, yL);
	// ①c: a solid rule 1/3–1/2 of the agency's line, centred under it.
	w.rule(xL + leftWidth / 2, issuerWidth * DECREE30.shortRuleShare, yL + RULE_GAP);
	yL += RULE_GAP + 3;

	let yR = w.paragraphAt(centred(NATIONAL_TITLE, S.nationalTitle, { bold: true }), xR, rightWidth, w.y);
	const motto = centred(MOTTO, S.motto, { bold: true });
	const mottoWidth = w.longestLine(motto, rightWidth);
	yR = w.paragraphAt(motto, xR, rightWidth, yR);
	// ❸: the rule under the Tiêu ngữ is as long as the Tiêu ngữ.
	w.rule(xR + rightWidth / 2, mottoWidth, yR + RULE_GAP);
	yR += RULE_GAP + 3;

	const row2 = Math.max(yL, yR) + 6;
	yL = w.paragraphAt(centred(formatReference(doc), S.reference), xL, leftWidth, row2);
	yR = w.paragraphAt(centred(formatPlaceAndDate(doc), S.placeAndDate, { italic: true }), xR, rightWidth, row2);
	w.y = Math.max(yL, yR);
}

function drawTitle(w: Writer, doc: OfficialDocument): void {
	w.y += 18;
	w.y = w.paragraphAt(centred(documentTypeName(doc), S.type, { bold: true }), w.left, w.width, w.y);
	const summary = centred(doc.summary, S.summary, { bold: true });
	const summaryWidth = w.longestLine(summary, w.width);
	w.y = w.paragraphAt(summary, w.left, w.width, w.y);
	// ⑤c: a solid rule 1/3–1/2 of the trích yếu's line.
	w.rule(w.left + w.width / 2, summaryWidth * DECREE30.shortRuleShare, w.y + RULE_GAP);
	w.y += RULE_GAP + 3;
	if (doc.kind === 'decision' && doc.enactingAuthority) w.y = w.paragraphAt(centred(doc.enactingAuthority, S.enactingAuthority, { bold: true }), w.left, w.width, w.y + 12);
	const to = addresseeLines(doc);
	if (to && 'inline' in to) w.y = w.paragraphAt(centred(to.inline, S.addressees), w.left, w.width, w.y + 12);
	else if (to) {
		// 9a: several addressees each on a line, aligned under the colon, the block centred.
		const label = measureText(`${ADDRESSEES_LABEL} `, {}, S.addressees);
		const longest = Math.max(...to.lines.map((l) => measureText(l, {}, S.addressees)));
		const x = w.left + Math.max(0, (w.width - label - Math.min(longest, w.width * 0.6)) / 2);
		w.y = w.paragraphAt({ spans: [{ text: ADDRESSEES_LABEL }], size: S.addressees, align: 'left' }, x, w.left + w.width - x, w.y + 12);
		for (const line of to.lines) w.y = w.paragraphAt({ spans: [{ text: line }], size: S.addressees, align: 'left' }, x + label, w.left + w.width - x - label, w.y);
	}
	w.y += 12;
}

function listParas(items: ListItem[], ordered: boolean, depth = 0): Para[] {
	return items.flatMap((item, i) => [
		bodyPara([{ text: listMarker(depth, i, ordered) }, ...spansOf(item.text)]),
		...(item.items?.length ? listParas(item.items, false, depth + 1) : [])
	]);
}

function blockParas(block: DocumentBlock): Para[] | DocumentTable {
	switch (block.kind) {
		case 'heading':
			return [bodyPara([{ text: block.text, bold: block.level < 3, italic: block.level === 3 }], { align: 'left', keepWithNext: true })];
		case 'paragraph':
			return [bodyPara(block.text)];
		case 'list':
			return listParas(block.items, !!block.ordered);
		case 'article': {
			const label = { text: articleLabel(block.number), bold: true };
			const inner = (block.blocks ?? []).flatMap((b) => {
				const r = blockParas(b);
				return Array.isArray(r) ? r : [];
			});
			if (block.title) return [bodyPara([label, { text: ` ${block.title}`, bold: true }], { keepWithNext: !!(block.text || inner.length) }), ...(block.text ? [bodyPara(block.text)] : []), ...inner];
			return [bodyPara([label, ...(block.text ? [{ text: ' ' }, ...spansOf(block.text)] : [])]), ...inner];
		}
		case 'table':
			return block;
	}
}

function isNumeric(s: string): boolean {
	return /^[\s\d.,%+\-–]+$/.test(s) && /\d/.test(s);
}

function drawTable(w: Writer, t: DocumentTable): void {
	const cols = Math.max(t.header.length, ...t.rows.map((r) => r.length));
	if (!cols) return;
	const rel = Array.from({ length: cols }, (_, i) => t.widths?.[i] ?? 1);
	const total = rel.reduce((a, b) => a + b, 0);
	const widths = rel.map((r) => (r / total) * w.width);
	const pad = 3;
	const cell = (text: string, col: number, header: boolean): Para => ({
		spans: [{ text, bold: header }],
		size: S.table,
		align: header ? 'center' : (t.align?.[col] ?? (isNumeric(text) ? 'right' : 'left')),
		left: pad,
		right: pad
	});
	const rowHeight = (row: string[], header: boolean) =>
		Math.max(...widths.map((cw, i) => w.layout(cell(row[i] ?? '', i, header), cw).length)) * w.lineHeight({ size: S.table }) + 2 * pad;
	const drawRow = (row: string[], header: boolean) => {
		const h = rowHeight(row, header);
		let x = w.left;
		widths.forEach((cw, i) => {
			w.doc.rect(x, w.y, cw, h).lineWidth(0.5).stroke();
			w.paragraphAt(cell(row[i] ?? '', i, header), x, cw, w.y + pad);
			x += cw;
		});
		w.y += h;
	};
	if (t.caption) w.paragraph(centred(t.caption, S.body, { bold: true }, { after: 6, keepWithNext: true }));
	const headerHeight = t.header.length ? rowHeight(t.header, true) : 0;
	w.ensure(headerHeight + (t.rows[0] ? rowHeight(t.rows[0], false) : 0));
	if (t.header.length) drawRow(t.header, true);
	for (const row of t.rows) {
		const h = rowHeight(row, false);
		if (w.y + h > w.bottom) {
			w.newPage();
			// The header row again on each page the table runs onto.
			if (t.header.length) drawRow(t.header, true);
		}
		drawRow(row, false);
	}
	w.y += DECREE30.paragraphAfter;
}

function drawBlocks(w: Writer, blocks: DocumentBlock[]): void {
	const items = blocks.flatMap((b): Array<Para | DocumentTable> => {
		const r = blockParas(b);
		return Array.isArray(r) ? r : [r];
	});
	items.forEach((item, i) => {
		if ('kind' in item) return drawTable(w, item);
		const next = items[i + 1];
		w.paragraph(item, next && !('kind' in next) ? next : undefined);
	});
}

function drawSignature(w: Writer, doc: OfficialDocument): void {
	const half = w.width / 2;
	const label: Para = { spans: [{ text: RECIPIENTS_LABEL, bold: true, italic: true }], size: S.recipientsLabel, align: 'left' };
	const lines: Para[] = recipientLines(doc).map((text) => ({ spans: [{ text }], size: S.recipients, align: 'left' }));
	const sig = doc.signature;
	const right: Para[] = [...sig.authority, ...(sig.title ? [sig.title] : [])].map((t) => centred(t, S.signature, { bold: true }));
	// Room for the handwritten or digital signature (and the seal) between the title and the name.
	const space = mm(25);
	const name = sig.name ? centred(sig.name, S.signature, { bold: true }) : null;
	const rightHeight = right.reduce((h, p) => h + w.height(p, half), 0) + space + (name ? w.height(name, half) : 0);
	const leftHeight = w.height(label, half) + lines.reduce((h, p) => h + w.height(p, half), 0);
	w.y += 12;
	w.ensure(Math.min(Math.max(leftHeight, rightHeight), w.bottom - w.top));
	const top = w.y;
	const page = w.page;
	let yR = top;
	for (const p of right) yR = w.paragraphAt(p, w.left + half, half, yR);
	yR += space;
	if (name) yR = w.paragraphAt(name, w.left + half, half, yR);
	// "Nơi nhận:" sits level with the signer's title (Appendix I §II.9b); its list may run on.
	w.y = w.paragraphAt(label, w.left, half, top);
	for (const p of lines) {
		for (const line of w.layout(p, half)) {
			w.ensure(w.lineHeight(p));
			w.drawLine(line, p, w.left, half, w.y);
			w.y += w.lineHeight(p);
		}
	}
	if (w.page === page) w.y = Math.max(w.y, yR);
}

function drawAppendix(w: Writer, doc: OfficialDocument, appendix: DocumentAppendix, index: number, count: number): void {
	w.newPage(true);
	w.y = w.paragraphAt(centred(appendixLabel(index, count), S.appendixLabel, { bold: true }), w.left, w.width, w.y);
	w.y = w.paragraphAt(centred(appendix.title, S.appendixTitle, { bold: true }), w.left, w.width, w.y);
	w.y = w.paragraphAt(centred(appendixNote(doc), S.body, { italic: true }), w.left, w.width, w.y);
	w.y += 12;
	drawBlocks(w, appendix.blocks);
}

function drawPageNumbers(w: Writer): void {
	const range = w.doc.bufferedPageRange();
	for (let i = range.start; i < range.start + range.count; i++) {
		const run = [...w.runStarts].reverse().find((s) => s <= i) ?? 0;
		const n = i - run + 1;
		// Decree 30/2020, Appendix I §I.5: centred in the top margin, not on a run's first page.
		if (n < 2) continue;
		w.doc.switchToPage(i);
		const size = S.pageNumber;
		w.paragraphAt(centred(String(n), size), w.left, w.width, mm(DECREE30.pageNumberFromTop) - (size * SINGLE_LINE) / 2);
	}
}

/** The document as a PDF in the Decree 30/2020 layout, fonts embedded; it refuses nothing. */
export async function renderPdf(doc: OfficialDocument): Promise<Buffer> {
	const pdf = new PDFDocument({
		size: 'A4',
		margins: { top: mm(DECREE30.margin.top), bottom: mm(DECREE30.margin.bottom), left: mm(DECREE30.margin.left), right: mm(DECREE30.margin.right) },
		bufferPages: true,
		// PDF 1.7: what the agencies' signing tools (PAdES) expect to sign.
		pdfVersion: '1.7',
		font: null as unknown as string,
		lang: 'vi-VN',
		displayTitle: true,
		info: { Title: `${documentTypeName(doc)} ${doc.summary}`, Author: doc.issuer, Subject: formatReference(doc), Creator: 'LearnWeek' }
	});
	registerFonts(pdf);
	pdf.font(FONT_NAMES.regular);
	const chunks: Buffer[] = [];
	pdf.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve, reject) => {
		pdf.on('end', () => resolve(Buffer.concat(chunks)));
		pdf.on('error', reject);
	});

	const w = new Writer(pdf);
	const { introduction, body } = closedContent(doc);
	drawHeader(w, doc);
	drawTitle(w, doc);
	for (const c of doc.citations) w.paragraph(bodyPara([{ text: c, italic: true }]));
	if (doc.kind === 'decision') w.paragraph(centred(DECISION_LINE, S.body, { bold: true }, { before: 6, after: 12, keepWithNext: true }));
	for (const p of introduction) w.paragraph(bodyPara(p));
	drawBlocks(w, body);
	drawSignature(w, doc);
	(doc.appendices ?? []).forEach((a, i, all) => drawAppendix(w, doc, a, i, all.length));
	drawPageNumbers(w);
	pdf.end();
	return done;
}
