// Jury rounds on the demo's 2021 reading contest: the coordinator takes the best three of the
// closed first round into a final round and names a juror; the juror judges blind (no author, no
// unit) and sees only their own scores; the coordinator sees counts, never scores, until the
// round closes; the results go public. Other roles are refused.
import { describe, expect, it } from 'vitest';
import { demo, expectAccessible, signIn, useBrowser } from '../support';

const browser = useBrowser();
const CONTEST = 'Cuộc thi "Đọc sách cùng con" năm 2021';
const AUTHORS = ['Lò Thị Mai', 'Cầm Văn Hùng', 'Quàng Minh Khôi', 'Tòng Thị Hương', 'Lường Văn Chính', 'Bạc Thị Thu', 'Đinh Văn Páo'];
const UNITS = ['Trung tâm Thông tin', 'Phòng Kinh tế', 'Phòng Khoa giáo', 'Phòng Tổng hợp', 'Phòng Nội chính'];

describe('creative contest: a blind jury round', () => {
	it('takes the top three into a final round judged blind, sealed until closed, then published', async () => {
		const coordinator = await browser.page();
		await signIn(coordinator, demo.coordinator);
		await coordinator.goto('/admin/creative-contests');
		await coordinator.getByRole('link', { name: CONTEST }).click();
		await expectAccessible(coordinator);
		const contestUrl = coordinator.url().split('?')[0];
		await coordinator.getByRole('link', { name: 'Vòng chấm' }).click();
		await coordinator.getByRole('heading', { name: 'Vòng 1: Vòng chấm sơ khảo' }).waitFor();
		// The closed first round shows every rating.
		expect(await coordinator.getByRole('heading', { name: 'Điểm vòng chấm' }).count()).toBe(1);
		await expectAccessible(coordinator);

		await coordinator.getByLabel('Tên vòng').fill('Vòng chung khảo');
		await coordinator.getByLabel('Số bài vào vòng', { exact: false }).fill('3');
		await coordinator.getByRole('button', { name: 'Tạo vòng chấm' }).click();
		await coordinator.getByText('Đã tạo vòng chấm.').waitFor();
		const final = coordinator.getByRole('region', { name: 'Vòng 2: Vòng chung khảo' });
		await final.getByLabel('Thư điện tử của giám khảo').fill('giamkhao@demo.learnweek.vn');
		await final.getByRole('button', { name: 'Thêm giám khảo' }).click();
		await coordinator.getByText('Đã thêm giám khảo.').waitFor();
		await coordinator.getByRole('region', { name: 'Vòng 2: Vòng chung khảo' }).getByRole('button', { name: 'Mở vòng chấm' }).click();
		await coordinator.getByText('Đã mở vòng chấm.').waitFor();
		expect(await coordinator.getByRole('region', { name: 'Vòng 2: Vòng chung khảo' }).innerText()).toContain('3 bài');
		await expectAccessible(coordinator);

		// The juror judges blind: codes and titles, no author, no unit; their own score only.
		const juror = await browser.page();
		await signIn(juror, 'giamkhao@demo.learnweek.vn');
		await juror.goto('/jury');
		await expectAccessible(juror);
		await juror.getByRole('link', { name: /Vòng chung khảo/ }).click();
		await expectAccessible(juror);
		const rows = juror.locator('tbody tr');
		expect(await rows.count()).toBe(3);
		const listText = await juror.locator('main').innerText();
		for (const name of [...AUTHORS, ...UNITS]) expect(listText).not.toContain(name);
		const roundUrl = juror.url();
		await rows.first().getByRole('link').click();
		await juror.getByLabel('Giọng đọc, phát âm', { exact: false }).fill('11');
		await juror.getByLabel('Biểu cảm, truyền cảm', { exact: false }).fill('8');
		await juror.getByLabel('Nội dung, lựa chọn tác phẩm', { exact: false }).fill('9');
		await juror.getByLabel('Hình thức trình bày', { exact: false }).fill('7');
		await juror.getByRole('button', { name: 'Lưu điểm' }).click();
		await juror.getByRole('alert').waitFor();
		expect(await juror.getByLabel('Biểu cảm, truyền cảm', { exact: false }).inputValue()).toBe('8');
		await juror.getByLabel('Giọng đọc, phát âm', { exact: false }).fill('9');
		await juror.getByRole('button', { name: 'Lưu điểm' }).click();
		await juror.getByText('Đã lưu điểm.').waitFor();
		expect(await juror.locator('audio').count()).toBe(1);
		const entryText = await juror.locator('main').innerText();
		for (const name of [...AUTHORS, ...UNITS]) expect(entryText).not.toContain(name);
		await expectAccessible(juror);
		await juror.goto(roundUrl);
		expect(await juror.getByText('Chưa chấm').count()).toBe(2);

		// Sealed: the coordinator sees how many were rated, not the scores.
		await coordinator.reload();
		const sealed = coordinator.getByRole('region', { name: 'Vòng 2: Vòng chung khảo' });
		expect(await sealed.innerText()).toContain('Đã chấm 1/3');
		expect(await sealed.getByRole('heading', { name: 'Điểm vòng chấm' }).count()).toBe(0);

		// Other roles are refused: a staff member has no back office; a learner is not a juror.
		const staff = await browser.page();
		await signIn(staff, demo.staff);
		const refused = await staff.goto(`${contestUrl}/rounds`);
		expect(refused?.status()).toBe(403);
		const learner = await browser.page();
		await signIn(learner, demo.learner);
		expect((await learner.goto(roundUrl))?.status()).toBe(404);

		// Closed, the scores are open to the coordinator; the results are published to everyone.
		await sealed.getByRole('button', { name: 'Đóng vòng chấm' }).click();
		await coordinator.getByText('Đã đóng vòng chấm', { exact: false }).waitFor();
		expect(await coordinator.getByRole('heading', { name: 'Điểm vòng chấm' }).count()).toBe(2);
		await coordinator.goto(contestUrl);
		await coordinator.getByRole('button', { name: 'Công bố kết quả' }).click();
		await coordinator.getByText('Đã công bố kết quả.').waitFor();

		const visitor = await browser.page();
		await visitor.goto('/contests/creative');
		await visitor.getByRole('link', { name: CONTEST }).click();
		await visitor.getByRole('heading', { name: 'Kết quả' }).waitFor();
		const results = visitor.getByRole('table');
		expect(await results.locator('tbody tr').count()).toBe(3);
		await expectAccessible(visitor);

		// The winner's certificate: a PDF for the coordinator, its ST- code verified by anyone.
		const winner = (await results.locator('tbody tr').first().getByRole('link').getAttribute('href'))!;
		await coordinator.goto(winner);
		const section = coordinator.getByRole('region', { name: 'Giấy chứng nhận' });
		const code = /ST-[0-9A-Z]{10}/.exec(await section.innerText())![0];
		const pdf = await coordinator.request.get(`${winner}/certificate`);
		expect(pdf.headers()['content-type']).toBe('application/pdf');
		expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
		await visitor.goto(`/certificates/${code}`);
		await visitor.getByText('Cầm Văn Hùng').or(visitor.getByText(code)).first().waitFor();
		expect(await visitor.locator('main').innerText()).toContain('Giải Nhất');
		await expectAccessible(visitor);
	});
});
