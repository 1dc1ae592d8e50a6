// An official document as a Word file in the Decree 30/2020 layout: Times New Roman (what Word
// users expect; Liberation Serif, with the same metrics, sizes the rules), A4, the header and
// signer blocks as borderless tables, page numbers from page 2 through a first-page header.
import {
	AlignmentType,
	BorderStyle,
	Document,
	Header,
	LineRuleType,
	Packer,
	PageNumber,
	PageOrientation,
	Paragraph,
	Table,
	TableCell,
	TableLayoutType,
	TableRow,
	TextRun,
	VerticalAlignTable,
	WidthType,
	type IBorderOptions,
	type ISectionOptions
} from 'docx';
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
import { longestLineWidth, measureText } from './render-pdf';

/** Decree 30/2020, Appendix I §I.2: Times New Roman, the name Word and LibreOffice map to it. */
export const DOCX_FONT = 'Times New Roman';

const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);
/** Points to twentieths of a point. */
const pt = (points: number) => Math.round(points * 20);
/** w:sz is in half-points. */
const half = (points: number) => Math.round(points * 2);

const S = DECREE30.size;
const PAGE = { width: twips(DECREE30.page.width), height: twips(DECREE30.page.height) };
const MARGIN = {
	top: twips(DECREE30.margin.top),
	bottom: twips(DECREE30.margin.bottom),
	left: twips(DECREE30.margin.left),
	right: twips(DECREE30.margin.right)
};
const CONTENT = PAGE.width - MARGIN.left - MARGIN.right;
const INDENT = twips(DECREE30.firstLineIndent);
/** Line spacing as w:line with lineRule auto: 240 is single. */
const BODY_LINE = Math.round(240 * DECREE30.lineSpacing);
const AFTER = pt(DECREE30.paragraphAfter);

const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };
const THIN: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

function runs(spans: Span[], size: number): TextRun[] {
	return spans.map(
		(s) =>
			new TextRun({
				text: s.text,
				font: DOCX_FONT,
				size: half(size),
				bold: !!s.bold,
				italics: !!s.italic,
				underline: s.underline ? {} : undefined,
				language: { value: 'vi-VN' }
			})
	);
}

interface ParaOptions {
	align?: Align;
	firstLine?: number;
	left?: number;
	right?: number;
	before?: number;
	after?: number;
	line?: number;
	keepNext?: boolean;
}

function para(spans: Span[], size: number, o: ParaOptions = {}): Paragraph {
	const indent = o.firstLine || o.left || o.right ? { firstLine: o.firstLine, left: o.left, right: o.right } : undefined;
	return new Paragraph({
		children: runs(spans, size),
		alignment: o.align ?? AlignmentType.LEFT,
		indent,
		spacing: { before: o.before ?? 0, after: o.after ?? 0, line: o.line ?? 240, lineRule: LineRuleType.AUTO },
		keepNext: o.keepNext
	});
}

function centred(text: string, size: number, style: Omit<Span, 'text'> = {}, o: ParaOptions = {}): Paragraph {
	return para([{ text, ...style }], size, { align: AlignmentType.CENTER, ...o });
}

function body(text: RichText, o: ParaOptions = {}): Paragraph {
	return para(spansOf(text), S.body, { align: AlignmentType.JUSTIFIED, firstLine: INDENT, after: AFTER, line: BODY_LINE, ...o });
}

/**
 * A solid rule `length` twips long, centred in a box `box` twips wide: the bottom border of an
 * empty paragraph 2 pt high (the gap under the text), indented from both sides.
 */
function rule(length: number, box: number): Paragraph {
	const side = Math.max(0, Math.round((box - length) / 2));
	return new Paragraph({
		children: [new TextRun({ text: '', size: 2, font: DOCX_FONT })],
		indent: { left: side, right: side },
		spacing: { before: 0, after: 0, line: 40, lineRule: LineRuleType.EXACT },
		border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 0 } }
	});
}

function borderlessCell(children: Paragraph[], width: number, verticalAlign: (typeof VerticalAlignTable)[keyof typeof VerticalAlignTable] = VerticalAlignTable.TOP): TableCell {
	return new TableCell({
		children: children.length ? children : [new Paragraph({})],
		width: { size: width, type: WidthType.DXA },
		margins: { top: 0, bottom: 0, left: 0, right: 0 },
		borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
		verticalAlign
	});
}

/** A table with no borders used only to place blocks side by side (header, signature). */
function layoutTable(rows: TableRow[], widths: number[]): Table {
	return new Table({
		rows,
		width: { size: CONTENT, type: WidthType.DXA },
		columnWidths: widths,
		layout: TableLayoutType.FIXED,
		borders: NO_BORDERS,
		margins: { top: 0, bottom: 0, left: 0, right: 0 }
	});
}

