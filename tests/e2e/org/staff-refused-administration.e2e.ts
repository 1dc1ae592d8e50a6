import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demo, expectAccessible, signIn, useBrowser } from '../support';
import { callApi, createApiToken } from './api-client';

const browser = useBrowser();
const ADMIN_ONLY = 'Trang quản trị chỉ dành cho quản trị viên, điều phối, lãnh đạo đơn vị và cơ quan cấp trên. Tài khoản của bạn không có các vai trò này.';

let staffPage: Page;
let staffToken: string;
let adminToken: string;

beforeAll(async () => {
	staffPage = await browser.page();
	staffToken = await createApiToken(staffPage, demo.staff);
	adminToken = await createApiToken(await browser.page(), demo.administrator);
});

describe('a staff member of the Trung tâm Thông tin', () => {
	it('gets a 403 page with a clear message on the administration pages', async () => {
		const page = await browser.page();
		await signIn(page, demo.staff);
		expect(await page.getByRole('link', { name: 'Quản trị' }).count()).toBe(0);
		for (const path of ['/admin', '/admin/people', '/admin/org', '/admin/people/new', '/admin/import', '/admin/accounts']) {
			const res = await page.goto(path);
			expect(res?.status(), path).toBe(403);
			expect(await page.getByRole('heading', { level: 1 }).textContent(), path).toBe('403');
			expect(await page.getByRole('alert').textContent(), path).toBe(ADMIN_ONLY);
			await expectAccessible(page);
		}
	});

	it('is answered 401 by the API without a token or with a bad one, in the language asked for', async () => {
		expect(await callApi(browser.baseURL, '/people')).toEqual({ status: 401, body: { code: 'UNAUTHENTICATED', message: 'Vui lòng đăng nhập để tiếp tục.' } });
		expect((await callApi(browser.baseURL, '/organisations', { lang: 'en' })).body).toEqual({ code: 'UNAUTHENTICATED', message: 'Please sign in to continue.' });
		expect((await callApi(browser.baseURL, '/people', { token: 'lw_not-a-real-token' })).status).toBe(401);
		expect((await callApi(browser.baseURL, '/people', { method: 'POST', body: { unitId: 'x', familyName: 'A', givenName: 'B' } })).status).toBe(401);
	});

	it('is refused the people and other organisations by the API: 403 for what it sees, 404 for what it does not', async () => {
		const people = await callApi(browser.baseURL, '/people', { token: staffToken });
		expect(people).toEqual({ status: 403, body: { code: 'FORBIDDEN', message: 'Bạn không có quyền thực hiện thao tác này.' } });

		// Only the staff member's own unit is visible.
		const tree = await callApi(browser.baseURL, '/organisations', { token: staffToken });
		expect(tree.status).toBe(200);
		expect(tree.body.items.map((n: { shortCode: string; canManage: boolean }) => [n.shortCode, n.canManage])).toEqual([['TTTT', false]]);
		const tttt = tree.body.items[0];

		const all = await callApi(browser.baseURL, '/organisations', { token: adminToken });
		const sgddt = all.body.items.find((n: { shortCode: string }) => n.shortCode === 'SGDDT');
		expect((await callApi(browser.baseURL, `/organisations/${sgddt.id}`, { token: staffToken })).body).toMatchObject({ code: 'NOT_FOUND' });
		expect((await callApi(browser.baseURL, `/organisations/${sgddt.id}`, { token: staffToken })).status).toBe(404);
		expect((await callApi(browser.baseURL, `/organisations/${tttt.id}`, { token: staffToken })).body).toMatchObject({ shortCode: 'TTTT', name: 'Trung tâm Thông tin' });

		// Nor may it download the people of its own unit.
		expect((await staffPage.request.get(`/admin/people/export?unitId=${tttt.id}`)).status()).toBe(403);

		const add = await callApi(browser.baseURL, '/organisations', { token: staffToken, method: 'POST', body: { parentId: tttt.id, kind: 'department', name: 'Tổ Kỹ thuật', shortCode: 'TKT' } });
		expect(add).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
		const rename = await callApi(browser.baseURL, `/organisations/${tttt.id}`, { token: staffToken, method: 'PATCH', body: { name: 'Đổi tên' }, lang: 'en' });
		expect(rename).toEqual({ status: 403, body: { code: 'FORBIDDEN', message: 'You are not allowed to do this.' } });

		const colleague = (await callApi(browser.baseURL, '/people?q=ngo%20xuan%20truong', { token: adminToken })).body.items[0];
		expect(colleague).toMatchObject({ fullName: 'Ngô Xuân Trường', unitShortCode: 'TTTT' });
		expect((await callApi(browser.baseURL, `/people/${colleague.id}`, { token: staffToken })).status).toBe(404);
		expect((await callApi(browser.baseURL, `/people/${colleague.id}`, { token: staffToken, method: 'DELETE' })).status).toBe(404);
		expect((await callApi(browser.baseURL, `/people/${colleague.id}`, { token: adminToken })).body).toMatchObject({ fullName: 'Ngô Xuân Trường' });
	});
});
