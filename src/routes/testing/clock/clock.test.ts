import { afterEach, describe, expect, it } from 'vitest';
import { resetSettings } from '$lib/server/core/env';
import { freezeClock, now } from '$lib/server/core/clock';
import { POST } from './+server';

const call = (body: unknown) => POST({ request: new Request('http://localhost/testing/clock', { method: 'POST', body: JSON.stringify(body) }) } as never);

afterEach(() => {
	delete process.env.TEST_CLOCK;
	resetSettings();
	freezeClock();
});

describe('POST /testing/clock', () => {
	it('does not exist unless TEST_CLOCK is on', async () => {
		await expect(call({ at: '2030-01-01T00:00:00Z' })).rejects.toMatchObject({ status: 404 });
		expect(now().getUTCFullYear()).not.toBe(2030);
	});

	it('sets and releases the clock in test runs', async () => {
		process.env.TEST_CLOCK = '1';
		resetSettings();
		expect(await (await call({ at: '2030-01-01T00:00:00Z' })).json()).toEqual({ now: '2030-01-01T00:00:00.000Z', frozen: true });
		expect(now().toISOString()).toBe('2030-01-01T00:00:00.000Z');
		await expect(call({ at: 'not a date' })).rejects.toMatchObject({ status: 400 });
		expect((await (await call({ at: null })).json()).frozen).toBe(false);
		expect(now().getUTCFullYear()).not.toBe(2030);
	});
});
