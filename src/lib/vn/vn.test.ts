import { describe, expect, it } from 'vitest';
import { cleanText, foldVietnamese } from './text';
import { comparePersonNames, fullName, splitFullName } from './names';
import { formatPhone, normalizePhone } from './phone';
import { formatDate, formatDateTime, formatFormalDate, parseDate, shiftYears } from './dates';

describe('Vietnamese text', () => {
	it('folds diacritics so "hoc tap" finds "Học tập"', () => {
		expect(foldVietnamese('Học tập SUỐT ĐỜI')).toBe('hoc tap suot doi');
		expect(foldVietnamese('Đắk Lắk')).toBe('dak lak');
	});

	it('stores text as NFC whatever the input method sent', () => {
		const decomposed = 'Tuần lễ'.normalize('NFD');
		expect(cleanText(`  ${decomposed}  `)).toBe('Tuần lễ'.normalize('NFC'));
	});
});

describe('names', () => {
	it('splits and joins in Vietnamese order', () => {
		expect(splitFullName('Nguyễn Thị Minh Khai')).toEqual({ familyName: 'Nguyễn', middleName: 'Thị Minh', givenName: 'Khai' });
		expect(fullName({ familyName: 'Lò', middleName: 'Văn', givenName: 'Pọm' })).toBe('Lò Văn Pọm');
	});

	it('sorts by given name, then middle, then family name, with a < ă < â and d < đ', () => {
		const people = ['Trần Văn Đức', 'Nguyễn Văn Dũng', 'Lê Thị Ân', 'Phạm Thị An', 'Lò Thị Ăn', 'Bùi Văn An'].map(splitFullName);
		expect(people.sort(comparePersonNames).map(fullName)).toEqual(['Phạm Thị An', 'Bùi Văn An', 'Lò Thị Ăn', 'Lê Thị Ân', 'Nguyễn Văn Dũng', 'Trần Văn Đức']);
	});
});

describe('phones', () => {
	it('accepts the forms people type and stores E.164', () => {
		expect(normalizePhone('0912 345 678')).toBe('+84912345678');
		expect(normalizePhone('+84 912.345.678')).toBe('+84912345678');
		expect(normalizePhone('84386123456')).toBe('+84386123456');
		expect(normalizePhone('0212 3852 123')).toBe('+842123852123');
	});

	it('refuses what is not a Vietnamese number', () => {
		expect(normalizePhone('0123 456 789')).toBeUndefined();
		expect(normalizePhone('12345')).toBeUndefined();
		expect(normalizePhone('091234567a')).toBeUndefined();
	});

	it('shows numbers in national form', () => {
		expect(formatPhone('+84912345678')).toBe('0912 345 678');
	});
});

describe('dates', () => {
	it('writes dd/mm/yyyy in Vietnam whatever the instant', () => {
		// 17:30 UTC on 30 September is already 1 October in Vietnam.
		expect(formatDate(new Date('2021-09-30T17:30:00Z'))).toBe('01/10/2021');
		expect(formatDateTime(new Date('2021-09-30T17:30:00Z'))).toBe('01/10/2021 00:30');
		expect(formatDate('2021-10-07')).toBe('07/10/2021');
	});

	it('writes the formal date of documents with Decree 30 leading zeros', () => {
		expect(formatFormalDate('2021-09-14')).toBe('ngày 14 tháng 9 năm 2021');
		expect(formatFormalDate('2020-01-05')).toBe('ngày 05 tháng 01 năm 2020');
		expect(formatFormalDate('2020-02-28')).toBe('ngày 28 tháng 02 năm 2020');
	});

	it('parses dd/mm/yyyy and refuses impossible dates', () => {
		expect(parseDate('1/10/2021')).toBe('2021-10-01');
		expect(parseDate('2021-10-07')).toBe('2021-10-07');
		expect(parseDate('31/02/2021')).toBeUndefined();
		expect(parseDate('10-01-2021')).toBeUndefined();
	});

	it('shifts by whole years, keeping 29/02 valid', () => {
		expect(shiftYears('2021-10-01', 1)).toBe('2022-10-01');
		expect(shiftYears('2024-02-29', 1)).toBe('2025-02-28');
	});
});

describe('numbers', () => {
	it('writes document numbers with the Decree 30 leading zero', async () => {
		const { formatDocumentNumber } = await import('./numbers');
		expect([1, 9, 10, 212].map(formatDocumentNumber)).toEqual(['01', '09', '10', '212']);
		expect(formatDocumentNumber(' 5 ')).toBe('05');
		expect(formatDocumentNumber(null)).toBe('');
	});

	it('writes size limits in MB or KB', async () => {
		const { formatFileSize } = await import('./numbers');
		expect(formatFileSize(5 * 1024 * 1024)).toBe('5 MB');
		expect(formatFileSize(512 * 1024)).toBe('512 KB');
	});
});
