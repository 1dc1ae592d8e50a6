import { describe, expect, it } from 'vitest';
import { parseSettings } from './env';

describe('settings', () => {
	it('gives the documented defaults', () => {
		const s = parseSettings({});
		expect(s).toMatchObject({ PORT: 3000, DATA_DIR: './data', SIGNIN_MAX_ATTEMPTS: 5 });
		expect(s.DATABASE_URL).toBeUndefined();
	});

	it('names every bad variable with what it got', () => {
		const bad = () => parseSettings({ PORT: 'abc', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail', DEMO: 'maybe' });
		expect(bad).toThrow(/PORT: .*\(got "abc"\)/);
		expect(bad).toThrow(/DATABASE_URL: must start with postgres:\/\//);
		expect(bad).toThrow(/SMTP_URL: must start with smtp:\/\//);
		expect(bad).toThrow(/DEMO: .*\(got "maybe"\)/);
	});

	it('treats an empty variable as unset', () => {
		expect(parseSettings({ DATABASE_URL: '', DEMO: '' }).DATABASE_URL).toBeUndefined();
	});

	it('reads DEMO=1 and DEMO=0', () => {
		expect(parseSettings({ DEMO: '1' }).DEMO).toBe(true);
		expect(parseSettings({ DEMO: '0' }).DEMO).toBe(false);
	});
});
