// Scheduled publishing: the coordinator schedules a post for a morning three days ahead; it stays
// off the public site until then, and goes out by itself (a background job) when the app's clock
// reaches that time. The clock is moved through POST /testing/clock, which exists only in test runs.
import { afterAll, describe, expect, it } from 'vitest';
import { demo, expectAccessible, signIn, useBrowser } from '../support';

const browser = useBrowser();

const TITLE = 'Hẹn giờ: Tổng kết Tuần lễ hưởng ứng học tập suốt đời';

async function setClock(at: string | null): Promise<void> {
	const res = await fetch(`${browser.baseURL}/testing/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ at }) });
	expect(res.status).toBe(200);
}

afterAll(async () => {
	await setClock(null);
});

describe('a scheduled post', () => {
	it('appears on the public site at its time, not before', async () => {
		const page = await browser.page();
		await signIn(page, demo.coordinator);
		await page.goto('/admin/news/new');
		await page.getByLabel('Tiêu đề').fill(TITLE);
		await page.getByLabel('Tóm tắt').fill('Kết quả Tuần lễ sẽ được công bố vào sáng thứ Hai.');
		await page.getByLabel('Nội dung').fill('<p>Kết quả tổ chức Tuần lễ năm 2021.</p>');
		await page.getByRole('button', { name: 'Lưu' }).click();
		await page.waitForURL(/\/admin\/news\/[^/?]+\?notice=saved$/);
		const slugHref = (await page.getByRole('link', { name: 'Xem trang bài viết' }).getAttribute('href')) as string;

		// Three days ahead at 08:00 in Vietnam.
		const day = new Date(Date.now() + 3 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
		const [y, m, d] = day.split('-');
		const at = new Date(`${day}T08:00:00+07:00`);
		await page.getByLabel('Thời điểm đăng (dd/mm/yyyy hh:mm)').fill('31/02/2030 08:00');
		await page.getByRole('button', { name: 'Hẹn giờ đăng' }).click();
		await page.locator('[aria-invalid="true"]').first().waitFor();
		expect(await page.getByLabel('Thời điểm đăng (dd/mm/yyyy hh:mm)').inputValue()).toBe('31/02/2030 08:00');
		await page.getByLabel('Thời điểm đăng (dd/mm/yyyy hh:mm)').fill(`${d}/${m}/${y} 08:00`);
		await page.getByRole('button', { name: 'Hẹn giờ đăng' }).click();
		await page.waitForURL(/notice=schedule$/);
		expect(await page.getByText('Đã hẹn giờ đăng', { exact: false }).count()).toBeGreaterThan(0);
		await expectAccessible(page);

		// Not public before its time, even a minute before.
		const visitor = await browser.page();
		expect((await visitor.goto(slugHref))?.status()).toBe(404);
		await setClock(new Date(at.getTime() - 60_000).toISOString());
		await new Promise((r) => setTimeout(r, 1500));
		expect((await visitor.goto(slugHref))?.status()).toBe(404);

		// At its time the job worker publishes it (it polls every 500 ms in test runs).
		await setClock(new Date(at.getTime() + 60_000).toISOString());
		let status = 0;
		for (let i = 0; i < 40 && status !== 200; i++) {
			await new Promise((r) => setTimeout(r, 500));
			status = (await visitor.goto(slugHref))?.status() ?? 0;
		}
		expect(status).toBe(200);
		expect(await visitor.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE);
		await expectAccessible(visitor);
		await setClock(null);
		await visitor.goto('/news');
		expect(await visitor.getByRole('link', { name: TITLE }).count()).toBe(1);
	});
});
