// Client-safe model of an administrative document as Decree 30/2020/NĐ-CP lays it out (Appendix I):
// the DOCX, PDF and HTML renderers all read this one shape. DOMAIN-VN §3 names the cells ①–⑩.

/** The kinds LearnWeek writes: Kế hoạch and Báo cáo (Mẫu 1.4), Quyết định (Mẫu 1.2). */
export const DOCUMENT_KINDS = ['plan', 'report', 'decision'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** ⑤a: the type name printed above the trích yếu. */
export const DOCUMENT_TYPE_NAMES: Record<DocumentKind, string> = {
	plan: 'KẾ HOẠCH',
	report: 'BÁO CÁO',
	decision: 'QUYẾT ĐỊNH'
};

/** A piece of text with its emphasis. */
export interface Span {
	text: string;
	bold?: boolean;
	italic?: boolean;
	underline?: boolean;
}

/** Plain text, or spans when part of it is emphasised. */
export type RichText = string | Span[];

/** One entry of a list; `items` nests a sub-list ("+ …" under "- …"). */
export interface ListItem {
	text: RichText;
	items?: ListItem[];
}

export type TableAlign = 'left' | 'center' | 'right';

/** A statistics table: header row(s) repeated on each page, then the rows. */
export interface DocumentTable {
	kind: 'table';
	/** "Bảng 1. Số người học theo đơn vị": printed above the table, bold, centred. */
	caption?: string;
	header: string[];
	rows: string[][];
	/** Relative column widths (default: equal). */
	widths?: number[];
	/** Per column (default: left for text, right for numbers). */
	align?: TableAlign[];
}

/** The body, block by block, in reading order. */
export type DocumentBlock =
	/**
	 * Level 1 "I. MỤC ĐÍCH, YÊU CẦU" (upper case, bold); level 2 "1. Mục đích" (bold);
	 * level 3 "a) …" (italic). The text carries its own numbering.
	 */
	| { kind: 'heading'; level: 1 | 2 | 3; text: string }
	/** Justified, first-line indent. */
	| { kind: 'paragraph'; text: RichText }
	/** "- …" items (ordered: "a) …", "b) …" in the Vietnamese alphabet), "+ …" for nested ones. */
	| { kind: 'list'; ordered?: boolean; items: ListItem[] }
	/** A decision's article: "Điều 1." in bold, then its text. */
	| { kind: 'article'; number: number; title?: string; text?: RichText; blocks?: DocumentBlock[] }
	| DocumentTable;

/** A "Phụ lục" after the signature, on its own pages, numbered separately. */
export interface DocumentAppendix {
	/** "SỐ LIỆU KẾT QUẢ TỔ CHỨC TUẦN LỄ …" */
	title: string;
	blocks: DocumentBlock[];
}

/** ⑧–⑩ the signer block. */
export interface DocumentSignature {
	/**
	 * Thẩm quyền ký, each line bold upper case: ["KT. CHÁNH VĂN PHÒNG"], or under a TL. delegated on
	 * to a deputy ["TL. GIÁM ĐỐC", "KT. CHÁNH VĂN PHÒNG"]; [] when the head signs.
	 */
	authority: string[];
	/** The signer's title, "PHÓ CHÁNH VĂN PHÒNG"; '' when the authority line says it all ("Q. GIÁM ĐỐC"). */
	title: string;
	/** Full name, no academic titles (Appendix I §II.7c). */
	name: string;
}

/** An administrative document, from its header to its appendices. */
export interface OfficialDocument {
	kind: DocumentKind;
	/** ①a the governing body, upper case ("UBND TỈNH SƠN LA"); '' when there is none. */
	governingBody: string;
	/** ①b the issuing agency, upper case ("VĂN PHÒNG UBND TỈNH"). */
	issuer: string;
	/** ② the number ("5" prints "05"); null or '' while unnumbered (printed "…" for the clerk to fill in). */
	number: string | null;
	/** ② the symbol after "/": "KH-VPUB". */
	symbol: string;
	/** ❹ the place ("Sơn La"), full administrative name. */
	place: string;
	/** ❹ yyyy-mm-dd; null while undated ("ngày … tháng … năm 2021"). */
	date: string | null;
	/** The year printed while undated. */
	year: number;
	/** ⑤b the trích yếu: "Tổ chức Tuần lễ …", or for a decision "Về việc …". */
	summary: string;
	/** A decision's enacting authority, bold upper case under the trích yếu: "CHÁNH VĂN PHÒNG UBND TỈNH". */
	enactingAuthority?: string;
	/** 9a "Kính gửi:" (reports sent upward): one on the same line, several as "- …;" lines. */
	addressees?: string[];
	/** ⑥ legal bases in italics, each ending ";" and the last "." (a decision's last one may be "Theo đề nghị của …"). */
	citations: string[];
	/** Paragraphs after the citations and before the body (a plan's "… xây dựng kế hoạch như sau:"). */
	introduction: string[];
	/** ⑦ the body; its last paragraph ends "./.". */
	body: DocumentBlock[];
	/** 9b "Nơi nhận:" recipients without the "- " and end punctuation; the archive line comes from `archive`. */
	recipients: string[];
	/** What follows "Lưu:" ("VT, TCHCQT"); "VT" alone when empty. */
	archive: string;
	signature: DocumentSignature;
	appendices?: DocumentAppendix[];
}
