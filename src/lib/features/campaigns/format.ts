// How a campaign reads on a page and in its document: reference, place and date, phase, citations.
import { formatFormalDate, isoDateInVietnam } from '$lib/vn/dates';
import { formatDocumentNumber } from '$lib/vn/numbers';
import type { CampaignStatus, LegalBasis, Signer } from './types';

export type CampaignPhase = 'upcoming' | 'running' | 'ended';

/** The calendar date in Vietnam at an instant, as yyyy-mm-dd. */
export function vietnamDate(at: Date): string {
	return isoDateInVietnam(at);
}

function dayNumber(isoDate: string): number {
	const [y, m, d] = isoDate.split('-').map(Number);
	return Date.UTC(y, m - 1, d) / 86_400_000;
}

/**
 * Where the Week stands on Vietnam's calendar at `now`: upcoming (days = days until it starts),
 * running (days = days left counting today, 1 on the last day), or ended (days = days since it ended).
 */
export function campaignPhase(startsOn: string, endsOn: string, now: Date): { phase: CampaignPhase; days: number } {
	const today = dayNumber(vietnamDate(now));
	const start = dayNumber(startsOn);
	const end = dayNumber(endsOn);
	if (today < start) return { phase: 'upcoming', days: start - today };
	if (today <= end) return { phase: 'running', days: end - today + 1 };
	return { phase: 'ended', days: today - end };
}

export { formatDocumentNumber };

/** "Số: 05/KH-VPUB", or "Số: …/KH-VPUB" while the plan has no number. */
export function campaignReference(c: { number: string | null; symbol: string }): string {
	const n = formatDocumentNumber(c.number);
	return `Số: ${n || '…'}/${c.symbol}`;
}

/** "Sơn La, ngày 14 tháng 9 năm 2021", or "Sơn La, ngày … tháng … năm 2021" while undated. */
export function campaignPlaceAndDate(c: { place: string; documentDate: string | null; year: number }): string {
	const date = c.documentDate ? formatFormalDate(c.documentDate) : `ngày … tháng … năm ${c.year}`;
	return `${c.place}, ${date}`;
}

/** Decree 30/2020, Appendix III: the type abbreviations that appear in a plan's citations. */
const DOCUMENT_TYPES: Record<string, string> = {
	NQ: 'Nghị quyết',
	QĐ: 'Quyết định',
	CT: 'Chỉ thị',
	QC: 'Quy chế',
	QyĐ: 'Quy định',
	TB: 'Thông báo',
	HD: 'Hướng dẫn',
	CTr: 'Chương trình',
	KH: 'Kế hoạch',
	PA: 'Phương án',
	ĐA: 'Đề án',
	BC: 'Báo cáo',
	TTr: 'Tờ trình',
	NĐ: 'Nghị định',
	TT: 'Thông tư'
};

/** The document type named by a symbol ("1373/QĐ-TTg" → "Quyết định"); '' when unknown (e.g. a công văn). */
export function documentTypeName(numberOrSymbol: string): string {
	const symbol = numberOrSymbol.includes('/') ? numberOrSymbol.split('/').slice(1).join('/') : numberOrSymbol;
	for (const part of symbol.split(/[-/]/)) if (DOCUMENT_TYPES[part]) return DOCUMENT_TYPES[part];
	return '';
}

/** 14/9/2021: citations write dates without leading zeros, as the 2021 plan does. */
export function formatCitationDate(isoDate: string): string {
	const [y, m, d] = isoDate.split('-').map(Number);
	return `${d}/${m}/${y}`;
}

/** What a linked campaign contributes to a citation. */
export interface CitedCampaign {
	number: string | null;
	symbol: string;
	documentDate: string | null;
	orgName: string;
	title: string;
}

/**
 * A legal basis as the plan cites it: "Quyết định số 1373/QĐ-TTg ngày 30/7/2021 của Thủ tướng
 * Chính phủ về Đề án …". A link to a campaign is cited from that campaign (or '' when unknown).
 */
export function legalBasisText(basis: LegalBasis, linked?: CitedCampaign): string {
	if (basis.kind === 'campaign') {
		if (!linked) return '';
		const number = formatDocumentNumber(linked.number);
		return citation({
			number: number ? `${number}/${linked.symbol}` : '',
			type: documentTypeName(linked.symbol),
			date: linked.documentDate ?? undefined,
			issuer: linked.orgName,
			title: lowerFirst(linked.title)
		});
	}
	return citation({ number: basis.number ?? '', type: documentTypeName(basis.number ?? ''), date: basis.date, issuer: basis.issuer, title: basis.title });
}

