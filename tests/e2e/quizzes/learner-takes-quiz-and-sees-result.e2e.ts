// A learner takes the final round of the demo's "công dân số" quiz: answers save as they change,
// a refresh and a second device find every answer kept, the page and its JSON hold no right
// answer, the submission is scored. A colleague who submits after the deadline plus the grace is
// refused (the app's clock is moved through POST /testing/clock). The coordinator publishes the
// round once it has closed, and the learner then sees the score, the rank and the leaderboard.
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demo, expectAccessible, signIn, useBrowser } from '../support';

const browser = useBrowser();
const CONTEST = 'Cuộc thi trực tuyến "Tìm hiểu về công dân số" năm 2021';
// Accepted answers of the demo's short questions and an explanation: none may reach an open attempt.
const SECRETS = ['dichvucong.gov.vn', 'Bình dân học vụ số', 'không bao giờ hỏi mã OTP'];

async function setClock(at: string | null): Promise<void> {
	const res = await fetch(`${browser.baseURL}/testing/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ at }) });
	expect(res.status).toBe(200);
}

afterAll(async () => {
	await setClock(null);
});

async function openFinalRound(page: Page): Promise<void> {
	await page.goto('/contests');
	await page.getByRole('link', { name: CONTEST }).click();
	await page.getByRole('heading', { level: 1, name: CONTEST }).waitFor();
}

async function startFinalRound(page: Page): Promise<string> {
	await openFinalRound(page);
	await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
	await page.waitForURL(/\/contests\/attempts\//);
	return new URL(page.url()).pathname.split('/').pop()!;
}

/** The values checked or typed in the n-th question's form. */
async function answerOf(page: Page, n: number): Promise<string[]> {
	const form = page.locator('form[data-question]').nth(n);
	const text = form.locator('input[type="text"]');
	if (await text.count()) return [(await text.inputValue()).trim()].filter(Boolean);
	const out: string[] = [];
	for (const input of await form.locator('input[name="value"]').all()) if (await input.isChecked()) out.push(await input.getAttribute('value') as string);
	return out;
}

/** Answers the n-th question (first option, or a typed text) and waits until the page says it is saved. */
async function answer(page: Page, n: number): Promise<void> {
	const form = page.locator('form[data-question]').nth(n);
	const text = form.locator('input[type="text"]');
	if (await text.count()) await text.fill('dich vu cong');
	else await form.locator('input[name="value"]').first().check();
	await form.getByRole('status').filter({ hasText: 'Đã lưu.' }).waitFor();
}

describe('a quiz contest round', () => {
	it('keeps every answer through a refresh and a second device, refuses a late submission, and shows the result once published', async () => {
		await setClock('2021-10-05T09:00:00+07:00');
		const learner = await browser.page();
		await signIn(learner, demo.learner);
		await learner.goto('/contests');
		await expectAccessible(learner);
		await openFinalRound(learner);
		await expectAccessible(learner);
		const attemptId = await startFinalRound(learner);
		await learner.getByText('Hạn nộp bài: 05/10/2021 09:15').waitFor();
		await expectAccessible(learner);

		// The open attempt's HTML and JSON hold the options, never which one is right.
		const html = await learner.content();
		const res = await learner.request.get(`/api/v1/quiz-attempts/${attemptId}`);
		expect(res.status()).toBe(200);
		const json = await res.text();
		for (const secret of SECRETS) {
			expect(html).not.toContain(secret);
			expect(json).not.toContain(secret);
		}
		expect(json).not.toMatch(/"correct"|"accepted"|"explanation"/);
		expect(JSON.parse(json)).toMatchObject({ status: 'open', result: null });
		expect(JSON.parse(json).questions).toHaveLength(6);

		// Answers save as they change (the page's script posts each to the JSON API).
		for (const n of [0, 1, 2]) await answer(learner, n);
		const before = [await answerOf(learner, 0), await answerOf(learner, 1), await answerOf(learner, 2)];
		expect(before.every((a) => a.length > 0)).toBe(true);

		// A refresh: the same attempt, every answer kept.
		await learner.reload();
		expect([await answerOf(learner, 0), await answerOf(learner, 1), await answerOf(learner, 2)]).toEqual(before);

		// Another device resumes the same attempt and answers with the plain form (what a phone without JavaScript posts).
		const phone = await browser.page();
		await signIn(phone, demo.learner);
		await openFinalRound(phone);
		await phone.getByRole('link', { name: 'Tiếp tục làm bài' }).click();
		await phone.waitForURL(new RegExp(`/contests/attempts/${attemptId}`));
		expect([await answerOf(phone, 0), await answerOf(phone, 1), await answerOf(phone, 2)]).toEqual(before);
		const fourth = phone.locator('form[data-question]').nth(3);
		if (await fourth.locator('input[type="text"]').count()) await fourth.locator('input[type="text"]').fill('dichvucong.gov.vn');
		else await fourth.locator('input[name="value"]').last().check();
		await fourth.getByRole('button', { name: 'Lưu câu trả lời' }).click();
		await phone.waitForURL(/saved=/);
		await phone.locator('form[data-question]').nth(3).getByRole('status').filter({ hasText: 'Đã lưu.' }).waitFor();
		const fourthAnswer = await answerOf(phone, 3);

		await learner.reload();
		expect(await answerOf(learner, 3)).toEqual(fourthAnswer);
		await learner.getByLabel('Theo bạn, có bao nhiêu người trả lời đúng tất cả các câu hỏi của vòng thi?').fill('2');
		await learner.getByRole('button', { name: 'Nộp bài' }).click();
		await learner.getByRole('heading', { name: 'Bạn đã nộp bài.' }).waitFor();
		await learner.getByText('Kết quả sẽ được công bố sau khi vòng thi kết thúc.').waitFor();
		await expectAccessible(learner);

		// A colleague starts, then submits after the deadline plus the 15 s grace: refused by the server.
		const late = await browser.page();
		await signIn(late, demo.staff);
		const lateId = await startFinalRound(late);
		await answer(late, 0);
		await setClock('2021-10-05T09:15:16+07:00');
		await late.getByRole('button', { name: 'Nộp bài' }).click();
		await late.getByRole('alert').filter({ hasText: 'Đã hết thời gian làm bài' }).waitFor();
		const refused = await late.request.post(`/api/v1/quiz-attempts/${lateId}/answers`, { data: { answers: [{ questionId: 'x', value: [] }] } });
		expect(refused.status()).toBe(409);

		// The round closes; the coordinator publishes it.
		await setClock('2021-10-07T17:00:20+07:00');
		const coordinator = await browser.page();
		await signIn(coordinator, demo.coordinator);
		await coordinator.goto('/admin/contests');
		await coordinator.getByRole('link', { name: CONTEST }).click();
		await coordinator.getByRole('button', { name: 'Công bố kết quả' }).click();
		await coordinator.getByText('Đã công bố kết quả.').waitFor();
		await expectAccessible(coordinator);

		// The learner sees the score, the rank and the leaderboard.
		await learner.goto(`/contests/attempts/${attemptId}`);
		await learner.getByText(/Số câu đúng: \d\/6/).waitFor();
		await learner.getByText(/Xếp hạng: \d+/).waitFor();
		await learner.getByRole('heading', { name: 'Đáp án' }).waitFor();
		await expectAccessible(learner);
		const certificate = await learner.request.get(await learner.getByRole('link', { name: 'Tải giấy chứng nhận (PDF)' }).getAttribute('href') as string);
		expect(certificate.headers()['content-type']).toBe('application/pdf');
		expect((await certificate.body()).subarray(0, 5).toString()).toBe('%PDF-');
		await learner.getByRole('link', { name: 'Xem kết quả vòng thi' }).click();
		await learner.getByRole('heading', { level: 1, name: 'Kết quả Vòng chung kết' }).waitFor();
		const people = learner.getByRole('table').first();
		expect(await people.getByRole('row', { name: /Người học/ }).count()).toBe(1);
		expect(await people.getByRole('row', { name: /Cán bộ Trung tâm Thông tin/ }).count()).toBe(1);
		await expectAccessible(learner);
	});
});
