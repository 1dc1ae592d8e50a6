// The Sơn La Office's 2021 plan, read from its text (ke-hoach-2021.txt, a copy of the seed plan)
// into a campaign, and the demo's two campaigns: the province's Kế hoạch 212/KH-UBND and the Office's.
import type { Db } from '../db/types';
import { systemActor, type Actor } from '../auth/actor';
import { parseDate } from '../../vn/dates';
import { foldVietnamese } from '../../vn/text';
import type { CampaignInputValues } from '../../features/campaigns/inputs';
import type { LegalBasis, PlanSection, Duty, Signer, SigningAuthority } from '../../features/campaigns/types';
import {
	approveCampaign,
	closeCampaign,
	createCampaign,
	getCampaign,
	issueCampaign,
	listCampaigns,
	startCampaign,
	submitCampaign,
	type CampaignRow
} from '../campaigns/service';
import PLAN_2021_TEXT from './ke-hoach-2021.txt?raw';

export { PLAN_2021_TEXT };

/** The plan as read: the campaign input, and the document it says it implements ("Thực hiện Kế hoạch số …"). */
export interface ParsedPlan {
	input: Omit<CampaignInputValues, 'legalBases' | 'sections' | 'duties' | 'themes' | 'recipients' | 'signer'> & {
		legalBases: LegalBasis[];
		sections: PlanSection[];
		duties: Duty[];
		themes: string[];
		recipients: string[];
		signer: Signer;
	};
	/** The superior's plan this one carries out, as cited; the caller may link it to that plan's campaign. */
	implemented: (LegalBasis & { kind: 'document' }) | null;
}

// ---- inline markup: the seed text uses Markdown emphasis (*…*, **…**) and autolinks (<https://…>).

/** Plain text of a line: emphasis markers and autolink brackets removed. */
function plain(s: string): string {
	return s
		.replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
		.replace(/\*\*([^*]+)\*\*/g, '$1')
		.replace(/\*([^*]+)\*/g, '$1')
		.replace(/\s+/g, ' ')
		.trim();
}

