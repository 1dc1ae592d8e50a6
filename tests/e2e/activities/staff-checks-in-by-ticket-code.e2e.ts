import { describe, expect, it } from 'vitest';
import { demo, expectAccessible, signIn, useBrowser } from '../support';
import { openDemoPlan, vietnamDateTime } from './steps';

const browser = useBrowser();

const TITLE = 'Tọa đàm "Học tập suốt đời trong kỷ nguyên số" tại Trung tâm Thông tin';
const FIRST = 'Lò Thị Mai';
const SECOND = 'Cầm Văn Hùng';

describe('activities at the door (M6)', () => {
	it('the coordinator plans an activity, registers citizens on their behalf, and the host unit’s staff checks one in by ticket code', async () => {
		// The coordinator opens the 2021 plan's activities from its administration page.
		const page = await browser.page();
		await signIn(page, demo.coordinator);
		const campaignId = await openDemoPlan(page);
		await page.getByRole('link', { name: 'Hoạt động của kế hoạch' }).click();
		await page.getByRole('heading', { level: 1, name: 'Hoạt động của kế hoạch' }).waitFor();
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Thêm hoạt động' }).click();
		await page.getByRole('heading', { level: 1, name: 'Thêm hoạt động' }).waitFor();
		await expectAccessible(page);

		// Bad input: an end before the start is refused beside the field, with everything typed kept.
		await page.getByLabel('Tên hoạt động').fill(TITLE);
		await page.getByLabel('Loại hoạt động').selectOption({ label: 'Hội thảo, tọa đàm' });
		await page.getByLabel('Trực tiếp', { exact: true }).check();
		await page.getByLabel('Địa điểm', { exact: true }).fill('Hội trường Trung tâm Thông tin, số 8 đường Tô Hiệu');
		await page.getByLabel('Đơn vị hành chính nơi tổ chức').selectOption({ label: 'Phường Tô Hiệu' });
		await page.getByLabel('Bắt đầu').fill(vietnamDateTime(2, '08:00'));
		await page.getByLabel('Kết thúc').fill(vietnamDateTime(2, '07:00'));
		const host = page.getByLabel('Đơn vị chủ trì');
		const centre = await host.locator('option', { hasText: /^\s*Trung tâm Thông tin$/ }).getAttribute('value');
		await host.selectOption(centre!);
		await page.getByLabel('Số chỗ').fill('1');
		await page.getByLabel('Người dân', { exact: true }).check();
		await page.getByRole('button', { name: 'Tạo hoạt động' }).click();
		await page.getByRole('alert').waitFor();
		expect(await page.locator('#f-endsAt-error').textContent()).toBe('Thời gian kết thúc phải sau thời gian bắt đầu.');
		expect(await page.getByLabel('Tên hoạt động').inputValue()).toBe(TITLE);
		expect(await page.getByLabel('Người dân', { exact: true }).isChecked()).toBe(true);
		expect(await page.getByLabel('Trực tiếp', { exact: true }).isChecked()).toBe(true);
		await expectAccessible(page);

		// Corrected, it is created as a draft and published.
		await page.getByLabel('Kết thúc').fill(vietnamDateTime(2, '10:30'));
		await page.getByRole('button', { name: 'Tạo hoạt động' }).click();
		await page.waitForURL(/\/activities\/[0-9a-f-]{36}\/manage\?notice=created$/);
		const activityId = new URL(page.url()).pathname.split('/')[2];
		await page.getByText('Đã tạo hoạt động (bản nháp).', { exact: false }).waitFor();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Công bố' }).click();
		await page.getByText('Đã công bố hoạt động trên chương trình của Tuần lễ.').waitFor();

		// Two citizens registered on their behalf: the one place goes to the first, the second waits.
		const assist = page.locator('#assist');
		await assist.getByLabel('Họ và tên người dân').fill(FIRST);
		await assist.getByLabel('Số điện thoại').fill('0912 345 678');
		await assist.getByRole('button', { name: 'Đăng ký hộ' }).click();
		const registered = await page.locator('#assist [role="status"]').textContent();
		const firstTicket = /Mã vé: ([A-Z0-9]{4} [A-Z0-9]{4})\./.exec(registered ?? '')?.[1];
		expect(registered).toContain(`Đã đăng ký hộ ${FIRST}.`);
		expect(firstTicket).toBeDefined();
		await assist.getByLabel('Họ và tên người dân').fill(SECOND);
		await assist.getByLabel('Số điện thoại').fill('0987 654 321');
		await assist.getByRole('button', { name: 'Đăng ký hộ' }).click();
		const waitlisted = await page.locator('#assist [role="status"]').textContent();
		expect(waitlisted).toContain(`${SECOND} được đưa vào danh sách chờ`);
		const secondTicket = /Mã vé: ([A-Z0-9]{4} [A-Z0-9]{4})\./.exec(waitlisted ?? '')?.[1];
		const firstRow = page.locator('#roster tbody tr', { hasText: FIRST });
		expect(await firstRow.textContent()).toContain('Đăng ký hộ bởi Điều phối (Phòng TC-HC-QT)');
		expect(await firstRow.textContent()).toContain('Chưa có mặt');
		await expectAccessible(page);

		// The Information Centre's staff finds the activity in the plan and opens the door's page.
		const staff = await browser.page();
		await signIn(staff, demo.staff);
		await staff.goto(`/campaigns/${campaignId}/activities`);
		await staff.getByRole('link', { name: `Điểm danh tại cửa: ${TITLE}` }).click();
		await staff.getByRole('heading', { level: 1, name: 'Điểm danh tại cửa' }).waitFor();
		await staff.getByText('Có mặt tại chỗ: 0 / 1 người đã đăng ký').waitFor();
		expect(await staff.locator('section[aria-labelledby="code-heading"] p.font-mono').textContent()).toMatch(/^\d{3} \d{3}$/);
		await expectAccessible(staff);

		// This page alone runs script (the camera); type once it has started, as a person at the door would.
		await staff.getByRole('button', { name: 'Quét mã QR bằng camera' }).waitFor();
		const code = staff.getByLabel('Mã vé');
		const result = staff.locator('#checkin-result');
		// An unknown code and a waitlisted ticket are refused, saying why.
		await code.fill('ZZZZ2222');
		await staff.getByRole('button', { name: 'Điểm danh', exact: true }).click();
		await result.getByText('Không tìm thấy vé có mã này.').waitFor();
		await code.fill(secondTicket!);
		await staff.getByRole('button', { name: 'Điểm danh', exact: true }).click();
		await result.getByText('Người này đang trong danh sách chờ, chưa có chỗ.').waitFor();
		await expectAccessible(staff);

		// The ticket typed in lower case with its space is read; a second time it says so.
		await code.fill(firstTicket!.toLowerCase());
		await staff.getByRole('button', { name: 'Điểm danh', exact: true }).click();
		await result.getByText(`${FIRST} — đã điểm danh`).waitFor();
		await staff.getByText('Có mặt tại chỗ: 1 / 1 người đã đăng ký').waitFor();
		expect(await code.inputValue()).toBe('');
		await code.fill(firstTicket!);
		await staff.getByRole('button', { name: 'Điểm danh', exact: true }).click();
		await result.getByText(`${FIRST} — đã điểm danh trước đó`).waitFor();
		await expectAccessible(staff);

		// Without script (an old phone), the door's form still posts and answers.
		const noScript = await staff.context().browser()!.newContext({ baseURL: browser.baseURL, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', javaScriptEnabled: false });
		const plain = await noScript.newPage();
		await signIn(plain, demo.staff);
		await plain.goto(`/activities/${activityId}/check-in`);
		await plain.getByLabel('Mã vé').fill(firstTicket!);
		await plain.getByRole('button', { name: 'Điểm danh', exact: true }).click();
		await plain.locator('#checkin-result').getByText(`${FIRST} — đã điểm danh trước đó`).waitFor();
		await noScript.close();

		// The staff reads the roster but does not manage the activity.
		await staff.goto(`/activities/${activityId}/manage`);
		expect(await staff.getByRole('button', { name: 'Công bố' }).count()).toBe(0);
		expect(await staff.getByRole('button', { name: /^Đánh dấu có mặt/ }).count()).toBe(0);

		// Back with the coordinator: the roster shows who came and how, and the sheet downloads.
		await page.goto(`/activities/${activityId}/manage`);
		expect(await firstRow.textContent()).toContain('(nhập mã vé)');
		await page.getByText('Có mặt tại chỗ: 1 · Tham gia trực tuyến: 0').waitFor();
		const sheet = await page.request.get(`/activities/${activityId}/attendance.xlsx`);
		expect(sheet.status()).toBe(200);
		expect(sheet.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		// The staff's correction by hand: marked absent, then present again.
		await firstRow.getByRole('button', { name: `Bỏ điểm danh (Tại chỗ): ${FIRST}` }).click();
		await page.getByText('Có mặt tại chỗ: 0 · Tham gia trực tuyến: 0').waitFor();
		await page.locator('#roster tbody tr', { hasText: FIRST }).getByRole('button', { name: `Đánh dấu có mặt (Tại chỗ): ${FIRST}` }).click();
		await page.getByText('Có mặt tại chỗ: 1 · Tham gia trực tuyến: 0').waitFor();
		expect(await page.locator('#roster tbody tr', { hasText: FIRST }).textContent()).toContain('(ghi tay)');
		await expectAccessible(page);
	});
});
