// A visitor becomes a learner and reads the Office's 2021 plan in Vietnamese, then in English.
import { describe, expect, inject, it } from 'vitest';
import { waitForMail } from '../smtp';
import { expectAccessible, useBrowser } from '../support';
import { settle, signInSettled as signIn } from '../campaigns/steps';

const browser = useBrowser();
const mailbox = inject('smtpMailbox');

const THEME = 'Chuyển đổi số và cơ hội học tập suốt đời cho tất cả mọi người trong bối cảnh đại dịch COVID-19';

describe('a learner', () => {
	it('signs up (refused without consent), signs in and reads the 2021 plan in both languages', async () => {
		const page = await browser.page();
		const email = `mai.nguyen.${Date.now()}@example.vn`;
		const password = 'HocSuotDoi@2021';

		await page.goto('/sign-up');
		await settle(page);
		await expectAccessible(page);
		await page.getByRole('textbox', { name: 'Họ và tên' }).fill('Nguyễn Thị Mai');
		await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
		await page.getByLabel('Mật khẩu').fill(password);
		await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
		// Without the consent box: refused, the box named, what was typed kept (but not the password).
		await page.getByText('Cần đồng ý để tạo tài khoản.').waitFor();
		await settle(page);
		expect(await page.getByRole('alert').textContent()).toContain('Thông tin chưa hợp lệ');
		expect(await page.getByRole('textbox', { name: 'Họ và tên' }).inputValue()).toBe('Nguyễn Thị Mai');
		expect(await page.getByRole('textbox', { name: 'E-mail' }).inputValue()).toBe(email);
		expect(await page.getByRole('checkbox').getAttribute('aria-invalid')).toBe('true');
		await expectAccessible(page);

		await page.getByLabel('Mật khẩu').fill(password);
		await page.getByRole('checkbox', { name: /Tôi đồng ý/ }).check();
		await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
		await page.waitForURL((url) => url.pathname === '/sign-in');
		expect(await page.getByRole('status').textContent()).toContain('Đã tạo tài khoản');

		await signIn(page, email, password);
		// The address is not confirmed yet; the mailed link confirms it, once.
		await page.goto('/account');
		await page.getByText('Địa chỉ thư chưa được xác nhận').waitFor();
		await expectAccessible(page);
		const mail = await waitForMail(mailbox, (m) => m.to.includes(email) && m.subject === 'Xác nhận địa chỉ thư LearnWeek');
		const link = /https?:\/\/\S+\/verify-email\?token=[\w-]+/.exec(mail.text)![0];
		await page.goto(new URL(link).pathname + new URL(link).search);
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Xác nhận địa chỉ thư' }).click();
		await page.getByText(`Đã xác nhận địa chỉ thư ${email}`).waitFor();
		await page.goto('/account');
		await page.getByText('Địa chỉ thư đã được xác nhận.').waitFor();
		await page.goto(new URL(link).pathname + new URL(link).search);
		await page.getByRole('button', { name: 'Xác nhận địa chỉ thư' }).click();
		await page.getByText('Liên kết xác nhận không đúng, đã dùng hoặc đã hết hạn.', { exact: false }).waitFor();
		await page.goto('/');
		await expectAccessible(page);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Tuần lễ hưởng ứng học tập suốt đời');
		expect(await page.getByRole('button', { name: 'Đăng xuất' }).count()).toBe(1);
		// The Office's 2021 Week (the demo also keeps its 2020 edition, the maturity round's previous one).
		const officeCard = page.getByRole('listitem').filter({ hasText: 'Văn phòng UBND tỉnh' }).filter({ hasText: '01/10/2021' });
		expect(await officeCard.textContent()).toContain('01/10/2021 – 07/10/2021');
		expect(await officeCard.textContent()).toContain('Đã kết thúc');
		await officeCard.getByRole('link').click();
		await page.waitForURL(/\/campaigns\/[^/]+$/);
		await expectAccessible(page);

		// The plan as it was issued: its three themes, the Week's dates, its signer.
		const main = page.getByRole('main');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021');
		expect(await main.textContent()).toContain('Số: 01/KH-VPUB');
		expect(await main.textContent()).toContain('Sơn La, ngày 14 tháng 9 năm 2021');
		await page.getByRole('heading', { name: 'Chủ đề' }).waitFor();
		const themes = page.getByRole('region', { name: 'Chủ đề' }).getByRole('listitem');
		expect(await themes.count()).toBe(3);
		expect(await themes.first().textContent()).toBe(`“${THEME}”`);
		expect(await page.getByRole('region', { name: 'Thời gian' }).textContent()).toContain('Từ 01/10/2021 đến 07/10/2021');
		expect(await page.getByRole('region', { name: 'Thời gian' }).textContent()).toContain('Đã kết thúc');
		expect(await page.getByRole('region', { name: 'Người ký' }).textContent()).toMatch(/KT\. CHÁNH VĂN PHÒNG.*PHÓ CHÁNH VĂN PHÒNG.*Lê Thị Hồng Anh/);
		// It implements the province's plan, which is on LearnWeek too.
		const parentLink = page.getByRole('region', { name: 'Căn cứ' }).getByRole('link');
		expect(await parentLink.textContent()).toContain('Kế hoạch số 212/KH-UBND ngày 14/9/2021');
		expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe('Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021 — Văn phòng UBND tỉnh');
		expect(await page.locator('meta[property="og:locale"]').getAttribute('content')).toBe('vi_VN');
		expect(await page.locator('meta[property="og:description"]').getAttribute('content')).toContain(THEME);
		const planPath = new URL(page.url()).pathname;

		// The language link: the same plan, the English interface.
		await page.getByRole('link', { name: 'English' }).click();
		await page.waitForURL((url) => url.pathname === `/en${planPath}`);
		await expectAccessible(page);
		expect(await page.locator('html').getAttribute('lang')).toBe('en');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021');
		await page.getByRole('heading', { name: 'Themes' }).waitFor();
		expect(await page.getByRole('region', { name: 'Themes' }).getByRole('listitem').first().textContent()).toBe(`“${THEME}”`);
		expect(await page.getByRole('region', { name: 'Dates' }).textContent()).toContain('From 01/10/2021 to 07/10/2021');
		expect(await page.getByRole('region', { name: 'Dates' }).textContent()).toContain('Ended');
		expect(await page.getByRole('region', { name: 'Signed by' }).textContent()).toContain('Lê Thị Hồng Anh');
		expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
		expect(await page.getByRole('link', { name: 'Tiếng Việt' }).count()).toBe(1);
		expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe('Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021 — Văn phòng UBND tỉnh');
		expect(await page.locator('meta[property="og:locale"]').getAttribute('content')).toBe('en_US');
		expect(await page.locator('meta[property="og:url"]').getAttribute('content')).toMatch(new RegExp(`/en${planPath}$`));

		// The English home page lists the same campaigns.
		await page.getByRole('link', { name: 'All plans' }).click();
		await page.waitForURL((url) => url.pathname === '/en' || url.pathname === '/en/');
		await expectAccessible(page);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Lifelong Learning Week');
		expect(await page.getByRole('heading', { name: 'Past weeks' }).count()).toBe(1);
	});
});