function escapeHtml(s: string): string {
	return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A line as HTML: emphasis as <strong>/<em>, autolinks as links, the rest escaped. */
function inlineHtml(s: string): string {
	const links: string[] = [];
	const held = s.replace(/<((?:https?|mailto):[^>\s]+)>/g, (_, url: string) => {
		links.push(url);
		return `\u0000${links.length - 1}\u0000`;
	});
	return escapeHtml(held)
		.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
		.replace(/\*([^*]+)\*/g, '<em>$1</em>')
		.replace(/\u0000(\d+)\u0000/g, (_, i: string) => `<a href="${escapeHtml(links[Number(i)])}">${escapeHtml(links[Number(i)])}</a>`)
		.replace(/\s+/g, ' ')
		.trim();
}

/** Paragraphs as HTML: "- " items become a list, "+ " items a list inside the item before them. */
function paragraphsToHtml(paragraphs: string[]): string {
	let html = '';
	let inList = false;
	let inSub = false;
	let openItem = false;
	const closeSub = () => {
		if (inSub) html += '</ul>';
		inSub = false;
	};
	const closeItem = () => {
		closeSub();
		if (openItem) html += '</li>';
		openItem = false;
	};
	const closeList = () => {
		closeItem();
		if (inList) html += '</ul>';
		inList = false;
	};
	for (const p of paragraphs) {
		const bullet = /^-\s+(.*)$/s.exec(p);
		const sub = /^\+\s+(.*)$/s.exec(p);
		if (bullet) {
			closeItem();
			if (!inList) html += '<ul>';
			inList = true;
			html += `<li>${inlineHtml(bullet[1])}`;
			openItem = true;
		} else if (sub && inList) {
			if (!inSub) html += '<ul>';
			inSub = true;
			html += `<li>${inlineHtml(sub[1])}</li>`;
		} else {
			closeList();
			html += `<p>${inlineHtml(sub ? sub[1] : p)}</p>`;
		}
	}
	closeList();
	return html;
}

// ---- citations: "Kế hoạch số 212/KH-UBND ngày 14/9/2021 của UBND tỉnh về …"

const DOC_TYPES = 'Kế hoạch|Quyết định|Nghị quyết|Chỉ thị|Thông tư|Nghị định|Công văn|Hướng dẫn|Thông báo|Luật';

/** A citation that is a whole sentence (a "Thực hiện …" or "Căn cứ …" paragraph); the title runs to its end. */
function parseLeadCitation(sentence: string): (LegalBasis & { kind: 'document' }) | null {
	const m = new RegExp(`(?:${DOC_TYPES})\\s+số\\s+(\\d+\\/[^\\s,;]+)\\s+ngày\\s+(\\d{1,2}\\/\\d{1,2}\\/\\d{4})\\s+của\\s+(.+?)\\s+((?:về|ban hành|phê duyệt)\\s.+?)[.;]?$`, 'u').exec(plain(sentence));
	if (!m) return null;
	return { kind: 'document', number: m[1], date: parseDate(m[2]), issuer: m[3], title: m[4].replace(/^về\s+/u, '') };
}

/** Citations inside a paragraph whose title is quoted: … Quyết định số 1373/QĐ-TTg ngày 30/7/2021 của Thủ tướng Chính phủ ban hành “…”. */
function parseQuotedCitations(paragraph: string): Array<LegalBasis & { kind: 'document' }> {
	const re = new RegExp(`(?:${DOC_TYPES})\\s+số\\s+(\\d+\\/[^\\s,;]+)\\s+ngày\\s+(\\d{1,2}\\/\\d{1,2}\\/\\d{4})\\s+của\\s+(.+?)\\s+(?:về việc|về|ban hành|phê duyệt)\\s+[“"]([^”"]+)[”"]`, 'gu');
	return [...plain(paragraph).matchAll(re)].map((m) => ({ kind: 'document' as const, number: m[1], date: parseDate(m[2]), issuer: m[3], title: m[4].trim() }));
}

// ---- structure

const ROMAN = /^([IVXL]+)\.\s+(.+)$/;
const NUMBERED = /^(\d+)\.\s+(.+)$/s;

/** A numbered paragraph is a sub-heading ("1. Mục đích") when short and without closing punctuation; else it is content ("1. Lãnh đạo … ."). */
function isSubHeading(p: string): boolean {
	const m = NUMBERED.exec(p);
	return !!m && m[2].length <= 80 && !/[.;:!?]$/.test(m[2].trim()) && !m[2].includes('\n');
}

interface Part {
	title: string;
	/** Paragraphs before the first sub-heading. */
	lead: string[];
	subs: Array<{ title: string; paragraphs: string[] }>;
}

// Verbs that end a duty's unit in "<unit> <verb> …" (Vietnamese plans write the unit first).
const DUTY_VERBS = ['đôn đốc', 'đơn đốc', 'chủ trì', 'phối hợp', 'thực hiện', 'triển khai', 'tổ chức', 'xây dựng', 'tham mưu', 'hướng dẫn', 'có trách nhiệm', 'chịu trách nhiệm', 'theo dõi', 'báo cáo'];

/** "Giao Phòng X đôn đốc …" → unit "Phòng X", text "đôn đốc …"; the document's closing "./." is dropped. */
function parseDuty(p: string): Duty {
	const body = plain(p.replace(NUMBERED, '$2')).replace(/\.\/\.$/, '.');
	const m = new RegExp(`^(?:Giao\\s+)?(.+?)\\s+((?:${DUTY_VERBS.join('|')})\\s.*)$`, 'u').exec(body);
	return m ? { unit: m[1], text: m[2] } : { unit: '', text: body };
}

function stripQuotes(s: string): string {
	return s
		.replace(/[.;]+$/, '')
		.replace(/^["“]+|["”]+$/g, '')
		.trim();
}

/** "1. Chủ đề" → "Chủ đề". */
function subTitle(p: string): string {
	return plain(p.replace(NUMBERED, '$2'));
}

const folded = (s: string) => foldVietnamese(s);

/**
 * Reads a Kế hoạch written like the 2021 seed plan into a campaign input: header (Số, place and
 * date), title, the citations it implements, introduction, I. purposes and requirements, II. themes,
 * period and activities (as sections), III. duties, recipients and signer. With `parentCampaignId`
 * the plan it implements becomes a link to that campaign and the new campaign's parent.
 */
export function parsePlan2021(text: string, options: { parentCampaignId?: string } = {}): ParsedPlan {
	const paragraphs = text
		.normalize('NFC')
		.replace(/\r\n?/g, '\n')
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean);

	let number = '';
	let symbol = '';
	let place = '';
	let documentDate = '';
	let title = '';
	let i = 0;

	// Header: "Số: /KH-VPUB", "Sơn La, ngày tháng năm 2021", "KẾ HOẠCH" + trích yếu.
	for (; i < paragraphs.length; i++) {
		const p = paragraphs[i];
		const so = /^Số:\s*(\d*)\s*\/\s*(\S+)$/u.exec(p);
		const dated = /^(.+?),\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})$/u.exec(p);
		if (so) {
			number = so[1];
			symbol = so[2];
		} else if (dated) {
			place = dated[1].trim();
			if (dated[2] && dated[3]) documentDate = parseDate(`${dated[2]}/${dated[3]}/${dated[4]}`) ?? '';
		} else if (/^KẾ HOẠCH\b/u.test(p)) {
			const rest = p.split('\n').slice(1).join(' ').trim();
			title = plain(rest || paragraphs[++i] || '');
			i++;
			break;
		}
	}

	// Preamble: citations it implements, then the introduction, up to "I. …".
	const legalBases: LegalBasis[] = [];
	const introduction: string[] = [];
	let implemented: ParsedPlan['implemented'] = null;
	for (; i < paragraphs.length && !ROMAN.test(paragraphs[i]); i++) {
		const p = paragraphs[i];
		const cited = /^(Thực hiện|Căn cứ)\s/u.test(p) ? parseLeadCitation(p) : null;
		if (cited) {
			if (!implemented && p.startsWith('Thực hiện')) implemented = cited;
			legalBases.push(cited === implemented && options.parentCampaignId ? { kind: 'campaign', campaignId: options.parentCampaignId } : cited);
		} else introduction.push(plain(p));
	}

	// Body: Roman parts with numbered sub-headings, up to "Nơi nhận:".
	const parts: Part[] = [];
	for (; i < paragraphs.length && !/^Nơi nhận:?/u.test(plain(paragraphs[i])); i++) {
		const p = paragraphs[i];
		const roman = ROMAN.exec(p);
		if (roman) parts.push({ title: plain(roman[2]), lead: [], subs: [] });
		else if (isSubHeading(p)) parts.at(-1)?.subs.push({ title: subTitle(p), paragraphs: [] });
		else {
			const part = parts.at(-1);
			if (!part) continue;
			const sub = part.subs.at(-1);
			(sub ? sub.paragraphs : part.lead).push(p);
		}
	}

	const purposes: string[] = [];
	const requirements: string[] = [];
	const themes: string[] = [];
	const sections: PlanSection[] = [];
	const duties: Duty[] = [];
	let startsOn = '';
	let endsOn = '';
	for (const part of parts) {
		const name = folded(part.title);
		if (name.includes('muc dich') || name.includes('yeu cau')) {
			for (const sub of part.subs) (folded(sub.title).startsWith('yeu cau') ? requirements : purposes).push(...sub.paragraphs.map(plain));
			purposes.unshift(...part.lead.map(plain));
		} else if (name.includes('to chuc thuc hien')) {
			// Duties are numbered content paragraphs (or bullets); sub-headed groups keep their title as the unit.
			for (const p of part.lead) duties.push(parseDuty(p.replace(/^[-+]\s+/, '')));
			for (const sub of part.subs) duties.push({ unit: sub.title, text: sub.paragraphs.map(plain).join('\n') });
		} else {
			const rest: Part['subs'] = [];
			for (const sub of part.subs) {
				const subName = folded(sub.title);
				if (subName.startsWith('chu de') || subName.startsWith('khau hieu')) {
					for (const p of sub.paragraphs) for (const line of p.split('\n')) if (/^[-+]\s+/.test(line)) themes.push(stripQuotes(plain(line.replace(/^[-+]\s+/, ''))));
				} else if (subName.startsWith('thoi gian')) {
					const period = /từ ngày\s+(\d{1,2}\/\d{1,2}\/\d{4})\s+đến ngày\s+(\d{1,2}\/\d{1,2}\/\d{4})/u.exec(sub.paragraphs.map(plain).join(' '));
					if (period) {
						startsOn = parseDate(period[1]) ?? '';
						endsOn = parseDate(period[2]) ?? '';
					}
				} else rest.push(sub);
			}
			if (part.lead.length) sections.push({ heading: part.title, bodyHtml: paragraphsToHtml(part.lead) });
			for (const sub of rest) sections.push({ heading: sub.title, bodyHtml: paragraphsToHtml(sub.paragraphs) });
		}
		// Documents cited inside the body with a quoted title (the 2021 plan names Decision 1373/QĐ-TTg in its requirements).
		for (const p of [...part.lead, ...part.subs.flatMap((s) => s.paragraphs)]) {
			for (const c of parseQuotedCitations(p)) if (!legalBases.some((b) => b.kind === 'document' && b.number === c.number)) legalBases.push(c);
		}
	}

	// Closing: "Nơi nhận:" with "- …;" lines, the signature block in bold, then the signer's name.
	const recipients: string[] = [];
	const signer: Signer = { name: '', position: '', authority: '', authorityTitle: '' };
	for (i++; i < paragraphs.length; i++) {
		const p = paragraphs[i];
		if (/^-\s/.test(p)) {
			for (const line of p.split('\n')) if (/^-\s/.test(line)) recipients.push(plain(line.replace(/^-\s+/, '')).replace(/[;.]$/, ''));
		} else if (/^\*\*[\s\S]+\*\*$/.test(p) || /^(KT|TL|TM|Q|TUQ)\.\s/u.test(p)) {
			const lines = p.replace(/^\*\*|\*\*$/g, '').split('\n').map(plain).filter(Boolean);
			const authority = /^(KT|TL|TM|Q|TUQ)\.\s+(.+)$/u.exec(lines[0] ?? '');
			if (authority) {
				signer.authority = authority[1] as SigningAuthority;
				signer.authorityTitle = authority[2];
				signer.position = lines.slice(1).join(' ');
			} else signer.position = lines.join(' ');
		} else if (!signer.name && (signer.position || signer.authority)) signer.name = plain(p);
	}

	return {
		input: {
			title,
			number,
			symbol,
			place,
			documentDate,
			legalBases,
			introduction: introduction.join('\n'),
			purposes: purposes.join('\n'),
			requirements: requirements.join('\n'),
			themes,
			startsOn,
			endsOn,
			sections,
			duties,
			recipients,
			signer,
			parentId: options.parentCampaignId ?? ''
		},
		implemented
	};
}

