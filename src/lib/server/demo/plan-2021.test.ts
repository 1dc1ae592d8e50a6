import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../db/testing';
import { anonymousActor, systemActor } from '../auth/actor';
import { foldVietnamese } from '../../vn/text';
import { createOrgNode } from '../org/seed';
import { campaignInput } from '../../features/campaigns/inputs';
import { legalBasisText } from '../../features/campaigns/format';
import { getCampaign, listChildCampaigns, listPublicCampaigns } from '../campaigns/service';
import { campaignDocument } from '../campaigns/export';
import { parsePlan2021, PLAN_2021_TEXT, seedDemoCampaigns } from './plan-2021';

// The design folder beside the repository holds the original; a clone without it checks the copy.
const ORIGINAL = new URL('../../../../../shared/seed/ke-hoach-tuan-le-hoc-tap-suot-doi-2021.txt', import.meta.url);
const SEED = existsSync(ORIGINAL) ? readFileSync(ORIGINAL, 'utf8') : PLAN_2021_TEXT;

/** A line of the source as it should read once parsed: no Markdown, bullets, numbering, quotes or closing marks. */
function cleanLine(line: string): string {
	return line
		.replace(/\*\*|\*/g, '')
		.replace(/<(https?:[^>]+)>/g, '$1')
		.replace(/^[-+]\s+/, '')
		.replace(/^\d+\.\s+/, '')
		.replace(/^Giao\s+/, '')
		.replace(/\.\/\.$/, '.')
		.replace(/^"(.*)"\.$/, '$1')
		.replace(/[;]$/, '')
		// The recipients' list ends with "." on its last line ("Lưu: VT, TCHCQT."): list punctuation, not text.
		.replace(/^(Lưu:.*)\.$/, '$1')
		.trim();
}

