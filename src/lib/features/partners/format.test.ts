import { describe, expect, it } from 'vitest';
import { formatAgeRange, formatPlatforms, formatVnd, sumSponsorships } from './format';

describe('partners format', () => {
	it('writes đồng with Vietnamese grouping and the sign after', () => {
		expect(formatVnd(20_000_000)).toBe('20.000.000 đ');
		expect(formatVnd(150_000_000)).toBe('150.000.000 đ');
		expect(formatVnd(999)).toBe('999 đ');
		expect(formatVnd(0)).toBe('0 đ');
		expect(formatVnd(-1_500)).toBe('-1.500 đ');
	});

	it('reads ages and platforms', () => {
		expect(formatAgeRange(6, 10)).toBe('6–10 tuổi');
		expect(formatAgeRange(5, 5)).toBe('5 tuổi');
		expect(formatPlatforms(['android', 'ios', 'web'])).toBe('Android, iOS, Trình duyệt web');
	});

	it('sums money and goods apart', () => {
		expect(
			sumSponsorships([
				{ kind: 'money', valueVnd: 20_000_000 },
				{ kind: 'in_kind', valueVnd: 150_000_000 },
				{ kind: 'money', valueVnd: 5_000_000 }
			])
		).toEqual({ moneyVnd: 25_000_000, inKindVnd: 150_000_000, count: 3 });
	});
});
