// The outgoing register (sổ đăng ký văn bản đi) as an XLSX workbook in the form of Decree
// 30/2020/NĐ-CP, Appendix IV: a title, then the ten columns, one row per document.
import ExcelJS from 'exceljs';
import type { Db } from '../db/types';
import { translate } from '../core/http';
import type { Actor } from '../auth/actor';
import { formatDate, formatDateTime } from '../../vn/dates';
import type { RegisterQuery } from '../../features/documents/inputs';
import { REGISTER_FIELDS, type RegisterEntry, type RegisterFieldKey } from '../../features/documents/register';
import { listRegister, requireRegisterOrg } from './service/register';
import { countIssuedDocumentsOfCampaign } from './queries';

const vi = (key: string, params: Record<string, unknown> = {}) => translate(key, params, 'vi');

/** "Ghi chú": what the person wrote, then what the register knows (cancelled, typed number, signed file). */
export function registerNote(e: RegisterEntry): string {
	const parts = [e.note];
	if (e.status === 'cancelled') parts.push(vi('documents_note_cancelled', { reason: e.cancelReason ?? '' }));
	if (e.numberEnteredByHand) parts.push(vi('documents_note_typed_number'));
	if (e.signed) parts.push(vi(e.signed.hasSignature ? 'documents_note_signed' : 'documents_note_signed_no_signature'));
	return parts.filter(Boolean).join('; ');
}

/** The ten fields of one register line as the spreadsheet writes them. */
export function registerCells(e: RegisterEntry): Record<RegisterFieldKey, string | number> {
	return {
		reference: e.reference,
		documentDate: formatDate(e.documentDate),
		typeAndSummary: `${e.typeName}: ${e.summary}`,
		signer: e.signerPosition ? `${e.signerName} (${e.signerPosition})` : e.signerName,
		recipients: e.recipients.join('\n'),
		archive: e.archive,
		copies: e.copies,
		sentOn: formatDate(e.sentOn),
		receipts: e.receipts
			.filter((r) => r.readAt)
			.map((r) => `${r.orgName}: ${formatDateTime(r.readAt!)}`)
			.join('\n'),
		note: registerNote(e)
	};
}

const WIDTHS: Record<RegisterFieldKey, number> = {
	reference: 16,
	documentDate: 12,
	typeAndSummary: 48,
	signer: 26,
	recipients: 36,
	archive: 16,
	copies: 9,
	sentOn: 12,
	receipts: 34,
	note: 30
};

/**
 * One organisation's outgoing register for a year as an XLSX workbook: the organisation, the title
 * "SỔ ĐĂNG KÝ VĂN BẢN ĐI" and the year, then a header row with the ten fields of Appendix IV and
 * one row per document, under the same filters and refusals as `listRegister`.
 */
export async function exportRegisterXlsx(db: Db, actor: Actor, query: RegisterQuery): Promise<Buffer> {
	const entries = await listRegister(db, actor, query);
	const org = await requireRegisterOrg(db, actor, String(query.orgId));
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'LearnWeek';
	const sheet = workbook.addWorksheet(`Sổ văn bản đi ${query.year}`.slice(0, 31), {
		views: [{ state: 'frozen', ySplit: 4 }],
		pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 }
	});
	const last = REGISTER_FIELDS.length;
	const title = (row: number, text: string, size: number) => {
		sheet.mergeCells(row, 1, row, last);
		const cell = sheet.getCell(row, 1);
		cell.value = text;
		cell.font = { bold: true, size };
		cell.alignment = { horizontal: 'center' };
	};
	title(1, org.name.toLocaleUpperCase('vi'), 12);
	title(2, 'SỔ ĐĂNG KÝ VĂN BẢN ĐI', 14);
	title(3, `Năm ${query.year}`, 12);
	const header = sheet.getRow(4);
	header.values = REGISTER_FIELDS.map((f) => f.header);
	header.font = { bold: true };
	header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
	for (const e of entries) {
		const cells = registerCells(e);
		const row = sheet.addRow(REGISTER_FIELDS.map((f) => cells[f.key]));
		row.alignment = { wrapText: true, vertical: 'top' };
	}
	REGISTER_FIELDS.forEach((f, i) => {
		const column = sheet.getColumn(i + 1);
		column.width = WIDTHS[f.key];
		// Numbers and dates stay text, so Excel keeps "05/KH-VPUB" and "05/01/2021" as written.
		if (f.key !== 'copies') column.numFmt = '@';
	});
	sheet.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4, column: last } };
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * For reports: how many documents of `campaignId` stand issued (cancelled ones not counted) by the
 * organisations `orgIds` (a subtree's nodes, from the org domain); no actor, the caller has checked.
 */
export async function countIssuedCampaignDocuments(db: Db, campaignId: string, orgIds: string[]): Promise<number> {
	return countIssuedDocumentsOfCampaign(db, campaignId, orgIds);
}
