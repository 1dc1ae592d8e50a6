// Each role is refused what it must not do with a campaign, through the pages and through the API.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demo, expectAccessible, useBrowser } from '../support';
import { settle, signInSettled as signIn } from './steps';

const browser = useBrowser();

/** Creates an API token on the Account page, as a person would, and returns it. */
async function createToken(page: Page, name: string): Promise<string> {
	await page.goto('/account');
	await settle(page);
	await page.getByRole('textbox', { name: /Tên mã/ }).fill(name);
	await page.getByRole('button', { name: 'Tạo mã' }).click();
	const token = (await page.getByTestId('new-token').textContent())?.trim() ?? '';
	expect(token).toMatch(/^lw_/);
	await expectAccessible(page);
	return token;
}

async function tokenOf(email: string): Promise<{ page: Page; token: string }> {
	const page = await browser.page();
	await signIn(page, email);
	return { page, token: await createToken(page, `e2e ${email}`) };
}

async function api(method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<{ status: number; body: Record<string, unknown> }> {
	const res = await fetch(`${browser.baseURL}/api/v1${path}`, {
		method,
		headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}) },
		body: options.body === undefined ? undefined : JSON.stringify(options.body)
	});
	return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const plan = {
	title: 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023',
	symbol: 'KH-VPUB',
	place: 'Sơn La',
	themes: ['Xây dựng năng lực tự học trong kỷ nguyên số'],
	startsOn: '01/10/2023',
	endsOn: '07/10/2023',
	sections: [{ heading: 'Các hoạt động', bodyHtml: '<ul><li>Tuyên truyền.</li></ul>' }]
};

describe('roles refused campaign actions', () => {
	it('turns the staff account away from the campaign pages with 403', async () => {
		const page = await browser.page();
		await signIn(page, demo.staff);
		const res = await page.goto('/admin/campaigns');
		expect(res?.status()).toBe(403);
		expect(await page.getByRole('main').textContent()).toContain('Trang quản trị chỉ dành cho quản trị viên, điều phối, lãnh đạo đơn vị và cơ quan cấp trên.');
		await expectAccessible(page);
		expect((await page.goto('/admin/campaigns/new'))?.status()).toBe(403);
		await page.context().close();
	});

	it('refuses each role through the API and the page what only another role may do', async () => {
		// Anonymous callers read the public list, but may not create.
		const list = await api('GET', '/campaigns');
		expect(list.status).toBe(200);
		const officePlan = (list.body.items as Array<{ id: string; orgId: string; orgName: string; status: string }>).find((c) => c.orgName === 'Văn phòng UBND tỉnh')!;
		expect(officePlan.status).toBe('closed');
		const anonymousCreate = await api('POST', '/campaigns', { body: { ...plan, orgId: officePlan.orgId } });
		expect(anonymousCreate).toEqual({ status: 401, body: { code: 'UNAUTHENTICATED', message: 'Vui lòng đăng nhập để tiếp tục.' } });

		const coordinator = await tokenOf(demo.coordinator);
		const staff = await tokenOf(demo.staff);
		const supervisor = await tokenOf(demo.supervisor);
		const leader = await tokenOf(demo.leader);

		// The coordinator opens a 2023 draft and submits it.
		const created = await api('POST', '/campaigns', { token: coordinator.token, body: { ...plan, orgId: officePlan.orgId } });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ status: 'draft', year: 2023, version: 1, reference: 'Số: …/KH-VPUB' });
		expect(created.body).not.toHaveProperty('searchText');
		expect(created.body).not.toHaveProperty('createdBy');
		const id = created.body.id as string;
		expect((await api('POST', `/campaigns/${id}/transitions`, { token: coordinator.token, body: { action: 'submit' } })).body).toMatchObject({ status: 'submitted', version: 2 });

		// A submitted plan is not public: 404 to anonymous callers, readable with a back-office token.
		expect((await api('GET', `/campaigns/${id}`)).status).toBe(404);
		expect((await api('GET', '/campaigns?year=2023')).body).toEqual({ items: [] });
		expect((await api('GET', `/campaigns/${id}`, { token: supervisor.token })).status).toBe(200);

		const edit = { ...plan, title: 'Đổi tên', expectedVersion: 2 };
		// Staff cannot even see it (404); the supervisor sees it but may not change it (403).
		expect(await api('PATCH', `/campaigns/${id}`, { token: staff.token, body: edit })).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
		expect(await api('POST', `/campaigns/${id}/transitions`, { token: staff.token, body: { action: 'approve' } })).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
		expect(await api('PATCH', `/campaigns/${id}`, { token: supervisor.token, body: edit })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
		expect(await api('POST', `/campaigns/${id}/transitions`, { token: supervisor.token, body: { action: 'approve' } })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
		// On a public campaign the staff is known to read it, and is refused with 403.
		expect(await api('POST', `/campaigns/${officePlan.id}/transitions`, { token: staff.token, body: { action: 'close' } })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
		expect(await api('POST', `/campaigns/${officePlan.id}/clone`, { token: staff.token, body: { year: 2024 } })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
		// Only the leader approves: the coordinator who wrote it is refused, in the caller's language.
		expect(await api('POST', `/campaigns/${id}/transitions`, { token: coordinator.token, body: { action: 'approve' } })).toEqual({
			status: 403,
			body: { code: 'FORBIDDEN', message: 'Bạn không có quyền thực hiện thao tác này.' }
		});
		const english = await fetch(`${browser.baseURL}/api/v1/campaigns/${id}/transitions`, {
			method: 'POST',
			headers: { authorization: `Bearer ${coordinator.token}`, 'content-type': 'application/json', 'accept-language': 'en' },
			body: JSON.stringify({ action: 'approve' })
		});
		expect(english.status).toBe(403);
		expect(await english.json()).toEqual({ code: 'FORBIDDEN', message: 'You are not allowed to do this.' });
		// A submitted plan cannot be edited, even by its coordinator.
		expect(await api('PATCH', `/campaigns/${id}`, { token: coordinator.token, body: edit })).toMatchObject({ status: 409, body: { code: 'INVALID_TRANSITION' } });

		// Through the page: the coordinator has no "Duyệt" button, and a hand-made approve form is refused.
		const page = coordinator.page;
		await page.goto(`/admin/campaigns/${id}`);
		await expectAccessible(page);
		expect(await page.getByRole('button', { name: 'Duyệt', exact: true }).count()).toBe(0);
		const [response] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.evaluate(() => {
				const form = document.createElement('form');
				form.method = 'POST';
				form.action = '?/approve';
				document.body.append(form);
				form.submit();
			})
		]);
		expect(response.status()).toBe(403);
		await page.getByRole('alert').waitFor();
		expect(await page.getByRole('alert').textContent()).toBe('Bạn không có quyền thực hiện thao tác này.');
		expect(await page.getByRole('region', { name: 'Trạng thái' }).textContent()).toContain('Chờ duyệt');
		await expectAccessible(page);

		// Nothing the others tried changed the plan; the leader may approve it.
		expect((await api('GET', `/campaigns/${id}`, { token: coordinator.token })).body).toMatchObject({ status: 'submitted', version: 2, title: plan.title });
		expect(await api('POST', `/campaigns/${id}/transitions`, { token: leader.token, body: { action: 'approve' } })).toMatchObject({ status: 200, body: { status: 'approved', version: 3 } });
		// A return needs its reason.
		expect(await api('POST', `/campaigns/${id}/transitions`, { token: leader.token, body: { action: 'return' } })).toMatchObject({
			status: 400,
			body: { code: 'VALIDATION', fields: { reason: 'Vui lòng nhập trường này.' } }
		});
	});
});
