// Certificates of creative contests (M13, issue 6 §7): when the results are published, the first
// places of the ranking get a prize certificate and every other entry still in the contest one
// for taking part. Each has a code ST-… printed with a QR code to /certificates/{code}, where
// anyone checks it; disqualifying an entry afterwards revokes its certificate with the reason.
import { randomInt } from 'node:crypto';
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { settings } from '../../core/env';
import { translate } from '../../core/http';
import type { Actor } from '../../auth/actor';
import { renderCertificateSheet } from '../../documents/service';
import { formatDate } from '$lib/vn/dates';
import type { CertificateCheck } from '$lib/features/documents/certificate';
import { insertCertificates, selectCertificate, selectCertificateOfEntry, selectEntriesOfContest } from '../queries';
import type { CreativeCertificateRow } from '../tables';
import { loadContest, loadEntry } from './context';
import { requireReadableEntry } from './entries';

/** Places 1 to 3 get a prize (Giải Nhất, Nhì, Ba); equal scores share a place. */
export const PRIZE_PLACES = 3;

// Codes without look-alike letters (0/O, 1/I/L): 31¹⁰ ≈ 8 × 10¹⁴ codes.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

function newCode(): string {
	let code = 'ST-';
	for (let i = 0; i < 10; i++) code += ALPHABET[randomInt(ALPHABET.length)];
	return code;
}

export function certificateVerifyUrl(code: string): string {
	return `${settings().ORIGIN.replace(/\/$/, '')}/certificates/${code}`;
}

/**
 * Gives the contest's certificates from its published ranking (call inside the publishing
 * transaction): a prize for each ranked entry in the first `PRIZE_PLACES` places, taking part for
 * every other entry still in the contest. An entry that has one keeps it.
 */
export async function issueContestCertificates(db: Db, contestId: string, ranking: Array<{ entryId: string; rank: number }>, at: Date): Promise<void> {
	const entries = (await selectEntriesOfContest(db, contestId)).filter((e) => e.status === 'submitted');
	const places = new Map(ranking.filter((r) => r.rank <= PRIZE_PLACES).map((r) => [r.entryId, r.rank]));
	await insertCertificates(
		db,
		entries.map((e) => ({
			code: newCode(),
			contestId,
			entryId: e.id,
			orgId: e.orgId,
			recipientName: e.authorName,
			kind: places.has(e.id) ? 'prize' : 'participation',
			rank: places.get(e.id) ?? null,
			issuedAt: at
		}))
	);
}

function prizeName(cert: CreativeCertificateRow, locale: 'vi' | 'en'): string {
	return cert.kind === 'prize' && cert.rank ? translate(`creative_prize_${cert.rank}`, {}, locale) : translate('creative_certificate_participation', {}, locale);
}

/** What the public verification page shows of an ST- code; NOT_FOUND for an unknown one. */
export async function checkCreativeCertificate(db: Db, code: string, locale: 'vi' | 'en'): Promise<CertificateCheck> {
	const cert = await selectCertificate(db, code.toUpperCase());
	if (!cert) throw new AppError('NOT_FOUND');
	const { entry, contest, org } = await loadEntry(db, cert.entryId);
	return {
		code: cert.code,
		valid: !cert.revokedAt,
		revokedReason: cert.revokedReason,
		recipientName: cert.recipientName,
		subject: `${prizeName(cert, locale)} — ${contest.title}`,
		subjectHref: entry.publishable ? `/contests/creative/${contest.id}/entries/${entry.id}` : `/contests/creative/${contest.id}`,
		issuer: org.name,
		issuedOn: cert.issuedAt,
		details: [{ label: translate('creative_entry', {}, locale), value: entry.title }]
	};
}

/** The certificate of an entry, if it has one, to its author and the contest's managers; NOT_FOUND for others. */
export async function findEntryCertificate(db: Db, actor: Actor, entryId: string): Promise<CreativeCertificateRow | null> {
	const access = await requireReadableEntry(db, actor, entryId);
	if (!access.isAuthor && !access.canManage) return null;
	return (await selectCertificateOfEntry(db, entryId)) ?? null;
}

/**
 * An entry's certificate as a one-page PDF in `locale`, for its author and the contest's managers.
 * NOT_FOUND when there is none (or the actor may not have it), INVALID_TRANSITION once revoked.
 */
export async function entryCertificatePdf(db: Db, actor: Actor, entryId: string, locale: 'vi' | 'en'): Promise<{ fileName: string; pdf: Buffer }> {
	const cert = await findEntryCertificate(db, actor, entryId);
	if (!cert) throw new AppError('NOT_FOUND');
	if (cert.revokedAt) throw new AppError('INVALID_TRANSITION', { fields: { _: 'creative_certificate_revoked' } });
	const { contest, org, campaign } = await loadContest(db, cert.contestId);
	const { entry } = await loadEntry(db, entryId);
	const t = (key: string, params: Record<string, unknown> = {}) => translate(key, params, locale);
	const pdf = await renderCertificateSheet(
		{
			issuerLine: org.name.toUpperCase(),
			title: t('creative_certificate_title'),
			lead: t('creative_certificate_lead'),
			recipientName: cert.recipientName,
			connector: cert.kind === 'prize' ? t('creative_certificate_won') : t('creative_certificate_took_part'),
			subject: cert.kind === 'prize' ? `${prizeName(cert, locale)} — ${contest.title}` : contest.title,
			lines: [t('creative_certificate_entry', { title: entry.title }), campaign.title, t('creative_certificate_issued', { date: formatDate(cert.issuedAt) })],
			code: cert.code,
			codeLabel: t('creative_certificate_code', { code: cert.code }),
			verifyUrl: certificateVerifyUrl(cert.code),
			verifyCaption: t('creative_certificate_verify'),
			documentTitle: t('creative_certificate_document_title', { name: cert.recipientName }),
			author: org.name
		},
		locale
	);
	return { fileName: `chung-nhan-${cert.code}.pdf`, pdf };
}
