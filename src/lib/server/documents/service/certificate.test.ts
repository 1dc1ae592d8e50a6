import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderCertificateSheet, type CertificateSheet } from './certificate';

const work = mkdtempSync(join(tmpdir(), 'lw-sheet-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sheet: CertificateSheet = {
	issuerLine: 'UBND TỈNH SƠN LA – SỞ GIÁO DỤC VÀ ĐÀO TẠO',
	title: 'GIẤY KHEN',
	lead: 'Tặng',
	recipientName: 'Lường Văn Hưởng',
	connector: '',
	subject: 'Đã có sáng kiến “Ứng dụng số hoá học liệu cho người dân bản”',
	lines: ['Theo Quyết định số 15/QĐ-SGDĐT ngày 20/10/2021'],
	signer: { placeDate: 'Sơn La, ngày 20 tháng 10 năm 2021', title: 'GIÁM ĐỐC', name: 'Nguyễn Văn Minh' },
	code: 'KT-ABCDEFGHJK',
	codeLabel: 'Số hiệu: KT-ABCDEFGHJK',
	verifyUrl: 'https://learnweek.example/certificates/KT-ABCDEFGHJK',
	verifyCaption: 'Quét mã để xác minh',
	documentTitle: 'Giấy khen – Lường Văn Hưởng',
	author: 'Sở Giáo dục và Đào tạo'
};

describe('renderCertificateSheet', () => {
	it('prints every line, the signer block and the code on one page, Vietnamese intact', async () => {
		const path = join(work, 'sheet.pdf');
		writeFileSync(path, await renderCertificateSheet(sheet, 'vi'));
		const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
		for (const s of ['GIẤY KHEN', 'Lường Văn Hưởng', 'Ứng dụng số hoá học liệu', 'Quyết định số 15/QĐ-SGDĐT', 'GIÁM ĐỐC', 'Nguyễn Văn Minh', 'KT-ABCDEFGHJK']) expect(text).toContain(s);
		expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
	});
});
