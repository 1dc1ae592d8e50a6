import { describe, expect, it } from 'vitest';
import { demo, expectAccessible, signIn, useBrowser } from '../support';

const browser = useBrowser();
const SUMMARY = 'Tổng kết phong trào học tập suốt đời trong cơ quan';

describe('the leader registers an outgoing document', () => {
	it('takes one number even when the same form is sent twice', async () => {
		const page = await browser.page();
		await signIn(page, demo.leader);
		await page.goto('/admin/documents/new');
		await expectAccessible(page);
		await page.getByLabel('Loại văn bản').selectOption('BC');
		await page.getByLabel('Trích yếu nội dung').fill(SUMMARY);
		await page.getByLabel('Họ và tên người ký').fill('Lê Thị Hồng Anh');
		await page.getByLabel('Chức vụ người ký').fill('Phó Chánh Văn phòng');
		// The exact body the browser sends, kept to send it a second time as a double click would.
		const form = page.locator('form[action="?/issue"]');
		const body = await form.evaluate((f: HTMLFormElement) => new URLSearchParams(new FormData(f) as unknown as Record<string, string>).toString());
		await page.getByRole('button', { name: 'Ban hành và cấp số' }).click();
		await page.waitForURL(/\/admin\/documents\/[0-9a-f-]{36}/);
		const first = new URL(page.url()).pathname;

		const again = await page.request.post('/admin/documents/new?/issue', {
			headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', origin: new URL(page.url()).origin },
			data: body,
			maxRedirects: 0
		});
		expect(again.status()).toBe(303);
		expect(again.headers()['location']).toContain(first);

		await page.goto('/admin/documents');
		const rows = page.locator('tbody tr', { hasText: SUMMARY });
		expect(await rows.count()).toBe(1);
	});
});
