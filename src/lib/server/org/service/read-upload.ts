// Reads an uploaded staff or unit list (CSV or XLSX) into rows of text cells, and finds the
// header row. Which format is decided by the bytes, never by the file name.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError } from '../../core/errors';
import { formatDate } from '$lib/vn/dates';
import { cleanText, foldVietnamese } from '$lib/vn/text';
import type { ImportColumn } from '$lib/features/org/types';

export interface UploadRow {
	/** The row number a spreadsheet shows (1 = the first line of the file). */
	line: number;
	cells: string[];
}

/** PGlite and the parsers never yield; long loops let other requests in every so often. */
export const YIELD_EVERY = 200;
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** How far down a title block ("DANH SÁCH CÁN BỘ…") may push the header row. */
const HEADER_SEARCH_ROWS = 15;

/** An XLSX file is a ZIP archive, which starts with the local-file-header signature PK\x03\x04. */
function isZip(bytes: Uint8Array): boolean {
	return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The text of a CSV: UTF-8 (with or without BOM), or UTF-16 with its BOM; undefined when it is not text. */
function decodeText(bytes: Uint8Array): string | undefined {
	let text: string;
	try {
		if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
		else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
		else text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		return undefined;
	}
	// Binary files (PDF, old .xls, images) hold NUL bytes or other control characters.
	if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4096))) return undefined;
	return text;
}

/** The text a cell shows, whatever exceljs holds for it (rich text, hyperlink, formula result, date). */
function cellText(value: ExcelJS.CellValue | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return String(value);
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	if (value instanceof Date) return formatDate(value);
	if (typeof value === 'object') {
		if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
		if ('hyperlink' in value) return cellText((value as { text?: ExcelJS.CellValue }).text ?? (value as { hyperlink: string }).hyperlink.replace(/^mailto:/i, ''));
		if ('result' in value) return cellText((value as { result?: ExcelJS.CellValue }).result);
		if ('formula' in value || 'sharedFormula' in value) return '';
		if ('error' in value) return '';
	}
	return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<UploadRow[]> {
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
	} catch {
		// A ZIP that is not a workbook (a .docx, a damaged file).
		throw new AppError('UNSUPPORTED_TYPE');
	}
	const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0) ?? workbook.worksheets[0];
	if (!sheet) throw new AppError('UNSUPPORTED_TYPE');
	const rows: UploadRow[] = [];
	let count = 0;
	for (let r = 1; r <= sheet.rowCount; r++) {
		const row = sheet.getRow(r);
		const cells: string[] = [];
		for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
		rows.push({ line: r, cells });
		if (++count % YIELD_EVERY === 0) await yieldToEventLoop();
	}
	return rows;
}

const DELIMITERS = [',', ';', '\t'] as const;

function parseCsv(text: string, delimiter: string, preview = 0): UploadRow[] {
	const parsed = Papa.parse<string[]>(text, { delimiter, preview, skipEmptyLines: false });
	return parsed.data.map((cells, i) => ({ line: i + 1, cells: cells.map((c) => c ?? '') }));
}

/**
 * Vietnamese Excel saves "CSV" with ';' where the list separator is ';', and pasted lists hold
 * tabs; the separator is the one under which the header row names the most known columns
 * (papaparse's own guess fails on short files).
 */
function readCsv(text: string, columns: readonly ImportColumn[]): UploadRow[] {
	let best: { delimiter: string; score: number } = { delimiter: ',', score: 0 };
	for (const delimiter of DELIMITERS) {
		const score = findHeader(parseCsv(text, delimiter, HEADER_SEARCH_ROWS), columns)?.columns.size ?? 0;
		if (score > best.score) best = { delimiter, score };
	}
	return parseCsv(text, best.delimiter);
}

/**
 * The rows of an upload. Refuses what is neither an XLSX workbook nor UTF-8/UTF-16 text with
 * UNSUPPORTED_TYPE (legacy .xls, PDF, images, other encodings).
 */
export async function readUploadRows(bytes: Uint8Array, columns: readonly ImportColumn[]): Promise<UploadRow[]> {
	if (isZip(bytes)) return readXlsx(bytes);
	const text = decodeText(bytes);
	if (text === undefined) throw new AppError('UNSUPPORTED_TYPE');
	return readCsv(text, columns);
}

/** A header as compared: folded, punctuation and marks like "(*)" dropped. */
export function headerKey(value: string): string {
	return foldVietnamese(cleanText(value))
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

export interface HeaderMatch {
	/** The header row's line; data start below it. */
	line: number;
	/** Column index → canonical key. */
	columns: Map<number, string>;
}

/**
 * Finds the header row among the first rows (lists often start with a title such as "DANH SÁCH
 * CÁN BỘ, CÔNG CHỨC…"): the first row naming at least two known columns, or one when it is alone.
 */
export function findHeader(rows: UploadRow[], columns: readonly ImportColumn[]): HeaderMatch | undefined {
	const lookup = new Map<string, string>();
	for (const col of columns) for (const name of [col.header, col.key, ...col.aliases]) lookup.set(headerKey(name), col.key);
	let best: HeaderMatch | undefined;
	for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
		const found = new Map<number, string>();
		const used = new Set<string>();
		row.cells.forEach((cell, i) => {
			const key = lookup.get(headerKey(cell));
			if (key && !used.has(key)) {
				found.set(i, key);
				used.add(key);
			}
		});
		if (found.size >= 2) return { line: row.line, columns: found };
		if (found.size === 1 && !best) best = { line: row.line, columns: found };
	}
	return best;
}

/** The data rows below the header as canonical key → cleaned text; rows with nothing in known columns are left out. */
export function rowsToRecords(rows: UploadRow[], header: HeaderMatch): Array<{ line: number; values: Record<string, string> }> {
	const out: Array<{ line: number; values: Record<string, string> }> = [];
	for (const row of rows) {
		if (row.line <= header.line) continue;
		const values: Record<string, string> = {};
		let any = false;
		for (const [i, key] of header.columns) {
			const v = cleanText(row.cells[i] ?? '');
			values[key] = v;
			if (v) any = true;
		}
		if (any) out.push({ line: row.line, values });
	}
	return out;
}
