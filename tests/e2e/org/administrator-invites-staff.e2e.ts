import { describe, expect, it } from 'vitest';
import { demo, expectAccessible, signIn, useBrowser } from '../support';

const browser = useBrowser();

describe('the administrator invites a staff member and revokes the role', () => {
	it('sends the invitation to the outbox, lists the new grant, then revokes it', async () => {
		const page = await browser.page();
		await signIn(page, demo.administrator);
		await page.goto('/admin/accounts');
		await expectAccessible(page);
		const rows = page.locator('tbody tr');
		expect(await rows.filter({ hasText: 'quantri@demo.learnweek.vn' }).locator('td').nth(1).textContent()).toBe('Quản trị viên');
		// No one revokes their own role by a click.
		expect(await rows.filter({ hasText: 'quantri@demo.learnweek.vn' }).getByRole('button').count()).toBe(0);

		const name = page.getByRole('textbox', { name: 'Họ và tên', exact: true });
		const email = page.getByRole('textbox', { name: 'E-mail', exact: true });
		const org = page.getByRole('combobox', { name: 'Cơ quan, đơn vị', exact: true });
		await name.fill('Lò Văn Mạnh');
		await email.fill('manhlv@sonla');
		await org.selectOption((await org.locator('option', { hasText: 'Phòng Tổng hợp' }).getAttribute('value')) ?? '');
		await page.getByRole('combobox', { name: 'Vai trò', exact: true }).selectOption({ label: 'Điều phối' });
		await page.getByRole('button', { name: 'Gửi thư mời' }).click();
		await page.getByRole('alert').waitFor();
		expect(await page.locator('#f-email-error').textContent()).toBe('Địa chỉ e-mail không hợp lệ.');
		expect(await name.inputValue()).toBe('Lò Văn Mạnh');
		expect(await org.locator('option:checked').textContent()).toContain('Phòng Tổng hợp');
		await expectAccessible(page);

		await email.fill('ManhLV@sonla.gov.vn');
		await page.getByRole('button', { name: 'Gửi thư mời' }).click();
		await page.getByText('Đã gửi thư mời tới manhlv@sonla.gov.vn.').waitFor();
		await expectAccessible(page);
		const granted = rows.filter({ hasText: 'manhlv@sonla.gov.vn' });
		expect(await granted.locator('th').textContent()).toBe('Lò Văn Mạnh');
		expect((await granted.locator('td').allTextContents()).map((t) => t.trim())).toEqual(['manhlv@sonla.gov.vn', 'Điều phối', 'Phòng Tổng hợp', 'Thu hồi vai trò Điều phối của Lò Văn Mạnh tại Phòng Tổng hợp']);

		// Without SMTP_URL the mail waits in the outbox page.
		await page.getByRole('link', { name: 'Hộp thư đi' }).last().click();
		await page.waitForURL('**/admin/outbox');
		expect(await page.locator('tbody tr', { hasText: 'manhlv@sonla.gov.vn' }).count()).toBe(1);

		await page.goto('/admin/accounts');
		await page.getByRole('button', { name: 'Thu hồi vai trò Điều phối của Lò Văn Mạnh tại Phòng Tổng hợp' }).click();
		await page.getByText('Đã thu hồi vai trò.').waitFor();
		expect(await rows.filter({ hasText: 'manhlv@sonla.gov.vn' }).count()).toBe(0);
		await expectAccessible(page);
	});
});
