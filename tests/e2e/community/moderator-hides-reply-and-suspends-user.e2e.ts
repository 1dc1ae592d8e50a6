import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demo, expectAccessible, signIn, useBrowser } from '../support';

const browser = useBrowser();

const CLUB = 'Câu lạc bộ Kỹ năng số';
const THREAD = 'Chia sẻ cách bạn tự học kỹ năng số';
const REPLY = 'Mua khoá học cấp tốc tại trang lạ — nhắn tin ngay!\nGiảm 90% hôm nay.';
const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';

/** A date `days` from today in Vietnam, as typed in the form (dd/mm/yyyy). */
function vietnamDate(days: number): string {
	const at = new Date(Date.now() + days * 86_400_000);
	const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(at).map((x) => [x.type, x.value]));
	return `${p.day}/${p.month}/${p.year}`;
}

async function openThread(page: Page): Promise<void> {
	await page.goto('/clubs');
	await page.getByRole('link', { name: CLUB }).click();
	await page.getByRole('heading', { level: 1, name: CLUB }).waitFor();
	await page.getByRole('link', { name: THREAD }).click();
	await page.getByRole('heading', { level: 1, name: THREAD }).waitFor();
}

describe('community (M11)', () => {
	it('a learner’s reply is reported, hidden by the coordinator, the learner suspended and refused; an XSS reply never runs', async () => {
		// The learner finds the Office's club, joins it and replies in its forum (an empty reply is refused first).
		const learner = await browser.page();
		await signIn(learner, demo.learner);
		await learner.goto('/clubs');
		await expectAccessible(learner);
		await learner.getByRole('link', { name: CLUB }).click();
		await learner.getByRole('button', { name: 'Tham gia câu lạc bộ' }).click();
		await learner.getByText('Bạn đã tham gia câu lạc bộ.').waitFor();
		await expectAccessible(learner);
		await learner.getByRole('link', { name: THREAD }).click();
		await learner.getByRole('heading', { level: 1, name: THREAD }).waitFor();
		await expectAccessible(learner);
		await learner.getByRole('button', { name: 'Gửi trả lời' }).click();
		await learner.getByRole('alert').waitFor();
		expect(await learner.locator('#f-body-error').textContent()).toBeTruthy();
		await learner.getByLabel('Nội dung trả lời').fill(REPLY);
		await learner.getByRole('button', { name: 'Gửi trả lời' }).click();
		await learner.getByText('Đã đăng trả lời.').waitFor();
		const learnerPost = learner.getByRole('article', { name: 'Bài viết của Người học' });
		expect(await learnerPost.innerText()).toContain('Giảm 90% hôm nay.');

		// A staff member posts a reply full of markup: it shows as text and no script runs.
		const staff = await browser.page();
		await signIn(staff, demo.staff);
		await openThread(staff);
		await staff.getByLabel('Nội dung trả lời').fill(XSS);
		await staff.getByRole('button', { name: 'Gửi trả lời' }).click();
		await staff.getByText('Đã đăng trả lời.').waitFor();
		expect(await staff.getByText(XSS).count()).toBe(1);
		expect(await staff.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
		expect(await staff.locator('article img, article script').count()).toBe(0);

		// …and reports the learner's reply.
		await staff.getByRole('article', { name: 'Bài viết của Người học' }).getByRole('link', { name: 'Báo cáo vi phạm' }).click();
		await staff.getByRole('heading', { level: 1, name: 'Báo cáo bài viết vi phạm' }).waitFor();
		await expectAccessible(staff);
		await staff.getByLabel('Lý do').fill('Quảng cáo, lừa đảo');
		await staff.getByRole('button', { name: 'Gửi báo cáo' }).click();
		await staff.getByText('Đã gửi báo cáo tới người kiểm duyệt. Cảm ơn bạn.').waitFor();

		// The coordinator finds the report in the moderation queue, hides the reply and suspends the learner.
		const coordinator = await browser.page();
		await signIn(coordinator, demo.coordinator);
		await coordinator.goto('/admin');
		await coordinator.getByRole('link', { name: 'Kiểm duyệt diễn đàn' }).click();
		await coordinator.getByRole('heading', { level: 1, name: 'Kiểm duyệt diễn đàn' }).waitFor();
		await expectAccessible(coordinator);
		expect(await coordinator.getByText('Quảng cáo, lừa đảo').count()).toBeGreaterThan(0);
		// A day already past is refused, keeping what was typed; then the learner is suspended for a week.
		await coordinator.getByLabel('Tạm ngừng đến hết ngày').fill('01/01/2020');
		await coordinator.getByRole('button', { name: 'Tạm ngừng quyền đăng bài' }).click();
		await coordinator.getByText('Ngày kết thúc phải sau hôm nay.').waitFor();
		expect(await coordinator.getByLabel('Tạm ngừng đến hết ngày').inputValue()).toBe('01/01/2020');
		const until = vietnamDate(7);
		await coordinator.getByLabel('Tạm ngừng đến hết ngày').fill(until);
		await coordinator.getByRole('button', { name: 'Tạm ngừng quyền đăng bài' }).click();
		await coordinator.getByText('Đã tạm ngừng quyền đăng bài của người dùng.').waitFor();
		expect(await coordinator.getByRole('table', { name: 'Đang bị tạm ngừng đăng bài' }).getByText('Người học').count()).toBe(1);
		await coordinator.getByRole('button', { name: 'Ẩn bài viết' }).click();
		await coordinator.getByText('Đã ẩn bài viết.').waitFor();
		expect(await coordinator.getByText('Không có báo cáo nào chờ xử lý.').count()).toBe(1);
		await expectAccessible(coordinator);

		// From the thread, the moderator's page of the reply shows it hidden, ready to show again.
		await openThread(coordinator);
		await coordinator.getByRole('article', { name: 'Bài viết của Người học' }).getByRole('link', { name: 'Kiểm duyệt bài viết' }).click();
		await coordinator.getByRole('heading', { level: 1, name: 'Kiểm duyệt bài viết' }).waitFor();
		await coordinator.getByRole('button', { name: 'Hiện lại' }).waitFor();
		await expectAccessible(coordinator);
		await coordinator.goto('/admin/moderation');

		// Both acts are in the moderation log.
		await coordinator.getByRole('link', { name: 'Nhật ký kiểm duyệt' }).click();
		const log = coordinator.getByRole('table', { name: 'Nhật ký kiểm duyệt' });
		expect(await log.getByRole('cell', { name: 'Ẩn bài viết', exact: true }).count()).toBe(1);
		expect(await log.getByRole('cell', { name: 'Tạm ngừng quyền đăng bài', exact: true }).count()).toBe(1);
		await expectAccessible(coordinator);

		// Others see that a moderator hid the reply, not its text.
		const threadPath = new URL(learner.url()).pathname;
		const visitor = await browser.page();
		await visitor.goto(threadPath);
		const hidden = visitor.getByRole('article', { name: 'Bài viết của Người học' });
		expect(await hidden.innerText()).toContain('Bài viết đã bị người kiểm duyệt ẩn.');
		expect(await hidden.innerText()).not.toContain('Giảm 90%');
		expect(await visitor.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
		await expectAccessible(visitor);

		// The learner cannot post any more: a clear message, and what was typed is kept.
		await learner.goto(threadPath);
		await learner.getByLabel('Nội dung trả lời').fill('Tôi xin lỗi, tôi sẽ không đăng quảng cáo nữa.');
		await learner.getByRole('button', { name: 'Gửi trả lời' }).click();
		await learner.getByText(`Bạn đang bị tạm ngừng quyền đăng bài trên diễn đàn này đến hết ngày ${until}.`).waitFor();
		expect(await learner.getByLabel('Nội dung trả lời').inputValue()).toBe('Tôi xin lỗi, tôi sẽ không đăng quảng cáo nữa.');
		await expectAccessible(learner);
	});
});
