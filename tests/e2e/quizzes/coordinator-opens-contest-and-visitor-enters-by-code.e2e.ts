// The coordinator opens a quiz contest whose entry needs an e-mail code (a form refused once keeps
// what was typed), adds a round and imports nothing: the demo bank fills it. A visitor without an
// account asks for a code, reads it in the mail the app sent over SMTP, is refused a wrong code,
// enters with the right one, answers and submits.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { demo, expectAccessible, signIn, useBrowser } from '../support';
import { waitForMail } from '../smtp';

const browser = useBrowser();
const mailbox = inject('smtpMailbox');
const TITLE = 'Thi nhanh: an toàn trên không gian mạng';

async function setClock(at: string | null): Promise<void> {
	const res = await fetch(`${browser.baseURL}/testing/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ at }) });
	expect(res.status).toBe(200);
}

afterAll(async () => {
	await setClock(null);
});

describe('a contest entered by e-mail code', () => {
	it('is set up by the coordinator and taken by a visitor who verifies a mailed code', async () => {
		await setClock('2021-10-02T09:00:00+07:00');
		const coordinator = await browser.page();
		await signIn(coordinator, demo.coordinator);
		await coordinator.goto('/');
		const officeHref = await coordinator.getByRole('listitem').filter({ hasText: 'Văn phòng UBND tỉnh' }).filter({ hasText: '01/10/2021' }).getByRole('link').getAttribute('href');
		const officePlanId = officeHref!.split('/').pop()!;
		await coordinator.goto('/admin/contests');
		await expectAccessible(coordinator);
		const form = coordinator.locator('form').filter({ has: coordinator.getByRole('button', { name: 'Lưu cuộc thi' }) });
		await form.getByLabel('Đơn vị tổ chức').selectOption({ label: 'Văn phòng UBND tỉnh' });
		// The Office's public 2021 plan, as the home page links it (other stories add plans of their own).
		await form.getByLabel('Thuộc kế hoạch').selectOption(officePlanId);
		await form.getByLabel('Điều kiện dự thi').selectOption('email_code');
		await form.getByLabel('Thời gian làm bài (phút)').fill('5');
		await form.getByLabel('Chủ đề (1)').fill('an toàn số');
		await form.getByLabel('Số câu (1)').fill('3');
		await form.getByLabel('Trạng thái').selectOption('published');
		// No title: refused, and what was typed stays.
		await form.getByRole('button', { name: 'Lưu cuộc thi' }).click();
		await coordinator.getByText('Vui lòng nhập trường này.').waitFor();
		expect(await coordinator.getByLabel('Chủ đề (1)').inputValue()).toBe('an toàn số');
		expect(await coordinator.getByLabel('Thời gian làm bài (phút)').inputValue()).toBe('5');
		await coordinator.getByLabel('Tên cuộc thi').fill(TITLE);
		await coordinator.getByRole('button', { name: 'Lưu cuộc thi' }).click();
		await coordinator.getByText('Đã lưu cuộc thi.').waitFor();
		await coordinator.getByLabel('Tên vòng thi').last().fill('Vòng thi nhanh');
		await coordinator.getByLabel('Mở lúc').last().fill('2021-10-02T08:00');
		await coordinator.getByLabel('Đóng lúc').last().fill('2021-10-02T20:00');
		await coordinator.getByRole('button', { name: 'Thêm vòng thi' }).click();
		await coordinator.getByText('Đã thêm vòng thi.').waitFor();
		await expectAccessible(coordinator);

		const visitor = await browser.page();
		await visitor.goto('/contests');
		await visitor.getByRole('link', { name: TITLE }).click();
		await visitor.getByRole('heading', { level: 1, name: TITLE }).waitFor();
		await expectAccessible(visitor);
		await visitor.getByLabel('Họ và tên').fill('Lò Thị Mai');
		await visitor.getByLabel('E-mail').first().fill('lo.thi.mai@example.vn');
		await visitor.getByLabel('Đơn vị công tác').selectOption({ label: 'Phòng Tổng hợp' });
		await visitor.getByRole('button', { name: 'Gửi mã' }).click();
		await visitor.getByText('Đã gửi mã xác thực đến lo.thi.mai@example.vn').waitFor();
		const mail = await waitForMail(mailbox, (m) => m.to.includes('lo.thi.mai@example.vn') && m.subject.includes(TITLE));
		const code = /: (\d{6})/.exec(mail.text)![1];

		await visitor.getByLabel('Mã xác thực (6 chữ số)').fill(code === '123456' ? '654321' : '123456');
		await visitor.getByRole('button', { name: 'Xác thực và vào thi' }).click();
		await visitor.getByText('Mã xác thực không đúng.').waitFor();
		await visitor.getByLabel('Mã xác thực (6 chữ số)').fill(code);
		await visitor.getByRole('button', { name: 'Xác thực và vào thi' }).click();
		await visitor.getByText('Đã xác thực. Bạn có thể bắt đầu làm bài.').waitFor();
		await visitor.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
		await visitor.waitForURL(/\/contests\/attempts\//);
		const questions = visitor.locator('form[data-question]');
		expect(await questions.count()).toBe(3);
		for (let n = 0; n < 3; n++) {
			await questions.nth(n).locator('input[name="value"]').first().check();
			await questions.nth(n).getByRole('status').filter({ hasText: 'Đã lưu.' }).waitFor();
		}
		await expectAccessible(visitor);
		await visitor.getByRole('button', { name: 'Nộp bài' }).click();
		await visitor.getByRole('heading', { name: 'Bạn đã nộp bài.' }).waitFor();
	});
});
