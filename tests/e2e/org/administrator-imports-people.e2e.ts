import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demo, expectAccessible, signIn, useBrowser } from '../support';

const browser = useBrowser();
const fixture = (name: string) => fileURLToPath(new URL(`../../../src/lib/server/org/fixtures/${name}`, import.meta.url));

const PEOPLE_KIND = 'Nhân sự (cán bộ, công chức, viên chức, người lao động)';
const UNITS_KIND = 'Đơn vị trực thuộc';
const ORG_LABEL = 'Nhập vào cơ quan, đơn vị';
const FILE_LABEL = 'Tệp CSV hoặc Excel (.xlsx)';

const REASON = {
	missingName: 'Thiếu họ tên (cần có cả họ và tên).',
	badEmail: 'E-mail không hợp lệ.',
	badPhone: 'Số điện thoại không hợp lệ.',
	unknownUnit: 'Không tìm thấy đơn vị trong tổ chức.',
	unknownCategory: 'Loại (ngạch) không hợp lệ: công chức, viên chức, người lao động hoặc khác.',
	duplicate: 'Trùng với một dòng phía trên trong tệp.',
	exists: 'Đã có trong hệ thống.',
	unknownGroup: 'Nhóm người học không hợp lệ.'
};

let page: Page;

beforeAll(async () => {
	page = await browser.page();
	await signIn(page, demo.administrator);
});

/** The total the people list reports ("Tìm thấy 31 người."). */
async function peopleCount(): Promise<number> {
	await page.goto('/admin/people');
	const text = (await page.getByText(/^Tìm thấy \d+ người\.$/).textContent()) ?? '';
	return Number(/\d+/.exec(text)?.[0]);
}

/** How many people the list shows under exactly this full name, searched without diacritics. */
async function peopleNamed(name: string): Promise<number> {
	const q = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd');
	await page.goto(`/admin/people?q=${encodeURIComponent(q)}`);
	return (await page.locator('tbody th').allTextContents()).filter((t) => t.trim() === name).length;
}

/** Chooses the kind, the Văn phòng UBND tỉnh and a file on the upload form, and sends it. */
async function upload(kind: string, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
	await page.goto('/admin/import');
	await expectAccessible(page);
	await page.getByRole('radio', { name: kind }).check();
	const org = page.getByLabel(ORG_LABEL);
	await org.selectOption((await org.locator('option', { hasText: 'Văn phòng UBND tỉnh' }).getAttribute('value')) ?? '');
	await page.getByLabel(FILE_LABEL).setInputFiles(typeof file === 'string' ? fixture(file) : file);
	await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
	await page.waitForLoadState('load');
}

/** Line → the reasons shown for it in the table of bad rows. */
async function badRows(): Promise<Record<number, string[]>> {
	const table = page.getByRole('table', { name: 'Dòng có lỗi (sẽ không được nhập)' });
	const out: Record<number, string[]> = {};
	for (const row of await table.locator('tbody tr').all()) out[Number(await row.locator('th').textContent())] = (await row.locator('li').allTextContents()).sort();
	return out;
}

async function goodLines(): Promise<number[]> {
	const table = page.getByRole('table', { name: 'Dòng hợp lệ' });
	return (await table.locator('tbody th').allTextContents()).map(Number);
}

const sorted = (list: string[]) => [...list].sort();

