// Banners (băng rôn) and posters (áp phích) from the campaign's themes, as print-ready PDF in
// Liberation Serif (every Vietnamese letter embedded), and the M6 rule: no banner for a place
// under distancing on the days it would hang.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { parseInput } from '../../core/http';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { PDF_FONT_NAMES as FONT, registerPdfFonts } from '../../documents/service';
import { distancingAt } from '../../localities/service';
import { parseDate } from '$lib/vn/dates';
import { newsPrintInput, type NewsPrintInput } from '$lib/features/news/inputs';
import { NEWS_PRINT_FORMATS, type NewsPrintFormat } from '$lib/features/news/types';
import { canPrintForCampaign } from '../policy';
import { absoluteUrl, getNewsCampaign } from './read-posts';

const MM = 72 / 25.4;

/**
 * PDF pages stop at 14,400 pt (200 in, ISO 32000-1 Annex C), less than a 5 m banner: banners are
 * drawn at 1:10, the scale print shops take for large formats and enlarge without loss (vector
 * text). Posters are drawn at full size.
 */
export const BANNER_SCALE = 10;

function isBanner(format: NewsPrintFormat): boolean {
	return format.startsWith('banner_');
}

async function toBuffer(doc: PDFKit.PDFDocument, draw: () => void | Promise<void>): Promise<Buffer> {
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
	await draw();
	doc.end();
	return done;
}

/** The largest size (down to `min`) at which `text` fits `lines` lines of `width`. */
function fitSize(doc: PDFKit.PDFDocument, text: string, max: number, min: number, width: number, height: number): number {
	for (let size = max; size > min; size -= 1) {
		doc.font(FONT.bold).fontSize(size);
		if (doc.heightOfString(text, { width, align: 'center' }) <= height) return size;
	}
	return min;
}

/** A banner: the slogan in capitals, yellow on red, centred (the usual look of a băng rôn). */
async function renderBanner(format: NewsPrintFormat, slogan: string, title: string): Promise<Buffer> {
	const { widthMm, heightMm } = NEWS_PRINT_FORMATS[format];
	const W = (widthMm / BANNER_SCALE) * MM;
	const H = (heightMm / BANNER_SCALE) * MM;
	const doc = new PDFDocument({ size: [W, H], margin: 0, font: null as unknown as string, lang: 'vi-VN', displayTitle: true, info: { Title: `${slogan} — ${title} (1:${BANNER_SCALE})`, Creator: 'LearnWeek' } });
	registerPdfFonts(doc);
	return toBuffer(doc, () => {
		doc.rect(0, 0, W, H).fill('#c8102e');
		const text = slogan.toLocaleUpperCase('vi');
		const pad = H * 0.12;
		const size = fitSize(doc, text, Math.floor(H * 0.5), 6, W - 2 * pad, H - 2 * pad);
		doc.font(FONT.bold).fontSize(size);
		const h = doc.heightOfString(text, { width: W - 2 * pad, align: 'center' });
		doc.fillColor('#ffde00').text(text, pad, (H - h) / 2, { width: W - 2 * pad, align: 'center' });
	});
}

/** A poster: the campaign's title, the slogan, and the QR code of the campaign's public page. */
async function renderPoster(format: NewsPrintFormat, slogan: string, title: string, pageUrl: string): Promise<Buffer> {
	const { widthMm, heightMm } = NEWS_PRINT_FORMATS[format];
	const W = widthMm * MM;
	const H = heightMm * MM;
	const k = W / (210 * MM);
	const qr = await QRCode.toBuffer(pageUrl, { type: 'png', errorCorrectionLevel: 'M', width: 600 });
	const doc = new PDFDocument({ size: [W, H], margin: 0, font: null as unknown as string, lang: 'vi-VN', displayTitle: true, info: { Title: slogan, Subject: title, Creator: 'LearnWeek' } });
	registerPdfFonts(doc);
	return toBuffer(doc, () => {
		const m = 18 * MM * k;
		doc.rect(0, 0, W, H * 0.62).fill('#1f3a68');
		doc.font(FONT.bold).fontSize(16 * k).fillColor('#f3d27a').text(title.toLocaleUpperCase('vi'), m, m, { width: W - 2 * m, align: 'center' });
		const text = slogan;
		const size = fitSize(doc, text, Math.floor(40 * k), 12, W - 2 * m, H * 0.4);
		doc.font(FONT.bold).fontSize(size);
		const h = doc.heightOfString(text, { width: W - 2 * m, align: 'center' });
		doc.fillColor('#ffffff').text(text, m, H * 0.34 - h / 2, { width: W - 2 * m, align: 'center' });
		const q = 60 * MM * k;
		doc.image(qr, (W - q) / 2, H * 0.66, { width: q, height: q });
		doc.font(FONT.regular).fontSize(11 * k).fillColor('#1a1a1a').text(pageUrl, m, H * 0.66 + q + 6 * k, { width: W - 2 * m, align: 'center', link: pageUrl });
	});
}

/** Vietnam's midnight at the start of `iso` (yyyy-mm-dd). */
function startOfVietnamDay(iso: string): Date {
	return new Date(`${iso}T00:00:00+07:00`);
}

/**
 * A print-ready PDF of one of the campaign's slogans: a banner (0.8 × 5 m or 1 × 6 m, at 1:10) or
 * an A3/A4 poster with the QR code of the campaign's page. A banner names the administrative unit
 * where it will hang and the days. Refuses an unknown campaign (NOT_FOUND), anyone but the writers
 * of its node (FORBIDDEN), a slogan not among its themes, a banner without place or days, and a
 * banner for a place under distancing on those days (VALIDATION, adminUnitCode:
 * news_banner_under_distancing).
 */
export async function renderCampaignPrint(db: Db, actor: Actor, campaignId: string, input: NewsPrintInput): Promise<{ pdf: Buffer; fileName: string }> {
	const campaign = await getNewsCampaign(db, campaignId);
	if (!canPrintForCampaign(actor, campaign)) throw new AppError('FORBIDDEN');
	const data = parseInput(newsPrintInput, input);
	if (!campaign.themes.includes(data.slogan)) throw new AppError('VALIDATION', { fields: { slogan: 'news_slogan_not_theme' } });
	if (isBanner(data.format)) {
		const from = parseDate(data.from);
		const to = parseDate(data.to || data.from);
		const fields: Record<string, string> = {};
		if (!data.adminUnitCode) fields.adminUnitCode = 'field_required';
		if (!from) fields.from = data.from ? 'field_invalid_date' : 'field_required';
		if (!to || (from && to < from)) fields.to = 'field_invalid_date';
		if (Object.keys(fields).length) throw new AppError('VALIDATION', { fields });
		const order = await distancingAt(db, data.adminUnitCode, startOfVietnamDay(from!), new Date(startOfVietnamDay(to!).getTime() + 86_400_000));
		if (order) throw new AppError('VALIDATION', { fields: { adminUnitCode: 'news_banner_under_distancing' }, detail: { orderId: order.id } });
	}
	const pdf = isBanner(data.format) ? await renderBanner(data.format, data.slogan, campaign.title) : await renderPoster(data.format, data.slogan, campaign.title, absoluteUrl(`/campaigns/${campaign.id}`));
	await recordAudit(db, actor, { orgId: campaign.orgId, orgPath: campaign.orgPath, entity: 'campaign', entityId: campaign.id, action: 'news_print', after: { format: data.format, slogan: data.slogan, adminUnitCode: data.adminUnitCode || null } });
	return { pdf, fileName: `${data.format}.pdf` };
}
