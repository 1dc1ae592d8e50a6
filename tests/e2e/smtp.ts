// A real SMTP server for the end-to-end stories. global-setup starts it before the app and gives
// the app its SMTP_URL; every mail received is appended, decoded, as one JSON line to a mailbox
// file whose path the stories get with `inject('smtpMailbox')` (stories run in other processes,
// so a file is what they can share).
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The JSON-lines file of mails the test SMTP server received. */
		smtpMailbox: string;
	}
}

export interface ReceivedMail {
	/** Envelope recipients. */
	to: string[];
	from: string;
	/** Decoded (RFC 2047). */
	subject: string;
	/** The text body, decoded (quoted-printable or base64, UTF-8). */
	text: string;
	/** Attached files of a multipart mail, decoded as UTF-8 text (calendars, CSV…). */
	attachments?: Array<{ filename: string; contentType: string; content: string }>;
	at: string;
}

/** Decodes RFC 2047 encoded words ("=?UTF-8?B?…?=", "=?UTF-8?Q?…?="), joining adjacent ones. */
export function decodeHeader(value: string): string {
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, enc: string, data: string) => {
			const bytes = enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : qpBytes(data.replace(/_/g, ' '));
			return bytes.toString('utf8');
		});
}

function qpBytes(data: string): Buffer {
	const out: number[] = [];
	for (let i = 0; i < data.length; i++) {
		if (data[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(data.slice(i + 1, i + 3))) {
			out.push(parseInt(data.slice(i + 1, i + 3), 16));
			i += 2;
		} else out.push(...Buffer.from(data[i], 'utf8'));
	}
	return Buffer.from(out);
}

function splitPart(raw: string): { header: (name: string) => string; body: string } {
	const split = raw.search(/\r?\n\r?\n/);
	const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
	const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
	return { header: (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '', body };
}

function decodeBody(body: string, encoding: string): string {
	let text = body;
	if (encoding === 'base64') text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	else if (encoding === 'quoted-printable') text = qpBytes(body.replace(/=\r?\n/g, '')).toString('utf8');
	return text;
}

/**
 * Splits a raw message into its decoded subject, text and attachments: a single-part text mail, or
 * a multipart/mixed one (text plus files) as nodemailer sends them.
 */
export function parseMail(raw: string): { subject: string; text: string; attachments?: Array<{ filename: string; contentType: string; content: string }> } {
	const { header, body } = splitPart(raw);
	const subject = decodeHeader(header('Subject'));
	const boundary = /boundary="?([^";]+)"?/i.exec(header('Content-Type'))?.[1];
	if (!boundary) return { subject, text: decodeBody(body, header('Content-Transfer-Encoding').toLowerCase()).replace(/\r\n/g, '\n').replace(/\n$/, '') };
	let text = '';
	const attachments: Array<{ filename: string; contentType: string; content: string }> = [];
	for (const chunk of body.split(`--${boundary}`).slice(1)) {
		if (chunk.startsWith('--')) break;
		const part = splitPart(chunk.replace(/^\r?\n/, ''));
		const type = part.header('Content-Type');
		const content = decodeBody(part.body.replace(/\r?\n$/, ''), part.header('Content-Transfer-Encoding').toLowerCase());
		const filename = /filename="?([^";]+)"?/i.exec(`${part.header('Content-Disposition')}; ${type}`)?.[1];
		if (filename) attachments.push({ filename, contentType: type.split(';')[0].trim(), content });
		else if (!text && /^text\/plain/i.test(type)) text = content.replace(/\r\n/g, '\n').replace(/\n$/, '');
	}
	return { subject, text, attachments };
}

/** Starts the server on a free loopback port; `url` is the app's SMTP_URL, `mailboxFile` the stories' mailbox. */
export async function startSmtpServer(): Promise<{ url: string; mailboxFile: string; close(): Promise<void> }> {
	const dir = mkdtempSync(join(tmpdir(), 'learnweek-smtp-'));
	const mailboxFile = join(dir, 'mailbox.jsonl');
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				const mail: ReceivedMail = {
					to: session.envelope.rcptTo.map((r) => r.address),
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					...parseMail(Buffer.concat(chunks).toString('utf8')),
					at: new Date().toISOString()
				};
				appendFileSync(mailboxFile, `${JSON.stringify(mail)}\n`);
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const { port } = server.server.address() as AddressInfo;
	return {
		url: `smtp://127.0.0.1:${port}`,
		mailboxFile,
		close: async () => {
			await new Promise<void>((resolve) => server.close(() => resolve()));
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** Every mail received so far. */
export function readMailbox(mailboxFile: string): ReceivedMail[] {
	if (!existsSync(mailboxFile)) return [];
	return readFileSync(mailboxFile, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line) as ReceivedMail);
}

/** Waits until a mail matching `predicate` has been received (the app's job worker polls every JOBS_POLL_MS). */
export async function waitForMail(mailboxFile: string, predicate: (mail: ReceivedMail) => boolean, timeoutMs = 30_000): Promise<ReceivedMail> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = readMailbox(mailboxFile).find(predicate);
		if (found) return found;
		if (Date.now() > deadline) {
			const subjects = readMailbox(mailboxFile).map((m) => `${m.to.join(',')}: ${m.subject}`);
			throw new Error(`no matching mail within ${timeoutMs} ms; received:\n${subjects.join('\n')}`);
		}
		await new Promise((r) => setTimeout(r, 250));
	}
}