describe('the administrator imports a staff list into the Văn phòng UBND tỉnh', () => {
	it('sees each bad row of the CSV with its reasons, nothing written, then exactly the good rows imported once', async () => {
		const before = await peopleCount();
		await upload(PEOPLE_KIND, 'people.csv');
		await page.waitForURL(/\/admin\/import\/[0-9a-f-]{36}$/);
		await expectAccessible(page);
		const previewUrl = page.url();

		expect(await page.getByTestId('import-summary').textContent()).toBe('5 dòng hợp lệ, 7 dòng có lỗi.');
		expect(await badRows()).toEqual({
			9: [REASON.missingName],
			10: sorted([REASON.badEmail, REASON.badPhone]),
			11: [REASON.unknownUnit],
			12: [REASON.unknownCategory],
			13: [REASON.duplicate],
			14: [REASON.exists],
			15: [REASON.unknownGroup]
		});
		// The bad row's values are shown as they were typed.
		const line10 = page.getByRole('table', { name: 'Dòng có lỗi (sẽ không được nhập)' }).locator('tbody tr', { hasText: 'ngoc.ttb@sonla' });
		expect(await line10.textContent()).toContain('0912 66');
		expect(await goodLines()).toEqual([4, 5, 6, 7, 8]);

		// Nothing is written before the confirmation.
		expect(await peopleCount()).toBe(before);
		expect(await peopleNamed('Lò Thị Thu')).toBe(0);
		await expectAccessible(page);

		await page.goto(previewUrl);
		await page.getByRole('button', { name: 'Xác nhận: nhập 5 dòng hợp lệ' }).click();
		await page.getByText('Đã nhập 5 dòng.').waitFor();
		await expectAccessible(page);
		expect(await page.getByRole('button', { name: /Xác nhận/ }).count()).toBe(0);
		expect(await peopleCount()).toBe(before + 5);

		// The same confirmation posted again writes nothing more.
		const again = await page.request.post(`${previewUrl}?/confirm`, { headers: { origin: browser.baseURL, accept: 'text/html' }, form: {} });
		expect(again.status()).toBe(200);
		expect(await peopleCount()).toBe(before + 5);

		for (const name of ['Nguyễn Văn Quyết', 'Lò Thị Thu', 'Cầm Văn Tính', 'Giàng Thị Dợ', 'Hoàng Minh Châu', 'Lê Thị Hồng Anh']) {
			expect(await peopleNamed(name), name).toBe(1);
		}
		for (const name of ['Trần Thị Bích Ngọc', 'Phạm Văn Lâm', 'Vì Văn Sơn', 'Tòng Thị Én']) {
			expect(await peopleNamed(name), name).toBe(0);
		}
	});

	it('does the same with the XLSX list', async () => {
		const before = await peopleCount();
		await upload(PEOPLE_KIND, 'people.xlsx');
		await page.waitForURL(/\/admin\/import\/[0-9a-f-]{36}$/);
		await expectAccessible(page);
		expect(await page.getByTestId('import-summary').textContent()).toBe('4 dòng hợp lệ, 5 dòng có lỗi.');
		expect(await badRows()).toEqual({
			9: [REASON.missingName],
			10: sorted([REASON.badEmail, REASON.badPhone, REASON.unknownUnit]),
			11: [REASON.exists],
			12: [REASON.duplicate],
			13: sorted([REASON.unknownCategory, REASON.unknownGroup])
		});
		expect(await goodLines()).toEqual([4, 5, 6, 7]);
		const previewUrl = page.url();
		expect(await peopleCount()).toBe(before);
		expect(await peopleNamed('Đinh Văn Khoa')).toBe(0);

		await page.goto(previewUrl);
		await page.getByRole('button', { name: 'Xác nhận: nhập 4 dòng hợp lệ' }).click();
		await page.getByText('Đã nhập 4 dòng.').waitFor();
		expect(await peopleCount()).toBe(before + 4);
		for (const name of ['Đinh Văn Khoa', 'Lường Thị Hạnh', 'Mùa A Sính', 'Nguyễn Thị Kim Oanh']) {
			expect(await peopleNamed(name), name).toBe(1);
		}
		for (const name of ['Bạc Văn Hải', 'Hà Văn Toàn', 'Lò Văn Nam']) {
			expect(await peopleNamed(name), name).toBe(0);
		}
	});

	it('discards a preview without writing anything', async () => {
		const before = await peopleCount();
		await upload(PEOPLE_KIND, 'people.csv');
		await page.waitForURL(/\/admin\/import\/[0-9a-f-]{36}$/);
		await page.getByRole('button', { name: 'Hủy bỏ' }).click();
		await page.getByText('Đã hủy lần nhập này; không có dữ liệu nào được ghi.').waitFor();
		await expectAccessible(page);
		expect(await peopleCount()).toBe(before);
	});

	it('names the missing columns and a file of the wrong type on the upload form, keeping the kind and organisation chosen', async () => {
		await upload(UNITS_KIND, 'people.csv');
		expect(new URL(page.url()).pathname).toBe('/admin/import');
		await expectAccessible(page);
		expect(await page.locator('#f-file-error').textContent()).toBe('Tệp thiếu cột bắt buộc: Tên đơn vị, Mã.');
		expect(await page.getByRole('radio', { name: UNITS_KIND }).isChecked()).toBe(true);
		const org = page.getByLabel(ORG_LABEL);
		expect(await org.locator('option:checked').textContent()).toContain('Văn phòng UBND tỉnh');
		expect(await page.getByLabel(FILE_LABEL).getAttribute('aria-invalid')).toBe('true');

		await upload(PEOPLE_KIND, { name: 'anh-the.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]) });
		expect(await page.locator('#f-file-error').textContent()).toBe('Chỉ nhận tệp CSV hoặc Excel (.xlsx).');
		expect(await page.getByRole('radio', { name: PEOPLE_KIND }).isChecked()).toBe(true);
		expect(await org.locator('option:checked').textContent()).toContain('Văn phòng UBND tỉnh');

		await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
		await page.waitForLoadState('load');
		expect(await page.locator('#f-file-error').textContent()).toBe('Vui lòng chọn tệp.');
	});

	it('refuses a file over the limit (IMPORT_MAX_BYTES, 5 MB by default) with the limit named', async () => {
		const line = 'Nguyễn Văn An,TH,an@sonla.gov.vn\n';
		const big = Buffer.from('Họ và tên,Đơn vị,Email\n' + line.repeat(Math.ceil((5.2 * 1024 * 1024) / Buffer.byteLength(line))));
		await upload(PEOPLE_KIND, { name: 'qua-lon.csv', mimeType: 'text/csv', buffer: big });
		expect(new URL(page.url()).pathname).toBe('/admin/import');
		expect(await page.locator('#f-file-error').textContent()).toBe('Tệp quá lớn: tối đa 5 MB.');
		expect(await page.getByRole('alert').textContent()).toBe('Tệp quá lớn.');
		await expectAccessible(page);
	});
});
