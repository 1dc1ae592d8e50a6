import { formatDocumentNumber } from '$lib/vn/numbers';
// Client-safe half of the outgoing register (sổ đăng ký văn bản đi, Decree 30/2020/NĐ-CP): the
// document types and their abbreviations, how a number and symbol are written, and the shapes the
// register, the inbox and the document page share.

/**
 * Decree 30/2020, Art. 7 and Appendix III: the administrative document types and their
 * abbreviations. A công văn has no abbreviation ("CV" never appears in its symbol); LearnWeek uses
 * "CV" only as its code.
 */
export const DOCUMENT_TYPES = [
	{ code: 'NQ', name: 'Nghị quyết' },
	{ code: 'QĐ', name: 'Quyết định' },
	{ code: 'CT', name: 'Chỉ thị' },
	{ code: 'QC', name: 'Quy chế' },
	{ code: 'QyĐ', name: 'Quy định' },
	{ code: 'TC', name: 'Thông cáo' },
	{ code: 'TB', name: 'Thông báo' },
	{ code: 'HD', name: 'Hướng dẫn' },
	{ code: 'CTr', name: 'Chương trình' },
	{ code: 'KH', name: 'Kế hoạch' },
	{ code: 'PA', name: 'Phương án' },
	{ code: 'ĐA', name: 'Đề án' },
	{ code: 'DA', name: 'Dự án' },
	{ code: 'BC', name: 'Báo cáo' },
	{ code: 'BB', name: 'Biên bản' },
	{ code: 'TTr', name: 'Tờ trình' },
	{ code: 'HĐ', name: 'Hợp đồng' },
	{ code: 'CĐ', name: 'Công điện' },
	{ code: 'BGN', name: 'Bản ghi nhớ' },
	{ code: 'BTT', name: 'Bản thỏa thuận' },
	{ code: 'GUQ', name: 'Giấy ủy quyền' },
	{ code: 'GM', name: 'Giấy mời' },
	{ code: 'GGT', name: 'Giấy giới thiệu' },
	{ code: 'GNP', name: 'Giấy nghỉ phép' },
	{ code: 'PG', name: 'Phiếu gửi' },
	{ code: 'PC', name: 'Phiếu chuyển' },
	{ code: 'PB', name: 'Phiếu báo' },
	{ code: 'CV', name: 'Công văn' }
] as const;

export type DocumentTypeCode = (typeof DOCUMENT_TYPES)[number]['code'];

export const DOCUMENT_TYPE_CODES = DOCUMENT_TYPES.map((t) => t.code) as [DocumentTypeCode, ...DocumentTypeCode[]];

/** The code of a công văn: its symbol is `<agency>-<drafting unit>`, with no type. */
export const OFFICIAL_LETTER: DocumentTypeCode = 'CV';

/** "Kế hoạch" for "KH"; the code itself when unknown. */
export function documentTypeLabel(code: string): string {
	return DOCUMENT_TYPES.find((t) => t.code === code)?.name ?? code;
}

/** Decree 30/2020, Art. 15.1: one sequence for all types (the default), or one per type. */
export const NUMBERING_MODES = ['single', 'per_type'] as const;
export type NumberingModeCode = (typeof NUMBERING_MODES)[number];

export { formatDocumentNumber };

/** "05/KH-VPUB": the number and symbol as the register and the header write them (no spaces). */
export function documentReference(d: { number: number; symbol: string }): string {
	return `${formatDocumentNumber(d.number)}/${d.symbol}`;
}

/** Decree 30/2020, Appendix I §II.3 (b): the symbol of a typed document, "KH-VPUB". */
export function typedSymbol(type: string, orgCode: string): string {
	return `${type}-${orgCode}`;
}

/** The symbol of a công văn: the agency's code and the drafting unit's, "VPUB-TCHCQT". */
export function letterSymbol(orgCode: string, unitCode: string): string {
	return `${orgCode}-${unitCode}`;
}

/** One line of "Nơi nhận"; `orgId` when it names an organisation of LearnWeek, which then receives it. */
export interface DocumentRecipientRef {
	label: string;
	orgId?: string;
}

/**
 * Decree 30/2020, Appendix IV: the ten fields of the outgoing register, in order. The spreadsheet
 * uses these headers as the Decree words them.
 */
export const REGISTER_FIELDS = [
	{ key: 'reference', header: 'Số, ký hiệu văn bản' },
	{ key: 'documentDate', header: 'Ngày tháng văn bản' },
	{ key: 'typeAndSummary', header: 'Tên loại và trích yếu nội dung văn bản' },
	{ key: 'signer', header: 'Người ký' },
	{ key: 'recipients', header: 'Nơi nhận văn bản' },
	{ key: 'archive', header: 'Đơn vị, người nhận bản lưu' },
	{ key: 'copies', header: 'Số lượng bản' },
	{ key: 'sentOn', header: 'Ngày chuyển' },
	{ key: 'receipts', header: 'Ký nhận' },
	{ key: 'note', header: 'Ghi chú' }
] as const;

export type RegisterFieldKey = (typeof REGISTER_FIELDS)[number]['key'];

/** A recipient organisation's acknowledgement: the day it first opened the document in LearnWeek. */
export interface RegisterReceipt {
	orgId: string;
	orgName: string;
	label: string;
	readAt: Date | null;
	readByLabel: string | null;
}

/** The signed PDF as stored: its fingerprint, and whether a signature dictionary was found in it. */
export interface SignedFileInfo {
	sha256: string;
	size: number;
	at: Date;
	byLabel: string;
	/** /ByteRange and /Sig found in the file: it looks signed. LearnWeek does not verify the signature. */
	hasSignature: boolean;
}

/** One line of the register: every field of Appendix IV, and what the page links to. */
export interface RegisterEntry {
	id: string;
	orgId: string;
	year: number;
	series: string;
	number: number;
	symbol: string;
	/** "05/KH-VPUB" */
	reference: string;
	numberEnteredByHand: boolean;
	type: string;
	typeName: string;
	summary: string;
	/** yyyy-mm-dd */
	documentDate: string;
	signerName: string;
	signerPosition: string;
	/** The lines of "Nơi nhận", each once. */
	recipients: string[];
	archive: string;
	copies: number;
	/** yyyy-mm-dd */
	sentOn: string;
	receipts: RegisterReceipt[];
	note: string;
	status: 'issued' | 'cancelled';
	cancelReason: string | null;
	campaignId: string | null;
	signed: SignedFileInfo | null;
}

/** A document in a recipient organisation's inbox. */
export interface InboxItem {
	documentId: string;
	/** The recipient organisation it was sent to (the actor has a role on it or above). */
	orgId: string;
	orgName: string;
	issuerName: string;
	reference: string;
	typeName: string;
	summary: string;
	documentDate: string;
	status: 'issued' | 'cancelled';
	readAt: Date | null;
	signed: boolean;
}
