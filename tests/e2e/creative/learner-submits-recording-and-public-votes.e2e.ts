// A creative contest from setting up to the public vote: the coordinator publishes a reading
// contest; a learner's recording goes up through the resumable upload (the page's script) and
// plays on its entry page; a renamed executable and an oversize file are refused; an upload cut
// twice completes by resuming (tus with plain fetch); a vote counts once and none after closing.
import { afterAll, describe, expect, it } from 'vitest';
import { demo, expectAccessible, signIn, useBrowser } from '../support';
import { cookieHeader, executable, offsetAbove, patchAndDrop, setClock, tusHeaders, uploadMetadata, vietnamDateTime, wav } from './steps';

const browser = useBrowser();
const CONTEST = 'Cuộc thi "Giọng đọc hay Sơn La" 2026';
const ENTRY = 'Bài đọc "Lá cờ thêu sáu chữ vàng"';

afterAll(async () => {
	await setClock(browser.baseURL, null);
});

describe('creative contest: entries and public vote', () => {
	it('takes a resumable recording, refuses bad files, counts a vote once and refuses votes after closing', async () => {
		// The coordinator sets up and publishes the contest.
		const coordinator = await browser.page();
		await signIn(coordinator, demo.coordinator);
		await coordinator.goto('/admin/creative-contests');
		await expectAccessible(coordinator);
		await coordinator.getByRole('link', { name: 'Cuộc thi sáng tạo mới' }).click();
		await coordinator.getByLabel('Tên cuộc thi').fill(CONTEST);
		await coordinator.getByLabel('Thể lệ', { exact: true }).fill('Mỗi người gửi một bài đọc không quá 2 phút.');
		await coordinator.getByLabel('Dung lượng tối đa (MB)').fill('5');
		await coordinator.getByLabel('Thời lượng tối đa (phút)').fill('2');
		await coordinator.getByLabel('Bắt đầu nhận bài').fill(vietnamDateTime(-1));
		await coordinator.getByLabel('Hạn nộp bài').fill(vietnamDateTime(48));
		await coordinator.getByLabel('Bắt đầu bình chọn').fill(vietnamDateTime(-1));
		await coordinator.getByLabel('Kết thúc bình chọn').fill(vietnamDateTime(72));
		await expectAccessible(coordinator);
		await coordinator.getByRole('button', { name: 'Tạo cuộc thi' }).click();
		await coordinator.getByText('Đã tạo cuộc thi (bản nháp).').waitFor();
		await coordinator.getByRole('button', { name: 'Công bố cuộc thi' }).click();
		await coordinator.getByText('Đã công bố cuộc thi.').waitFor();
		await expectAccessible(coordinator);
		const contestId = coordinator.url().split('/admin/creative-contests/')[1].split('?')[0];

		// The learner finds it and sends a 75-second reading: the page's script uploads it with tus.
		const learner = await browser.page();
		await signIn(learner, demo.learner);
		await learner.goto('/contests/creative');
		await expectAccessible(learner);
		await learner.getByRole('link', { name: CONTEST }).click();
		await expectAccessible(learner);
		await learner.getByRole('link', { name: 'Gửi bài dự thi' }).click();
		await expectAccessible(learner);
		const tusRequests: string[] = [];
		learner.on('request', (r) => {
			if (r.url().includes('/api/uploads')) tusRequests.push(r.method());
		});

		// A renamed executable is refused on its first bytes, and the form keeps what was typed.
		await learner.getByLabel('Tên bài dự thi').fill(ENTRY);
		const consents = learner.getByRole('group', { name: 'Sự đồng ý của thí sinh' });
		await consents.getByLabel('Đồng ý để Ban tổ chức lưu trữ', { exact: false }).check();
		await consents.getByLabel('Đồng ý công khai bài dự thi', { exact: false }).check();
		await learner.getByLabel('Tệp bài dự thi').setInputFiles({ name: 'bai-doc.mp4', mimeType: 'video/mp4', buffer: executable() });
		await learner.getByRole('button', { name: 'Gửi bài dự thi' }).click();
		await learner.locator('[data-upload-status]').getByText('Loại tệp không phù hợp', { exact: false }).waitFor();
		expect(await learner.getByLabel('Tên bài dự thi').inputValue()).toBe(ENTRY);

		const recording = wav(75);
		await learner.getByLabel('Tệp bài dự thi').setInputFiles({ name: 'la-co-theu.wav', mimeType: 'audio/wav', buffer: recording });
		await learner.getByRole('button', { name: 'Gửi bài dự thi' }).click();
		await learner.getByText('Đã gửi bài dự thi.').waitFor();
		expect(tusRequests).toContain('POST');
		expect(tusRequests).toContain('PATCH');
		await learner.getByRole('heading', { level: 1, name: ENTRY }).waitFor();
		expect(await learner.locator('audio source').getAttribute('type')).toBe('audio/wav');
		await expectAccessible(learner);
		const entryUrl = learner.url().split('?')[0];
		const media = await learner.request.get(`${entryUrl}/media`, { headers: { Range: 'bytes=0-43' } });
		expect(media.status()).toBe(206);
		expect((await media.body()).subarray(0, 4).toString('latin1')).toBe('RIFF');

		// tus with plain fetch: an oversize upload is refused at creation, before any byte is sent.
		const cookie = await cookieHeader(learner);
		const api = `${browser.baseURL}/api/uploads`;
		const tooBig = await fetch(api, { method: 'POST', headers: tusHeaders(cookie, { 'Upload-Length': String(5 * 1024 * 1024 + 1), 'Upload-Metadata': uploadMetadata({ contestId, filename: 'lon.wav' }) }) });
		expect(tooBig.status).toBe(413);

		// An upload cut twice completes by resuming from the offset the server reports.
		const second = wav(100);
		const created = await fetch(api, { method: 'POST', headers: tusHeaders(cookie, { 'Upload-Length': String(second.length), 'Upload-Metadata': uploadMetadata({ contestId, filename: 'lan-hai.wav' }) }) });
		expect(created.status).toBe(201);
		const location = created.headers.get('location')!;
		await patchAndDrop(location, cookie, 0, second, 300_000);
		const first = await offsetAbove(location, cookie, 0);
		expect(first).toBeGreaterThan(0);
		await patchAndDrop(location, cookie, first, second.subarray(first), 200_000);
		const resumed = await offsetAbove(location, cookie, first);
		expect(resumed).toBeGreaterThan(first);
		const last = await fetch(location, { method: 'PATCH', headers: tusHeaders(cookie, { 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': String(resumed) }), body: new Uint8Array(second.subarray(resumed)) });
		expect(last.status).toBe(204);
		expect(Number(last.headers.get('upload-offset'))).toBe(second.length);

		// The staff member votes once; a second vote is refused; after the vote closes none counts.
		const voter = await browser.page();
		await signIn(voter, demo.staff);
		await voter.goto(entryUrl);
		await voter.getByRole('button', { name: 'Bình chọn' }).click();
		await voter.getByText('Đã ghi nhận phiếu bình chọn của bạn.').waitFor();
		await voter.getByText('Bạn đã bình chọn bài này.').waitFor();
		expect(await voter.getByText('1 phiếu').count()).toBeGreaterThan(0);
		await expectAccessible(voter);
		const again = await voter.request.post(`${entryUrl}?/vote`, { form: { requestKey: crypto.randomUUID() }, headers: { origin: browser.baseURL } });
		const againText = await again.text();
		expect(againText, againText.slice(0, 3000)).toContain('Bạn đã bình chọn cho bài này rồi.');

		await setClock(browser.baseURL, new Date(Date.now() + 80 * 3_600_000).toISOString());
		await coordinator.goto(entryUrl);
		expect(await coordinator.getByRole('button', { name: 'Bình chọn' }).count()).toBe(0);
		const late = await coordinator.request.post(`${entryUrl}?/vote`, { form: { requestKey: crypto.randomUUID() }, headers: { origin: browser.baseURL } });
		expect(await late.text()).toContain('Bình chọn không mở vào lúc này.');
		await setClock(browser.baseURL, null);
		await coordinator.goto(entryUrl);
		expect(await coordinator.getByText('1 phiếu').count()).toBeGreaterThan(0);
	});
});
