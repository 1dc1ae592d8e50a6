import { describe, expect, it } from 'vitest';
import type { CampaignDocument } from '$lib/server/campaigns/export';
import {
	addresseeLines,
	appendixLabel,
	appendixNote,
	closeBlocks,
	closedContent,
	contentDisposition,
	documentFileNames,
	formatPlaceAndDate,
	formatReference,
	htmlToBlocks,
	listMarker,
	planToOfficialDocument,
	recipientLines,
	signatureFromLines
} from './format';
import type { DocumentBlock } from './types';

describe('the header lines', () => {
	it('writes numbers below 10 with a leading zero and leaves a blank for the clerk while unnumbered', () => {
		expect(formatReference({ number: '5', symbol: 'KH-VPUB' })).toBe('Số: 05/KH-VPUB');
		expect(formatReference({ number: '05', symbol: 'KH-VPUB' })).toBe('Số: 05/KH-VPUB');
		expect(formatReference({ number: '12', symbol: 'BC-VPUB' })).toBe('Số: 12/BC-VPUB');
		expect(formatReference({ number: null, symbol: 'QĐ-VPUB' })).toBe('Số: …/QĐ-VPUB');
		expect(formatReference({ number: ' ', symbol: 'QĐ-VPUB' })).toBe('Số: …/QĐ-VPUB');
	});

	it('writes days below 10 and months 1–2 with a leading zero, and an undated document with blanks', () => {
		expect(formatPlaceAndDate({ place: 'Hà Nội', date: '2020-01-05', year: 2020 })).toBe('Hà Nội, ngày 05 tháng 01 năm 2020');
		expect(formatPlaceAndDate({ place: 'Thành phố Hồ Chí Minh', date: '2019-06-29', year: 2019 })).toBe('Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019');
		expect(formatPlaceAndDate({ place: 'Sơn La', date: '2021-02-09', year: 2021 })).toBe('Sơn La, ngày 09 tháng 02 năm 2021');
		expect(formatPlaceAndDate({ place: 'Sơn La', date: '2021-03-10', year: 2021 })).toBe('Sơn La, ngày 10 tháng 3 năm 2021');
		expect(formatPlaceAndDate({ place: 'Sơn La', date: null, year: 2021 })).toBe('Sơn La, ngày … tháng … năm 2021');
	});

	it('puts one addressee on the "Kính gửi:" line and several on lines of their own, the last with "."', () => {
		expect(addresseeLines({})).toBeNull();
		expect(addresseeLines({ addressees: [' '] })).toBeNull();
		expect(addresseeLines({ addressees: ['Sở Giáo dục và Đào tạo'] })).toEqual({ inline: 'Kính gửi: Sở Giáo dục và Đào tạo.' });
		expect(addresseeLines({ addressees: ['Bộ Giáo dục và Đào tạo;', 'UBND tỉnh Sơn La'] })).toEqual({ lines: ['- Bộ Giáo dục và Đào tạo;', '- UBND tỉnh Sơn La.'] });
	});

	it('lists the recipients "- …;" and ends with "- Lưu: VT, …." (VT alone when no unit is given)', () => {
		expect(recipientLines({ recipients: ['Sở Giáo dục và Đào tạo (Báo cáo)', 'LĐVP UBND tỉnh;'], archive: 'VT, TCHCQT' })).toEqual([
			'- Sở Giáo dục và Đào tạo (Báo cáo);',
			'- LĐVP UBND tỉnh;',
			'- Lưu: VT, TCHCQT.'
		]);
		expect(recipientLines({ recipients: [], archive: '' })).toEqual(['- Lưu: VT.']);
		expect(recipientLines({ recipients: ['Như Điều 3'], archive: 'Lưu: VT, VP.' })).toEqual(['- Như Điều 3;', '- Lưu: VT, VP.']);
	});

	it('marks list items "- ", nested ones "+ " and ordered ones a), b)… in the Vietnamese alphabet', () => {
		expect([listMarker(0, 0), listMarker(1, 3)]).toEqual(['- ', '+ ']);
		expect([0, 1, 4, 5, 6].map((i) => listMarker(0, i, true))).toEqual(['a) ', 'b) ', 'đ) ', 'e) ', 'g) ']);
	});

	it('labels one appendix "Phụ lục" and several in Roman numerals, each attached to the document', () => {
		expect(appendixLabel(0, 1)).toBe('Phụ lục');
		expect([0, 1, 3].map((i) => appendixLabel(i, 4))).toEqual(['Phụ lục I', 'Phụ lục II', 'Phụ lục IV']);
		expect(appendixNote({ kind: 'report', number: '7', symbol: 'BC-VPUB', date: '2021-10-12', year: 2021 })).toBe('(Kèm theo Báo cáo số 07/BC-VPUB ngày 12 tháng 10 năm 2021)');
		expect(appendixNote({ kind: 'decision', number: null, symbol: 'QĐ-VPUB', date: null, year: 2021 })).toBe('(Kèm theo Quyết định số …/QĐ-VPUB ngày … tháng … năm 2021)');
	});
});

