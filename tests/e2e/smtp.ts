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

/** Splits a raw single-part message into its decoded subject and text (what nodemailer sends for a text mail). */
export function parseMail(raw: string): { subject: string; text: string } {
	const split = raw.search(/\r?\n\r?\n/);
	const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
	const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
	const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
	const encoding = header('Content-Transfer-Encoding').toLowerCase();
	let text = body;
	if (encoding === 'base64') text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	else if (encoding === 'quoted-printable') text = qpBytes(body.replace(/=\r?\n/g, '')).toString('utf8');
	return { subject: decodeHeader(header('Subject')), text: text.replace(/\r\n/g, '\n').replace(/\n$/, '') };
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
