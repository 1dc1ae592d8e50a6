// One certificate sheet for every domain that hands out certificates (completion of a class,
// contest prizes, commendations): A4 landscape in Liberation Serif (embedded, every Vietnamese
// letter), a double border, the recipient's name large, and a QR code that opens the public
// verification page /certificates/{code}. The caller supplies every text in the reader's language.
import PDFDocument from 'pdfkit';
import { qrPng } from '../../core/qr';
import { FONT_NAMES as FONT, registerFonts } from './render-pdf';

export interface CertificateSheet {
	/** The issuing body as printed at the top, e.g. "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH SƠN LA". */
	issuerLine: string;
	/** The sheet's heading, e.g. "GIẤY CHỨNG NHẬN HOÀN THÀNH", "GIẤY KHEN". */
	title: string;
	/** The words before the name, e.g. "Chứng nhận", "Tặng". */
	lead: string;
	recipientName: string;
	/** The words between the name and the subject, e.g. "đã hoàn thành lớp học"; may be empty. */
	connector: string;
	/** What the certificate is for, in bold: the class, the contest and prize, the achievement. */
	subject: string;
	/** Further centred lines under the subject: host, period, decision number and date. */
	lines: string[];
	/** The signer's block, bottom centre-right: place and date, title, name. */
	signer?: { placeDate: string; title: string; name: string };
	code: string;
	/** The printed code, e.g. "Số hiệu: CN-…". */
	codeLabel: string;
	verifyUrl: string;
	/** The caption under the QR code, e.g. "Quét mã để xác minh giấy chứng nhận". */
	verifyCaption: string;
	/** The PDF's title and author (document properties). */
	documentTitle: string;
	author: string;
}

const INK = '#1a1a1a';
const ACCENT = '#1f3a68';
const MARGIN = 72;
const QR_SIZE = 96;

/** The largest size from `max` down to `min` at which `text` fits in `lines` lines of `width`. */
function fitSize(doc: PDFKit.PDFDocument, text: string, font: string, max: number, min: number, width: number, lines: number): number {
	for (let size = max; size > min; size -= 1) {
		doc.font(font).fontSize(size);
		if (doc.heightOfString(text, { width, lineGap: 0 }) <= doc.currentLineHeight(true) * lines + 0.5) return size;
	}
	return min;
}

/** The certificate as a one-page PDF; it refuses nothing (the caller decides who may have it). */
export async function renderCertificateSheet(sheet: CertificateSheet, locale: 'vi' | 'en'): Promise<Buffer> {
	const nfc = (s: string) => s.normalize('NFC');
	const qr = await qrPng(sheet.verifyUrl, 400);
	const doc = new PDFDocument({
		size: 'A4',
		layout: 'landscape',
		margin: 0,
		// No built-in Helvetica: its metrics files are not in the build, and it has no Vietnamese.
		font: null as unknown as string,
		lang: locale === 'vi' ? 'vi-VN' : 'en',
		displayTitle: true,
		info: { Title: nfc(sheet.documentTitle), Author: nfc(sheet.author), Subject: sheet.code, Creator: 'LearnWeek' }
	});
	registerFonts(doc);
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});

	const { width: W, height: H } = doc.page;
	const inner = W - 2 * MARGIN;
	doc.lineWidth(3).strokeColor(ACCENT).rect(24, 24, W - 48, H - 48).stroke();
	doc.lineWidth(0.8).rect(32, 32, W - 64, H - 64).stroke();

	const centred = (s: string, font: string, size: number, y: number, color = INK) =>
		doc.font(font).fontSize(size).fillColor(color).text(nfc(s), MARGIN, y, { width: inner, align: 'center' });

	centred(sheet.issuerLine, FONT.bold, 13, 64);
	centred(sheet.title, FONT.bold, fitSize(doc, nfc(sheet.title), FONT.bold, 30, 18, inner, 1), 116, ACCENT);
	centred(sheet.lead, FONT.italic, 16, 190);
	const name = nfc(sheet.recipientName);
	const nameSize = fitSize(doc, name, FONT.boldItalic, 36, 18, inner, 1);
	centred(name, FONT.boldItalic, nameSize, 218 + (36 - nameSize) / 2, ACCENT);
	if (sheet.connector) centred(sheet.connector, FONT.regular, 16, 282);
	const subject = nfc(sheet.subject);
	centred(subject, FONT.bold, fitSize(doc, subject, FONT.bold, 22, 12, inner, 2), sheet.connector ? 308 : 290);
	for (const line of sheet.lines) {
		doc.moveDown(0.3);
		doc.font(FONT.regular).fontSize(14).fillColor(INK).text(nfc(line), MARGIN, doc.y, { width: inner, align: 'center' });
	}

	// The verification block sits bottom right; the certificate's number bottom left, on the QR's baseline.
	const qrX = W - MARGIN - QR_SIZE - 40;
	const qrY = H - MARGIN - QR_SIZE - 28;
	if (sheet.signer) {
		const x = W / 2 - 40;
		const width = qrX - x - 24;
		const y = Math.max(doc.y + 12, qrY - 30);
		doc.font(FONT.italic).fontSize(12).fillColor(INK).text(nfc(sheet.signer.placeDate), x, y, { width, align: 'center' });
		doc.font(FONT.bold).fontSize(13).text(nfc(sheet.signer.title), x, doc.y, { width, align: 'center' });
		doc.moveDown(2.2);
		doc.font(FONT.bold).fontSize(13).text(nfc(sheet.signer.name), x, doc.y, { width, align: 'center' });
	}
	doc.image(qr, qrX, qrY, { width: QR_SIZE, height: QR_SIZE });
	const captionWidth = QR_SIZE + 160;
	const captionX = qrX + QR_SIZE / 2 - captionWidth / 2;
	doc.font(FONT.italic).fontSize(9).fillColor(INK).text(nfc(sheet.verifyCaption), captionX, qrY + QR_SIZE + 2, { width: captionWidth, align: 'center' });
	doc.font(FONT.regular).fontSize(8).text(sheet.verifyUrl, captionX, doc.y, { width: captionWidth, align: 'center', link: sheet.verifyUrl });
	doc.font(FONT.bold).fontSize(12).text(nfc(sheet.codeLabel), MARGIN + 40, qrY + QR_SIZE - 14, { lineBreak: false });

	doc.end();
	return done;
}
