import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { renderCertificatePdf, type CertificateData } from './certificate';

const work = mkdtempSync(join(tmpdir(), 'lw-certificate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(command: string, args: string[]): string {
	return execFileSync(command, args, { encoding: 'utf8' });
}

function pdfFile(name: string, pdf: Buffer): string {
	const path = join(work, `${name}.pdf`);
	writeFileSync(path, pdf);
	return path;
}

const data: CertificateData = {
	recipientName: 'Nguyễn Thị Ánh Tuyết',
	className: 'Kỹ năng số cho người cao tuổi: sử dụng điện thoại thông minh an toàn',
	partnerName: 'Quỹ Học bổng Việt',
	hostName: 'Thư viện tỉnh Sơn La',
	// 23:30 on 30/09 in UTC is already 01/10 in Hà Nội.
	startsAt: new Date('2025-09-30T23:30:00Z'),
	completedAt: new Date('2025-10-07T10:00:00Z'),
	certificateCode: 'CN-2025-000123',
	verifyUrl: 'https://learnweek.example/xac-minh/CN-2025-000123',
	issuerLine: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH SƠN LA'
};

describe('renderCertificatePdf', () => {
	it('prints a Vietnamese certificate with the name, class, dates, code and verification URL', async () => {
		const path = pdfFile('vi', await renderCertificatePdf(data, 'vi'));
		const text = run('pdftotext', [path, '-']).replace(/\s+/g, ' ');
		expect(text).toContain('GIẤY CHỨNG NHẬN HOÀN THÀNH');
		expect(text).toContain('Nguyễn Thị Ánh Tuyết');
		expect(text).toContain('Kỹ năng số cho người cao tuổi: sử dụng điện thoại thông minh an toàn');
		expect(text).toContain('do Thư viện tỉnh Sơn La phối hợp với Quỹ Học bổng Việt tổ chức');
		expect(text).toContain('từ ngày 01/10/2025 đến ngày 07/10/2025');
		expect(text).toContain('CN-2025-000123');
		expect(text).toContain('https://learnweek.example/xac-minh/CN-2025-000123');
	});

	it('prints an English certificate, without a partner, with the same dd/mm/yyyy dates', async () => {
		const path = pdfFile('en', await renderCertificatePdf({ ...data, partnerName: null }, 'en'));
		const text = run('pdftotext', [path, '-']).replace(/\s+/g, ' ');
		expect(text).toContain('CERTIFICATE OF COMPLETION');
		expect(text).toContain('Nguyễn Thị Ánh Tuyết');
		expect(text).toContain('organised by Thư viện tỉnh Sơn La');
		expect(text).not.toContain('partnership');
		expect(text).toContain('Held from 01/10/2025 to 07/10/2025');
		expect(text).toContain('Certificate no. CN-2025-000123');
		expect(text).not.toContain('CHỨNG NHẬN');
	});

	it('embeds the Liberation Serif faces it uses and stays on one A4 landscape page', async () => {
		const path = pdfFile('fonts', await renderCertificatePdf(data, 'vi'));
		const fonts = run('pdffonts', [path]).split('\n').slice(2).filter(Boolean);
		expect(fonts.length).toBeGreaterThan(0);
		for (const line of fonts) expect(line).toMatch(/LiberationSerif.*\byes\s+yes\s+yes\b/);
		const info = run('pdfinfo', [path]);
		expect(info).toMatch(/Pages:\s+1\n/);
		expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
		expect(info).toMatch(/Title:\s+Giấy chứng nhận hoàn thành – Nguyễn Thị Ánh Tuyết\n/);
	});

	it('shrinks a long name to keep it on one line, and keeps a long class on the page', async () => {
		const recipientName = 'Tôn Nữ Hoàng Thị Phương Thảo Nguyễn Ngọc Bảo Châu Trần Lê Minh Khuê';
		const className = 'Bồi dưỡng kỹ năng số '.repeat(8).trim();
		const path = pdfFile('long', await renderCertificatePdf({ ...data, recipientName, className }, 'vi'));
		expect(run('pdfinfo', [path])).toMatch(/Pages:\s+1\n/);
		const lines = run('pdftotext', ['-layout', path, '-']).split('\n').map((l) => l.trim());
		expect(lines).toContain(recipientName);
		expect(run('pdftotext', [path, '-']).replace(/\s+/g, ' ')).toContain(className);
	});

	it('carries a QR code that a phone reads as the verification URL', async () => {
		const path = pdfFile('qr', await renderCertificatePdf(data, 'vi'));
		execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', path, join(work, 'qr-page')]);
		const page = PNG.sync.read(readFileSync(join(work, 'qr-page.png')));
		expect(jsQR(new Uint8ClampedArray(page.data), page.width, page.height)?.data).toBe(data.verifyUrl);
	});
});
