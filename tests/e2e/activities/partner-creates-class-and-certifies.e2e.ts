// A partner (M12) runs its own training class: the demo's Viettel account creates the class, enrols
// two citizens at the door, marks one as having completed it, and the QR code on the certificate
// leads to the public page that shows it valid.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { demo, expectAccessible, signIn, useBrowser } from '../support';
import { vietnamDateTime } from './steps';

const browser = useBrowser();

const TITLE = 'Lớp tập huấn "Bảo vệ thông tin cá nhân trên mạng"';

/** Renders the PDF's first page and reads its QR code. */
function qrOfPdf(pdf: Buffer): string {
	const dir = mkdtempSync(join(tmpdir(), 'learnweek-certificate-'));
	try {
		writeFileSync(join(dir, 'c.pdf'), pdf);
		execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', join(dir, 'c.pdf'), join(dir, 'page')]);
		const png = PNG.sync.read(readFileSync(join(dir, 'page.png')));
		const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
		if (!code) throw new Error('no QR code on the certificate');
		return code.data;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

describe('a partner’s training class', () => {
	it('is created by the partner, who enrols learners, marks completion, and whose certificate verifies by its QR code', async () => {
		// The Office's public plan, as anyone finds it.
		const page = await browser.page();
		await signIn(page, demo.partner);
		await page.goto('/');
		await page.getByRole('listitem').filter({ hasText: 'Văn phòng UBND tỉnh' }).filter({ hasText: '01/10/2021' }).getByRole('link').click();
		await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
		const campaignId = new URL(page.url()).pathname.split('/').pop()!;

		// A class in person: the partner's own partner is chosen for it.
		await page.goto(`/campaigns/${campaignId}/activities/new`);
		await expectAccessible(page);
		await page.getByLabel('Tên hoạt động').fill(TITLE);
		await page.getByLabel('Loại hoạt động').selectOption({ label: 'Lớp tập huấn, bồi dưỡng' });
		await page.getByLabel('Trực tiếp', { exact: true }).check();
		await page.getByLabel('Địa điểm', { exact: true }).fill('Nhà văn hóa tổ 3, phường Chiềng An');
		await page.getByLabel('Đơn vị hành chính nơi tổ chức').selectOption({ label: 'Phường Chiềng An' });
		await page.getByLabel('Bắt đầu').fill(vietnamDateTime(4, '08:00'));
		await page.getByLabel('Kết thúc').fill(vietnamDateTime(4, '11:00'));
		await page.getByLabel('Số chỗ').fill('20');
		await page.getByLabel('Người dân', { exact: true }).check();
		await page.getByRole('button', { name: 'Tạo hoạt động' }).click();
		await page.waitForURL(/\/activities\/[0-9a-f-]{36}\/manage\?notice=created$/);
		const activityId = new URL(page.url()).pathname.split('/')[2];
		await page.getByRole('button', { name: 'Công bố' }).click();
		await page.getByText('Đã công bố hoạt động trên chương trình của Tuần lễ.').waitFor();

		// Two citizens enrolled at the door, on their behalf.
		const assist = page.locator('#assist');
		for (const [name, phone] of [
			['Lò Văn Sơn', '0912 111 222'],
			['Quàng Thị Hoa', '0912 333 444']
		]) {
			await assist.getByLabel('Họ và tên người dân').fill(name);
			await assist.getByLabel('Số điện thoại').fill(phone);
			await assist.getByRole('button', { name: 'Đăng ký hộ' }).click();
			await page.getByText(`Đã đăng ký hộ ${name}.`, { exact: false }).waitFor();
		}

		// One completes the class; the other does not get a certificate.
		const row = (name: string) => page.locator('#roster tbody tr', { hasText: name });
		await row('Lò Văn Sơn').getByRole('button', { name: 'Đánh dấu hoàn thành: Lò Văn Sơn' }).click();
		await page.getByText('Đã cập nhật kết quả hoàn thành lớp.').waitFor();
		await expectAccessible(page);
		expect(await row('Quàng Thị Hoa').getByRole('link', { name: /Giấy chứng nhận/ }).count()).toBe(0);
		const pdf = await page.request.get((await row('Lò Văn Sơn').getByRole('link', { name: 'Giấy chứng nhận (PDF) của Lò Văn Sơn' }).getAttribute('href'))!);
		expect(pdf.headers()['content-type']).toBe('application/pdf');

		// The QR code on the certificate opens its public verification page: valid, for this class.
		const url = qrOfPdf(Buffer.from(await pdf.body()));
		expect(url).toMatch(/\/certificates\/CN-[A-Z0-9]{10}$/);
		const visitor = await browser.page();
		const response = await visitor.goto(new URL(url).pathname);
		expect(response?.status()).toBe(200);
		await expectAccessible(visitor);
		const main = (await visitor.getByRole('main').textContent()) ?? '';
		expect(main).toContain('Giấy chứng nhận hợp lệ');
		expect(main).toContain('Lò Văn Sơn');
		expect(main).toContain(TITLE);
		expect(main).toContain('Viettel Sơn La');

		// The partner runs only its own classes: another activity's management page is refused.
		const other = await browser.page();
		await signIn(other, demo.coordinator);
		await other.goto(`/campaigns/${campaignId}/activities`);
		const seminarLink = other.getByRole('link', { name: /Quản lý: Tọa đàm trực tuyến "Học tập suốt đời trong kỷ nguyên số"/ });
		const seminarManage = await seminarLink.getAttribute('href');
		expect((await page.goto(seminarManage!))?.status()).toBe(403);
		expect(activityId).not.toBe(seminarManage!.split('/')[2]);
	});
});