function header(doc: OfficialDocument): Table {
	const left = Math.round(CONTENT * DECREE30.headerLeftShare);
	const right = CONTENT - left;
	const issuer: Span[] = [{ text: doc.issuer, bold: true }];
	// ①c: 1/3–1/2 of the agency's line; ❸: as long as the Tiêu ngữ.
	const issuerRule = pt(longestLineWidth(issuer, S.issuer, left / 20) * DECREE30.shortRuleShare);
	const mottoRule = pt(measureText(MOTTO, { bold: true }, S.motto));
	const rowOne = new TableRow({
		children: [
			borderlessCell([...(doc.governingBody ? [centred(doc.governingBody, S.governingBody)] : []), para(issuer, S.issuer, { align: AlignmentType.CENTER }), rule(issuerRule, left)], left),
			borderlessCell([centred(NATIONAL_TITLE, S.nationalTitle, { bold: true }), centred(MOTTO, S.motto, { bold: true }), rule(mottoRule, right)], right)
		]
	});
	const rowTwo = new TableRow({
		children: [
			borderlessCell([centred(formatReference(doc), S.reference, {}, { before: pt(6) })], left),
			borderlessCell([centred(formatPlaceAndDate(doc), S.placeAndDate, { italic: true }, { before: pt(6) })], right)
		]
	});
	return layoutTable([rowOne, rowTwo], [left, right]);
}

function title(doc: OfficialDocument): Paragraph[] {
	const summary: Span[] = [{ text: doc.summary, bold: true }];
	const summaryRule = pt(longestLineWidth(summary, S.summary, CONTENT / 20) * DECREE30.shortRuleShare);
	const out = [
		centred(documentTypeName(doc), S.type, { bold: true }, { before: pt(18), keepNext: true }),
		para(summary, S.summary, { align: AlignmentType.CENTER, keepNext: true }),
		rule(summaryRule, CONTENT)
	];
	if (doc.kind === 'decision' && doc.enactingAuthority) out.push(centred(doc.enactingAuthority, S.enactingAuthority, { bold: true }, { before: pt(12) }));
	const to = addresseeLines(doc);
	if (to && 'inline' in to) out.push(centred(to.inline, S.addressees, {}, { before: pt(12) }));
	else if (to) {
		// 9a: several addressees each on a line, aligned under the colon, the block centred.
		const label = pt(measureText(`${ADDRESSEES_LABEL} `, {}, S.addressees));
		const longest = pt(Math.max(...to.lines.map((l) => measureText(l, {}, S.addressees))));
		const x = Math.max(0, Math.round((CONTENT - label - Math.min(longest, CONTENT * 0.6)) / 2));
		out.push(para([{ text: ADDRESSEES_LABEL }], S.addressees, { left: x, before: pt(12) }));
		for (const line of to.lines) out.push(para([{ text: line }], S.addressees, { left: x + label }));
	}
	out.push(new Paragraph({ children: [], spacing: { before: 0, after: pt(6), line: 240 } }));
	return out;
}

function listParagraphs(items: ListItem[], ordered: boolean, depth = 0): Paragraph[] {
	return items.flatMap((item, i) => [
		body([{ text: listMarker(depth, i, ordered) }, ...spansOf(item.text)]),
		...(item.items?.length ? listParagraphs(item.items, false, depth + 1) : [])
	]);
}

function isNumeric(s: string): boolean {
	return /^[\s\d.,%+\-–]+$/.test(s) && /\d/.test(s);
}

