// The plan's way from a coordinator's draft to the public, and next year's edition cloned from it.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demo, expectAccessible, useBrowser } from '../support';
import { settle, signInSettled as signIn } from './steps';

const browser = useBrowser();

/** The group of fields of one repeated row ("Mục 2", "Căn cứ 1"…). */
const row = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

/** The campaign as anyone reads it through the API (no token). */
async function publicJson(id: string): Promise<{ status: number; body: Record<string, unknown> }> {
	const res = await fetch(`${browser.baseURL}/api/v1/campaigns/${id}`);
	return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('a coordinator submits a plan and the leader issues it', () => {
	let coordinator: Page;
	let campaignPath = '';

	it('the coordinator creates a 2021 plan for Trung tâm Thông tin implementing the Office’s plan', async () => {
		coordinator = await browser.page();
		await signIn(coordinator, demo.coordinator);
		await coordinator.goto('/admin/campaigns');
		await expectAccessible(coordinator);
		await coordinator.getByRole('link', { name: 'Lập kế hoạch mới' }).click();
		await coordinator.waitForURL((url) => url.pathname === '/admin/campaigns/new');
		await settle(coordinator);
		await expectAccessible(coordinator);

		// Choose the unit and the year: the form below starts from them.
		const unit = coordinator.getByRole('combobox', { name: 'Cơ quan, đơn vị ban hành', exact: true });
		const tttt = await unit.locator('option', { hasText: 'Trung tâm Thông tin' }).getAttribute('value');
		await unit.selectOption(tttt!);
		await coordinator.getByRole('textbox', { name: 'Năm của Tuần lễ', exact: true }).fill('2021');
		await coordinator.getByRole('button', { name: 'Chọn đơn vị và năm' }).click();
		await coordinator.waitForURL((url) => url.searchParams.get('org') === tttt && url.searchParams.get('year') === '2021');
		await coordinator.getByRole('heading', { name: 'Kế hoạch của Trung tâm Thông tin' }).waitFor();
		await settle(coordinator);
		await expectAccessible(coordinator);

		// The Office's 2021 plan is offered as the plan it implements, and cited first.
		const parent = coordinator.getByRole('combobox', { name: 'Kế hoạch cấp trên được triển khai', exact: true });
		expect(await parent.locator('option:checked').textContent()).toBe('Văn phòng UBND tỉnh — Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021 (2021)');
		expect(await coordinator.getByRole('textbox', { name: 'Ngày bắt đầu', exact: true }).inputValue()).toBe('01/10/2021');
		expect(await coordinator.getByRole('textbox', { name: 'Ký hiệu', exact: true }).inputValue()).toBe('KH-TTTT');

		await coordinator.getByRole('textbox', { name: 'Trích yếu (tên kế hoạch)', exact: true }).fill('Hưởng ứng Tuần lễ học tập suốt đời năm 2021 tại Trung tâm Thông tin');
		await coordinator.getByRole('textbox', { name: 'Chủ đề, khẩu hiệu', exact: true }).fill('Chuyển đổi số và cơ hội học tập suốt đời cho tất cả mọi người\nMỗi cán bộ một ngày học trực tuyến');
		await row(coordinator, 'Mục 1').getByRole('textbox', { name: 'Tiêu đề mục', exact: true }).fill('Tuyên truyền');
		await row(coordinator, 'Mục 1').getByRole('textbox', { name: 'Nội dung mục', exact: true }).fill('Đăng tin về Tuần lễ trên Trang thông tin điện tử của Văn phòng.');
		await coordinator.getByRole('textbox', { name: 'Nơi nhận', exact: true }).fill('Văn phòng UBND tỉnh (b/c)\nLưu: VT');
		await coordinator.getByRole('combobox', { name: 'Thẩm quyền ký', exact: true }).selectOption('');
		await coordinator.getByRole('textbox', { name: 'Chức vụ người ký', exact: true }).fill('Giám đốc');
		await coordinator.getByRole('textbox', { name: 'Họ và tên người ký', exact: true }).fill('Phạm Văn Đức');
		await coordinator.getByRole('button', { name: 'Tạo dự thảo' }).first().click();
		await coordinator.waitForURL((url) => /^\/admin\/campaigns\/[^/]+$/.test(url.pathname) && url.search === '?notice=created');
		campaignPath = new URL(coordinator.url()).pathname;
		await settle(coordinator);
		expect(await coordinator.getByRole('status').first().textContent()).toBe('Đã tạo dự thảo.');
		expect(await coordinator.getByRole('heading', { level: 1 }).textContent()).toBe('Hưởng ứng Tuần lễ học tập suốt đời năm 2021 tại Trung tâm Thông tin');
		expect(await coordinator.getByRole('region', { name: 'Trạng thái' }).textContent()).toContain('Dự thảo');
		await expectAccessible(coordinator);
		// A draft is not public.
		expect((await publicJson(campaignPath.split('/').at(-1)!)).status).toBe(404);
	});

	it('the coordinator saves with an empty title and the end before the start: each field named, what was typed kept', async () => {
		await coordinator.getByRole('textbox', { name: 'Trích yếu (tên kế hoạch)', exact: true }).fill('');
		await coordinator.getByRole('textbox', { name: 'Ngày kết thúc', exact: true }).fill('30/09/2021');
		await coordinator.getByRole('textbox', { name: 'Chủ đề, khẩu hiệu', exact: true }).fill('Chuyển đổi số và cơ hội học tập suốt đời cho tất cả mọi người\nHọc tập số, kết nối cộng đồng');
		await coordinator.getByRole('button', { name: 'Lưu dự thảo' }).first().click();
		await coordinator.waitForURL((url) => url.pathname === campaignPath && url.search === '?/save');
		await settle(coordinator);
		const alert = coordinator.getByRole('alert');
		expect(await alert.textContent()).toContain('Thông tin chưa hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.');
		expect(await alert.getByRole('listitem').allTextContents()).toEqual([
			'Trích yếu (tên kế hoạch): Vui lòng nhập trường này.',
			'Ngày kết thúc: Ngày kết thúc phải sau ngày bắt đầu.'
		]);
		// Each name in the summary leads to its field, which says what is wrong with it.
		expect(await alert.getByRole('link', { name: 'Ngày kết thúc' }).getAttribute('href')).toBe('#f-endsOn');
		const title = coordinator.getByRole('textbox', { name: 'Trích yếu (tên kế hoạch)', exact: true });
		expect(await title.getAttribute('aria-invalid')).toBe('true');
		expect(await coordinator.locator(`#${await title.getAttribute('aria-describedby')}`).textContent()).toBe('Vui lòng nhập trường này.');
		const ends = coordinator.getByRole('textbox', { name: 'Ngày kết thúc', exact: true });
		expect(await ends.getAttribute('aria-invalid')).toBe('true');
		expect(await ends.inputValue()).toBe('30/09/2021');
		expect(await coordinator.getByRole('textbox', { name: 'Chủ đề, khẩu hiệu', exact: true }).inputValue()).toBe('Chuyển đổi số và cơ hội học tập suốt đời cho tất cả mọi người\nHọc tập số, kết nối cộng đồng');
		expect(await row(coordinator, 'Mục 1').getByRole('textbox', { name: 'Tiêu đề mục', exact: true }).inputValue()).toBe('Tuyên truyền');
		expect(await coordinator.getByRole('textbox', { name: 'Họ và tên người ký', exact: true }).inputValue()).toBe('Phạm Văn Đức');
		await expectAccessible(coordinator);

		// The same refusal in English names the same fields in English.
		const english = await browser.page();
		await signIn(english, demo.coordinator);
		await english.goto(`/en${campaignPath}`);
		await settle(english);
		await english.getByRole('textbox', { name: 'Title', exact: true }).fill('');
		await english.getByRole('textbox', { name: 'End date', exact: true }).fill('30/09/2021');
		await english.getByRole('button', { name: 'Save the draft' }).first().click();
		await english.getByRole('alert').waitFor();
		expect(await english.getByRole('alert').getByRole('listitem').allTextContents()).toEqual(['Title: This field is required.', 'End date: The end date must be after the start date.']);
		await english.context().close();
	});

	it('a save made from an older version is refused (STALE), keeping what was typed', async () => {
		// Meanwhile, the same plan is saved from another window.
		const other = await browser.page();
		await signIn(other, demo.coordinator);
		await other.goto(campaignPath);
		await settle(other);
		await other.getByRole('textbox', { name: 'Nơi nhận', exact: true }).fill('Văn phòng UBND tỉnh (b/c)\nLưu: VT, TTTT');
		await other.getByRole('button', { name: 'Lưu dự thảo' }).first().click();
		await other.waitForURL((url) => url.search === '?notice=saved');
		await other.context().close();

		await coordinator.getByRole('textbox', { name: 'Trích yếu (tên kế hoạch)', exact: true }).fill('Hưởng ứng Tuần lễ học tập suốt đời năm 2021 tại Trung tâm Thông tin');
		await coordinator.getByRole('textbox', { name: 'Ngày kết thúc', exact: true }).fill('07/10/2021');
		await coordinator.getByRole('button', { name: 'Lưu dự thảo' }).first().click();
		await coordinator.waitForURL((url) => url.search === '?/save');
		await settle(coordinator);
		expect(await coordinator.getByRole('alert').textContent()).toContain('Nội dung đã được người khác thay đổi.');
		expect(await coordinator.getByRole('textbox', { name: 'Chủ đề, khẩu hiệu', exact: true }).inputValue()).toContain('Học tập số, kết nối cộng đồng');
		await expectAccessible(coordinator);
		await coordinator.getByRole('link', { name: 'Mở bản mới nhất' }).click();
		await coordinator.waitForURL((url) => url.pathname === campaignPath && url.search === '');
		await settle(coordinator);
		expect(await coordinator.getByRole('textbox', { name: 'Nơi nhận', exact: true }).inputValue()).toBe('Văn phòng UBND tỉnh (b/c)\nLưu: VT, TTTT');
	});

	it('the coordinator changes a theme, adds a section and submits the plan', async () => {
		await coordinator.getByRole('textbox', { name: 'Chủ đề, khẩu hiệu', exact: true }).fill('Chuyển đổi số và cơ hội học tập suốt đời cho tất cả mọi người\nHọc tập số, kết nối cộng đồng');
		const sectionsBefore = await coordinator.getByRole('group', { name: /^Mục \d+$/ }).count();
		await coordinator.getByRole('button', { name: 'Thêm một mục' }).click();
		await coordinator.getByText('Đã thêm một dòng trống.').waitFor();
		await settle(coordinator);
		expect(await coordinator.getByRole('group', { name: /^Mục \d+$/ }).count()).toBe(sectionsBefore + 1);
		// Nothing typed is lost by adding a row.
		expect(await coordinator.getByRole('textbox', { name: 'Chủ đề, khẩu hiệu', exact: true }).inputValue()).toContain('Học tập số, kết nối cộng đồng');
		await row(coordinator, `Mục ${sectionsBefore + 1}`).getByRole('textbox', { name: 'Tiêu đề mục', exact: true }).fill('Cuộc thi trực tuyến');
		await row(coordinator, `Mục ${sectionsBefore + 1}`).getByRole('textbox', { name: 'Nội dung mục', exact: true }).fill('Tổ chức cuộc thi tìm hiểu về công dân số.');
		await expectAccessible(coordinator);
		await coordinator.getByRole('button', { name: 'Lưu dự thảo' }).first().click();
		await coordinator.waitForURL((url) => url.pathname === campaignPath && url.search === '?notice=saved');
		expect(await coordinator.getByRole('status').first().textContent()).toBe('Đã lưu dự thảo.');
		expect(await coordinator.getByRole('textbox', { name: 'Chủ đề, khẩu hiệu', exact: true }).inputValue()).toBe('Chuyển đổi số và cơ hội học tập suốt đời cho tất cả mọi người\nHọc tập số, kết nối cộng đồng');
		// Blank rows are dropped: the new section follows the first.
		expect(await row(coordinator, 'Mục 2').getByRole('textbox', { name: 'Tiêu đề mục', exact: true }).inputValue()).toBe('Cuộc thi trực tuyến');

		await coordinator.getByRole('button', { name: 'Trình duyệt' }).click();
		await coordinator.waitForURL((url) => url.search === '?notice=submit');
		expect(await coordinator.getByRole('status').first().textContent()).toBe('Đã trình duyệt kế hoạch.');
		expect(await coordinator.getByRole('region', { name: 'Trạng thái' }).textContent()).toContain('Chờ duyệt');
		// Submitted: no more editing, and no approving for a coordinator.
		expect(await coordinator.getByRole('button', { name: 'Lưu dự thảo' }).count()).toBe(0);
		expect(await coordinator.getByRole('button', { name: 'Duyệt' }).count()).toBe(0);
		await expectAccessible(coordinator);
	});

	it('the leader approves and issues it; it becomes public under the Office’s plan', async () => {
		const leader = await browser.page();
		await signIn(leader, demo.leader);
		await leader.goto(campaignPath);
		await expectAccessible(leader);
		expect(await leader.getByRole('region', { name: 'Trạng thái' }).textContent()).toContain('Chờ duyệt');
		await leader.getByRole('button', { name: 'Duyệt', exact: true }).click();
		await leader.waitForURL((url) => url.search === '?notice=approve');
		expect(await leader.getByRole('status').first().textContent()).toBe('Đã duyệt kế hoạch.');
		await leader.getByRole('button', { name: 'Ban hành' }).click();
		await leader.waitForURL((url) => url.search === '?notice=issue');
		expect(await leader.getByRole('region', { name: 'Trạng thái' }).textContent()).toContain('Đã ban hành');
		await expectAccessible(leader);

		await leader.getByRole('link', { name: 'Xem trang công khai' }).click();
		await leader.waitForURL((url) => url.pathname === campaignPath.replace('/admin', ''));
		await expectAccessible(leader);
		expect(await leader.getByRole('heading', { level: 1 }).textContent()).toBe('Hưởng ứng Tuần lễ học tập suốt đời năm 2021 tại Trung tâm Thông tin');
		expect(await leader.getByRole('region', { name: 'Chủ đề' }).getByRole('listitem').allTextContents()).toEqual(['“Chuyển đổi số và cơ hội học tập suốt đời cho tất cả mọi người”', '“Học tập số, kết nối cộng đồng”']);
		expect(await leader.getByRole('heading', { name: 'Cuộc thi trực tuyến' }).count()).toBe(1);
		const implemented = leader.getByRole('region', { name: 'Căn cứ' }).getByRole('link');
		expect(await implemented.textContent()).toContain('Kế hoạch số 01/KH-VPUB ngày 14/9/2021 của Văn phòng UBND tỉnh');
		await implemented.click();
		await leader.getByRole('heading', { name: 'Các kế hoạch triển khai' }).waitFor();
		const child = leader.getByRole('region', { name: 'Các kế hoạch triển khai' }).getByRole('listitem').filter({ hasText: 'Trung tâm Thông tin' });
		expect(await child.textContent()).toContain('Đã ban hành');
		await expectAccessible(leader);
		await leader.context().close();
	});

	it('the coordinator clones it into 2022 and the 2021 edition is unchanged', async () => {
		const id2021 = campaignPath.split('/').at(-1)!;
		const before = await publicJson(id2021);
		expect(before.status).toBe(200);
		expect(before.body).toMatchObject({ status: 'issued', year: 2021, startsOn: '2021-10-01', endsOn: '2021-10-07' });
		expect(before.body).not.toHaveProperty('searchText');
		expect(before.body).not.toHaveProperty('createdBy');
		const pageBefore = await (await fetch(`${browser.baseURL}/campaigns/${id2021}`)).text();

		await coordinator.goto(campaignPath);
		await settle(coordinator);
		await coordinator.getByRole('textbox', { name: 'Năm của bản mới', exact: true }).fill('2022');
		await coordinator.getByRole('button', { name: 'Nhân bản sang năm khác' }).click();
		await coordinator.waitForURL((url) => url.search === '?notice=cloned' && url.pathname !== campaignPath);
		expect(await coordinator.getByRole('status').first().textContent()).toBe('Đã nhân bản thành dự thảo mới.');
		expect(await coordinator.getByRole('heading', { level: 1 }).textContent()).toBe('Hưởng ứng Tuần lễ học tập suốt đời năm 2022 tại Trung tâm Thông tin');
		expect(await coordinator.getByRole('region', { name: 'Trạng thái' }).textContent()).toContain('Dự thảo');
		expect(await coordinator.getByRole('textbox', { name: 'Ngày bắt đầu', exact: true }).inputValue()).toBe('01/10/2022');
		expect(await coordinator.getByRole('textbox', { name: 'Ngày kết thúc', exact: true }).inputValue()).toBe('07/10/2022');
		expect(await row(coordinator, 'Mục 2').getByRole('textbox', { name: 'Tiêu đề mục', exact: true }).inputValue()).toBe('Cuộc thi trực tuyến');
		expect(await coordinator.getByRole('link', { name: 'Nhân bản từ kế hoạch năm 2021' }).getAttribute('href')).toBe(campaignPath);
		await expectAccessible(coordinator);

		// The 2021 edition: the same JSON, the same public page.
		const after = await publicJson(id2021);
		expect(after).toEqual(before);
		expect(await (await fetch(`${browser.baseURL}/campaigns/${id2021}`)).text()).toBe(pageBefore);
		// The 2022 draft is not public yet.
		expect((await publicJson(new URL(coordinator.url()).pathname.split('/').at(-1)!)).status).toBe(404);
	});
});
