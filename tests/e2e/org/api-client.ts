// Helpers of the org stories that call the JSON API as an integration would: a token created on
// the Account page, then plain fetch with `Authorization: Bearer …`.
import type { Page } from 'playwright-core';
import { expectAccessible, signIn } from '../support';

/** Signs in as `email`, creates an API token on the Account page and returns its secret. */
export async function createApiToken(page: Page, email: string, name = 'Tích hợp thử nghiệm'): Promise<string> {
	await signIn(page, email);
	await page.goto('/account');
	await page.getByLabel('Tên mã (ví dụ: Cổng thông tin tỉnh)').fill(name);
	await page.getByRole('button', { name: 'Tạo mã' }).click();
	const shown = page.getByTestId('new-token');
	await shown.waitFor();
	await expectAccessible(page);
	return ((await shown.textContent()) ?? '').trim();
}

export interface ApiAnswer {
	status: number;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	body: any;
}

/** Calls /api/v1 with an optional token, JSON body and language. */
export async function callApi(
	baseURL: string,
	path: string,
	options: { token?: string; method?: string; body?: unknown; lang?: 'vi' | 'en' } = {}
): Promise<ApiAnswer> {
	const headers: Record<string, string> = { accept: 'application/json' };
	if (options.token) headers.authorization = `Bearer ${options.token}`;
	if (options.body !== undefined) headers['content-type'] = 'application/json';
	if (options.lang) headers['accept-language'] = options.lang;
	const res = await fetch(`${baseURL}/api/v1${path}`, { method: options.method ?? 'GET', headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
	const text = await res.text();
	return { status: res.status, body: text ? JSON.parse(text) : null };
}