function dataTable(t: DocumentTable): Array<Paragraph | Table> {
	const cols = Math.max(t.header.length, ...t.rows.map((r) => r.length));
	if (!cols) return [];
	const rel = Array.from({ length: cols }, (_, i) => t.widths?.[i] ?? 1);
	const total = rel.reduce((a, b) => a + b, 0);
	const widths = rel.map((r) => Math.floor((r / total) * CONTENT));
	const align = (text: string, col: number): Align => {
		const a = t.align?.[col] ?? (isNumeric(text) ? 'right' : 'left');
		return a === 'center' ? AlignmentType.CENTER : a === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
	};
	const row = (cells: string[], head: boolean) =>
		new TableRow({
			tableHeader: head,
			cantSplit: true,
			children: widths.map(
				(w, i) =>
					new TableCell({
						width: { size: w, type: WidthType.DXA },
						margins: { top: pt(2), bottom: pt(2), left: pt(3), right: pt(3) },
						verticalAlign: head ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
						children: [para([{ text: cells[i] ?? '', bold: head }], S.table, { align: head ? AlignmentType.CENTER : align(cells[i] ?? '', i) })]
					})
			)
		});
	const rows = [...(t.header.length ? [row(t.header, true)] : []), ...t.rows.map((r) => row(r, false))];
	if (!rows.length) return [];
	return [
		...(t.caption ? [centred(t.caption, S.body, { bold: true }, { after: AFTER, keepNext: true })] : []),
		new Table({ rows, width: { size: CONTENT, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, borders: GRID }),
		new Paragraph({ children: [], spacing: { before: 0, after: AFTER, line: 240 } })
	];
}

function blocks(list: DocumentBlock[]): Array<Paragraph | Table> {
	return list.flatMap((block): Array<Paragraph | Table> => {
		switch (block.kind) {
			case 'heading':
				return [body([{ text: block.text, bold: block.level < 3, italic: block.level === 3 }], { align: AlignmentType.LEFT, keepNext: true })];
			case 'paragraph':
				return [body(block.text)];
			case 'list':
				return listParagraphs(block.items, !!block.ordered);
			case 'article': {
				const label: Span = { text: articleLabel(block.number), bold: true };
				const inner = blocks(block.blocks ?? []);
				if (block.title) return [body([label, { text: ` ${block.title}`, bold: true }], { keepNext: !!(block.text || inner.length) }), ...(block.text ? [body(block.text)] : []), ...inner];
				return [body([label, ...(block.text ? [{ text: ' ' }, ...spansOf(block.text)] : [])]), ...inner];
			}
			case 'table':
				return dataTable(block);
		}
	});
}

function signature(doc: OfficialDocument): Table {
	const halfWidth = Math.round(CONTENT / 2);
	const sig = doc.signature;
	const right = [...sig.authority, ...(sig.title ? [sig.title] : [])].map((t) => centred(t, S.signature, { bold: true }));
	// Room for the handwritten or digital signature (and the seal) between the title and the name.
	right.push(centred(sig.name, S.signature, { bold: true }, { before: twips(25) }));
	const left = [
		para([{ text: RECIPIENTS_LABEL, bold: true, italic: true }], S.recipientsLabel),
		...recipientLines(doc).map((line) => para([{ text: line }], S.recipients))
	];
	return layoutTable([new TableRow({ cantSplit: true, children: [borderlessCell(left, halfWidth), borderlessCell(right, CONTENT - halfWidth)] })], [halfWidth, CONTENT - halfWidth]);
}

function appendix(doc: OfficialDocument, a: DocumentAppendix, index: number, count: number): Array<Paragraph | Table> {
	return [
		centred(appendixLabel(index, count), S.appendixLabel, { bold: true }),
		centred(a.title, S.appendixTitle, { bold: true }),
		centred(appendixNote(doc), S.body, { italic: true }, { after: pt(12) }),
		...blocks(a.blocks)
	];
}

/** Decree 30/2020, Appendix I §I.5: the number centred in the top margin, not on the first page. */
function pageHeaders(): ISectionOptions['headers'] {
	return {
		default: new Header({
			children: [
				new Paragraph({
					alignment: AlignmentType.CENTER,
					children: [new TextRun({ children: [PageNumber.CURRENT], font: DOCX_FONT, size: half(S.pageNumber) })]
				})
			]
		}),
		first: new Header({ children: [new Paragraph({ children: [] })] })
	};
}

function sectionProperties(restart: boolean): ISectionOptions['properties'] {
	return {
		page: {
			size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
			margin: { ...MARGIN, header: twips(DECREE30.pageNumberFromTop) - pt((S.pageNumber * 1.15) / 2), footer: twips(10) },
			...(restart ? { pageNumbers: { start: 1 } } : {})
		},
		titlePage: true
	};
}

/** The document as a DOCX in the Decree 30/2020 layout; it refuses nothing. */
export async function renderDocx(doc: OfficialDocument): Promise<Buffer> {
	const { introduction, body: content } = closedContent(doc);
	const main: Array<Paragraph | Table> = [
		header(doc),
		...title(doc),
		...doc.citations.map((c) => body([{ text: c, italic: true }])),
		...(doc.kind === 'decision' ? [centred(DECISION_LINE, S.body, { bold: true }, { before: pt(6), after: pt(12), keepNext: true })] : []),
		...introduction.map((p) => body(p)),
		...blocks(content),
		new Paragraph({ children: [], spacing: { before: 0, after: pt(6), line: 240 } }),
		signature(doc)
	];
	const appendices = doc.appendices ?? [];
	const file = new Document({
		creator: 'LearnWeek',
		title: `${documentTypeName(doc)} ${doc.summary}`,
		subject: formatReference(doc),
		styles: { default: { document: { run: { font: DOCX_FONT, size: half(S.body), language: { value: 'vi-VN' } } } } },
		sections: [
			{ properties: sectionProperties(false), headers: pageHeaders(), children: main },
			// Each appendix starts a page and numbers its pages from 1 (Appendix I §I.5).
			...appendices.map((a, i) => ({ properties: sectionProperties(true), headers: pageHeaders(), children: appendix(doc, a, i, appendices.length) }))
		]
	});
	return Packer.toBuffer(file);
}
