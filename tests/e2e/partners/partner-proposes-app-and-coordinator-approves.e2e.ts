import { describe, expect, it } from 'vitest';
import { demo, expectAccessible, signIn, useBrowser } from '../support';

const browser = useBrowser();
const APP = 'Cùng bé học chữ';

describe('apps directory (M12)', () => {
	it('the demo partner proposes an app, the coordinator refuses a bare rejection and approves it, and it appears on /apps for its ages', async () => {
		// Viettel Sơn La's account reaches its partner page and the apps pages, and nothing else of the back office.
		const partner = await browser.page();
		await signIn(partner, demo.partner);
		await partner.getByRole('link', { name: 'Quản trị', exact: true }).click();
		await partner.getByRole('heading', { level: 1, name: 'Quản trị' }).waitFor();
		const nav = partner.getByRole('navigation', { name: 'Điều hướng quản trị' });
		expect(await nav.getByRole('link', { name: 'Cơ quan, đơn vị' }).count()).toBe(0);
		expect((await partner.goto('/admin/org'))?.status()).toBe(403);
		await partner.goto('/admin');

		await nav.getByRole('link', { name: 'Đối tác', exact: true }).click();
		await partner.getByRole('heading', { level: 1, name: 'Đối tác' }).waitFor();
		await expectAccessible(partner);
		const rows = partner.locator('table tbody tr');
		expect(await rows.count()).toBe(1);
		await rows.getByRole('link', { name: 'Viettel Sơn La' }).click();
		await partner.getByRole('heading', { level: 1, name: 'Viettel Sơn La' }).waitFor();
		expect(await partner.locator('#sponsorships').textContent()).toContain('150.000.000 đ');
		expect(await partner.getByRole('button', { name: 'Ghi nhận tài trợ' }).count()).toBe(0);
		await expectAccessible(partner);

		await nav.getByRole('link', { name: 'Ứng dụng học tập cho trẻ em', exact: true }).click();
		await partner.getByRole('heading', { level: 1, name: 'Ứng dụng học tập miễn phí cho trẻ em' }).waitFor();
		await expectAccessible(partner);
		await partner.getByRole('link', { name: 'Đề xuất ứng dụng' }).click();
		await partner.getByRole('heading', { level: 1, name: 'Đề xuất ứng dụng học tập cho trẻ em' }).waitFor();
		await expectAccessible(partner);

		// Ages the wrong way round and a plain-http address are refused, with everything typed kept.
		await partner.getByLabel('Tên ứng dụng').fill(APP);
		await partner.getByLabel('Từ tuổi').fill('6');
		await partner.getByLabel('Đến tuổi').fill('4');
		await partner.getByLabel('Android').check();
		await partner.getByLabel('iOS').check();
		await partner.getByLabel('Địa chỉ trang web hoặc trang tải ứng dụng').fill('http://cungbehocchu.example.vn');
		await partner.getByLabel('Giấy phép sử dụng').selectOption('free');
		await partner.getByLabel('Giới thiệu').fill('Bé làm quen mặt chữ và ghép vần tiếng Việt qua trò chơi, có giọng đọc.');
		await partner.getByRole('button', { name: 'Gửi đề xuất' }).click();
		await partner.getByRole('alert').waitFor();
		expect(await partner.locator('#f-ageMax-error').textContent()).toBe('Tuổi lớn nhất không được nhỏ hơn tuổi nhỏ nhất.');
		expect(await partner.locator('#f-url-error').textContent()).toBe('Địa chỉ phải là một trang web bắt đầu bằng https://.');
		expect(await partner.getByLabel('Tên ứng dụng').inputValue()).toBe(APP);
		expect(await partner.getByLabel('iOS').isChecked()).toBe(true);
		await expectAccessible(partner);

		await partner.getByLabel('Từ tuổi').fill('4');
		await partner.getByLabel('Đến tuổi').fill('6');
		await partner.getByLabel('Địa chỉ trang web hoặc trang tải ứng dụng').fill('https://cungbehocchu.example.vn');
		await partner.getByRole('button', { name: 'Gửi đề xuất' }).click();
		await partner.getByText('Đã gửi đề xuất. Điều phối viên sẽ xem xét, duyệt.').waitFor();
		const mine = partner.locator('section[aria-labelledby="mine-heading"] tbody tr', { hasText: APP });
		expect(await mine.textContent()).toContain('Chờ duyệt');
		await expectAccessible(partner);

		// Not yet in the public directory.
		const visitor = await browser.page();
		await visitor.goto('/apps');
		await visitor.getByRole('heading', { level: 1, name: 'Ứng dụng học tập miễn phí cho trẻ em' }).waitFor();
		expect(await visitor.getByRole('heading', { name: APP }).count()).toBe(0);
		expect(await visitor.getByRole('heading', { name: 'VioEdu' }).count()).toBe(1);
		await expectAccessible(visitor);

		// The coordinator finds it in the queue with the partner's name; a rejection needs a reason.
		const coordinator = await browser.page();
		await signIn(coordinator, demo.coordinator);
		await coordinator.goto('/admin/apps');
		await coordinator.getByRole('heading', { level: 1, name: 'Ứng dụng học tập miễn phí cho trẻ em' }).waitFor();
		const item = coordinator.locator('li', { has: coordinator.getByRole('heading', { name: APP }) });
		expect(await item.textContent()).toContain('đối tác Viettel Sơn La');
		await expectAccessible(coordinator);
		await item.getByRole('button', { name: `Không duyệt ${APP}` }).click();
		await coordinator.getByText('Ghi rõ lý do không duyệt để người đề xuất biết.').waitFor();
		await expectAccessible(coordinator);
		await coordinator.locator('li', { has: coordinator.getByRole('heading', { name: APP }) }).getByRole('button', { name: `Duyệt ${APP}`, exact: true }).click();
		await coordinator.getByText('Đã duyệt ứng dụng; ứng dụng đã có trong danh mục công khai.').waitFor();
		expect(await coordinator.getByRole('heading', { name: APP }).count()).toBe(0);

		// The public finds it by the child's age, and not for an older child.
		await visitor.goto('/apps');
		await visitor.getByLabel('Độ tuổi của trẻ').selectOption('5');
		await visitor.getByLabel('Nền tảng').selectOption('ios');
		await visitor.getByRole('button', { name: 'Lọc' }).click();
		await visitor.waitForURL(/age=5/);
		const card = visitor.locator('li', { has: visitor.getByRole('heading', { name: APP }) });
		expect(await card.textContent()).toContain('4–6 tuổi');
		expect(await card.textContent()).toContain('Android, iOS');
		const link = card.getByRole('link', { name: `Mở ${APP}` });
		expect(await link.getAttribute('href')).toBe('https://cungbehocchu.example.vn');
		expect(await link.getAttribute('rel')).toBe('noopener');
		expect(await visitor.getByRole('heading', { name: 'OLM.vn' }).count()).toBe(0);
		await expectAccessible(visitor);
		await visitor.goto('/apps?q=cung+be+hoc+chu');
		expect(await visitor.getByRole('heading', { name: APP }).count()).toBe(1);
		await visitor.goto('/apps?age=12');
		expect(await visitor.getByRole('heading', { name: APP }).count()).toBe(0);
		expect(await visitor.getByRole('heading', { name: 'OLM.vn' }).count()).toBe(1);

		// The partner sees the decision.
		await partner.goto('/admin/apps');
		expect(await partner.locator('section[aria-labelledby="mine-heading"] tbody tr', { hasText: APP }).textContent()).toContain('Đã duyệt');
	});

	it('the coordinator records a sponsorship on a partner’s page, refusing a negative value', async () => {
		const page = await browser.page();
		await signIn(page, demo.coordinator);
		await page.goto('/admin/partners');
		await page.getByRole('heading', { level: 1, name: 'Đối tác' }).waitFor();
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Báo Sơn La' }).click();
		await page.getByRole('heading', { level: 1, name: 'Báo Sơn La' }).waitFor();
		await expectAccessible(page);
		const form = page.locator('form[action="?/sponsor"]');
		await form.getByLabel('Kế hoạch Tuần lễ').selectOption({ index: 1 });
		await form.getByLabel('Tiền mặt').check();
		await form.getByLabel('Giá trị (đồng)').fill('-5.000.000');
		await form.getByLabel('Ngày nhận').fill('05/10/2021');
		await form.getByLabel('Nội dung tài trợ').fill('Hỗ trợ in ấn tài liệu tuyên truyền.');
		await form.getByRole('button', { name: 'Ghi nhận tài trợ' }).click();
		await page.locator('#f-valueVnd-error').waitFor();
		expect(await page.locator('#f-valueVnd-error').textContent()).toBe('Giá trị phải là số tiền dương, tính bằng đồng (ví dụ 20.000.000).');
		expect(await form.getByLabel('Nội dung tài trợ').inputValue()).toBe('Hỗ trợ in ấn tài liệu tuyên truyền.');
		await expectAccessible(page);
		await form.getByLabel('Giá trị (đồng)').fill('5.000.000');
		await form.getByRole('button', { name: 'Ghi nhận tài trợ' }).click();
		await page.getByText('Đã ghi nhận tài trợ.').waitFor();
		expect(await page.locator('#sponsorships tfoot').textContent()).toContain('25.000.000 đ');
		await expectAccessible(page);
	});
});
