import nodemailer, { type Transporter } from 'nodemailer';
import { settings } from './env';

export interface OutgoingMail {
	to: string;
	subject: string;
	text: string;
	html?: string;
	attachments?: Array<{ filename: string; content: string | Buffer; contentType?: string }>;
}

let transporter: Transporter | undefined;
let transporterUrl: string | undefined;

/** True when SMTP_URL is set: mail leaves the machine. */
export function smtpConfigured(): boolean {
	return Boolean(settings().SMTP_URL);
}

/** Sends one mail over SMTP_URL; throws what the SMTP server answered on failure. */
export async function deliverMail(mail: OutgoingMail): Promise<void> {
	const url = settings().SMTP_URL;
	if (!url) throw new Error('SMTP_URL is not set');
	if (!transporter || transporterUrl !== url) {
		transporter = nodemailer.createTransport(url);
		transporterUrl = url;
	}
	await transporter.sendMail({ from: settings().MAIL_FROM, ...mail });
}
