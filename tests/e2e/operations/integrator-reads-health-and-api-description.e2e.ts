import { describe, expect, it } from 'vitest';
import { expectAccessible, useBrowser } from '../support';

const { page, baseURL } = useBrowser();

describe('an integrator checks the service', () => {
	it('reads /healthz with a request id', async () => {
		const res = await fetch(`${baseURL}/healthz`);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ ok: true, database: 'up' });
		expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('keeps a request id sent by a proxy', async () => {
		const res = await fetch(`${baseURL}/healthz`, { headers: { 'x-request-id': 'proxy-123' } });
		expect(res.headers.get('x-request-id')).toBe('proxy-123');
	});

	it('reads the OpenAPI 3.1 document of /api/v1', async () => {
		const doc = (await (await fetch(`${baseURL}/api/v1/openapi.json`)).json()) as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
		expect(doc.openapi).toBe('3.1.0');
		expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/campaigns', '/campaigns/{id}', '/people', '/organisations']));
		expect(doc.paths['/people'].get.responses['401']).toBeDefined();
	});

	it('answers errors as { code, message } in the language asked for', async () => {
		const vi = await fetch(`${baseURL}/api/v1/people`);
		expect(vi.status).toBe(401);
		expect(await vi.json()).toEqual({ code: 'UNAUTHENTICATED', message: 'Vui lòng đăng nhập để tiếp tục.' });
		const en = await fetch(`${baseURL}/api/v1/people`, { headers: { 'accept-language': 'en-US,en;q=0.9' } });
		expect(await en.json()).toEqual({ code: 'UNAUTHENTICATED', message: 'Please sign in to continue.' });
		const bad = await fetch(`${baseURL}/api/v1/people`, { headers: { authorization: 'Bearer lw_made-up' } });
		expect(bad.status).toBe(401);
	});

	it('shows an accessible page for an unknown address, in Vietnamese and English', async () => {
		const p = await page();
		const res = await p.goto('/khong-co-trang-nay');
		expect(res?.status()).toBe(404);
		await expect(p.getByRole('alert').textContent()).resolves.toContain('Không tìm thấy');
		await expectAccessible(p);
		await p.goto('/en/no-such-page');
		await expect(p.getByRole('alert').textContent()).resolves.toContain('was not found');
		expect(await p.getAttribute('html', 'lang')).toBe('en');
	});
});
