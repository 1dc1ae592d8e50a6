import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const DEMO_PASSWORD = 'LearnWeek@2021';
export const demo = {
	administrator: 'quantri@demo.learnweek.vn',
	coordinator: 'dieuphoi@demo.learnweek.vn',
	leader: 'lanhdao@demo.learnweek.vn',
	staff: 'canbo@demo.learnweek.vn',
	supervisor: 'giamsat@demo.learnweek.vn',
	partner: 'doitac@demo.learnweek.vn',
	learner: 'hocvien@demo.learnweek.vn'
};

/** One Chromium per story file (STACK-NOTES §14 flags); `page()` opens a fresh context. */
export function useBrowser(): { page: () => Promise<Page>; baseURL: string } {
	let browser: Browser;
	const baseURL = inject('baseURL');
	beforeAll(async () => {
		browser = await chromium.launch({
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
		});
	});
	afterAll(async () => {
		await browser?.close();
	});
	return {
		baseURL,
		page: async () => {
			const context = await browser.newContext({ baseURL, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
			return context.newPage();
		}
	};
}

/** Runs axe (WCAG 2.0/2.1/2.2 A and AA) on the page and fails with each violation listed. */
export async function expectAccessible(page: Page): Promise<void> {
	await page.addScriptTag({ content: axeSource });
	const violations = await page.evaluate(async () => {
		// @ts-expect-error axe is injected above
		const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
		return result.violations.map((v: { id: string; help: string; nodes: Array<{ target: string[] }> }) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
	});
	expect(violations, `accessibility of ${page.url()}`).toEqual([]);
}

/** Signs in through the form, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
	await page.goto('/sign-in');
	await page.getByLabel('E-mail').fill(email);
	await page.getByLabel('Mật khẩu').fill(password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}
