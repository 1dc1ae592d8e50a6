// Award certificates (Giấy khen, Giấy chứng nhận…) on the documents domain's certificate sheet:
// one per recipient of an issued decision, with a QR code to /certificates/KT-…, which answers
// valid or revoked with its reason.
import type { Db } from '../../db/types';
import { settings } from '../../core/env';
import { translate } from '../../core/http';
import type { Actor } from '../../auth/actor';
import { renderCertificateSheet } from '../../documents/service';
import { campaignPlaceAndDate } from '../../../features/campaigns/format';
import type { CertificateCheck } from '../../../features/documents/certificate';
import { formatDate } from '../../../vn/dates';
import { awardCertificateOf, verifyAwardCertificate } from './awards';

/** The public verification page of a certificate code. */
export function awardCertificateUrl(code: string): string {
	return `${settings().ORIGIN.replace(/\/$/, '')}/certificates/${code}`;
}

/** An award certificate as the shared verification page shows it, labels in `locale`; NOT_FOUND for a code never given. */
export async function checkAwardCertificate(db: Db, code: string, locale: 'vi' | 'en'): Promise<CertificateCheck> {
	const v = await verifyAwardCertificate(db, code);
	const t = (key: string, params: Record<string, unknown> = {}) => translate(key, params, locale);
	return {
		code: v.code,
		valid: v.valid,
		revokedReason: v.revokeReason,
		recipientName: v.recipientName,
		subject: `${v.formName}: ${v.citation}`,
		subjectHref: null,
		issuer: v.orgName,
		issuedOn: new Date(`${v.decisionDate}T00:00:00+07:00`),
		details: [
			...(v.unitName ? [{ label: t('recognition_verify_unit'), value: v.unitName }] : []),
			{ label: t('recognition_verify_decision'), value: t('recognition_reference', { reference: v.decisionReference, date: formatDate(v.decisionDate) }) },
			{ label: t('recognition_verify_signer'), value: [v.signerPosition, v.signerName].filter(Boolean).join(' ') }
		]
	};
}

/**
 * The certificate of a recipient of an issued decision as a one-page PDF: name, form, achievement,
 * decision number and date, the signer, and the QR code. For the campaign's overseers (NOT_FOUND
 * otherwise, and for a recipient of a draft).
 */
export async function awardCertificatePdf(db: Db, actor: Actor, recipientId: string, locale: 'vi' | 'en' = 'vi'): Promise<{ fileName: string; pdf: Buffer }> {
	const c = await awardCertificateOf(db, actor, recipientId);
	const t = (key: string, params: Record<string, unknown> = {}) => translate(key, params, locale);
	const [authority, ...rest] = c.signerLines;
	const name = rest.pop() ?? '';
	const pdf = await renderCertificateSheet(
		{
			issuerLine: c.orgName.toLocaleUpperCase('vi'),
			title: c.formName.toLocaleUpperCase('vi'),
			lead: t('recognition_certificate_lead'),
			recipientName: c.recipientName,
			connector: c.unitName ? c.unitName : '',
			subject: c.citation,
			lines: [t('recognition_certificate_decision', { reference: c.decisionReference, date: formatDate(c.decisionDate) })],
			signer: { placeDate: campaignPlaceAndDate({ place: c.place, documentDate: c.decisionDate, year: c.year }), title: [authority, ...rest].filter(Boolean).join('\n'), name },
			code: c.code,
			codeLabel: t('recognition_certificate_code', { code: c.code }),
			verifyUrl: awardCertificateUrl(c.code),
			verifyCaption: t('recognition_certificate_verify'),
			documentTitle: t('recognition_certificate_document_title', { form: c.formName, name: c.recipientName }),
			author: c.orgName
		},
		locale
	);
	return { fileName: `giay-khen-${c.code}.pdf`, pdf };
}
