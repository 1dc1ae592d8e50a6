import { describe, expect, it } from 'vitest';
import { campaignForm, campaignFormToInput, campaignInput, campaignToFormValues, countFormRows, newCampaignFormValues, campaignReturnInput, campaignCloneInput } from './inputs';

const valid = {
	title: '  Tổ chức Tuần lễ   hưởng ứng học tập suốt đời năm 2021 ',
	symbol: 'kh-vpub',
	place: 'Sơn La',
	themes: ['Chuyển đổi số'],
	startsOn: '01/10/2021',
	endsOn: '2021-10-07'
};

function fieldErrors(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }): Record<string, string> {
	return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.map(String).join('.'), i.message]));
}

describe('campaign input', () => {
	it('accepts dd/mm/yyyy and yyyy-mm-dd, cleans text, upper-cases the symbol and takes the year from the start', () => {
		const out = campaignInput.parse(valid);
		expect(out).toMatchObject({
			title: 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021',
			symbol: 'KH-VPUB',
			startsOn: '2021-10-01',
			endsOn: '2021-10-07',
			year: 2021,
			number: null,
			documentDate: null,
			parentId: null,
			sections: [],
			legalBases: [],
			signer: { name: '', position: '', authority: '', authorityTitle: '' }
		});
	});

	it('stores text as NFC', () => {
		const decomposed = 'Ho\u0323c tâ\u0323p'.normalize('NFD');
		expect(campaignInput.parse({ ...valid, title: decomposed }).title).toBe('Học tập');
	});

	it('refuses an end before the start with field_date_order on endsOn', () => {
		const r = campaignInput.safeParse({ ...valid, startsOn: '07/10/2021', endsOn: '01/10/2021' });
		expect(fieldErrors(r)).toEqual({ endsOn: 'field_date_order' });
	});

	it('accepts a one-day week (end equal to start)', () => {
		expect(campaignInput.safeParse({ ...valid, startsOn: '01/10/2021', endsOn: '01/10/2021' }).success).toBe(true);
	});

	it('names every field at fault with a message key', () => {
		const r = campaignInput.safeParse({ title: '', symbol: 'KH VP/UB', place: '', themes: ['', ' '], startsOn: '31/02/2021', endsOn: '', number: '5a', documentDate: 'hôm qua' });
		expect(fieldErrors(r)).toEqual({
			title: 'field_required',
			symbol: 'field_invalid_symbol',
			place: 'field_required',
			themes: 'field_required',
			startsOn: 'field_invalid_date',
			endsOn: 'field_required',
			number: 'field_invalid_document_number',
			documentDate: 'field_invalid_date'
		});
	});

	it('refuses a missing theme list', () => {
		const { themes: _, ...noThemes } = valid;
		expect(fieldErrors(campaignInput.safeParse(noThemes))).toEqual({ themes: 'field_required' });
	});

	it('requires the fields of a filled row and drops blank rows after validating, so error indexes match the form', () => {
		const r = campaignInput.safeParse({
			...valid,
			sections: [{ heading: '', bodyHtml: '' }, { heading: '', bodyHtml: '<p>Nội dung</p>' }, { heading: 'Hoạt động', bodyHtml: '' }],
			legalBases: [{ kind: 'campaign', campaignId: '' , title: 'x' }, { kind: 'document', number: '1373/QĐ-TTg' }, { kind: 'document', title: 'Luật Giáo dục', date: '32/1/2019' }],
			duties: [{ unit: 'Phòng TC-HC-QT', text: '' }]
		});
		expect(fieldErrors(r)).toEqual({
			'sections.1.heading': 'field_required',
			'legalBases.0.campaignId': 'field_required',
			'legalBases.1.title': 'field_required',
			'legalBases.2.date': 'field_invalid_date',
			'duties.0.text': 'field_required'
		});
		const ok = campaignInput.parse({ ...valid, sections: [{ heading: '', bodyHtml: '<p> </p>' }, { heading: 'Hoạt động', bodyHtml: '<p>x</p>' }] });
		expect(ok.sections).toEqual([{ heading: 'Hoạt động', bodyHtml: '<p>x</p>' }]);
	});

	it('keeps only the parts of a legal basis its kind uses', () => {
		const out = campaignInput.parse({
			...valid,
			legalBases: [
				{ kind: 'campaign', campaignId: 'c-1', title: 'ignored' },
				{ kind: 'document', number: '1373/QĐ-TTg', date: '30/7/2021', issuer: 'Thủ tướng Chính phủ', title: 'Đề án xây dựng xã hội học tập giai đoạn 2021-2030' }
			]
		});
		expect(out.legalBases).toEqual([
			{ kind: 'campaign', campaignId: 'c-1' },
			{ kind: 'document', number: '1373/QĐ-TTg', date: '2021-07-30', issuer: 'Thủ tướng Chính phủ', title: 'Đề án xây dựng xã hội học tập giai đoạn 2021-2030' }
		]);
	});

	it('normalises the signing authority ("kt." → KT) and requires the title it is exercised for', () => {
		expect(campaignInput.parse({ ...valid, signer: { name: 'Lê Thị Hồng Anh', position: 'phó chánh văn phòng', authority: 'kt.', authorityTitle: 'chánh văn phòng' } }).signer).toEqual({
			name: 'Lê Thị Hồng Anh',
			position: 'PHÓ CHÁNH VĂN PHÒNG',
			authority: 'KT',
			authorityTitle: 'CHÁNH VĂN PHÒNG'
		});
		expect(fieldErrors(campaignInput.safeParse({ ...valid, signer: { authority: 'TL' } }))).toEqual({ 'signer.authorityTitle': 'field_required' });
		expect(fieldErrors(campaignInput.safeParse({ ...valid, signer: { authority: 'XYZ' } }))).toEqual({ 'signer.authority': 'field_invalid' });
	});

	it('refuses a theme longer than a line can hold', () => {
		expect(fieldErrors(campaignInput.safeParse({ ...valid, themes: ['a'.repeat(501)] }))).toEqual({ themes: 'field_too_long' });
	});
});

