// The distancing rule (M6): once a ward is under social distancing, an in-person activity there on
// those days is refused with a message naming the place and the dates; held online it goes ahead.
import { describe, expect, it } from 'vitest';
import { demo, expectAccessible, signIn, useBrowser } from '../support';
import { openDemoPlan, vietnamDateTime } from './steps';

const browser = useBrowser();

const TITLE = 'Sinh hoạt câu lạc bộ "Đọc sách cùng con"';

describe('the distancing rule', () => {
	it('refuses an in-person activity in a ward under distancing, clearly, and keeps what was typed', async () => {
		const page = await browser.page();
		await signIn(page, demo.coordinator);
		const from = vietnamDateTime(10, '00:00').slice(0, 10);
		const to = vietnamDateTime(12, '00:00').slice(0, 10);

		// The coordinator records the order for Phường Chiềng An.
		await page.goto('/admin/localities');
		await page.getByLabel('Địa bàn giãn cách').selectOption('03664');
		await page.getByRole('textbox', { name: 'Từ ngày', exact: true }).fill(from);
		await page.getByRole('textbox', { name: 'Đến hết ngày', exact: true }).fill(to);
		await page.getByRole('button', { name: 'Ghi nhận giãn cách' }).click();
		await page.getByText('Đã ghi nhận đợt giãn cách.').waitFor();

		// A club meeting there on the second day is refused, naming the place and the period.
		const campaignId = await openDemoPlan(page);
		await page.goto(`/campaigns/${campaignId}/activities/new`);
		await page.getByLabel('Tên hoạt động').fill(TITLE);
		await page.getByLabel('Loại hoạt động').selectOption({ label: 'Sinh hoạt câu lạc bộ' });
		await page.getByLabel('Trực tiếp', { exact: true }).check();
		await page.getByLabel('Địa điểm', { exact: true }).fill('Thư viện phường Chiềng An');
		await page.getByLabel('Đơn vị hành chính nơi tổ chức').selectOption({ label: 'Phường Chiềng An' });
		await page.getByLabel('Bắt đầu').fill(vietnamDateTime(11, '19:00'));
		await page.getByLabel('Kết thúc').fill(vietnamDateTime(11, '20:30'));
		await page.getByRole('button', { name: 'Tạo hoạt động' }).click();
		const message = page.getByText(/Phường Chiềng An đang giãn cách xã hội từ/).first();
		await message.waitFor();
		const [y1, m1, d1] = from.split('-');
		const [y2, m2, d2] = to.split('-');
		expect(await message.textContent()).toContain(`từ ${d1}/${m1}/${y1} đến ${d2}/${m2}/${y2}`);
		await expectAccessible(page);
		expect(await page.getByLabel('Tên hoạt động').inputValue()).toBe(TITLE);
		expect(await page.getByLabel('Địa điểm', { exact: true }).inputValue()).toBe('Thư viện phường Chiềng An');

		// Held online instead, it is created.
		await page.getByLabel('Trực tuyến', { exact: true }).check();
		await page.getByLabel('Nền tảng trực tuyến').selectOption({ label: 'Google Meet' });
		await page.getByLabel('Đường dẫn phòng họp').fill('https://meet.google.com/doc-sach-cung-con');
		await page.getByRole('button', { name: 'Tạo hoạt động' }).click();
		await page.waitForURL(/\/activities\/[0-9a-f-]{36}\/manage\?notice=created$/);
	});
});
