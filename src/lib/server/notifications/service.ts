import type { Db } from '../db/types';
import { AppError } from '../core/errors';
import { newId } from '../core/ids';
import { logger } from '../core/logger';
import { deliverMail, smtpConfigured, type OutgoingMail } from '../core/mail';
import type { Actor } from '../auth/actor';
import { canReadOutbox } from './policy';
import { insertMail, markMail, selectMail, selectMailById } from './queries';
import type { MailMessageRow } from './tables';

/**
 * Keeps the mail and sends it through SMTP when SMTP_URL is set; otherwise it waits in the
 * development outbox. A failed delivery is kept with its error and does not fail the caller.
 */
export async function sendMail(db: Db, mail: OutgoingMail): Promise<{ id: string; delivered: boolean }> {
	const id = newId();
	const transport = smtpConfigured() ? 'smtp' : 'outbox';
	await insertMail(db, { id, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? null, transport });
	if (transport === 'outbox') return { id, delivered: false };
	try {
		await deliverMail(mail);
		await markMail(db, id, { sentAt: new Date() });
		return { id, delivered: true };
	} catch (e) {
		logger.error({ err: e, mailId: id }, 'mail delivery failed');
		await markMail(db, id, { error: String((e as Error).message ?? e) });
		return { id, delivered: false };
	}
}

/** The latest mails, for administrators; refuses everyone else. */
export async function listOutbox(db: Db, actor: Actor, limit = 100): Promise<MailMessageRow[]> {
	if (!canReadOutbox(actor)) throw new AppError('FORBIDDEN');
	return selectMail(db, limit);
}

/** One mail of the outbox, for administrators. */
export async function getOutboxMail(db: Db, actor: Actor, id: string): Promise<MailMessageRow> {
	if (!canReadOutbox(actor)) throw new AppError('FORBIDDEN');
	const row = await selectMailById(db, id);
	if (!row) throw new AppError('NOT_FOUND');
	return row;
}