describe('campaign form values', () => {
	const posted = {
		title: 'Tổ chức Tuần lễ năm 2021',
		number: '05',
		symbol: 'KH-VPUB',
		place: 'Sơn La',
		documentDate: '',
		themes: 'Chủ đề một\r\n\r\n  Chủ đề hai  \n',
		recipients: 'Sở Giáo dục và Đào tạo (Báo cáo)\nLưu: VT, TCHCQT',
		startsOn: '01/10/2021',
		endsOn: '07/10/2021',
		'sections.0.heading': 'Hoạt động',
		'sections.0.bodyHtml': '<p>Tuyên truyền</p>',
		'sections.2.heading': 'Khen thưởng',
		'sections.2.bodyHtml': '',
		'legalBases.0.kind': 'document',
		'legalBases.0.number': '1373/QĐ-TTg',
		'legalBases.0.date': '30/07/2021',
		'legalBases.0.issuer': 'Thủ tướng Chính phủ',
		'legalBases.0.title': 'Đề án xây dựng xã hội học tập',
		'legalBases.0.campaignId': '',
		'duties.0.unit': 'Phòng Tổ chức - Hành chính - Quản trị',
		'duties.0.text': 'đôn đốc các đơn vị.',
		'signer.name': 'Lê Thị Hồng Anh',
		'signer.position': 'PHÓ CHÁNH VĂN PHÒNG',
		'signer.authority': 'KT',
		'signer.authorityTitle': 'CHÁNH VĂN PHÒNG',
		'sections.999.heading': 'ignored: past the row limit'
	};

	it('turns a plain form post into the nested input, one theme and one recipient a line', () => {
		const input = campaignFormToInput(posted);
		expect(input.sections).toEqual([
			{ heading: 'Hoạt động', bodyHtml: '<p>Tuyên truyền</p>' },
			{ heading: '', bodyHtml: '' },
			{ heading: 'Khen thưởng', bodyHtml: '' }
		]);
		const out = campaignForm.parse(posted);
		expect(out.themes).toEqual(['Chủ đề một', 'Chủ đề hai']);
		expect(out.recipients).toEqual(['Sở Giáo dục và Đào tạo (Báo cáo)', 'Lưu: VT, TCHCQT']);
		expect(out.sections.map((s) => s.heading)).toEqual(['Hoạt động', 'Khen thưởng']);
		expect(out.legalBases[0]).toMatchObject({ number: '1373/QĐ-TTg', date: '2021-07-30' });
		expect(out.signer.authority).toBe('KT');
		expect(out.number).toBe('05');
	});

	it('names a field at fault in a row by the form field it came from', () => {
		const r = campaignForm.safeParse({ ...posted, 'sections.2.heading': '', 'sections.2.bodyHtml': '<p>không tiêu đề</p>' });
		expect(fieldErrors(r)).toEqual({ 'sections.2.heading': 'field_required' });
	});

	it('round-trips: a saved campaign shown in the form posts back the same campaign', () => {
		const saved = campaignForm.parse(posted);
		const values = campaignToFormValues(saved);
		expect(values.startsOn).toBe('01/10/2021');
		expect(values['legalBases.0.date']).toBe('30/07/2021');
		expect(values.themes).toBe('Chủ đề một\nChủ đề hai');
		expect(campaignForm.parse(values)).toEqual(saved);
	});

	it('keeps a mistyped date as typed when re-shown', () => {
		expect(campaignToFormValues({ startsOn: '31/02/2021' }).startsOn).toBe('31/02/2021');
	});

	it('counts the rows a form holds', () => {
		expect(countFormRows(posted, 'sections')).toBe(3);
		expect(countFormRows(posted, 'duties')).toBe(1);
		expect(countFormRows({}, 'legalBases')).toBe(0);
	});

	it('starts a new campaign on 1–7 October of its year', () => {
		const v = newCampaignFormValues({ year: 2026, symbol: 'KH-VPUB', place: 'Sơn La' });
		expect(v).toMatchObject({ startsOn: '01/10/2026', endsOn: '07/10/2026', title: 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2026' });
		expect(campaignForm.safeParse({ ...v, themes: 'Học tập suốt đời' }).success).toBe(true);
	});
});

describe('return and clone inputs', () => {
	it('requires a reason to return a plan', () => {
		expect(fieldErrors(campaignReturnInput.safeParse({ reason: '  \n ' }))).toEqual({ reason: 'field_required' });
		expect(campaignReturnInput.parse({ reason: ' Bổ sung căn cứ. ' }).reason).toBe('Bổ sung căn cứ.');
	});

	it('takes a blank year as "next year" and refuses one out of range', () => {
		expect(campaignCloneInput.parse({ year: '' }).year).toBeUndefined();
		expect(campaignCloneInput.parse({ year: '2023' }).year).toBe(2023);
		expect(fieldErrors(campaignCloneInput.safeParse({ year: '1850' }))).toEqual({ year: 'field_invalid' });
		expect(fieldErrors(campaignCloneInput.safeParse({ year: 'năm sau' }))).toEqual({ year: 'field_invalid' });
	});
});
