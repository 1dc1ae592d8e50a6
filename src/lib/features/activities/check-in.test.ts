import { describe, expect, it } from 'vitest';
import { secondsUntil, spacedActivityCode } from './check-in';

describe('secondsUntil', () => {
	const at = new Date('2021-10-01T01:00:30.200Z');
	it('counts whole seconds up to the change', () => {
		expect(secondsUntil(new Date('2021-10-01T01:01:00Z'), at)).toBe(30);
		expect(secondsUntil('2021-10-01T01:01:00.000Z', at)).toBe(30);
	});
	it('is at least one second, also for a change already past or a bad date', () => {
		expect(secondsUntil(new Date('2021-10-01T01:00:00Z'), at)).toBe(1);
		expect(secondsUntil('not a date', at)).toBe(1);
	});
});

describe('spacedActivityCode', () => {
	it('splits six digits in two groups, keeping leading zeros', () => {
		expect(spacedActivityCode('042917')).toBe('042 917');
	});
	it('leaves anything else as it is', () => {
		expect(spacedActivityCode('12345')).toBe('12345');
	});
});
