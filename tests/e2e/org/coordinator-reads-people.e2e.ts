import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demo, expectAccessible, useBrowser } from '../support';
import { callApi, createApiToken } from './api-client';

const browser = useBrowser();
let page: Page;
let token: string;

beforeAll(async () => {
	page = await browser.page();
	token = await createApiToken(page, demo.coordinator);
});

describe('the coordinator of the Văn phòng UBND tỉnh', () => {
	it('reads the people of the Office without any button to change them', async () => {
		const list = await page.goto('/admin/people?q=hoa');
		expect(list?.status()).toBe(200);
		await expectAccessible(page);
		const names = await page.locator('tbody th').allTextContents();
		expect(names).toContain('Lò Thị Hoa');
		// The Sở Giáo dục và Đào tạo is outside the coordinator's Office.
		expect(names).not.toContain('Nguyễn Văn Hòa');
		expect(await page.getByRole('link', { name: 'Thêm người' }).count()).toBe(0);

		await page.getByRole('link', { name: 'Lò Thị Hoa' }).click();
		await page.getByRole('heading', { level: 1, name: 'Thông tin: Lò Thị Hoa' }).waitFor();
		await expectAccessible(page);
		expect(await page.getByRole('button').filter({ hasText: /Lưu|Xóa/ }).count()).toBe(0);
		expect(await page.getByText('Bạn chỉ được xem thông tin; chỉ quản trị viên mới được sửa.').count()).toBe(1);
	});

	it('is refused with 403 when it asks for the forms or posts to them anyway', async () => {
		for (const path of ['/admin/people/new', '/admin/import', '/admin/accounts']) {
			const res = await page.goto(path);
			expect(res?.status(), path).toBe(403);
			expect(await page.getByRole('alert').textContent(), path).toBe('Bạn không có quyền thực hiện thao tác này.');
			await expectAccessible(page);
		}
		await page.goto('/admin/people?q=lo%20thi%20hoa');
		await page.getByRole('link', { name: 'Lò Thị Hoa' }).click();
		await page.getByRole('heading', { level: 1, name: 'Thông tin: Lò Thị Hoa' }).waitFor();
		const personUrl = page.url();
		const posted = await page.request.post(`${personUrl}?/update`, { headers: { origin: browser.baseURL, accept: 'text/html' }, form: { familyName: 'Lò', givenName: 'Hoa', position: 'Giám đốc' } });
		expect(posted.status()).toBe(403);
		const removed = await page.request.post(`${personUrl}?/delete`, { headers: { origin: browser.baseURL, accept: 'text/html' }, form: {} });
		expect(removed.status()).toBe(403);
		await page.goto(personUrl);
		expect(await page.getByText('Phó Giám đốc').count()).toBe(1);
	});

	it('sees the tree of its Office without links to add or edit units', async () => {
		await page.goto('/admin/org');
		await expectAccessible(page);
		expect(await page.getByRole('link', { name: /^Thêm đơn vị trực thuộc/ }).count()).toBe(0);
		expect(await page.getByRole('link', { name: /^Sửa / }).count()).toBe(0);
		expect(await page.getByRole('link', { name: 'Xem Văn phòng UBND tỉnh' }).count()).toBe(1);
		expect(await page.getByRole('link', { name: 'Xem UBND tỉnh Sơn La' }).count()).toBe(0);
	});

	it('reads people through the API but may not add one', async () => {
		const list = await callApi(browser.baseURL, '/people?q=lo%20thi%20hoa', { token });
		expect(list.status).toBe(200);
		expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 50 });
		expect(list.body.items[0]).toMatchObject({ fullName: 'Lò Thị Hoa', unitShortCode: 'TTTT', category: 'vien_chuc', phone: '+84399460624' });
		expect(list.body.items[0].createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
		const add = await callApi(browser.baseURL, '/people', { token, method: 'POST', body: { unitId: list.body.items[0].unitId, familyName: 'Lò', givenName: 'Mới' } });
		expect(add).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
	});
});

describe('the supervisor (Sở Giáo dục và Đào tạo, granted on the province)', () => {
	it('reads every unit and person under the province, read-only', async () => {
		const supervisor = await browser.page();
		const supervisorToken = await createApiToken(supervisor, demo.supervisor);
		const tree = await callApi(browser.baseURL, '/organisations', { token: supervisorToken });
		expect(tree.body.items[0]).toMatchObject({ shortCode: 'UBND', depth: 0, canManage: false });
		expect(tree.body.items.map((n: { shortCode: string }) => n.shortCode)).toEqual(expect.arrayContaining(['VPUB', 'TTTT', 'SGDDT']));
		const sgddt = tree.body.items.find((n: { shortCode: string }) => n.shortCode === 'SGDDT');
		const people = await callApi(browser.baseURL, `/people?unitId=${sgddt.id}`, { token: supervisorToken });
		expect(people.body.items.map((p: { fullName: string }) => p.fullName)).toEqual(['Nguyễn Văn Hòa', 'Quàng Thị Thoa']);
		const rename = await callApi(browser.baseURL, `/organisations/${sgddt.id}`, { token: supervisorToken, method: 'PATCH', body: { name: 'Sở GD&ĐT' } });
		expect(rename).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
		const remove = await callApi(browser.baseURL, `/people/${people.body.items[0].id}`, { token: supervisorToken, method: 'DELETE' });
		expect(remove.status).toBe(403);
	});
});
