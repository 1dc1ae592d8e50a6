import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demo, expectAccessible, signIn, useBrowser } from '../support';

const browser = useBrowser();
let page: Page;

beforeAll(async () => {
	page = await browser.page();
	await signIn(page, demo.administrator);
});

/** The error shown under a field, found through the field's aria-describedby. */
async function fieldError(label: string): Promise<string | null> {
	const field = page.getByRole('textbox', { name: label, exact: true });
	if ((await field.getAttribute('aria-invalid')) !== 'true') return null;
	const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter((id) => id.endsWith('-error'));
	return ids.length ? page.locator(`#${ids[0]}`).textContent() : null;
}

async function chooseUnit(label: string, unit: string): Promise<void> {
	const select = page.getByRole('combobox', { name: label, exact: true });
	await select.selectOption((await select.locator('option', { hasText: unit }).first().getAttribute('value')) ?? '');
}

describe('the administrator records and edits a person', () => {
	it('keeps what was typed and names each field at fault in Vietnamese, then saves the corrected person', async () => {
		await page.goto('/admin/people/new');
		await expectAccessible(page);
		await page.getByRole('textbox', { name: 'Họ', exact: true }).fill('Lò');
		await page.getByRole('textbox', { name: 'Tên đệm', exact: true }).fill('Thị');
		await page.getByRole('textbox', { name: 'Tên', exact: true }).fill('Phượng');
		await chooseUnit('Đơn vị', 'Trung tâm Thông tin');
		await page.getByRole('textbox', { name: 'Chức vụ', exact: true }).fill('Biên tập viên');
		await page.getByRole('combobox', { name: 'Loại cán bộ', exact: true }).selectOption({ label: 'Viên chức' });
		await page.getByRole('checkbox', { name: 'Phụ nữ' }).check();
		await page.getByRole('checkbox', { name: 'Đồng bào dân tộc thiểu số' }).check();
		await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill('phuonglt@sonla');
		await page.getByRole('textbox', { name: 'Điện thoại', exact: true }).fill('0123');
		await page.getByRole('button', { name: 'Lưu' }).click();
		await page.getByRole('alert').waitFor();

		expect(await page.getByRole('alert').textContent()).toBe('Thông tin chưa hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.');
		expect(await fieldError('Điện thoại')).toBe('Số điện thoại không hợp lệ (ví dụ 0912 345 678).');
		expect(await fieldError('E-mail')).toBe('Địa chỉ e-mail không hợp lệ.');
		expect(await fieldError('Họ')).toBeNull();
		expect(await fieldError('Tên')).toBeNull();
		// Everything typed is still there.
		expect(await page.getByRole('textbox', { name: 'Họ', exact: true }).inputValue()).toBe('Lò');
		expect(await page.getByRole('textbox', { name: 'Tên đệm', exact: true }).inputValue()).toBe('Thị');
		expect(await page.getByRole('textbox', { name: 'Tên', exact: true }).inputValue()).toBe('Phượng');
		expect(await page.getByRole('textbox', { name: 'Chức vụ', exact: true }).inputValue()).toBe('Biên tập viên');
		expect(await page.getByRole('textbox', { name: 'Điện thoại', exact: true }).inputValue()).toBe('0123');
		expect(await page.getByRole('textbox', { name: 'E-mail', exact: true }).inputValue()).toBe('phuonglt@sonla');
		expect(await page.getByRole('combobox', { name: 'Đơn vị', exact: true }).locator('option:checked').textContent()).toContain('Trung tâm Thông tin');
		expect(await page.getByRole('combobox', { name: 'Loại cán bộ', exact: true }).locator('option:checked').textContent()).toBe('Viên chức');
		expect(await page.getByRole('checkbox', { name: 'Phụ nữ' }).isChecked()).toBe(true);
		expect(await page.getByRole('checkbox', { name: 'Đồng bào dân tộc thiểu số' }).isChecked()).toBe(true);
		expect(await page.getByRole('checkbox', { name: 'Giáo viên' }).isChecked()).toBe(false);
		await expectAccessible(page);

		// Lường Thị Phương of the Phòng Tổng hợp already has this address.
		await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill('phuonglt@sonla.gov.vn');
		await page.getByRole('textbox', { name: 'Điện thoại', exact: true }).fill('0912.345.699');
		await page.getByRole('button', { name: 'Lưu' }).click();
		await page.getByRole('alert').waitFor();
		expect(await fieldError('E-mail')).toBe('Giá trị này đã được sử dụng.');
		expect(await fieldError('Điện thoại')).toBeNull();

		await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill('phuong.lt@sonla.gov.vn');
		await page.getByRole('textbox', { name: 'Điện thoại', exact: true }).fill('0912.345.699');
		await page.getByRole('button', { name: 'Lưu' }).click();
		await page.getByText('Đã thêm Lò Thị Phượng.').waitFor();
		await expectAccessible(page);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sửa thông tin: Lò Thị Phượng');
		// The phone is shown as people read it.
		expect(await page.getByRole('textbox', { name: 'Điện thoại', exact: true }).inputValue()).toBe('0912 345 699');

		// An edit with a missing given name keeps the rest and names the field.
		await page.getByRole('textbox', { name: 'Tên', exact: true }).fill('');
		await page.getByRole('textbox', { name: 'Chức vụ', exact: true }).fill('Phó Trưởng phòng');
		await page.getByRole('button', { name: 'Lưu' }).click();
		await page.getByRole('alert').waitFor();
		expect(await fieldError('Tên')).toBe('Vui lòng nhập trường này.');
		expect(await page.getByRole('textbox', { name: 'Chức vụ', exact: true }).inputValue()).toBe('Phó Trưởng phòng');

		await page.getByRole('textbox', { name: 'Tên', exact: true }).fill('Phượng');
		await page.getByRole('checkbox', { name: 'Phụ nữ' }).uncheck();
		await page.getByRole('button', { name: 'Lưu' }).click();
		await page.getByText('Đã lưu thay đổi.').waitFor();
		expect(await page.getByRole('textbox', { name: 'Chức vụ', exact: true }).inputValue()).toBe('Phó Trưởng phòng');
		expect(await page.getByRole('checkbox', { name: 'Phụ nữ' }).isChecked()).toBe(false);
		expect(await page.getByRole('checkbox', { name: 'Đồng bào dân tộc thiểu số' }).isChecked()).toBe(true);

		// The list finds her without diacritics, in Vietnamese name order, with her phone as dialled.
		await page.goto('/admin/people?q=lo%20thi%20phuong');
		await expectAccessible(page);
		const row = page.locator('tbody tr', { hasText: 'Lò Thị Phượng' });
		expect(await row.locator('td').allTextContents()).toEqual(['Phó Trưởng phòng', 'Viên chức', 'Trung tâm Thông tin', 'phuong.lt@sonla.gov.vn', '0912 345 699']);

		// Removing her takes one button and says so.
		await row.getByRole('link', { name: 'Lò Thị Phượng' }).click();
		await page.getByRole('button', { name: 'Xóa Lò Thị Phượng' }).click();
		await page.getByText('Đã xóa Lò Thị Phượng khỏi danh sách.').waitFor();
		await expectAccessible(page);
		expect(await page.locator('tbody tr', { hasText: 'Lò Thị Phượng' }).count()).toBe(0);
	});

	it('names the same faults in English at /en/admin/people/new', async () => {
		await page.goto('/en/admin/people/new');
		await expectAccessible(page);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Add a person');
		await page.getByRole('textbox', { name: 'Family name', exact: true }).fill('Lò');
		await page.getByRole('textbox', { name: 'Given name', exact: true }).fill('Phượng');
		await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill('phuonglt@sonla');
		await page.getByRole('textbox', { name: 'Phone', exact: true }).fill('0123');
		await page.getByRole('button', { name: 'Save' }).click();
		await page.getByRole('alert').waitFor();
		expect(new URL(page.url()).pathname).toBe('/en/admin/people/new');
		expect(await page.getByRole('alert').textContent()).toBe('Some information is not valid. Please check the marked fields.');
		expect(await fieldError('Phone')).toBe('This is not a valid Vietnamese phone number (e.g. 0912 345 678).');
		expect(await fieldError('E-mail')).toBe('This is not a valid e-mail address.');
		expect(await page.getByRole('textbox', { name: 'Family name', exact: true }).inputValue()).toBe('Lò');
		expect(await page.getByRole('textbox', { name: 'Phone', exact: true }).inputValue()).toBe('0123');
		await expectAccessible(page);
	});

	it('adds a unit, is told why a unit with sub-units cannot be deleted, and deletes the empty one', async () => {
		await page.goto('/admin/org');
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Thêm đơn vị trực thuộc Trung tâm Thông tin' }).click();
		await page.waitForURL(/\/admin\/org\/new\?parent=/);
		await expectAccessible(page);
		expect(await page.getByRole('combobox', { name: 'Đơn vị cấp trên', exact: true }).locator('option:checked').textContent()).toContain('Trung tâm Thông tin');
		await page.getByRole('textbox', { name: 'Tên đơn vị', exact: true }).fill('Tổ Kỹ thuật');
		await page.getByRole('textbox', { name: 'Mã (viết tắt)', exact: true }).fill('tkt');
		await page.getByRole('textbox', { name: 'Điện thoại', exact: true }).fill('0212 3751 66');
		await page.getByRole('button', { name: 'Lưu' }).click();
		await page.getByRole('alert').waitFor();
		expect(await fieldError('Điện thoại')).toBe('Số điện thoại không hợp lệ (ví dụ 0912 345 678).');
		expect(await page.getByRole('textbox', { name: 'Tên đơn vị', exact: true }).inputValue()).toBe('Tổ Kỹ thuật');
		await page.getByRole('textbox', { name: 'Điện thoại', exact: true }).fill('0212 3751 667');
		await page.getByRole('button', { name: 'Lưu' }).click();
		await page.getByText('Đã thêm đơn vị Tổ Kỹ thuật.').waitFor();
		await expectAccessible(page);
		expect(await page.getByRole('textbox', { name: 'Mã (viết tắt)', exact: true }).inputValue()).toBe('TKT');

		// The Trung tâm Thông tin has people and now a sub-unit: deleting it is refused with the reason.
		await page.goto('/admin/org');
		await page.getByRole('link', { name: 'Sửa Trung tâm Thông tin' }).click();
		await page.getByRole('button', { name: 'Xóa đơn vị Trung tâm Thông tin' }).click();
		await page.getByRole('alert').waitFor();
		expect(await page.getByRole('alert').textContent()).toBe('Đơn vị còn đơn vị cấp dưới; hãy chuyển hoặc xóa các đơn vị đó trước.');
		await expectAccessible(page);

		await page.goto('/admin/org');
		await page.getByRole('link', { name: 'Sửa Tổ Kỹ thuật' }).click();
		await page.getByRole('button', { name: 'Xóa đơn vị Tổ Kỹ thuật' }).click();
		await page.getByText('Đã xóa đơn vị Tổ Kỹ thuật.').waitFor();
		expect(await page.getByRole('link', { name: 'Sửa Tổ Kỹ thuật' }).count()).toBe(0);
	});

	it('downloads the people and the units of an organisation as Excel files', async () => {
		await page.goto('/admin/people');
		const [people] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải danh sách (Excel)' }).click()]);
		expect(people.suggestedFilename()).toBe('nhan-su-ubnd.xlsx');
		const res = await page.request.get('/admin/people/export?' + new URL(people.url()).searchParams);
		expect(res.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		expect([...(await res.body()).subarray(0, 2)]).toEqual([0x50, 0x4b]);

		await page.goto('/admin/org');
		const [units] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải tệp Excel' }).click()]);
		expect(units.suggestedFilename()).toBe('don-vi-ubnd.xlsx');
	});
});