describe('the closing "./."', () => {
	it('ends the last paragraph with "./." in place of its full stop, once', () => {
		expect(closeBlocks([{ kind: 'paragraph', text: 'Một.' }, { kind: 'paragraph', text: 'Hai.' }])).toEqual([
			{ kind: 'paragraph', text: 'Một.' },
			{ kind: 'paragraph', text: 'Hai./.' }
		]);
		expect(closeBlocks([{ kind: 'paragraph', text: 'Đã đóng./.' }])).toEqual([{ kind: 'paragraph', text: 'Đã đóng./.' }]);
		expect(closeBlocks([{ kind: 'paragraph', text: [{ text: 'Xem ' }, { text: 'phụ lục', italic: true }, { text: '. ' }] }])).toEqual([
			{ kind: 'paragraph', text: [{ text: 'Xem ' }, { text: 'phụ lục', italic: true }, { text: './.' }] }
		]);
	});

	it('closes the deepest last list item, an article’s text, and stands alone after a table or heading', () => {
		const list: DocumentBlock = { kind: 'list', items: [{ text: 'a;' }, { text: 'b;', items: [{ text: 'c;' }] }] };
		expect(closeBlocks([list])).toEqual([{ kind: 'list', items: [{ text: 'a;' }, { text: 'b;', items: [{ text: 'c./.' }] }] }]);
		expect(closeBlocks([{ kind: 'article', number: 3, text: 'Thi hành.' }])).toEqual([{ kind: 'article', number: 3, text: 'Thi hành./.' }]);
		expect(closeBlocks([{ kind: 'article', number: 3, title: 'Hiệu lực' }])).toEqual([{ kind: 'article', number: 3, title: 'Hiệu lực./.' }]);
		const table: DocumentBlock = { kind: 'table', header: ['A'], rows: [['1']] };
		expect(closeBlocks([table])).toEqual([table, { kind: 'paragraph', text: './.' }]);
		expect(closeBlocks([])).toEqual([]);
	});

	it('closes the introduction when the body is empty', () => {
		expect(closedContent({ introduction: ['Mở đầu.', 'Kết.'], body: [] })).toEqual({ introduction: ['Mở đầu.', 'Kết./.'], body: [] });
		expect(closedContent({ introduction: [], body: [] })).toEqual({ introduction: [], body: [] });
	});
});

