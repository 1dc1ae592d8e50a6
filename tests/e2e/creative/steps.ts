// Shared steps of the creative-contest stories: tiny media (from the domain's sample-media), the app's clock, Vietnam
// wall-clock values for datetime-local fields, and the tus protocol spoken with plain fetch.
import { request as httpRequest } from 'node:http';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { sampleExecutable, sampleWav } from '../../../src/lib/server/creative/service/sample-media';

/** A WAV recording of `seconds` (8 kHz, mono). */
export const wav = (seconds: number): Buffer => Buffer.from(sampleWav(seconds));
/** A Windows executable's first bytes: what a renamed .exe brings. */
export const executable = (size = 8192): Buffer => Buffer.from(sampleExecutable(size));

/** An instant `hours` from now as Vietnam wall-clock time for a datetime-local field. */
export function vietnamDateTime(hours: number): string {
	const at = new Date(Date.now() + hours * 3_600_000 + 7 * 3_600_000);
	return at.toISOString().slice(0, 16);
}

export async function setClock(baseURL: string, at: string | null): Promise<void> {
	const res = await fetch(`${baseURL}/testing/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ at }) });
	expect(res.status).toBe(200);
}

/** The signed-in page's cookies as one Cookie header, for requests sent beside the browser. */
export async function cookieHeader(page: Page): Promise<string> {
	return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

/** tus headers with the session cookie. */
export function tusHeaders(cookie: string, extra: Record<string, string> = {}): Record<string, string> {
	return { 'Tus-Resumable': '1.0.0', Cookie: cookie, ...extra };
}

export function uploadMetadata(m: Record<string, string>): string {
	return Object.entries(m)
		.map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
		.join(',');
}

/** Sends `bytes` from `offset` but drops the connection after `send` of them, as a phone losing its signal. */
export function patchAndDrop(url: string, cookie: string, offset: number, bytes: Buffer, send: number): Promise<void> {
	return new Promise((resolve) => {
		const req = httpRequest(url, { method: 'PATCH', headers: { ...tusHeaders(cookie), 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': String(offset), 'Content-Length': String(bytes.length) } });
		req.on('error', () => resolve());
		req.write(bytes.subarray(0, send), () =>
			setTimeout(() => {
				req.destroy();
				resolve();
			}, 200)
		);
	});
}

/** The offset the server holds, once it has taken in what arrived before a drop. */
export async function offsetAbove(url: string, cookie: string, above: number): Promise<number> {
	let offset = above;
	for (let i = 0; i < 60 && offset <= above; i++) {
		const head = await fetch(url, { method: 'HEAD', headers: tusHeaders(cookie) });
		expect(head.status).toBe(200);
		offset = Number(head.headers.get('upload-offset'));
		if (offset <= above) await new Promise((r) => setTimeout(r, 100));
	}
	return offset;
}
