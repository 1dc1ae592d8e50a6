import { describe, expect, it } from 'vitest';
import { demo, expectAccessible, signIn, useBrowser } from '../support';
import { openDemoPlan, vietnamDateTime } from './steps';

const browser = useBrowser();

const TITLE = 'Lớp bồi dưỡng kỹ năng số cho cán bộ, công chức';
const LEARNER = 'Hà Văn Tâm';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('training classes (M12)', () => {
	it('the coordinator runs a training class: edits it, adds materials and the recording, marks a completion with its certificate, then cancels it', async () => {
		const page = await browser.page();
		await signIn(page, demo.coordinator);
		const campaignId = await openDemoPlan(page);

		// An online class: the meeting link must belong to the chosen platform.
		await page.goto(`/campaigns/${campaignId}/activities/new`);
		await page.getByLabel('Tên hoạt động').fill(TITLE);
		await page.getByLabel('Loại hoạt động').selectOption({ label: 'Lớp tập huấn, bồi dưỡng' });
		await page.getByLabel('Trực tuyến', { exact: true }).check();
		await page.getByLabel('Nền tảng trực tuyến').selectOption({ label: 'Zoom' });
		await page.getByLabel('Đường dẫn phòng họp').fill('https://meet.google.com/abc-defg-hij');
		await page.getByLabel('Bắt đầu').fill(vietnamDateTime(3, '14:00'));
		await page.getByLabel('Kết thúc').fill(vietnamDateTime(3, '16:00'));
		await page.getByRole('button', { name: 'Tạo hoạt động' }).click();
		await page.locator('#f-meetingUrl-error').waitFor();
		expect(await page.locator('#f-meetingUrl-error').textContent()).toContain('không thuộc nền tảng đã chọn');
		await page.getByLabel('Nền tảng trực tuyến').selectOption({ label: 'Google Meet' });
		await page.getByRole('button', { name: 'Tạo hoạt động' }).click();
		await page.waitForURL(/\/activities\/[0-9a-f-]{36}\/manage\?notice=created$/);
		const activityId = new URL(page.url()).pathname.split('/')[2];

		// Edited: the form opens with what was saved, and saves a change.
		await page.getByRole('link', { name: 'Sửa hoạt động' }).click();
		await page.getByRole('heading', { level: 1, name: 'Sửa hoạt động' }).waitFor();
		expect(await page.getByLabel('Nền tảng trực tuyến').inputValue()).toBe('google_meet');
		expect(await page.getByLabel('Bắt đầu').inputValue()).toBe(vietnamDateTime(3, '14:00'));
		await expectAccessible(page);
		await page.getByLabel('Số chỗ').fill('30');
		await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
		await page.getByText('Đã lưu thay đổi.').waitFor();
		await page.getByText('0 / 30 chỗ').first().waitFor();
		await page.getByRole('button', { name: 'Công bố' }).click();
		await page.getByText('Đã công bố hoạt động trên chương trình của Tuần lễ.').waitFor();

		// Materials: a file of another kind is refused, a PDF and a link are kept.
		const upload = page.locator('form[action="?/materialFile"]');
		await upload.getByLabel('Tệp tài liệu').setInputFiles({ name: 'bai-giang.exe', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00') });
		await upload.getByRole('button', { name: 'Tải tệp lên' }).click();
		await page.locator('#f-file-error').waitFor();
		expect(await page.locator('#f-file-error').textContent()).toContain('Loại tệp này không được nhận.');
		await expectAccessible(page);
		await upload.getByLabel('Tên tài liệu (để trống: dùng tên tệp)').fill('Bài giảng kỹ năng số');
		await upload.getByLabel('Tệp tài liệu').setInputFiles({ name: 'bai-giang.pdf', mimeType: 'application/pdf', buffer: PDF });
		await upload.getByRole('button', { name: 'Tải tệp lên' }).click();
		await page.getByText('Đã thêm tài liệu.').waitFor();
		const link = page.locator('form[action="?/materialLink"]');
		await link.getByLabel('Tên tài liệu').fill('Tài liệu tham khảo');
		await link.getByLabel('Đường dẫn').fill('https://example.vn/tai-lieu');
		await link.getByRole('button', { name: 'Thêm đường dẫn' }).click();
		await page.getByText('Đã thêm tài liệu.').waitFor();
		expect(await page.locator('#materials li').count()).toBe(2);
		const file = await page.request.get((await page.locator('#materials').getByRole('link', { name: 'Bài giảng kỹ năng số' }).getAttribute('href'))!);
		expect(Buffer.from(await file.body()).equals(PDF)).toBe(true);

		// The recording after the class.
		await page.getByLabel('Đường dẫn bản ghi hình').fill('https://www.youtube.com/watch?v=abc123');
		await page.getByRole('button', { name: 'Lưu', exact: true }).click();
		await page.getByText('Đã lưu đường dẫn bản ghi hình.').waitFor();

		// A learner registered on their behalf completes the class and gets a certificate.
		const assist = page.locator('#assist');
		await assist.getByLabel('Họ và tên người dân').fill(LEARNER);
		await assist.getByLabel('E-mail').fill('havantam@example.vn');
		await assist.getByLabel(/Tôi đồng ý cho sử dụng thông tin đăng ký/).check();
		await assist.getByRole('button', { name: 'Đăng ký hộ' }).click();
		await page.getByText(`Đã đăng ký hộ ${LEARNER}.`, { exact: false }).waitFor();
		const row = () => page.locator('#roster tbody tr', { hasText: LEARNER });
		expect(await row().textContent()).toContain('Thống kê');
		await row().getByRole('button', { name: `Đánh dấu hoàn thành: ${LEARNER}` }).click();
		await page.getByText('Đã cập nhật kết quả hoàn thành lớp.').waitFor();
		const certificate = await page.request.get((await row().getByRole('link', { name: `Giấy chứng nhận (PDF) của ${LEARNER}` }).getAttribute('href'))!);
		expect(certificate.status()).toBe(200);
		expect(certificate.headers()['content-type']).toBe('application/pdf');
		expect(Buffer.from(await certificate.body()).subarray(0, 5).toString()).toBe('%PDF-');
		await expectAccessible(page);

		// Cancelling needs its box ticked; then the class shows as cancelled.
		await page.getByRole('button', { name: 'Huỷ hoạt động' }).click();
		await page.locator('#f-cancel-confirm-error').waitFor();
		await page.getByLabel('Tôi xác nhận huỷ hoạt động này').check();
		await page.getByRole('button', { name: 'Huỷ hoạt động' }).click();
		await page.getByText('Đã huỷ hoạt động; người đã đăng ký sẽ nhận thư báo.').waitFor();
		expect(await page.getByRole('link', { name: 'Sửa hoạt động' }).count()).toBe(0);

		// The staff of another unit may not open its management page.
		const staff = await browser.page();
		await signIn(staff, demo.staff);
		const refused = await staff.goto(`/activities/${activityId}/manage`);
		expect(refused?.status()).toBe(403);
	});
});
