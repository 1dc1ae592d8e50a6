import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { createTestDb } from '../db/testing';
import { resetSettings } from '../core/env';
import { systemActor, type Actor } from '../auth/actor';
import { listOutbox, sendMail } from './service';

const db = await createTestDb();

// A real SMTP server on loopback receives what the app sends.
const received: Array<{ to: string; body: string }> = [];
const smtp = new SMTPServer({
	authOptional: true,
	disabledCommands: ['STARTTLS'],
	onData(stream, session, callback) {
		let body = '';
		stream.on('data', (c) => (body += c.toString()));
		stream.on('end', () => {
			received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body });
			callback();
		});
	}
});
let port = 0;

beforeAll(async () => {
	await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
	port = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
	delete process.env.SMTP_URL;
	resetSettings();
	await new Promise<void>((r) => smtp.close(() => r()));
});

describe('mail', () => {
	it('keeps mail in the outbox when no SMTP server is set', async () => {
		delete process.env.SMTP_URL;
		resetSettings();
		const result = await sendMail(db, { to: 'a@sonla.gov.vn', subject: 'Thư thử', text: 'Nội dung' });
		expect(result.delivered).toBe(false);
		const outbox = await listOutbox(db, systemActor());
		expect(outbox[0]).toMatchObject({ to: 'a@sonla.gov.vn', subject: 'Thư thử', transport: 'outbox' });
	});

	it('delivers through SMTP_URL with Vietnamese text intact', async () => {
		process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
		resetSettings();
		const result = await sendMail(db, { to: 'b@sonla.gov.vn', subject: 'Học tập suốt đời', text: 'Tuần lễ hưởng ứng' });
		expect(result.delivered).toBe(true);
		expect(received.at(-1)?.to).toBe('b@sonla.gov.vn');
		expect(received.at(-1)?.body).toMatch(/Subject: =\?UTF-8\?/);
	});

	it('keeps the error when the SMTP server cannot be reached, without failing the caller', async () => {
		process.env.SMTP_URL = 'smtp://127.0.0.1:1';
		resetSettings();
		const result = await sendMail(db, { to: 'c@sonla.gov.vn', subject: 'x', text: 'y' });
		expect(result.delivered).toBe(false);
		const row = (await listOutbox(db, systemActor())).find((r) => r.id === result.id);
		expect(row?.error).toBeTruthy();
	});

	it('refuses the outbox to anyone but administrators', async () => {
		const coordinator: Actor = { kind: 'user', userId: 'u', grants: [{ role: 'coordinator', orgId: 'o', orgPath: '/o/' }] };
		await expect(listOutbox(db, coordinator)).rejects.toMatchObject({ code: 'FORBIDDEN' });
	});
});
