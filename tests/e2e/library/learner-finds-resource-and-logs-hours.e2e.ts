// A learner finds a resource by typing without diacritics, completes it with the time spent, sees
// the hours in their learning log, and the coordinator's view of learning hours shows them.
import { describe, expect, it } from 'vitest';
import { demo, expectAccessible, signIn, useBrowser } from '../support';

const browser = useBrowser();
const TITLE = 'An toàn thông tin khi dùng điện thoại thông minh';

describe('the learning library', () => {
	it('lets a learner find a resource without diacritics, log 30 minutes, and the coordinator see them', async () => {
		const learner = await browser.page();
		await signIn(learner, demo.learner);
		await learner.goto('/library');
		await expectAccessible(learner);
		await learner.getByRole('searchbox', { name: 'Tìm tài liệu' }).fill('an toan thong tin');
		await learner.getByRole('button', { name: 'Tìm kiếm' }).click();
		await learner.waitForURL(/\/library\?q=an\+toan/);
		const results = learner.getByRole('region', { name: 'Kết quả' });
		expect(await results.getByRole('link').count()).toBe(1);
		await results.getByRole('link', { name: TITLE }).click();
		await learner.getByRole('heading', { level: 1, name: TITLE }).waitFor();
		await expectAccessible(learner);

		// Bad input is refused and what was typed is kept.
		await learner.getByLabel('Đã hoàn thành').check();
		await learner.getByLabel('Thời gian học (phút)').fill('5000');
		await learner.getByLabel('Cảm nhận, điều tâm đắc').fill('Biết cách nhận diện tin nhắn lừa đảo.');
		await learner.getByRole('button', { name: 'Lưu', exact: true }).click();
		await learner.getByText('Số phút không quá 1440 (một ngày).').waitFor();
		expect(await learner.getByLabel('Cảm nhận, điều tâm đắc').inputValue()).toBe('Biết cách nhận diện tin nhắn lừa đảo.');

		await learner.getByLabel('Thời gian học (phút)').fill('30');
		await learner.getByRole('button', { name: 'Lưu', exact: true }).click();
		await learner.getByText('Đã ghi nhận việc học của bạn.').waitFor();

		await learner.goto('/learning');
		await learner.getByText('Tổng thời gian học: 0,5 giờ').waitFor();
		const row = learner.getByRole('row', { name: new RegExp(TITLE) });
		expect((await row.getByRole('cell').nth(1).textContent())?.trim()).toBe('30');
		await expectAccessible(learner);

		const coordinator = await browser.page();
		await signIn(coordinator, demo.coordinator);
		await coordinator.goto('/admin/library/learning');
		await coordinator.getByRole('heading', { name: 'Người tự học tích cực nhất' }).waitFor();
		const top = coordinator.getByRole('region', { name: 'Người tự học tích cực nhất' });
		expect(await top.getByRole('listitem').first().textContent()).toMatch(/Người học: 0,5 giờ, 1 lượt hoàn thành/);
		const byUnit = coordinator.getByRole('region', { name: 'Theo đơn vị' });
		expect(await byUnit.getByRole('row', { name: /Người học chưa gắn với đơn vị/ }).count()).toBe(1);
		await expectAccessible(coordinator);
	});
});