describe('a plan section’s HTML as blocks', () => {
	it('reads paragraphs, emphasis, entities and line breaks', () => {
		expect(htmlToBlocks('<p>Các ứng dụng (<em>facebook, zalo</em>) &amp; <strong>Zoom</strong>&nbsp;họp</p><p>Dòng một<br />dòng hai</p>')).toEqual([
			{ kind: 'paragraph', text: [{ text: 'Các ứng dụng (' }, { text: 'facebook, zalo', italic: true }, { text: ') & ' }, { text: 'Zoom', bold: true }, { text: ' họp' }] },
			{ kind: 'paragraph', text: 'Dòng một' },
			{ kind: 'paragraph', text: 'dòng hai' }
		]);
	});

	it('reads lists with their nested lists, headings and quotes; prints a link’s address when its text hides it', () => {
		expect(
			htmlToBlocks(
				'<h3>Hoạt động</h3><ul><li>Tuyên truyền<ul><li>trực tuyến</li><li>trực tiếp</li></ul></li><li>Tại <a href="https://uil.unesco.org">https://uil.unesco.org</a></li></ul><ol><li><p>Một</p></li></ol><blockquote><p>Trích dẫn</p></blockquote><p>Xem <a href="https://moet.gov.vn">trang Bộ</a>.</p>'
			)
		).toEqual([
			{ kind: 'heading', level: 3, text: 'Hoạt động' },
			{ kind: 'list', ordered: false, items: [{ text: 'Tuyên truyền', items: [{ text: 'trực tuyến' }, { text: 'trực tiếp' }] }, { text: 'Tại https://uil.unesco.org' }] },
			{ kind: 'list', ordered: true, items: [{ text: 'Một' }] },
			{ kind: 'paragraph', text: [{ text: 'Trích dẫn', italic: true }] },
			{ kind: 'paragraph', text: 'Xem trang Bộ (https://moet.gov.vn).' }
		]);
	});

	it('keeps text outside any paragraph and drops empty ones', () => {
		expect(htmlToBlocks('Chữ <em>rời</em><p> </p>')).toEqual([{ kind: 'paragraph', text: [{ text: 'Chữ ' }, { text: 'rời', italic: true }] }]);
		expect(htmlToBlocks('')).toEqual([]);
	});
});

