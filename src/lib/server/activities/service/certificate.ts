// The completion certificate of a training class (M12): one A4 landscape page in Liberation Serif
// (embedded, every Vietnamese letter), with a QR code that opens the public verification page.
import PDFDocument from 'pdfkit';
import * as m from '$lib/paraglide/messages';
import { formatDate } from '$lib/vn/dates';
import { PDF_FONT_NAMES as FONT, registerPdfFonts } from '../../documents/service';
import { qrPng } from './qr';

export interface CertificateData {
	recipientName: string;
	className: string;
	partnerName: string | null;
	hostName: string;
	startsAt: Date;
	completedAt: Date;
	certificateCode: string;
	verifyUrl: string;
	/** The issuing body as printed at the top, e.g. "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH SƠN LA". */
	issuerLine: string;
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

/**
 * The certificate as a one-page PDF in `locale`, dates dd/mm/yyyy in Vietnam's time zone and the
 * QR code pointing at `verifyUrl`; it refuses nothing (the caller decides who may have it).
 */
export async function renderCertificatePdf(data: CertificateData, locale: 'vi' | 'en'): Promise<Buffer> {
	const t = { locale };
	const text = {
		recipient: data.recipientName.normalize('NFC'),
		className: data.className.normalize('NFC'),
		host: data.partnerName
			? m.activities_certificate_host_partner({ host: data.hostName, partner: data.partnerName }, t)
			: m.activities_certificate_host({ host: data.hostName }, t)
	};
	const qr = await qrPng(data.verifyUrl, 400);

	const doc = new PDFDocument({
		size: 'A4',
		layout: 'landscape',
		margin: 0,
		// No built-in Helvetica: its metrics files are not in the build, and it has no Vietnamese.
		font: null as unknown as string,
		lang: locale === 'vi' ? 'vi-VN' : 'en',
		displayTitle: true,
		info: {
			Title: m.activities_certificate_document_title({ name: text.recipient }, t),
			Author: data.hostName,
			Subject: data.certificateCode,
			Creator: 'LearnWeek'
		}
	});
	registerPdfFonts(doc);
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
		doc.font(font).fontSize(size).fillColor(color).text(s, MARGIN, y, { width: inner, align: 'center' });

	centred(data.issuerLine.normalize('NFC'), FONT.bold, 13, 64);
	centred(m.activities_certificate_title({}, t), FONT.bold, 30, 116, ACCENT);
	centred(m.activities_certificate_certifies({}, t), FONT.italic, 16, 190);
	const nameSize = fitSize(doc, text.recipient, FONT.boldItalic, 36, 18, inner, 1);
	centred(text.recipient, FONT.boldItalic, nameSize, 218 + (36 - nameSize) / 2, ACCENT);
	centred(m.activities_certificate_completed({}, t), FONT.regular, 16, 282);
	centred(text.className, FONT.bold, fitSize(doc, text.className, FONT.bold, 22, 12, inner, 2), 308);
	doc.moveDown(0.4);
	doc.font(FONT.regular).fontSize(14).fillColor(INK).text(text.host, MARGIN, doc.y, { width: inner, align: 'center' });
	doc.moveDown(0.2);
	const period = m.activities_certificate_period({ start: formatDate(data.startsAt), end: formatDate(data.completedAt) }, t);
	doc.text(period, MARGIN, doc.y, { width: inner, align: 'center' });

	// The verification block sits bottom right; the certificate's number bottom left, on the QR's baseline.
	const qrX = W - MARGIN - QR_SIZE - 40;
	const qrY = H - MARGIN - QR_SIZE - 28;
	doc.image(qr, qrX, qrY, { width: QR_SIZE, height: QR_SIZE });
	const captionWidth = QR_SIZE + 160;
	const captionX = qrX + QR_SIZE / 2 - captionWidth / 2;
	doc.font(FONT.italic).fontSize(9).fillColor(INK).text(m.activities_certificate_verify({}, t), captionX, qrY + QR_SIZE + 2, { width: captionWidth, align: 'center' });
	doc.font(FONT.regular).fontSize(8).text(data.verifyUrl, captionX, doc.y, { width: captionWidth, align: 'center', link: data.verifyUrl });
	doc.font(FONT.bold).fontSize(12).text(m.activities_certificate_code({ code: data.certificateCode }, t), MARGIN + 40, qrY + QR_SIZE - 14, { lineBreak: false });

	doc.end();
	return done;
}