function capitalise(s: string): string {
	return s ? s[0].toLocaleUpperCase('vi') + s.slice(1) : s;
}

/** Walks a new draft to `status` as the given actor, each step audited like a person's. */
async function walkTo(db: Db, actor: Actor, row: CampaignRow, status: 'closed'): Promise<CampaignRow> {
	let current = row;
	for (const step of [submitCampaign, approveCampaign, issueCampaign, startCampaign, closeCampaign]) {
		if (current.status === status) break;
		current = await step(db, actor, current.id);
	}
	return current;
}

/**
 * The demo's campaigns, built once (a second call finds them and returns them): the province's
 * Kế hoạch 212/KH-UBND as cited by the Office's plan, and the Office's plan from the seed text,
 * implementing it. A 2021 Week seen today has ended, so both are closed and public.
 */
export async function seedDemoCampaigns(
	db: Db,
	orgs: { provinceOrgId: string; officeOrgId: string }
): Promise<{ provinceCampaign: CampaignRow; officeCampaign: CampaignRow }> {
	const actor = systemActor('demo');
	const draft = parsePlan2021(PLAN_2021_TEXT);
	const cited = draft.implemented;
	if (!cited?.number || !cited.date) throw new Error('ke-hoach-2021.txt no longer cites the plan it implements');
	const [citedNumber, citedSymbol] = cited.number.split('/');

	const existing = async (orgId: string, symbol: string) =>
		(await listCampaigns(db, actor, { orgId, year: Number(draft.input.startsOn.slice(0, 4)) })).find((c) => c.orgId === orgId && c.symbol === symbol);

	// The province's plan holds what the Office's cites of it; its themes are the Week's, which the Office repeats.
	let provinceId = (await existing(orgs.provinceOrgId, citedSymbol))?.id;
	let provinceCampaign: CampaignRow | undefined;
	if (!provinceId) {
		const created = await createCampaign(db, actor, {
			orgId: orgs.provinceOrgId,
			title: capitalise(cited.title ?? ''),
			number: citedNumber,
			symbol: citedSymbol,
			place: draft.input.place,
			documentDate: cited.date,
			themes: draft.input.themes,
			startsOn: draft.input.startsOn,
			endsOn: draft.input.endsOn
		});
		provinceCampaign = await walkTo(db, actor, created, 'closed');
		provinceId = provinceCampaign.id;
	}

	const plan = parsePlan2021(PLAN_2021_TEXT, { parentCampaignId: provinceId });
	let officeCampaign: CampaignRow | undefined;
	const officeExisting = await existing(orgs.officeOrgId, plan.input.symbol as string);
	if (!officeExisting) {
		// The seed text leaves the number and the day blank ("Số: /KH-VPUB", "ngày tháng năm 2021"): the
		// number stays blank, and the demo dates the plan the day of the province's plan it implements,
		// so that issuing does not stamp it with today's date.
		const created = await createCampaign(db, actor, { orgId: orgs.officeOrgId, ...plan.input, documentDate: plan.input.documentDate || cited.date });
		officeCampaign = await walkTo(db, actor, created, 'closed');
	}

	return {
		provinceCampaign: provinceCampaign ?? (await getCampaign(db, actor, provinceId)),
		officeCampaign: officeCampaign ?? (await getCampaign(db, actor, officeExisting!.id))
	};
}
