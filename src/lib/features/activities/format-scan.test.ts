import { describe, expect, it } from 'vitest';
import { ticketCodeFromScan } from './format-scan';

describe('ticketCodeFromScan', () => {
	it('reads a bare ticket code, whatever its case, spaces or dashes', () => {
		expect(ticketCodeFromScan('K7M2Q9XA')).toBe('K7M2Q9XA');
		expect(ticketCodeFromScan('  k7m2-q9xa\n')).toBe('K7M2Q9XA');
	});

	it('reads the code at the end of a ticket link', () => {
		expect(ticketCodeFromScan('https://learnweek.example/t/K7M2Q9XA')).toBe('K7M2Q9XA');
		expect(ticketCodeFromScan('https://learnweek.example/en/t/k7m2q9xa/')).toBe('K7M2Q9XA');
		expect(ticketCodeFromScan('https://learnweek.example/t/K7M2Q9XA?utm_source=mail#top')).toBe('K7M2Q9XA');
		expect(ticketCodeFromScan('/t/K7M2Q9XA')).toBe('K7M2Q9XA');
	});

	it('finds nothing in other QR codes', () => {
		expect(ticketCodeFromScan('')).toBeNull();
		expect(ticketCodeFromScan('https://learnweek.example/activities/K7M2Q9XA')).toBeNull();
		expect(ticketCodeFromScan('https://learnweek.example/t/K7M2Q9XA/extra')).toBeNull();
		expect(ticketCodeFromScan('https://learnweek.example/t/')).toBeNull();
		expect(ticketCodeFromScan('WIFI:S:Thu vien;T:WPA;P:12345678;;')).toBeNull();
		expect(ticketCodeFromScan('https://learnweek.example/t/%E0%A4%A')).toBeNull();
	});

	it('refuses codes of the wrong length or with look-alike characters', () => {
		expect(ticketCodeFromScan('K7M2Q9X')).toBeNull();
		expect(ticketCodeFromScan('K7M2Q9XAB')).toBeNull();
		// 0, 1, I, L and O are not in the ticket alphabet.
		expect(ticketCodeFromScan('K7M2Q9X0')).toBeNull();
		expect(ticketCodeFromScan('https://learnweek.example/t/K7M2Q9XI')).toBeNull();
	});
});
