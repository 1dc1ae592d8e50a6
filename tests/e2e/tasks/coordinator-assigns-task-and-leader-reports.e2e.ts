import { describe, expect, inject, it } from 'vitest';
import { demo, expectAccessible, signIn, useBrowser } from '../support';
import { readMailbox, waitForMail } from '../smtp';

const browser = useBrowser();
const mailbox = inject('smtpMailbox');

/** A date `days` from today in Vietnam, as typed in the form (dd/mm/yyyy). */
function vietnamDate(days: number): string {
	const at = new Date(Date.now() + days * 86_400_000);
	const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(at).map((x) => [x.type, x.value]));
	return `${p.day}/${p.month}/${p.year}`;
}

const TITLE = 'Cập nhật tin bài về Tuần lễ lên Cổng thông tin điện tử';
const OVERDUE = 'Báo cáo kết quả tổ chức Tuần lễ gửi Sở Giáo dục và Đào tạo';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% Ảnh chụp bài đăng\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('tasks (M4)', () => {
	it('the coordinator assigns a task, its reminder reaches the SMTP server, the leader reports with a file, and an overdue task is urged and logged', async () => {
		// The coordinator (Phòng TC-HC-QT) opens the follow-up of the Office's 2021 plan.
		const page = await browser.page();
		await signIn(page, demo.coordinator);
		await page.goto('/admin/campaigns');
		await page.getByRole('link', { name: /Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021/ }).first().click();
		await page.waitForURL(/\/admin\/campaigns\/[0-9a-f-]{36}$/);
		const tasksUrl = `${new URL(page.url()).pathname}/tasks`;
		await page.goto(tasksUrl);
		await page.getByRole('heading', { level: 1, name: 'Nhiệm vụ và theo dõi, đôn đốc' }).waitFor();
		await expectAccessible(page);

		// The demo's overdue tasks are on the board and in the overdue list.
		const overdueTable = page.locator('#overdue table');
		expect(await overdueTable.locator('tbody tr', { hasText: OVERDUE }).count()).toBe(1);
		const allHeading = page.getByRole('heading', { name: /^Tất cả nhiệm vụ \(\d+\)$/ });
		const countBefore = await allHeading.textContent();

		// Bad input: a due date before the plan is refused, with everything typed kept.
		const form = page.locator('form[action="?/create"]');
		await form.getByLabel('Tên nhiệm vụ').fill(TITLE);
		await form.getByLabel('Nội dung').fill('Đăng ít nhất 3 tin, bài và băng rôn điện tử hưởng ứng Tuần lễ.');
		await form.getByLabel('Hạn hoàn thành').fill('01/09/2021');
		const assignee = form.getByLabel('Giao cho');
		// Units are indented by depth; people are listed as "Name — Unit".
		const centreValue = await assignee.locator('option', { hasText: /^\s*Trung tâm Thông tin$/ }).getAttribute('value');
		await assignee.selectOption(centreValue!);
		await form.getByLabel('Yêu cầu nộp minh chứng khi báo hoàn thành').check();
		await form.getByLabel('Minh chứng cần nộp').fill('Ảnh chụp màn hình bài đăng');
		await form.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
		await page.getByRole('alert').waitFor();
		expect(await page.locator('#f-dueOn-error').textContent()).toBe('Hạn hoàn thành không được trước ngày 14/09/2021 (ngày của kế hoạch).');
		expect(await form.getByLabel('Tên nhiệm vụ').inputValue()).toBe(TITLE);
		expect(await form.getByLabel('Yêu cầu nộp minh chứng khi báo hoàn thành').isChecked()).toBe(true);
		expect(await allHeading.textContent()).toBe(countBefore);
		await expectAccessible(page);

		// The task is given to the Information Centre, due in two days.
		const due = vietnamDate(2);
		await form.getByLabel('Hạn hoàn thành').fill(due);
		await form.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
		await page.getByText(`Đã giao nhiệm vụ “${TITLE}”`).waitFor();
		const row = page.locator('#tasks tbody tr', { hasText: TITLE });
		expect(await row.count()).toBe(1);
		expect(await row.locator('td').first().textContent()).toContain('Trung tâm Thông tin');

		// The reminder due 3 days before the date is already due: the job worker mails the Office's
		// leader (the Centre has no leader account of its own) through the real SMTP server.
		const reminder = await waitForMail(mailbox, (m) => m.subject === `Nhắc việc: ${TITLE} — hạn ${due}`);
		expect(reminder.to).toEqual(['lanhdao@demo.learnweek.vn']);
		expect(reminder.text).toContain('Kính gửi: Lãnh đạo Trung tâm Thông tin,');
		expect(reminder.text).toContain(`Hạn hoàn thành: ${due} (còn 2 ngày)`);
		expect(reminder.text).toMatch(/\/tasks\/[0-9a-f-]{36}/);

		// Đôn đốc: one click on the overdue report sends a mail now and logs it on the task.
		await page.getByRole('button', { name: `Đôn đốc: ${OVERDUE}` }).click();
		await page.getByText('Đã gửi thư đôn đốc và ghi vào nhật ký nhắc việc.').waitFor();
		const urged = await waitForMail(mailbox, (m) => m.subject === `Đôn đốc: ${OVERDUE} — hạn 15/10/2021`);
		expect(urged.to).toEqual(['lanhdao@demo.learnweek.vn']);
		expect(urged.text).toContain('Điều phối (Phòng TC-HC-QT) (dieuphoi@demo.learnweek.vn) đề nghị khẩn trương thực hiện');
		expect(await overdueTable.locator('tbody tr', { hasText: OVERDUE }).locator('td').nth(4).textContent()).not.toBe('Chưa nhắc');
		await page.locator('#overdue').getByRole('link', { name: OVERDUE }).click();
		await page.getByRole('heading', { level: 1, name: OVERDUE }).waitFor();
		const log = page.locator('section[aria-labelledby="reminders-heading"] tbody tr', { hasText: 'Đôn đốc' });
		expect(await log.count()).toBeGreaterThanOrEqual(1);
		expect(await log.first().textContent()).toContain('Điều phối (Phòng TC-HC-QT)');
		expect(await log.first().textContent()).toContain('lanhdao@demo.learnweek.vn');
		await expectAccessible(page);

		// The unit leader signs in, finds the task among her units' tasks and reports on it.
		const leader = await browser.page();
		await signIn(leader, demo.leader);
		await leader.goto('/tasks');
		await leader.getByRole('heading', { level: 1, name: 'Nhiệm vụ của tôi' }).waitFor();
		await expectAccessible(leader);
		await leader.getByRole('link', { name: TITLE }).click();
		await leader.getByRole('heading', { level: 1, name: TITLE }).waitFor();
		await expectAccessible(leader);

		// A file of a forbidden kind is refused by name, and nothing is kept.
		const progress = leader.locator('form[action="?/progress"]');
		await progress.getByLabel('Đang thực hiện').check();
		await progress.getByLabel('Tỷ lệ hoàn thành (%)').fill('60');
		await progress.getByLabel('Ghi chú').fill('Đã đăng 2 bài.');
		await progress.getByLabel('Tệp minh chứng').setInputFiles({ name: 'bai-dang.exe', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00') });
		await progress.getByRole('button', { name: 'Cập nhật tiến độ' }).click();
		await leader.locator('#f-files-error').waitFor();
		expect(await leader.locator('#f-files-error').textContent()).toBe(
			'Tệp “bai-dang.exe” không thuộc loại được nhận (PDF, PNG, JPEG, WebP, Word, Excel, PowerPoint); không có gì được lưu.'
		);
		await leader.getByText('Chưa có báo cáo tiến độ.').waitFor();
		await expectAccessible(leader);

		// Done, with the evidence the task requires.
		await progress.getByLabel('Đã hoàn thành').check();
		await progress.getByLabel('Tỷ lệ hoàn thành (%)').fill('100');
		await progress.getByLabel('Ghi chú').fill('Đã đăng 3 bài và băng rôn điện tử.');
		await progress.getByLabel('Tệp minh chứng').setInputFiles({ name: 'ảnh chụp bài đăng.pdf', mimeType: 'application/pdf', buffer: PDF });
		await progress.getByRole('button', { name: 'Cập nhật tiến độ' }).click();
		await leader.getByText('Đã cập nhật tiến độ.').waitFor();
		const history = leader.locator('section[aria-labelledby="history-heading"] tbody tr');
		expect(await history.count()).toBe(1);
		expect(await history.first().textContent()).toContain('Đã hoàn thành (100%)');
		const file = history.first().getByRole('link', { name: 'ảnh chụp bài đăng.pdf' });
		const download = await leader.request.get((await file.getAttribute('href'))!);
		expect(download.status()).toBe(200);
		expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);
		await expectAccessible(leader);

		// Back on the board, the Centre's new task counts as done on time, and no more reminders go for it.
		await page.goto(tasksUrl);
		const centre = page.locator('table', { hasText: 'Tất cả đơn vị' }).locator('tbody tr', { hasText: 'Trung tâm Thông tin' });
		const cells = (await centre.locator('td').allTextContents()).map((t) => Number(t.trim()));
		// Total, done, on time, late, not started, overdue: the demo's publicity (on time) and Tú's overdue task, plus this one.
		expect(cells).toEqual([3, 2, 2, 1, 1, 1]);
		expect(await page.locator('#tasks tbody tr', { hasText: TITLE }).textContent()).toContain('Đúng hạn');
		expect(readMailbox(mailbox).filter((m) => m.subject.includes(TITLE))).toHaveLength(1);
	});
});
