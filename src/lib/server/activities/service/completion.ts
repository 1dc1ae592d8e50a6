// Training classes (M12): the host or the partner marks who completed the class; each completion
// gets a certificate (PDF with a QR code) that anyone can verify on a public page.
import { randomInt } from 'node:crypto';
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { findPartnerRow } from '../../partners/service';
import { TICKET_ALPHABET } from '$lib/features/activities/types';
import { selectRegistration, selectRegistrationByCertificate, selectRegistrationByToken, updateRegistrationRow } from '../queries';
import type { RegistrationRow } from '../tables';
import { loadActivityContext, requireManagedActivity, requireStaffedActivity } from './activity-context';
import { renderCertificatePdf } from './certificate';
import { siteUrl } from './registration-mail';
import { translate } from '../../core/http';
import { formatDate } from '$lib/vn/dates';
import type { CertificateCheck } from '$lib/features/documents/certificate';

/** Certificate codes: "CN-" and 10 characters without look-alikes. */
export function newCertificateCode(): string {
	let code = 'CN-';
	for (let i = 0; i < 10; i++) code += TICKET_ALPHABET[randomInt(TICKET_ALPHABET.length)];
	return code;
}

export function certificateVerifyUrl(code: string): string {
	return siteUrl(`/certificates/${code}`);
}

/**
 * Marks a registrant of a training class as having completed it (a certificate code is given) or
 * not (the code is withdrawn, and verification then says so). Audited. Refuses anyone but the
 * class's managers — its partner, host leaders, coordinators (FORBIDDEN) — an activity that is not
 * a training class (INVALID_TRANSITION), and a registrant without a place (VALIDATION).
 */
export async function setCompletion(db: Db, actor: Actor, activityId: string, input: { registrationId: string; completed: boolean }): Promise<RegistrationRow> {
	const ctx = await requireManagedActivity(db, actor, activityId);
	if (ctx.activity.type !== 'training_class') throw new AppError('INVALID_TRANSITION');
	const reg = await selectRegistration(db, input.registrationId);
	if (!reg || reg.activityId !== activityId) throw new AppError('NOT_FOUND');
	if (input.completed && reg.status !== 'registered') throw new AppError('VALIDATION', { fields: { _: `activities_ticket_${reg.status}` } });
	if (Boolean(reg.completedAt) === input.completed) return reg;
	return db.transaction(async (tx) => {
		const at = now();
		const row = await updateRegistrationRow(tx, reg.id, input.completed ? { completedAt: at, certificateCode: newCertificateCode(), updatedAt: at } : { completedAt: null, certificateCode: null, updatedAt: at });
		await recordAudit(tx, actor, {
			orgId: row.orgId,
			orgPath: ctx.campaign.orgPath,
			entity: 'registration',
			entityId: row.id,
			action: input.completed ? 'complete' : 'uncomplete',
			before: { completedAt: reg.completedAt, certificateCode: reg.certificateCode },
			after: { completedAt: row.completedAt, certificateCode: row.certificateCode }
		});
		return row;
	});
}

/** What the public verification page shows of a certificate. */
export interface CertificateView {
	code: string;
	valid: boolean;
	recipientName: string;
	className: string;
	activityId: string;
	partnerName: string | null;
	hostName: string;
	startsAt: Date;
	completedAt: Date;
}

async function certificateView(db: Db, reg: RegistrationRow): Promise<CertificateView> {
	const ctx = await loadActivityContext(db, reg.activityId);
	const partner = ctx.activity.partnerId ? await findPartnerRow(db, ctx.activity.partnerId) : undefined;
	return {
		code: reg.certificateCode ?? '',
		valid: Boolean(reg.completedAt && reg.certificateCode) && reg.status === 'registered',
		recipientName: reg.name,
		className: ctx.activity.title,
		activityId: ctx.activity.id,
		partnerName: partner?.name ?? null,
		hostName: ctx.hostUnit.name,
		startsAt: ctx.activity.startsAt,
		completedAt: reg.completedAt ?? ctx.activity.endsAt
	};
}

/** Anyone verifies a certificate by its code (from the QR code); NOT_FOUND for a code never given or withdrawn. */
export async function verifyCertificate(db: Db, code: string): Promise<CertificateView> {
	const reg = /^CN-[A-Z0-9]{10}$/.test(code) ? await selectRegistrationByCertificate(db, code) : undefined;
	if (!reg) throw new AppError('NOT_FOUND');
	return certificateView(db, reg);
}

/** The certificate as the shared verification page shows it, labels in `locale`; NOT_FOUND as verifyCertificate. */
export async function checkCertificate(db: Db, code: string, locale: 'vi' | 'en'): Promise<CertificateCheck> {
	const view = await verifyCertificate(db, code);
	const details = [{ label: translate('activities_verify_host', {}, locale), value: view.hostName }];
	if (view.partnerName) details.push({ label: translate('activities_verify_partner', {}, locale), value: view.partnerName });
	details.push({ label: translate('activities_verify_completed', {}, locale), value: formatDate(view.completedAt) });
	return {
		code: view.code,
		valid: view.valid,
		revokedReason: null,
		recipientName: view.recipientName,
		subject: view.className,
		subjectHref: `/activities/${view.activityId}`,
		issuer: view.partnerName ? `${view.hostName} – ${view.partnerName}` : view.hostName,
		issuedOn: view.completedAt,
		details
	};
}

async function certificatePdf(db: Db, reg: RegistrationRow, locale: 'vi' | 'en'): Promise<{ fileName: string; pdf: Buffer }> {
	if (!reg.certificateCode || !reg.completedAt) throw new AppError('NOT_FOUND');
	const view = await certificateView(db, reg);
	const pdf = await renderCertificatePdf(
		{
			recipientName: view.recipientName,
			className: view.className,
			partnerName: view.partnerName,
			hostName: view.hostName,
			startsAt: view.startsAt,
			completedAt: view.completedAt,
			certificateCode: reg.certificateCode,
			verifyUrl: certificateVerifyUrl(reg.certificateCode),
			issuerLine: view.partnerName ? `${view.hostName} – ${view.partnerName}` : view.hostName
		},
		locale
	);
	return { fileName: `chung-nhan-${reg.certificateCode}.pdf`, pdf };
}

/** The certificate PDF for the registrant (by their mailed token). */
export async function certificatePdfByToken(db: Db, token: string, locale: 'vi' | 'en' = 'vi'): Promise<{ fileName: string; pdf: Buffer }> {
	const reg = token ? await selectRegistrationByToken(db, token) : undefined;
	if (!reg) throw new AppError('NOT_FOUND');
	return certificatePdf(db, reg, locale);
}

/** The certificate PDF for the class's staff (to print and hand over). */
export async function certificatePdfForStaff(db: Db, actor: Actor, activityId: string, registrationId: string, locale: 'vi' | 'en' = 'vi'): Promise<{ fileName: string; pdf: Buffer }> {
	await requireStaffedActivity(db, actor, activityId);
	const reg = await selectRegistration(db, registrationId);
	if (!reg || reg.activityId !== activityId) throw new AppError('NOT_FOUND');
	return certificatePdf(db, reg, locale);
}
