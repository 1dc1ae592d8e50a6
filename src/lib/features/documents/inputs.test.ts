import { describe, expect, it } from 'vitest';
import { cleanRecipientLabel, isArchiveLine, issueDocumentFormInput, issueDocumentInput } from './inputs';
import { documentReference, formatDocumentNumber } from './register';

const base = { orgId: 'o1', type: 'KH', summary: '  Tổ chức   Tuần lễ ' };

describe('document inputs', () => {
	it('cleans a document as typed: text collapsed, dates read, recipients one a line without their dashes', () => {
		const parsed = issueDocumentInput.parse({ ...base, documentDate: '14/09/2021', recipients: '- Sở Giáo dục và Đào tạo (b/c);\n\n- Lưu trữ tỉnh.', archive: 'Lưu: VT, TCHCQT.', number: '05' });
		expect(parsed).toMatchObject({ summary: 'Tổ chức Tuần lễ', documentDate: '2021-09-14', recipients: [{ label: 'Sở Giáo dục và Đào tạo (b/c)' }, { label: 'Lưu trữ tỉnh' }], archive: 'VT, TCHCQT', number: 5, copies: null, signerName: '' });
	});

	it('asks a công văn for its drafting unit, and the form for its signer', () => {
		const letter = issueDocumentInput.safeParse({ ...base, type: 'CV' });
		expect(letter.success ? null : letter.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['unitCode', 'field_required']]);
		expect(issueDocumentInput.safeParse({ ...base, type: 'CV', unitCode: 'TCHCQT' }).success).toBe(true);
		const form = issueDocumentFormInput.safeParse(base);
		expect(form.success ? null : form.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['signerName', 'field_required'],
			['signerPosition', 'field_required']
		]);
	});

	it('tells the archive line from a recipient', () => {
		expect(isArchiveLine('- Lưu: VT, TCHCQT.')).toBe(true);
		expect(isArchiveLine('Lưu trữ tỉnh')).toBe(false);
		expect(cleanRecipientLabel('– Trung tâm Thông tin;')).toBe('Trung tâm Thông tin');
	});

	it('writes numbers below 10 with a leading zero (Decree 30/2020, Appendix I §II.3)', () => {
		expect([1, 9, 10, 212].map(formatDocumentNumber)).toEqual(['01', '09', '10', '212']);
		expect(documentReference({ number: 5, symbol: 'KH-VPUB' })).toBe('05/KH-VPUB');
	});
});