function lowerFirst(s: string): string {
	return s ? s[0].toLocaleLowerCase('vi') + s.slice(1) : s;
}

const CITATION_LINK = /^(về|ban hành|phê duyệt|quy định|hướng dẫn|sửa đổi)\s/u;

function citation(p: { number: string; type: string; date?: string; issuer?: string; title?: string }): string {
	const parts: string[] = [];
	if (p.type) parts.push(p.number ? `${p.type} số ${p.number}` : p.type);
	else if (p.number) parts.push(`Văn bản số ${p.number}`);
	if (p.date) parts.push(`ngày ${formatCitationDate(p.date)}`);
	if (p.issuer) parts.push(`của ${p.issuer}`);
	if (p.title) {
		// "… của Thủ tướng Chính phủ về Đề án …", unless the title brings its own link word ("ban hành …").
		parts.push(parts.length && !CITATION_LINK.test(p.title) ? `về ${p.title}` : p.title);
	}
	return parts.join(' ');
}

/** The signature block's lines: "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", then the name. */
export function signerLines(signer: Signer): string[] {
	const lines: string[] = [];
	if (signer.authority) lines.push(`${signer.authority}. ${signer.authorityTitle}`.trim());
	if (signer.position) lines.push(signer.position);
	if (signer.name) lines.push(signer.name);
	return lines;
}

/** Message key of a status label: `campaigns_status_draft`… */
export function campaignStatusKey(status: CampaignStatus): string {
	return `campaigns_status_${status}`;
}

/** One numbered item of a part: "1. Mục đích" with its paragraphs, a list, or sanitised HTML. */
export interface OutlineItem {
	/** "1. Mục đích"; empty for a duty, whose text carries its number. */
	heading: string;
	paragraphs: string[];
	list: string[];
	/** Sanitised HTML of a plan's section. */
	html: string;
}

/** A Roman-numbered part of the plan: "I. MỤC ĐÍCH, YÊU CẦU". */
export interface OutlinePart {
	heading: string;
	items: OutlineItem[];
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/**
 * The plan's body in the order a Kế hoạch lays it out (DOMAIN-VN §3.5): I. purposes and
 * requirements; II. themes, period and the content sections; III. duties. Empty parts and items
 * are left out and the rest numbered in turn.
 */
export function campaignOutline(c: {
	purposes: string;
	requirements: string;
	themes: readonly string[];
	startsOn: string;
	endsOn: string;
	sections: ReadonlyArray<{ heading: string; bodyHtml: string }>;
	duties: ReadonlyArray<{ unit: string; text: string }>;
}): OutlinePart[] {
	const item = (heading: string, body: Partial<OutlineItem>): OutlineItem => ({ heading, paragraphs: [], list: [], html: '', ...body });
	const paras = (s: string) => s.split('\n').filter(Boolean);
	const parts: Array<{ title: string; items: OutlineItem[]; numbered: boolean }> = [
		{
			title: 'MỤC ĐÍCH, YÊU CẦU',
			numbered: true,
			items: [...(c.purposes ? [item('Mục đích', { paragraphs: paras(c.purposes) })] : []), ...(c.requirements ? [item('Yêu cầu', { paragraphs: paras(c.requirements) })] : [])]
		},
		{
			title: 'NỘI DUNG',
			numbered: true,
			items: [
				...(c.themes.length ? [item('Chủ đề', { list: c.themes.map((t) => `“${t}”`) })] : []),
				item('Thời gian thực hiện', { paragraphs: [`Tuần lễ được tổ chức từ ngày ${formatCitationDateFull(c.startsOn)} đến ngày ${formatCitationDateFull(c.endsOn)}.`] }),
				...c.sections.map((s) => item(s.heading, { html: s.bodyHtml }))
			]
		},
		{
			title: 'TỔ CHỨC THỰC HIỆN',
			numbered: false,
			items: c.duties.map((d, i) => item('', { paragraphs: [`${i + 1}. ${[d.unit, d.text].filter(Boolean).join(' ')}`] }))
		}
	];
	return parts
		.filter((p) => p.items.length)
		.map((p, i) => ({
			heading: `${ROMAN[i] ?? i + 1}. ${p.title}`,
			items: p.numbered ? p.items.map((it, j) => ({ ...it, heading: `${j + 1}. ${it.heading}` })) : p.items
		}));
}

/** 01/10/2021: the period is written in full in the plan's body. */
function formatCitationDateFull(isoDate: string): string {
	const [y, m, d] = isoDate.split('-');
	return `${d}/${m}/${y}`;
}
