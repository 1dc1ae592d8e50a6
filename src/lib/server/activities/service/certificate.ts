// The completion certificate of a training class (M12), on the documents domain's certificate
// sheet: the class, its host (and partner), the period, and a QR code to the verification page.
import * as m from '$lib/paraglide/messages';
import { formatDate } from '$lib/vn/dates';
import { renderCertificateSheet } from '../../documents/service';

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

/**
 * The certificate as a one-page PDF in `locale`, dates dd/mm/yyyy in Vietnam's time zone and the
 * QR code pointing at `verifyUrl`; it refuses nothing (the caller decides who may have it).
 */
export async function renderCertificatePdf(data: CertificateData, locale: 'vi' | 'en'): Promise<Buffer> {
	const t = { locale };
	const recipientName = data.recipientName.normalize('NFC');
	return renderCertificateSheet(
		{
			issuerLine: data.issuerLine,
			title: m.activities_certificate_title({}, t),
			lead: m.activities_certificate_certifies({}, t),
			recipientName,
			connector: m.activities_certificate_completed({}, t),
			subject: data.className,
			lines: [
				data.partnerName
					? m.activities_certificate_host_partner({ host: data.hostName, partner: data.partnerName }, t)
					: m.activities_certificate_host({ host: data.hostName }, t),
				m.activities_certificate_period({ start: formatDate(data.startsAt), end: formatDate(data.completedAt) }, t)
			],
			code: data.certificateCode,
			codeLabel: m.activities_certificate_code({ code: data.certificateCode }, t),
			verifyUrl: data.verifyUrl,
			verifyCaption: m.activities_certificate_verify({}, t),
			documentTitle: m.activities_certificate_document_title({ name: recipientName }, t),
			author: data.hostName
		},
		locale
	);
}