describe('the campaign’s plan as a document', () => {
	const plan: CampaignDocument = {
		id: 'c1',
		status: 'draft',
		governingBody: 'UBND TỈNH SƠN LA',
		issuer: 'VĂN PHÒNG UBND TỈNH',
		reference: 'Số: 7/KH-VPUB',
		placeAndDate: 'Sơn La, ngày 05 tháng 01 năm 2022',
		type: 'KẾ HOẠCH',
		summary: 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2022',
		citations: ['Căn cứ Quyết định số 1373/QĐ-TTg.'],
		introduction: ['Văn phòng xây dựng kế hoạch như sau:'],
		outline: [
			{ heading: 'I. MỤC ĐÍCH, YÊU CẦU', items: [{ heading: '1. Mục đích', paragraphs: ['Nâng cao nhận thức.'], list: [], html: '' }] },
			{
				heading: 'II. NỘI DUNG',
				items: [
					{ heading: '1. Chủ đề', paragraphs: [], list: ['“Chủ đề một”', '“Chủ đề hai”'], html: '' },
					{ heading: '2. Các hoạt động', paragraphs: [], list: [], html: '<p>Mở đầu</p><ul><li>Tuyên truyền</li></ul>' }
				]
			},
			{ heading: 'III. TỔ CHỨC THỰC HIỆN', items: [{ heading: '', paragraphs: ['1. Các phòng thực hiện.'], list: [], html: '' }] }
		],
		recipients: ['- Sở Giáo dục và Đào tạo (Báo cáo);', '- Lưu: VT, TCHCQT.'],
		signature: ['KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG', 'Lê Thị Hồng Anh']
	};

	it('keeps the header, splits number from symbol and reads the date back', () => {
		const doc = planToOfficialDocument(plan);
		expect(doc).toMatchObject({
			kind: 'plan',
			governingBody: 'UBND TỈNH SƠN LA',
			issuer: 'VĂN PHÒNG UBND TỈNH',
			number: '7',
			symbol: 'KH-VPUB',
			place: 'Sơn La',
			date: '2022-01-05',
			year: 2022,
			summary: plan.summary,
			citations: plan.citations,
			introduction: plan.introduction,
			recipients: ['Sở Giáo dục và Đào tạo (Báo cáo)'],
			archive: 'VT, TCHCQT',
			signature: { authority: ['KT. CHÁNH VĂN PHÒNG'], title: 'PHÓ CHÁNH VĂN PHÒNG', name: 'Lê Thị Hồng Anh' }
		});
		expect(formatReference(doc)).toBe('Số: 07/KH-VPUB');
		expect(formatPlaceAndDate(doc)).toBe(plan.placeAndDate);
		expect(recipientLines(doc)).toEqual(plan.recipients);
	});

	it('reads an unnumbered, undated plan as blanks for the clerk', () => {
		const doc = planToOfficialDocument({ ...plan, reference: 'Số: …/KH-VPUB', placeAndDate: 'Sơn La, ngày … tháng … năm 2021' });
		expect(doc).toMatchObject({ number: null, symbol: 'KH-VPUB', place: 'Sơn La', date: null, year: 2021 });
		expect(formatReference(doc)).toBe('Số: …/KH-VPUB');
	});

	it('lays the outline out as headings, paragraphs and lists, themes ending as list items do', () => {
		expect(planToOfficialDocument(plan).body).toEqual([
			{ kind: 'heading', level: 1, text: 'I. MỤC ĐÍCH, YÊU CẦU' },
			{ kind: 'heading', level: 2, text: '1. Mục đích' },
			{ kind: 'paragraph', text: 'Nâng cao nhận thức.' },
			{ kind: 'heading', level: 1, text: 'II. NỘI DUNG' },
			{ kind: 'heading', level: 2, text: '1. Chủ đề' },
			{ kind: 'list', items: [{ text: '“Chủ đề một”;' }, { text: '“Chủ đề hai”.' }] },
			{ kind: 'heading', level: 2, text: '2. Các hoạt động' },
			{ kind: 'paragraph', text: 'Mở đầu' },
			{ kind: 'list', ordered: false, items: [{ text: 'Tuyên truyền' }] },
			{ kind: 'heading', level: 1, text: 'III. TỔ CHỨC THỰC HIỆN' },
			{ kind: 'paragraph', text: '1. Các phòng thực hiện.' }
		]);
	});

	it('reads the signer block for each authority, the name being the one line not in capitals', () => {
		expect(signatureFromLines(['CHÁNH VĂN PHÒNG', 'Lê Thị Hồng Anh'])).toEqual({ authority: [], title: 'CHÁNH VĂN PHÒNG', name: 'Lê Thị Hồng Anh' });
		expect(signatureFromLines(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Nguyễn Văn A'])).toEqual({ authority: ['TM. ỦY BAN NHÂN DÂN'], title: 'CHỦ TỊCH', name: 'Nguyễn Văn A' });
		expect(signatureFromLines(['TL. GIÁM ĐỐC', 'KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG', 'Lê B'])).toEqual({
			authority: ['TL. GIÁM ĐỐC', 'KT. CHÁNH VĂN PHÒNG'],
			title: 'PHÓ CHÁNH VĂN PHÒNG',
			name: 'Lê B'
		});
		expect(signatureFromLines(['Q. GIÁM ĐỐC'])).toEqual({ authority: ['Q. GIÁM ĐỐC'], title: '', name: '' });
		expect(signatureFromLines([])).toEqual({ authority: [], title: '', name: '' });
	});
});

describe('download file names', () => {
	it('names the file in ASCII for every browser and in Vietnamese for those that read filename*', () => {
		expect(documentFileNames({ kind: 'plan', number: '5', symbol: 'KH-VPUB', year: 2021 }, 'docx')).toEqual({ ascii: '05-KH-VPUB-2021.docx', utf8: 'Kế hoạch 05-KH-VPUB-2021.docx' });
		expect(documentFileNames({ kind: 'decision', number: null, symbol: 'QĐ-VPUB', year: 2021 }, 'pdf')).toEqual({ ascii: 'QD-VPUB-2021.pdf', utf8: 'Quyết định QĐ-VPUB-2021.pdf' });
		const header = contentDisposition(documentFileNames({ kind: 'plan', number: null, symbol: 'KH-VPUB', year: 2021 }, 'docx'));
		expect(header).toBe(`attachment; filename="KH-VPUB-2021.docx"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20KH-VPUB-2021.docx`);
		expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe('Kế hoạch KH-VPUB-2021.docx');
		// Nothing that could break the header or a file system gets through.
		const odd = documentFileNames({ kind: 'report', number: '1', symbol: 'BC/"x";\r\n', year: 2021 }, 'pdf');
		expect(odd.ascii).toMatch(/^[A-Za-z0-9-]+\.pdf$/);
		expect(contentDisposition(odd)).not.toMatch(/[\r\n]/);
		expect(contentDisposition(odd).match(/"/g)).toHaveLength(2);
	});
});
