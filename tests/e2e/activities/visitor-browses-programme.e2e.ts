// A visitor browses the Office's programme of the 2021 Week by day, filters it without JavaScript,
// registers as a guest for an upcoming online seminar, reads their ticket and cancels; an unknown
// certificate code is refused.
import { describe, expect, it } from 'vitest';
import { expectAccessible, useBrowser } from '../support';

const browser = useBrowser();

const OPENING = 'Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2021';
const SEMINAR_2021 = 'Tọa đàm "Chuyển đổi số và cơ hội học tập suốt đời cho tất cả mọi người"';
const READING = 'Ngày hội đọc sách và giới thiệu tủ sách điện tử';
const UPCOMING = 'Tọa đàm trực tuyến "Học tập suốt đời trong kỷ nguyên số"';

describe('a visitor', () => {
	it('browses the programme by day, filters it, registers for an activity, reads the ticket and cancels', async () => {
		const page = await browser.page();
		await page.goto('/');
		await page.getByRole('listitem').filter({ hasText: 'Văn phòng UBND tỉnh' }).filter({ hasText: '01/10/2021' }).getByRole('link').click();
		await page.waitForURL(/\/campaigns\/[^/]+$/);
		await page.getByRole('link', { name: 'Chương trình hoạt động của Tuần lễ' }).click();
		await page.waitForURL(/\/programme$/);
		await expectAccessible(page);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Chương trình hoạt động');

		// By day, each day named in Vietnamese: 01/10/2021 was a Friday.
		const friday = page.getByRole('region', { name: 'Thứ Sáu, 01/10/2021' });
		const opening = friday.getByRole('article').filter({ hasText: OPENING });
		expect(await opening.textContent()).toContain('08:00–09:30');
		expect(await opening.textContent()).toContain('Kết hợp trực tiếp và trực tuyến');
		expect(await opening.textContent()).toContain('Đơn vị chủ trì: Trung tâm Thông tin');
		expect(await page.getByRole('region', { name: 'Thứ Bảy, 02/10/2021' }).getByRole('link', { name: SEMINAR_2021 }).count()).toBe(1);
		// Meeting links are for registrants only.
		expect(await page.content()).not.toMatch(/zoom\.us|meet\.google\.com/);

		// The filters are a plain GET form: online activities only.
		await page.getByLabel('Hình thức').selectOption({ label: 'Trực tuyến' });
		await page.getByRole('button', { name: 'Lọc' }).click();
		await page.waitForURL(/mode=online/);
		await expectAccessible(page);
		expect(await page.getByRole('link', { name: SEMINAR_2021 }).count()).toBe(1);
		expect(await page.getByRole('link', { name: OPENING }).count()).toBe(0);
		expect(await page.getByLabel('Hình thức').inputValue()).toBe('online');

		// Search without diacritics finds the reading day; clearing the filters shows everything again.
		await page.getByRole('link', { name: 'Bỏ lọc' }).click();
		await page.getByRole('searchbox', { name: 'Tìm theo tên, nội dung' }).fill('doc sach');
		await page.getByRole('button', { name: 'Lọc' }).click();
		await page.waitForURL(/q=doc\+sach/);
		expect(await page.getByRole('link', { name: READING }).count()).toBe(1);
		expect(await page.getByRole('link', { name: OPENING }).count()).toBe(0);
		await page.getByRole('link', { name: 'Bỏ lọc' }).click();
		await page.waitForURL(/\/programme$/);
		expect(await page.getByRole('link', { name: OPENING }).count()).toBe(1);

		// The programme as a calendar feed.
		const ics = await page.request.get(await page.getByRole('link', { name: /Thêm chương trình vào lịch/ }).getAttribute('href') as string);
		expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
		const feed = (await ics.text()).replace(/\r\n[ \t]/g, '');
		expect(feed).toContain('SUMMARY:Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2021');
		expect(feed).not.toMatch(/zoom\.us|meet\.google\.com/);

		// The upcoming online seminar's page: Open Graph tags and a share block.
		await page.getByRole('link', { name: UPCOMING }).click();
		await page.waitForURL(/\/activities\/[0-9a-f-]{36}$/);
		await expectAccessible(page);
		const activityUrl = page.url();
		expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(UPCOMING);
		expect(await page.locator('meta[property="og:url"]').getAttribute('content')).toBe(activityUrl);
		expect(await page.locator('meta[property="og:description"]').getAttribute('content')).toContain('Trực tuyến qua Zoom');
		expect(await page.getByRole('textbox', { name: 'Đường dẫn của trang' }).inputValue()).toBe(activityUrl);
		expect(await page.getByRole('link', { name: /Chia sẻ lên Facebook/ }).getAttribute('href')).toContain(encodeURIComponent(activityUrl));
		expect(await page.content()).not.toContain('zoom.us/j/');

		// A guest registers: no consent box is ticked beforehand; without a name or contact the form
		// is refused and keeps what was typed.
		for (const box of await page.getByRole('checkbox').all()) expect(await box.isChecked()).toBe(false);
		await page.getByRole('checkbox', { name: /nhận thư nhắc lịch/ }).check();
		await page.getByLabel('Bạn thuộc nhóm đối tượng nào?').selectOption({ label: 'Giáo viên' });
		await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
		await page.getByText('Nhập e-mail hoặc số điện thoại để nhận xác nhận.').waitFor();
		await expectAccessible(page);
		expect(await page.getByRole('alert').first().textContent()).toContain('Thông tin chưa hợp lệ');
		expect(await page.getByRole('checkbox', { name: /nhận thư nhắc lịch/ }).isChecked()).toBe(true);
		expect(await page.getByLabel('Bạn thuộc nhóm đối tượng nào?').inputValue()).toBe('giao_vien');
		await page.getByRole('textbox', { name: /Họ và tên/ }).fill('Tòng Thị Thu');
		await page.getByRole('textbox', { name: 'Số điện thoại' }).fill('0912 777 321');
		await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
		await page.waitForURL(/\/registrations\/[A-Za-z0-9_-]+\?notice=registered$/);
		await expectAccessible(page);
		expect(await page.getByRole('status').textContent()).toContain('Đăng ký thành công');
		expect(await page.getByRole('region', { name: 'Đăng ký của Tòng Thị Thu' }).textContent()).toContain('Đã đăng ký');
		expect(await page.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex');
		// The join link goes through LearnWeek (which records the join), never straight to Zoom.
		expect(await page.getByRole('link', { name: 'Vào phòng họp trực tuyến' }).getAttribute('href')).toMatch(/^\/join\//);
		expect(await page.content()).not.toContain('zoom.us/j/');

		// Cancelling asks for a confirmation first.
		await page.getByRole('button', { name: 'Huỷ đăng ký' }).click();
		await page.getByText('Đánh dấu ô xác nhận để huỷ đăng ký.').waitFor();
		expect(await page.getByRole('region', { name: 'Đăng ký của Tòng Thị Thu' }).textContent()).toContain('Đã đăng ký');
		await page.getByRole('checkbox', { name: 'Tôi xác nhận muốn huỷ đăng ký này' }).check();
		await page.getByRole('button', { name: 'Huỷ đăng ký' }).click();
		await page.waitForURL(/notice=cancelled$/);
		await expectAccessible(page);
		expect(await page.getByRole('status').textContent()).toContain('Đã huỷ đăng ký của bạn.');
		expect(await page.getByRole('region', { name: 'Đăng ký của Tòng Thị Thu' }).textContent()).toContain('Đã huỷ');
		expect(await page.getByRole('link', { name: 'Vào phòng họp trực tuyến' }).count()).toBe(0);
	});

	it('is told a certificate code that was never given does not exist', async () => {
		const page = await browser.page();
		const response = await page.goto('/certificates/CN-ABCDEFGHJK');
		expect(response?.status()).toBe(404);
		await expectAccessible(page);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('404');
	});
});
