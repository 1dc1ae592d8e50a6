import { afterEach, describe, expect, it } from 'vitest';
import { campaignOutline, campaignPhase, campaignPlaceAndDate, campaignReference, documentTypeName, legalBasisText, signerLines } from './format';

const zone = process.env.TZ;
afterEach(() => {
	process.env.TZ = zone;
});

describe('campaign phase', () => {
	// 1–7 October 2021 in Vietnam (UTC+7): the Week starts at 2021-09-30T17:00Z and ends at 2021-10-07T17:00Z.
	const cases: Array<[string, ReturnType<typeof campaignPhase>]> = [
		['2021-09-30T16:59:59Z', { phase: 'upcoming', days: 1 }],
		['2021-09-30T17:00:00Z', { phase: 'running', days: 7 }],
		['2021-10-07T16:59:59Z', { phase: 'running', days: 1 }],
		['2021-10-07T17:00:00Z', { phase: 'ended', days: 1 }],
		['2021-09-20T00:00:00Z', { phase: 'upcoming', days: 11 }],
		['2026-01-01T00:00:00Z', { phase: 'ended', days: 1547 }]
	];

	for (const processZone of ['Asia/Ho_Chi_Minh', 'America/Los_Angeles', 'UTC', 'Pacific/Kiritimati']) {
		it(`counts calendar days in Vietnam whatever the server's zone (${processZone})`, () => {
			process.env.TZ = processZone;
			for (const [instant, expected] of cases) expect(campaignPhase('2021-10-01', '2021-10-07', new Date(instant)), instant).toEqual(expected);
		});
	}
});

describe('document reference', () => {
	it('writes the number with a leading zero below 10, and dots while unnumbered', () => {
		expect(campaignReference({ number: '5', symbol: 'KH-VPUB' })).toBe('Số: 05/KH-VPUB');
		expect(campaignReference({ number: '05', symbol: 'KH-VPUB' })).toBe('Số: 05/KH-VPUB');
		expect(campaignReference({ number: '212', symbol: 'KH-UBND' })).toBe('Số: 212/KH-UBND');
		expect(campaignReference({ number: null, symbol: 'KH-VPUB' })).toBe('Số: …/KH-VPUB');
	});

	it('writes place and date as Decree 30 does, with dots while undated', () => {
		expect(campaignPlaceAndDate({ place: 'Sơn La', documentDate: '2021-09-14', year: 2021 })).toBe('Sơn La, ngày 14 tháng 9 năm 2021');
		expect(campaignPlaceAndDate({ place: 'Sơn La', documentDate: '2022-01-05', year: 2022 })).toBe('Sơn La, ngày 05 tháng 01 năm 2022');
		expect(campaignPlaceAndDate({ place: 'Sơn La', documentDate: null, year: 2021 })).toBe('Sơn La, ngày … tháng … năm 2021');
	});
});

describe('citations', () => {
	it('names the document type from its symbol', () => {
		expect(documentTypeName('1373/QĐ-TTg')).toBe('Quyết định');
		expect(documentTypeName('KH-UBND')).toBe('Kế hoạch');
		expect(documentTypeName('12/UBND-VX')).toBe('');
	});

	it('cites a document and a linked campaign as the plan would', () => {
		expect(
			legalBasisText({ kind: 'document', number: '1373/QĐ-TTg', date: '2021-07-30', issuer: 'Thủ tướng Chính phủ', title: 'Đề án xây dựng xã hội học tập giai đoạn 2021-2030' })
		).toBe('Quyết định số 1373/QĐ-TTg ngày 30/7/2021 của Thủ tướng Chính phủ về Đề án xây dựng xã hội học tập giai đoạn 2021-2030');
		expect(
			legalBasisText(
				{ kind: 'campaign', campaignId: 'p' },
				{ number: '212', symbol: 'KH-UBND', documentDate: '2021-09-14', orgName: 'UBND tỉnh Sơn La', title: 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021' }
			)
		).toBe('Kế hoạch số 212/KH-UBND ngày 14/9/2021 của UBND tỉnh Sơn La về tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021');
		expect(legalBasisText({ kind: 'campaign', campaignId: 'hidden' })).toBe('');
	});

	it('lays out the signature block', () => {
		expect(signerLines({ name: 'Lê Thị Hồng Anh', position: 'PHÓ CHÁNH VĂN PHÒNG', authority: 'KT', authorityTitle: 'CHÁNH VĂN PHÒNG' })).toEqual([
			'KT. CHÁNH VĂN PHÒNG',
			'PHÓ CHÁNH VĂN PHÒNG',
			'Lê Thị Hồng Anh'
		]);
		expect(signerLines({ name: 'Nguyễn Văn A', position: 'CHÁNH VĂN PHÒNG', authority: '', authorityTitle: '' })).toEqual(['CHÁNH VĂN PHÒNG', 'Nguyễn Văn A']);
	});
});

describe('plan outline', () => {
	it('numbers the parts that have content and leaves out the empty ones', () => {
		const outline = campaignOutline({
			purposes: '',
			requirements: 'Thiết thực.\nHiệu quả.',
			themes: ['Học tập suốt đời'],
			startsOn: '2021-10-01',
			endsOn: '2021-10-07',
			sections: [{ heading: 'Hoạt động', bodyHtml: '<p>x</p>' }],
			duties: []
		});
		expect(outline).toEqual([
			{ heading: 'I. MỤC ĐÍCH, YÊU CẦU', items: [{ heading: '1. Yêu cầu', paragraphs: ['Thiết thực.', 'Hiệu quả.'], list: [], html: '' }] },
			{
				heading: 'II. NỘI DUNG',
				items: [
					{ heading: '1. Chủ đề', paragraphs: [], list: ['“Học tập suốt đời”'], html: '' },
					{ heading: '2. Thời gian thực hiện', paragraphs: ['Tuần lễ được tổ chức từ ngày 01/10/2021 đến ngày 07/10/2021.'], list: [], html: '' },
					{ heading: '3. Hoạt động', paragraphs: [], list: [], html: '<p>x</p>' }
				]
			}
		]);
	});
});
