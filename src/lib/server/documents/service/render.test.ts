import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../db/testing';
import { systemActor } from '../../auth/actor';
import { seedDemoOrganisations } from '../../demo/org-2021';
import { seedDemoCampaigns, PLAN_2021_TEXT } from '../../demo/plan-2021';
import { campaignDocument } from '../../campaigns/export';
import { signerLines } from '../../../features/campaigns/format';
import { SIGNING_AUTHORITIES, type SigningAuthority } from '../../../features/campaigns/types';
import { formatReference, planToOfficialDocument, signatureFromLines } from '../../../features/documents/format';
import type { DocumentSignature, OfficialDocument } from '../../../features/documents/types';
import { renderDocx } from './render-docx';
import { measureText, renderPdf } from './render-pdf';

// ---------------------------------------------------------------------------------------------
// Tools: poppler-utils (pdftotext, pdffonts, pdfinfo) are required; LibreOffice is optional.

function has(command: string): boolean {
	return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}
const POPPLER = has('pdftotext') && has('pdffonts') && has('pdfinfo');
const SOFFICE = has('soffice');

const work = mkdtempSync(join(tmpdir(), 'lw-render-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function pdfFile(name: string, pdf: Buffer): string {
	const path = join(work, `${name}.pdf`);
	writeFileSync(path, pdf);
	return path;
}

function run(command: string, args: string[]): string {
	return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
}

interface BoxWord {
	page: number;
	text: string;
	xMin: number;
	yMin: number;
	xMax: number;
	yMax: number;
}

/** Every word pdftotext finds, with its box in points from the page's top left corner. */
function wordBoxes(path: string): { pages: Array<{ width: number; height: number }>; words: BoxWord[] } {
	const html = run('pdftotext', ['-bbox', path, '-']);
	const pages: Array<{ width: number; height: number }> = [];
	const words: BoxWord[] = [];
	for (const chunk of html.split(/<page /).slice(1)) {
		const size = /width="([\d.]+)" height="([\d.]+)"/.exec(chunk);
		pages.push({ width: Number(size?.[1]), height: Number(size?.[2]) });
		for (const m of chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
			words.push({ page: pages.length, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: decodeXml(m[5]) });
		}
	}
	return { pages, words };
}

function decodeXml(s: string): string {
	return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');
}

/** Letters and digits: the words of a text, whatever punctuation and layout surround them. */
function wordsOf(text: string): string[] {
	return text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

// ---------------------------------------------------------------------------------------------
// DOCX reading: paragraphs with their runs, straight from word/document.xml.

interface Run {
	text: string;
	bold: boolean;
	italic: boolean;
	/** Half-points. */
	size: number | null;
	font: string | null;
}

interface Para {
	text: string;
	runs: Run[];
	xml: string;
}

function flag(rPr: string, tag: 'b' | 'i'): boolean {
	const m = new RegExp(`<w:${tag}(?: w:val="([^"]*)")?/>`).exec(rPr);
	return !!m && !['false', '0', 'off'].includes(m[1] ?? 'true');
}

function runsOf(xml: string): Run[] {
	return [...xml.matchAll(/<w:r(?: [^>]*)?>([\s\S]*?)<\/w:r>/g)].map((m) => {
		const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(m[1])?.[1] ?? '';
		return {
			text: decodeXml([...m[1].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
			bold: flag(rPr, 'b'),
			italic: flag(rPr, 'i'),
			size: Number(/<w:sz w:val="(\d+)"\/>/.exec(rPr)?.[1]) || null,
			font: /<w:rFonts w:ascii="([^"]+)"/.exec(rPr)?.[1] ?? null
		};
	});
}

function paragraphsOf(xml: string): Para[] {
	return [...xml.matchAll(/<w:p(?: [^>]*)?>[\s\S]*?<\/w:p>|<w:p\/>/g)].map((m) => {
		const runs = runsOf(m[0]);
		return { text: runs.map((r) => r.text).join(''), runs, xml: m[0] };
	});
}

interface Docx {
	xml: string;
	paragraphs: Para[];
	files: JSZip;
	/** The one paragraph whose text is exactly `text` (or starts with it). */
	para(text: string | RegExp): Para;
}

async function readDocx(buffer: Buffer): Promise<Docx> {
	const files = await JSZip.loadAsync(buffer);
	const xml = await files.file('word/document.xml')!.async('string');
	const paragraphs = paragraphsOf(xml);
	return {
		xml,
		paragraphs,
		files,
		para(text) {
			const found = paragraphs.filter((p) => (typeof text === 'string' ? p.text === text : text.test(p.text)));
			expect(found, `one paragraph ${String(text)}`).toHaveLength(1);
			return found[0];
		}
	};
}

/** Every run of a paragraph that holds text, set as expected. */
function expectRuns(p: Para, style: { size: number; bold: boolean; italic: boolean }): void {
	const runs = p.runs.filter((r) => r.text);
	expect(runs.length, p.text).toBeGreaterThan(0);
	for (const r of runs) expect({ text: r.text, size: r.size, bold: r.bold, italic: r.italic }).toEqual({ text: r.text, ...style });
}

function attr(xml: string, tag: string, name: string): number | null {
	const m = new RegExp(`<w:${tag}\\b[^>]*\\bw:${name}="(-?\\d+)"`).exec(xml);
	return m ? Number(m[1]) : null;
}

/** The length in points of the rule an indented, bottom-bordered paragraph draws in a box `box` twips wide. */
function ruleLength(p: Para, box: number): number {
	expect(p.xml, 'a solid rule').toMatch(/<w:pBdr><w:bottom w:val="single"/);
	return (box - (attr(p.xml, 'ind', 'left') ?? 0) - (attr(p.xml, 'ind', 'right') ?? 0)) / 20;
}

function tables(xml: string): string[] {
	// Top-level tables only: the document's tables are not nested.
	return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
}

function cells(table: string): string[] {
	return [...table.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
}

// ---------------------------------------------------------------------------------------------
// Documents: the demo plan as the campaigns domain builds it, a report and a decision.

const db = await createTestDb();
let plan: OfficialDocument;

beforeAll(async () => {
	const orgs = await seedDemoOrganisations(db);
	const { officeCampaign } = await seedDemoCampaigns(db, { provinceOrgId: orgs.province.id, officeOrgId: orgs.office.id });
	plan = planToOfficialDocument(await campaignDocument(db, systemActor(), officeCampaign.id));
});

const signer = (authority: SigningAuthority): DocumentSignature =>
	signatureFromLines(
		signerLines({
			authority,
			authorityTitle: authority === 'TM' ? 'ỦY BAN NHÂN DÂN' : 'CHÁNH VĂN PHÒNG',
			position: authority === '' ? 'CHÁNH VĂN PHÒNG' : authority === 'Q' ? '' : authority === 'TM' ? 'CHỦ TỊCH' : 'PHÓ CHÁNH VĂN PHÒNG',
			name: 'Lê Thị Hồng Anh'
		})
	);

function report(overrides: Partial<OfficialDocument> = {}): OfficialDocument {
	return {
		kind: 'report',
		governingBody: 'UBND TỈNH SƠN LA',
		issuer: 'VĂN PHÒNG UBND TỈNH',
		number: '7',
		symbol: 'BC-VPUB',
		place: 'Sơn La',
		date: '2021-10-12',
		year: 2021,
		summary: 'Kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021',
		addressees: ['Sở Giáo dục và Đào tạo'],
		citations: [],
		introduction: ['Thực hiện Kế hoạch số 05/KH-VPUB, Văn phòng UBND tỉnh báo cáo kết quả như sau:'],
		body: [
			{ kind: 'heading', level: 1, text: 'I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI' },
			{ kind: 'paragraph', text: 'Văn phòng đã ban hành kế hoạch và hướng dẫn các phòng, ban, đơn vị.' },
			{ kind: 'heading', level: 1, text: 'II. KẾT QUẢ THỰC HIỆN' },
			{ kind: 'paragraph', text: [{ text: 'Tổng số người tham gia: ' }, { text: '1.234 lượt', bold: true }, { text: '.' }] },
			{ kind: 'heading', level: 1, text: 'IV. ĐỀ XUẤT, KIẾN NGHỊ' },
			{ kind: 'list', items: [{ text: 'Tiếp tục tổ chức Tuần lễ hằng năm;' }, { text: 'Bổ sung kinh phí.', items: [{ text: 'Cho thư viện' }] }] }
		],
		recipients: ['Sở Giáo dục và Đào tạo', 'LĐVP UBND tỉnh'],
		archive: 'VT, TCHCQT',
		signature: signer('KT'),
		appendices: [
			{
				title: 'SỐ LIỆU KẾT QUẢ TỔ CHỨC TUẦN LỄ',
				blocks: [
					{
						kind: 'table',
						caption: 'Bảng 1. Người học theo đơn vị',
						header: ['STT', 'Đơn vị', 'Số người học'],
						widths: [1, 5, 2],
						rows: Array.from({ length: 70 }, (_, i) => [String(i + 1), `Phòng, ban số ${i + 1} thuộc Văn phòng Ủy ban nhân dân tỉnh`, String((i + 1) * 17)])
					}
				]
			}
		],
		...overrides
	};
}

function decision(overrides: Partial<OfficialDocument> = {}): OfficialDocument {
	return {
		kind: 'decision',
		governingBody: 'UBND TỈNH SƠN LA',
		issuer: 'VĂN PHÒNG UBND TỈNH',
		number: '12',
		symbol: 'QĐ-VPUB',
		place: 'Sơn La',
		date: '2021-09-20',
		year: 2021,
		summary: 'Về việc khen thưởng tập thể, cá nhân có thành tích trong Tuần lễ hưởng ứng học tập suốt đời năm 2021',
		enactingAuthority: 'CHÁNH VĂN PHÒNG UBND TỈNH',
		citations: ['Căn cứ Luật Thi đua, Khen thưởng ngày 15 tháng 6 năm 2022;', 'Theo đề nghị của Trưởng phòng Tổ chức - Hành chính - Quản trị.'],
		introduction: [],
		body: [
			{ kind: 'article', number: 1, text: 'Tặng Giấy khen cho 03 tập thể và 05 cá nhân (có danh sách kèm theo).' },
			{ kind: 'article', number: 2, text: 'Quyết định có hiệu lực kể từ ngày ký.' },
			{ kind: 'article', number: 3, text: 'Trưởng phòng Tổ chức - Hành chính - Quản trị và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.' }
		],
		recipients: ['Như Điều 3'],
		archive: 'VT, TCHCQT',
		signature: { authority: [], title: 'CHÁNH VĂN PHÒNG', name: 'Nguyễn Văn Bình' },
		...overrides
	};
}

// ---------------------------------------------------------------------------------------------

describe('the plan as DOCX', () => {
	let docx: Docx;
	beforeAll(async () => {
		docx = await readDocx(await renderDocx(plan));
	});

	it('lays out an A4 portrait page with margins top 20, bottom 20, left 30, right 15 mm', () => {
		expect(docx.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
		expect(attr(docx.xml, 'pgMar', 'top')).toBe(1134);
		expect(attr(docx.xml, 'pgMar', 'bottom')).toBe(1134);
		expect(attr(docx.xml, 'pgMar', 'left')).toBe(1701);
		expect([850, 851]).toContain(attr(docx.xml, 'pgMar', 'right'));
	});

	it('sets every run in Times New Roman', () => {
		const runs = docx.paragraphs.flatMap((p) => p.runs);
		expect(runs.length).toBeGreaterThan(50);
		for (const r of runs) expect(r.font, r.text).toBe('Times New Roman');
		expect(docx.xml).not.toMatch(/w:(ascii|hAnsi)="(?!Times New Roman)/);
	});

	it('prints the header cells: governing body upright, agency bold, number, Quốc hiệu, Tiêu ngữ and the date in italics', () => {
		const [head] = tables(docx.xml);
		const [left, right] = cells(head);
		expect(paragraphsOf(left).map((p) => p.text)).toEqual(['UBND TỈNH SƠN LA', 'VĂN PHÒNG UBND TỈNH', '']);
		expect(paragraphsOf(right).map((p) => p.text)).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '']);
		expectRuns(docx.para('UBND TỈNH SƠN LA'), { size: 26, bold: false, italic: false });
		expectRuns(docx.para('VĂN PHÒNG UBND TỈNH'), { size: 26, bold: true, italic: false });
		// The demo plan is numbered when issued, or left blank for the clerk: either way two digits at least.
		expect(formatReference(plan)).toMatch(/^Số: (…|\d{2,})\/KH-VPUB$/);
		expectRuns(docx.para(formatReference(plan)), { size: 26, bold: false, italic: false });
		expectRuns(docx.para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), { size: 24, bold: true, italic: false });
		expectRuns(docx.para('Độc lập - Tự do - Hạnh phúc'), { size: 26, bold: true, italic: false });
		expectRuns(docx.para('Sơn La, ngày 14 tháng 9 năm 2021'), { size: 28, bold: false, italic: true });
		for (const t of ['VĂN PHÒNG UBND TỈNH', formatReference(plan), 'Độc lập - Tự do - Hạnh phúc', 'Sơn La, ngày 14 tháng 9 năm 2021']) expect(docx.para(t).xml).toContain('<w:jc w:val="center"/>');
		// The header is a layout table: no cell borders (the rules are paragraph borders).
		const borders = head.match(/<w:(tblBorders|tcBorders)>[\s\S]*?<\/w:\1>/g) ?? [];
		expect(borders.length).toBe(5);
		for (const b of borders) expect(b).not.toMatch(/w:val="(?!none)/);
	});

	it('rules the Tiêu ngữ as long as itself and the agency at 1/3–1/2 of its line', () => {
		const [head] = tables(docx.xml);
		const widths = [...head.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
		expect(widths.reduce((a, b) => a + b, 0)).toBe(11906 - 1701 - 850);
		const [left, right] = cells(head).map(paragraphsOf);
		const motto = ruleLength(right[2], widths[1]);
		// Tiêu ngữ at 13 pt bold Times New Roman is about 159 pt wide.
		expect(motto).toBeGreaterThan(150);
		expect(motto).toBeLessThan(170);
		expect(Math.abs(motto - measureText('Độc lập - Tự do - Hạnh phúc', { bold: true }, 13))).toBeLessThan(0.5);
		const agency = ruleLength(left[2], widths[0]) / measureText('VĂN PHÒNG UBND TỈNH', { bold: true }, 13);
		expect(agency).toBeGreaterThanOrEqual(1 / 3);
		expect(agency).toBeLessThanOrEqual(1 / 2);
	});

	it('prints the type in bold capitals and the trích yếu in bold with a short rule under it', () => {
		const type = docx.para('KẾ HOẠCH');
		expectRuns(type, { size: 28, bold: true, italic: false });
		expect(type.xml).toContain('<w:jc w:val="center"/>');
		const summary = docx.para('Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021');
		expectRuns(summary, { size: 28, bold: true, italic: false });
		const rule = docx.paragraphs[docx.paragraphs.indexOf(summary) + 1];
		const share = ruleLength(rule, 11906 - 1701 - 850) / measureText(summary.text, { bold: true }, 14);
		expect(share).toBeGreaterThanOrEqual(1 / 3);
		expect(share).toBeLessThanOrEqual(1 / 2);
	});

	it('prints the legal bases in italics and the body at 14 pt, justified, indented 1–1.27 cm, spaced ≥ 6 pt, single to 1.5 lines', () => {
		const citation = docx.para(/^Thực hiện Kế hoạch số 212\/KH-UBND/);
		expectRuns(citation, { size: 28, bold: false, italic: true });
		expect(citation.text).toMatch(/;$/);
		expectRuns(docx.para(/^Căn cứ Quyết định số 1373/), { size: 28, bold: false, italic: true });
		const body = docx.para(/^Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021 nhằm/);
		expectRuns(body, { size: 28, bold: false, italic: false });
		for (const p of [citation, body]) {
			expect(p.xml).toContain('<w:jc w:val="both"/>');
			expect(attr(p.xml, 'ind', 'firstLine')).toBeGreaterThanOrEqual(567);
			expect(attr(p.xml, 'ind', 'firstLine')).toBeLessThanOrEqual(720);
			expect(attr(p.xml, 'spacing', 'after')).toBeGreaterThanOrEqual(120);
			expect(attr(p.xml, 'spacing', 'line')).toBeGreaterThanOrEqual(240);
			expect(attr(p.xml, 'spacing', 'line')).toBeLessThanOrEqual(360);
		}
	});

	it('prints the Roman-numbered sections and their items in bold', () => {
		for (const h of ['I. MỤC ĐÍCH, YÊU CẦU', 'II. NỘI DUNG', 'III. TỔ CHỨC THỰC HIỆN', '1. Mục đích', '3. Các hoạt động trong tuần lễ']) expectRuns(docx.para(h), { size: 28, bold: true, italic: false });
		expect(docx.para(/^- Đẩy mạnh và đổi mới/).runs.some((r) => r.italic && r.text.includes('facebook'))).toBe(true);
		expect(docx.para(/^\+ Phối hợp triển khai/).text).toMatch(/^\+ /);
	});

	it('ends the body with "./." right before the signature block', () => {
		const [, sign] = tables(docx.xml);
		const before = paragraphsOf(docx.xml.slice(0, docx.xml.indexOf(sign))).filter((p) => p.text);
		expect(before.at(-1)?.text).toBe('2. Phòng Tổ chức - Hành chính - Quản trị đơn đốc các phòng, ban, đơn vị tổ chức triển khai Tuần lễ hưởng ứng học tập suốt đời năm 2021./.');
		expect(docx.paragraphs.filter((p) => p.text.includes('./.'))).toHaveLength(1);
	});

	it('prints "Nơi nhận:" in 12 pt bold italic and its list in 11 pt upright, ending "- Lưu: VT, TCHCQT."', () => {
		const [, sign] = tables(docx.xml);
		const [left] = cells(sign).map(paragraphsOf);
		expect(left.map((p) => p.text)).toEqual(['Nơi nhận:', '- Sở Giáo dục và Đào tạo (Báo cáo);', '- LĐVP UBND tỉnh;', '- Các phòng, ban, đơn vị;', '- Trung tâm Thông tin;', '- Lưu: VT, TCHCQT.']);
		expectRuns(left[0], { size: 24, bold: true, italic: true });
		for (const p of left.slice(1)) expectRuns(p, { size: 22, bold: false, italic: false });
	});

	it('numbers pages in the top margin from page 2: a first-page header without the PAGE field', async () => {
		const sect = /<w:sectPr>[\s\S]*?<\/w:sectPr>/.exec(docx.xml)?.[0] ?? '';
		expect(sect).toContain('<w:titlePg/>');
		const rels = await docx.files.file('word/_rels/document.xml.rels')!.async('string');
		const header = async (type: string) => {
			const id = new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"/>`).exec(sect)?.[1];
			const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
			return docx.files.file(`word/${target}`)!.async('string');
		};
		const byDefault = await header('default');
		expect(byDefault).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
		expect(byDefault).toContain('<w:jc w:val="center"/>');
		expect(runsOf(byDefault)[0]).toMatchObject({ size: 28, font: 'Times New Roman', bold: false });
		expect(await header('first')).not.toContain('PAGE');
		// The header sits inside the 20 mm top margin.
		expect(attr(sect, 'pgMar', 'header')).toBeLessThan(1134);
	});
});

describe('the signer block', () => {
	const kinds: Array<[SigningAuthority, string[]]> = [
		['', ['CHÁNH VĂN PHÒNG', 'Lê Thị Hồng Anh']],
		['KT', ['KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG', 'Lê Thị Hồng Anh']],
		['TL', ['TL. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG', 'Lê Thị Hồng Anh']],
		['TM', ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Lê Thị Hồng Anh']],
		['Q', ['Q. CHÁNH VĂN PHÒNG', 'Lê Thị Hồng Anh']],
		['TUQ', ['TUQ. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG', 'Lê Thị Hồng Anh']]
	];
	it('covers every authority kind the campaigns know', () => {
		expect(kinds.map(([k]) => k).sort()).toEqual([...SIGNING_AUTHORITIES].sort());
	});

	it.each(kinds)('prints authority %j, title and name in bold 14 pt, centred on the right', async (authority, lines) => {
		const docx = await readDocx(await renderDocx({ ...plan, signature: signer(authority) }));
		const [, sign] = tables(docx.xml);
		const right = paragraphsOf(cells(sign)[1]);
		expect(right.map((p) => p.text)).toEqual(lines);
		for (const p of right) {
			expectRuns(p, { size: 28, bold: true, italic: false });
			expect(p.xml).toContain('<w:jc w:val="center"/>');
		}
		// Room for the signature above the name: at least 20 mm.
		expect(attr(right.at(-1)!.xml, 'spacing', 'before')).toBeGreaterThanOrEqual(1134);
	});

	it('prints a TL. delegated on to a deputy as "TL. …", "KT. …", the title and the name', async () => {
		const docx = await readDocx(await renderDocx({ ...plan, signature: { authority: ['TL. GIÁM ĐỐC', 'KT. CHÁNH VĂN PHÒNG'], title: 'PHÓ CHÁNH VĂN PHÒNG', name: 'Lê Thị Hồng Anh' } }));
		const [, sign] = tables(docx.xml);
		expect(paragraphsOf(cells(sign)[1]).map((p) => p.text)).toEqual(['TL. GIÁM ĐỐC', 'KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG', 'Lê Thị Hồng Anh']);
	});
});

describe('numbers, dates, reports and decisions', () => {
	it('leaves the number blank for the clerk while the document has none', async () => {
		const docx = await readDocx(await renderDocx({ ...plan, number: null }));
		expectRuns(docx.para('Số: …/KH-VPUB'), { size: 26, bold: false, italic: false });
		expect(run('pdftotext', [pdfFile('blank', await renderPdf({ ...plan, number: null })), '-'])).toContain('Số: …/KH-VPUB');
	});

	it('writes a one-digit number with a leading zero, and days below 10 and months 1–2 likewise', async () => {
		const doc = { ...plan, number: '5', date: '2021-01-05' };
		const docx = await readDocx(await renderDocx(doc));
		expectRuns(docx.para('Số: 05/KH-VPUB'), { size: 26, bold: false, italic: false });
		expectRuns(docx.para('Sơn La, ngày 05 tháng 01 năm 2021'), { size: 28, bold: false, italic: true });
		const text = run('pdftotext', [pdfFile('numbered', await renderPdf(doc)), '-']);
		expect(text).toContain('Số: 05/KH-VPUB');
		expect(text).toContain('Sơn La, ngày 05 tháng 01 năm 2021');
		expect(run('pdftotext', [pdfFile('double', await renderPdf({ ...plan, number: '15', date: '2021-11-25' })), '-'])).toMatch(/Số: 15\/KH-VPUB[\s\S]*Sơn La, ngày 25 tháng 11 năm 2021/);
	});

	it('prints a report’s "Kính gửi:" under the trích yếu, and several addressees each on a line', async () => {
		const docx = await readDocx(await renderDocx(report()));
		const to = docx.para('Kính gửi: Sở Giáo dục và Đào tạo.');
		expectRuns(to, { size: 28, bold: false, italic: false });
		const at = (p: Para) => docx.paragraphs.indexOf(p);
		expect(at(to)).toBeGreaterThan(at(docx.para('Kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021')));
		expect(at(to)).toBeLessThan(at(docx.para(/^Thực hiện Kế hoạch số 05/)));
		expectRuns(docx.para('BÁO CÁO'), { size: 28, bold: true, italic: false });
		expect(docx.para('Số: 07/BC-VPUB')).toBeTruthy();

		const several = await readDocx(await renderDocx(report({ addressees: ['Bộ Giáo dục và Đào tạo', 'UBND tỉnh Sơn La'] })));
		const label = several.para('Kính gửi:');
		const lines = [several.para('- Bộ Giáo dục và Đào tạo;'), several.para('- UBND tỉnh Sơn La.')];
		expect(several.paragraphs.indexOf(lines[0])).toBe(several.paragraphs.indexOf(label) + 1);
		// Aligned under the colon: indented by the label's width past the label.
		for (const l of lines) expect((attr(l.xml, 'ind', 'left') ?? 0) - (attr(label.xml, 'ind', 'left') ?? 0)).toBe(Math.round(measureText('Kính gửi: ', {}, 14) * 20));
	});

	it('puts a report’s appendix on its own pages, numbered from 1, with the table header repeated', async () => {
		const docx = await readDocx(await renderDocx(report()));
		const sections = docx.xml.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g) ?? [];
		expect(sections).toHaveLength(2);
		expect(sections[1]).toMatch(/<w:pgNumType w:start="1"\/>/);
		expect(sections[1]).toContain('<w:titlePg/>');
		expectRuns(docx.para('Phụ lục'), { size: 28, bold: true, italic: false });
		expect(docx.para('(Kèm theo Báo cáo số 07/BC-VPUB ngày 12 tháng 10 năm 2021)').runs[0].italic).toBe(true);
		expect(docx.xml).toContain('<w:tblHeader/>');
		// The body's "./." closes the report, not the appendix.
		expect(docx.para(/^- Bổ sung kinh phí/).text).toBe('- Bổ sung kinh phí.');
		expect(docx.para('+ Cho thư viện./.')).toBeTruthy();
	});

	it('prints a decision: enacting authority, the legal bases in italics, "QUYẾT ĐỊNH:" and each "Điều" in bold', async () => {
		const docx = await readDocx(await renderDocx(decision()));
		expectRuns(docx.para('QUYẾT ĐỊNH'), { size: 28, bold: true, italic: false });
		expectRuns(docx.para(/^Về việc khen thưởng/), { size: 28, bold: true, italic: false });
		expectRuns(docx.para('CHÁNH VĂN PHÒNG UBND TỈNH'), { size: 28, bold: true, italic: false });
		expectRuns(docx.para(/^Căn cứ Luật Thi đua/), { size: 28, bold: false, italic: true });
		const line = docx.para('QUYẾT ĐỊNH:');
		expectRuns(line, { size: 28, bold: true, italic: false });
		expect(line.xml).toContain('<w:jc w:val="center"/>');
		for (const n of [1, 2, 3]) {
			const article = docx.para(new RegExp(`^Điều ${n}\\. `));
			expect(article.runs[0]).toMatchObject({ text: `Điều ${n}.`, bold: true, size: 28 });
			expect(article.runs.slice(1).filter((r) => r.text.trim()).every((r) => !r.bold)).toBe(true);
		}
		expect(docx.para(/^Điều 3\./).text).toMatch(/Quyết định này\.\/\.$/);
		const order = ['QUYẾT ĐỊNH', 'CHÁNH VĂN PHÒNG UBND TỈNH', 'QUYẾT ĐỊNH:'].map((t) => docx.paragraphs.indexOf(docx.para(t)));
		expect(order).toEqual([...order].sort((a, b) => a - b));
		const [, sign] = tables(docx.xml);
		expect(paragraphsOf(cells(sign)[0]).map((p) => p.text)).toEqual(['Nơi nhận:', '- Như Điều 3;', '- Lưu: VT, TCHCQT.']);
	});

	it('renders an empty document without refusing it', async () => {
		const empty: OfficialDocument = { ...decision(), governingBody: '', number: null, date: null, citations: [], body: [], introduction: [], recipients: [], archive: '', signature: { authority: [], title: '', name: '' } };
		const docx = await readDocx(await renderDocx(empty));
		expect(docx.para('Số: …/QĐ-VPUB')).toBeTruthy();
		expect(docx.para('Sơn La, ngày … tháng … năm 2021')).toBeTruthy();
		expect(docx.paragraphs.some((p) => p.text === 'UBND TỈNH SƠN LA')).toBe(false);
		expect(docx.para('- Lưu: VT.')).toBeTruthy();
		expect((await renderPdf(empty)).subarray(0, 5).toString()).toBe('%PDF-');
	});
});

describe('the plan as PDF', () => {
	it('has poppler-utils to read the PDF (pdftotext, pdffonts, pdfinfo)', () => {
		expect(POPPLER, 'install the Debian package poppler-utils').toBe(true);
	});


	let path: string;
	let boxes: ReturnType<typeof wordBoxes>;
	beforeAll(async () => {
		path = pdfFile('plan', await renderPdf(plan));
		boxes = wordBoxes(path);
	});

	it('is A4 on every page and embeds Liberation Serif, nothing else', () => {
		expect(boxes.pages.length).toBeGreaterThanOrEqual(2);
		for (const p of boxes.pages) expect(p).toEqual({ width: 595.28, height: 841.89 });
		expect(run('pdfinfo', [path])).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
		const fonts = run('pdffonts', [path])
			.split('\n')
			.slice(2)
			.filter(Boolean)
			.map((l) => l.split(/\s+/));
		expect(fonts.length).toBe(4);
		for (const f of fonts) {
			expect(f[0]).toMatch(/^[A-Z]{6}\+LiberationSerif(-Bold|-Italic|-BoldItalic)?$/);
			// name, type (2 words), encoding, emb, sub, uni
			expect(f.slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);
		}
	});

	it('holds every word of the seed plan, diacritics intact', () => {
		const text = run('pdftotext', [path, '-']);
		const printed = new Set(wordsOf(text));
		const seed = wordsOf(PLAN_2021_TEXT.normalize('NFC'));
		expect(seed.length).toBeGreaterThan(1000);
		const missing = [...new Set(seed.filter((w) => !printed.has(w)))];
		// The campaigns domain reads "2. Giao Phòng …" as a duty of that unit and drops the verb.
		expect(missing).toEqual(['Giao']);
		expect(text).toBe(text.normalize('NFC'));
		// Whole sentences read back in order, whatever the line breaks.
		const flat = text
			.split('\n')
			.filter((l) => !/^\f?\d+$/.test(l.trim()))
			.join('\n')
			.replace(/\s+/g, ' ');
		const sentences = PLAN_2021_TEXT.split('\n').filter((l) => l.length > 120 && !/[*"<]/.test(l) && !/^\d\. Giao/.test(l));
		expect(sentences.length).toBeGreaterThan(5);
		for (const s of sentences) expect(flat).toContain(s.replace(/^[-+] /, '').trim());
	});

	it('keeps every word inside the margins: left 30 mm, right 15 mm, top and bottom 20 mm', () => {
		const left = 30 * (72 / 25.4);
		const right = 595.28 - 15 * (72 / 25.4);
		const top = 20 * (72 / 25.4);
		const bottom = 841.89 - 20 * (72 / 25.4);
		const body = boxes.words.filter((w) => !(w.page > 1 && w.yMax < top));
		for (const w of body) {
			expect(w.xMin, w.text).toBeGreaterThanOrEqual(left - 0.5);
			expect(w.xMax, w.text).toBeLessThanOrEqual(right + 0.5);
			expect(w.yMin, w.text).toBeGreaterThanOrEqual(top - 0.5);
			expect(w.yMax, w.text).toBeLessThanOrEqual(bottom + 0.5);
		}
		// Justified: some body line reaches the right margin.
		expect(Math.max(...body.map((w) => w.xMax))).toBeGreaterThan(right - 2);
	});

	it('numbers pages 2, 3… centred in the top margin and leaves page 1 unnumbered', () => {
		const top = 20 * (72 / 25.4);
		const centre = (30 * (72 / 25.4) + 595.28 - 15 * (72 / 25.4)) / 2;
		for (let page = 1; page <= boxes.pages.length; page++) {
			const inMargin = boxes.words.filter((w) => w.page === page && w.yMax < top);
			if (page === 1) {
				expect(inMargin).toEqual([]);
				continue;
			}
			expect(inMargin.map((w) => w.text)).toEqual([String(page)]);
			expect(Math.abs((inMargin[0].xMin + inMargin[0].xMax) / 2 - centre)).toBeLessThan(1);
		}
	});

	it('places the header: agency left, Quốc hiệu right, the number level with the date, the type below', () => {
		const first = boxes.words.filter((w) => w.page === 1);
		const find = (t: string) => first.find((w) => w.text === t)!;
		const mid = 85.04 + (595.28 - 85.04 - 42.52) * 0.4;
		expect(find('VĂN').xMax).toBeLessThan(mid);
		expect(find('CỘNG').xMin).toBeGreaterThan(mid);
		expect(Math.abs(find('Số:').yMax - find('ngày').yMax)).toBeLessThan(3);
		expect(find('HOẠCH').yMin).toBeGreaterThan(find('Số:').yMax);
		const text = run('pdftotext', ['-f', '1', '-l', '1', '-layout', path, '-']);
		expect(text).toMatch(/UBND TỈNH SƠN LA\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
		const [, reference, date] = /(Số: \S+)\s+(Sơn La, ngày .*)/.exec(text) ?? [];
		expect([reference, date.trim()]).toEqual([formatReference(plan), 'Sơn La, ngày 14 tháng 9 năm 2021']);
	});

	it('ends the body with "./." and closes with "Nơi nhận:", the archive line and the signer', () => {
		const text = run('pdftotext', ['-layout', path, '-']);
		expect(text).toMatch(/năm 2021\.\/\.\s*\n/);
		expect(text).toMatch(/Nơi nhận:\s+KT\. CHÁNH VĂN PHÒNG/);
		expect(text).toContain('- Lưu: VT, TCHCQT.');
		expect(text).toMatch(/PHÓ CHÁNH VĂN PHÒNG[\s\S]*Lê Thị Hồng Anh\s*$/);
	});
});

describe('reports and decisions as PDF', () => {
	it('numbers the appendix’s pages from 1 again and repeats the table header on each', async () => {
		const path = pdfFile('report', await renderPdf(report()));
		const { words, pages } = wordBoxes(path);
		const top = 20 * (72 / 25.4);
		const pageText = (n: number) => words.filter((w) => w.page === n).map((w) => w.text).join(' ');
		const appendixStart = pages.findIndex((_, i) => pageText(i + 1).startsWith('Phụ lục')) + 1;
		expect(appendixStart).toBeGreaterThan(1);
		expect(pages.length).toBeGreaterThan(appendixStart);
		expect(words.filter((w) => w.page === appendixStart && w.yMax < top)).toEqual([]);
		for (let p = appendixStart + 1; p <= pages.length; p++) {
			expect(words.filter((w) => w.page === p && w.yMax < top).map((w) => w.text)).toEqual([String(p - appendixStart + 1)]);
			expect(pageText(p)).toMatch(/^\S+ STT Đơn vị Số người học/);
		}
		const text = run('pdftotext', [path, '-']);
		expect(text).toContain('Kính gửi: Sở Giáo dục và Đào tạo.');
		expect(text).toContain('(Kèm theo Báo cáo số 07/BC-VPUB ngày 12 tháng 10 năm 2021)');
		expect(text).toContain('Phòng, ban số 70 thuộc Văn phòng Ủy ban nhân dân tỉnh');
	});

	it('prints a decision’s "QUYẾT ĐỊNH:" and articles', async () => {
		const text = run('pdftotext', ['-layout', pdfFile('decision', await renderPdf(decision())), '-']);
		expect(text).toMatch(/QUYẾT ĐỊNH\n\s+Về việc khen thưởng/);
		expect(text).toMatch(/CHÁNH VĂN PHÒNG UBND TỈNH\s*\n[\s\S]*Căn cứ Luật Thi đua[\s\S]*QUYẾT ĐỊNH:\s*\n\s+Điều 1\. Tặng/);
		expect(text).toMatch(/Quyết định này\.\/\./);
	});
});

describe('LibreOffice', () => {
	if (!SOFFICE) console.warn('LibreOffice (soffice) is not installed: skipping the DOCX → PDF conversion test. Install libreoffice-writer-nogui to run it.');

	// A cold start of LibreOffice with a new profile takes several seconds.
	it.skipIf(!SOFFICE)('converts the plan’s DOCX to PDF without error, on A4 with the same text', { timeout: 180_000 }, async () => {
		const dir = mkdtempSync(join(work, 'lo-'));
		const input = join(dir, 'plan.docx');
		writeFileSync(input, await renderDocx({ ...plan, number: '5' }));
		const result = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input], {
			encoding: 'utf8',
			timeout: 120_000
		});
		expect(result.status, result.stderr).toBe(0);
		const output = join(dir, 'plan.pdf');
		expect(existsSync(output), result.stdout + result.stderr).toBe(true);
		expect(readFileSync(output).subarray(0, 5).toString()).toBe('%PDF-');
		expect(run('pdfinfo', [output])).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
		const text = run('pdftotext', ['-layout', output, '-']);
		expect(text).toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
		expect(text).toMatch(/Số: 05\/KH-VPUB\s+Sơn La, ngày 14 tháng 9 năm 2021/);
		expect(text).toContain('năm 2021./.');
		expect(text).toMatch(/Nơi nhận:\s+KT\. CHÁNH VĂN PHÒNG/);
		expect(new Set(wordsOf(text))).toEqual(new Set(wordsOf(run('pdftotext', [pdfFile('ours', await renderPdf({ ...plan, number: '5' })), '-']))));
	});
});