function htmlText(html: string): string {
	return html
		.replace(/<\/?(?:em|strong|u|a)\b[^>]*>/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&');
}

const fold = (s: string) => foldVietnamese(s).replace(/\s+/g, ' ');

describe('the 2021 plan read from its text', () => {
	const { input, implemented } = parsePlan2021(PLAN_2021_TEXT);

	it('reads the copy of the seed plan, unchanged', () => {
		expect(PLAN_2021_TEXT).toBe(SEED);
	});

	it('reads the header: number left blank, symbol, place, undated, year and title', () => {
		expect(input).toMatchObject({ number: '', symbol: 'KH-VPUB', place: 'Sơn La', documentDate: '', title: 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021' });
		expect(SEED).toContain(`Số: /${input.symbol}`);
		expect(SEED).toContain(`KẾ HOẠCH\n${input.title}`);
	});

	it('reads the plan it implements and the decision it names as legal bases', () => {
		expect(implemented).toEqual({ kind: 'document', number: '212/KH-UBND', date: '2021-09-14', issuer: 'UBND tỉnh', title: 'tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021' });
		expect(input.legalBases).toEqual([
			implemented,
			{ kind: 'document', number: '1373/QĐ-TTg', date: '2021-07-30', issuer: 'Thủ tướng Chính phủ', title: 'Đề án xây dựng xã hội học tập giai đoạn 2021-2030' }
		]);
		// Cited back, the first reads as the plan wrote it.
		expect(SEED).toContain(`Thực hiện ${legalBasisText(input.legalBases[0])}.`);
		expect(SEED).toContain(`Quyết định số 1373/QĐ-TTg ngày 30/7/2021 của Thủ tướng Chính phủ ban hành “*${input.legalBases[1].title}*”`);
	});

	it('links the plan it implements to its campaign when given one', () => {
		const linked = parsePlan2021(PLAN_2021_TEXT, { parentCampaignId: 'province-plan' }).input;
		expect(linked.parentId).toBe('province-plan');
		expect(linked.legalBases[0]).toEqual({ kind: 'campaign', campaignId: 'province-plan' });
		expect(linked.legalBases[1]).toMatchObject({ number: '1373/QĐ-TTg' });
	});

	it('reads the three themes without quotes or emphasis, and the week from 01/10/2021 to 07/10/2021', () => {
		expect(input.themes).toEqual([
			'Chuyển đổi số và cơ hội học tập suốt đời cho tất cả mọi người trong bối cảnh đại dịch COVID-19',
			'Chuyển đổi số để xây dựng thành công một xã hội học tập mới',
			'Thi đua đẩy nhanh mức độ trưởng thành chuyển đổi số tại địa phương, cơ quan, đơn vị'
		]);
		for (const theme of input.themes) expect(SEED).toContain(`- "*${theme}*".`);
		expect([input.startsOn, input.endsOn]).toEqual(['2021-10-01', '2021-10-07']);
	});

	it('reads purposes, requirements, the activities as a section with its bullets as lists, and the two duties', () => {
		expect(input.purposes).toMatch(/^Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021 nhằm tiếp tục đẩy mạnh/);
		expect(input.requirements).toMatch(/^Tuần lễ hưởng ứng học tập suốt đời năm 2021 được tổ chức với hình thức/);
		expect(input.requirements).toContain('“Đề án xây dựng xã hội học tập giai đoạn 2021-2030”');
		expect(input.sections.map((s) => s.heading)).toEqual(['Các hoạt động trong tuần lễ']);
		const body = input.sections[0].bodyHtml;
		expect(body.match(/<li>/g)).toHaveLength(SEED.split('\n').filter((l) => /^[-+] /.test(l)).length - input.themes.length - input.recipients.length);
		expect(body).toMatch(/^<p>Căn cứ vào tình hình thực tế/);
		expect(body).toContain('(<em>facebook, youtube, zalo, viber,...</em>)');
		expect(body).toContain('<a href="https://uil.unesco.org">https://uil.unesco.org</a>');
		expect(body).toContain('<ul><li>Phối hợp triển khai các hoạt động của Tuần lễ');
		expect(input.duties).toEqual([
			{ unit: 'Lãnh đạo các phòng, ban, đơn vị', text: expect.stringMatching(/^đơn đốc công chức, viên chức, lao động thực hiện Kế hoạch .* xây dựng xã hội học tập\.$/) },
			{ unit: 'Phòng Tổ chức - Hành chính - Quản trị', text: 'đơn đốc các phòng, ban, đơn vị tổ chức triển khai Tuần lễ hưởng ứng học tập suốt đời năm 2021.' }
		]);
	});

	it('reads the introduction, the recipients and the signer', () => {
		expect(input.introduction).toBe('Văn phòng UBND tỉnh xây dựng kế hoạch tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021 như sau:');
		expect(input.recipients).toEqual(['Sở Giáo dục và Đào tạo (Báo cáo)', 'LĐVP UBND tỉnh', 'Các phòng, ban, đơn vị', 'Trung tâm Thông tin', 'Lưu: VT, TCHCQT']);
		expect(input.signer).toEqual({ name: 'Lê Thị Hồng Anh', position: 'PHÓ CHÁNH VĂN PHÒNG', authority: 'KT', authorityTitle: 'CHÁNH VĂN PHÒNG' });
	});

	it('keeps every sentence of the plan somewhere in the campaign', () => {
		const corpus = fold(
			[
				input.title,
				input.introduction,
				input.purposes,
				input.requirements,
				...input.themes,
				...input.sections.flatMap((s) => [s.heading, htmlText(s.bodyHtml)]),
				...input.duties.map((d) => `${d.unit} ${d.text}`),
				...input.recipients,
				input.signer.name
			].join('\n')
		);
		// Lines that became structure or fields checked above, not text.
		const structural = [/^Số:/, /^Sơn La, ngày/, /^KẾ HOẠCH$/, /^[IVX]+\. /, /^\d+\. (Mục đích|Yêu cầu|Chủ đề|Thời gian thực hiện)$/, /^Nơi nhận:$/, /^Thực hiện Kế hoạch số/, /^Tuần lễ được tổ chức từ ngày/, /^\*\*|\*\*$/];
		const lines = SEED.split('\n')
			.map((l) => l.trim())
			.filter((l) => l && !structural.some((re) => re.test(l)));
		expect(lines.length).toBeGreaterThan(20);
		for (const line of lines) expect(corpus, line).toContain(fold(cleanLine(line)));
	});

	it('follows the text it is given rather than a copy of it', () => {
		const edited = PLAN_2021_TEXT.replace('Chuyển đổi số để xây dựng thành công', 'Học tập số để xây dựng')
			.replace('từ ngày 01/10/2021 đến ngày 07/10/2021', 'từ ngày 02/10/2021 đến ngày 09/10/2021')
			.replace('Lê Thị Hồng Anh', 'Nguyễn Văn Bình')
			.replace('Số: /KH-VPUB', 'Số: 7/KH-VPUB')
			.replace('ngày tháng năm 2021', 'ngày 20 tháng 9 năm 2021')
			.replace('- Trung tâm Thông tin;\n', '');
		const { input: other } = parsePlan2021(edited);
		expect(other.themes[1]).toBe('Học tập số để xây dựng một xã hội học tập mới');
		expect([other.startsOn, other.endsOn]).toEqual(['2021-10-02', '2021-10-09']);
		expect(other.signer.name).toBe('Nguyễn Văn Bình');
		expect([other.number, other.documentDate]).toEqual(['7', '2021-09-20']);
		expect(other.recipients).toHaveLength(4);
	});

	it('makes an input the editor accepts as it is', () => {
		const parsed = campaignInput.safeParse(input);
		expect(parsed.success && parsed.data).toMatchObject({ year: 2021, number: null, documentDate: null, themes: input.themes, sections: input.sections });
	});
});

describe('the demo campaigns', async () => {
	const db = await createTestDb();
	const province = await createOrgNode(db, { kind: 'province', name: 'UBND tỉnh Sơn La', shortCode: 'UBND' });
	const office = await createOrgNode(db, { kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB', parentId: province.id });
	const provinceId = province.id;
	const officeId = office.id;

	it('builds the province’s plan 212/KH-UBND and the Office’s plan implementing it, both public, once', async () => {
		const { provinceCampaign, officeCampaign } = await seedDemoCampaigns(db, { provinceOrgId: provinceId, officeOrgId: officeId });
		expect(provinceCampaign).toMatchObject({
			orgId: provinceId,
			number: '212',
			symbol: 'KH-UBND',
			documentDate: '2021-09-14',
			title: 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021',
			status: 'closed',
			startsOn: '2021-10-01'
		});
		expect(officeCampaign).toMatchObject({
			orgId: officeId,
			parentId: provinceCampaign.id,
			// The seed text leaves the number blank: issuing took the Office's first number of 2021.
			number: '01',
			symbol: 'KH-VPUB',
			documentDate: '2021-09-14',
			status: 'closed',
			legalBases: [{ kind: 'campaign', campaignId: provinceCampaign.id }, expect.objectContaining({ number: '1373/QĐ-TTg' })]
		});
		expect(officeCampaign.themes).toHaveLength(3);

		const shown = await listPublicCampaigns(db);
		expect(shown.map((c) => c.id).sort()).toEqual([provinceCampaign.id, officeCampaign.id].sort());
		expect((await listChildCampaigns(db, anonymousActor, provinceCampaign.id)).map((c) => [c.id, c.status, c.orgName])).toEqual([
			[officeCampaign.id, 'closed', 'Văn phòng UBND tỉnh']
		]);
		const page = await getCampaign(db, anonymousActor, officeCampaign.id);
		expect(legalBasisText(page.legalBases[0], page.linkedCampaigns[provinceCampaign.id])).toBe(
			'Kế hoạch số 212/KH-UBND ngày 14/9/2021 của UBND tỉnh Sơn La về tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021'
		);

		// The Office's plan, laid out again as a document, reads as the seed text does.
		const doc = await campaignDocument(db, anonymousActor, officeCampaign.id);
		expect(doc).toMatchObject({
			governingBody: 'UBND TỈNH SƠN LA',
			issuer: 'VĂN PHÒNG UBND TỈNH',
			reference: 'Số: 01/KH-VPUB',
			placeAndDate: 'Sơn La, ngày 14 tháng 9 năm 2021',
			summary: 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021',
			signature: ['KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG', 'Lê Thị Hồng Anh']
		});
		expect(doc.citations[0]).toBe('Thực hiện Kế hoạch số 212/KH-UBND ngày 14/9/2021 của UBND tỉnh Sơn La về tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021;');
		expect(doc.citations[1]).toMatch(/^Căn cứ Quyết định số 1373\/QĐ-TTg ngày 30\/7\/2021 của Thủ tướng Chính phủ về Đề án xây dựng xã hội học tập giai đoạn 2021-2030\.$/);
		expect(doc.outline.map((p) => [p.heading, p.items.map((i) => i.heading)])).toEqual([
			['I. MỤC ĐÍCH, YÊU CẦU', ['1. Mục đích', '2. Yêu cầu']],
			['II. NỘI DUNG', ['1. Chủ đề', '2. Thời gian thực hiện', '3. Các hoạt động trong tuần lễ']],
			['III. TỔ CHỨC THỰC HIỆN', ['', '']]
		]);
		for (const heading of doc.outline.flatMap((p) => [p.heading, ...p.items.map((i) => i.heading).filter(Boolean)])) expect(SEED).toContain(`\n${heading}\n`);
		expect(SEED).toContain(doc.outline[1].items[1].paragraphs[0]);
		for (const duty of doc.outline[2].items) expect(fold(SEED.replace(/\*/g, ''))).toContain(fold(duty.paragraphs[0].replace(/^\d+\. /, '').replace(/\.$/, '')));
		expect(doc.recipients).toEqual(SEED.split('\n').filter((l) => l.startsWith('- ') && SEED.indexOf(l) > SEED.indexOf('Nơi nhận')).map((l) => l.replace(/\*/g, '')));

		const again = await seedDemoCampaigns(db, { provinceOrgId: provinceId, officeOrgId: officeId });
		expect([again.provinceCampaign.id, again.officeCampaign.id]).toEqual([provinceCampaign.id, officeCampaign.id]);
		expect(await listPublicCampaigns(db)).toHaveLength(2);
		expect((await getCampaign(db, systemActor(), officeCampaign.id)).version).toBe(officeCampaign.version);
	});
});
