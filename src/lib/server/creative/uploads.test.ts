// The tus protocol over real HTTP: a server on the loopback that hands each request to the
// creative domain's handler, and a client that drops its connection in the middle of a piece.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, useTempFilesDir } from '../db/testing';
import { sha256 } from '../core/ids';
import { readStoredFile } from '../core/storage';
import type { Actor } from '../auth/actor';
import * as org from '../org/seed';
import { createCampaign } from '../campaigns/seed';
import { handleTusRequest, submitEntry, getUpload } from './service';
import { createContest, sampleExecutable, sampleWav } from './seed';

const db = await createTestDb();
const files = useTempFilesDir('creative-tus');
const storedCount = () => (existsSync(join(files, 'creative')) ? readdirSync(join(files, 'creative'), { recursive: true }).filter((f) => String(f).includes('-')).length : 0);

const office = await org.createOrgNode(db, { kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const campaign = await createCampaign(db, { orgId: office.id, year: 2021, status: 'running' });
const contest = await createContest(db, { campaignId: campaign.id, maxSizeMb: '1', maxDurationMinutes: '2' });
const entrant = await org.createActor(db, [], { name: 'Lò Thị Mai' });
const stranger = await org.createActor(db, [], { name: 'Người lạ' });
const actors: Record<string, Actor> = { mai: entrant, stranger };

/** The request body as a web stream that errors when the client drops, as adapter-node builds it. */
function bodyOf(req: IncomingMessage): ReadableStream<Uint8Array> {
	return new ReadableStream({
		start(controller) {
			req.on('data', (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
			req.on('end', () => controller.close());
			req.on('error', (e) => controller.error(e));
		}
	});
}

let server: Server;
let base = '';
beforeAll(async () => {
	server = createServer(async (req, res) => {
		req.on('error', () => undefined);
		const url = new URL(req.url ?? '/', base);
		const hasBody = req.method === 'POST' || req.method === 'PATCH';
		const request = new Request(url, { method: req.method, headers: req.headers as Record<string, string>, body: hasBody ? bodyOf(req) : undefined, duplex: 'half' } as RequestInit);
		const id = url.pathname.split('/')[2];
		const response = await handleTusRequest(db, actors[String(req.headers['x-test-user'])] ?? { kind: 'anonymous', grants: [] }, request, { id, collectionUrl: `${base}/uploads` });
		if (res.destroyed) return;
		res.writeHead(response.status, Object.fromEntries(response.headers));
		res.end(Buffer.from(await response.arrayBuffer()));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const tus = (user: string, extra: Record<string, string> = {}) => ({ 'Tus-Resumable': '1.0.0', 'X-Test-User': user, ...extra });
const meta = (m: Record<string, string>) => Object.entries(m).map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`).join(',');

async function create(length: number, user = 'mai', filename = 'bai-doc.wav'): Promise<Response> {
	return fetch(`${base}/uploads`, { method: 'POST', headers: tus(user, { 'Upload-Length': String(length), 'Upload-Metadata': meta({ contestId: contest.id, filename }) }) });
}

async function offsetOf(location: string, user = 'mai'): Promise<number> {
	const head = await fetch(location, { method: 'HEAD', headers: tus(user) });
	expect(head.status).toBe(200);
	return Number(head.headers.get('upload-offset'));
}

/** Sends `bytes` from `offset`, then drops the connection after `sendBytes` of them, as a phone losing its signal. */
function patchAndDrop(location: string, offset: number, bytes: Uint8Array, sendBytes: number): Promise<void> {
	return new Promise((resolve) => {
		const req = httpRequest(location, { method: 'PATCH', headers: { ...tus('mai'), 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': String(offset), 'Content-Length': String(bytes.length) } });
		req.on('error', () => resolve());
		req.write(Buffer.from(bytes.subarray(0, sendBytes)), () => setTimeout(() => {
			req.destroy();
			resolve();
		}, 150));
	});
}

/** Waits until the server has taken in what arrived before the drop. */
async function settledOffset(location: string, above: number): Promise<number> {
	for (let i = 0; i < 50; i++) {
		const o = await offsetOf(location);
		if (o > above) return o;
		await new Promise((r) => setTimeout(r, 50));
	}
	return offsetOf(location);
}

describe('resumable uploads (tus 1.0.0)', () => {
	it('tells the client what it speaks and refuses a request without the protocol version', async () => {
		const options = await fetch(`${base}/uploads`, { method: 'OPTIONS' });
		expect(options.status).toBe(204);
		expect(options.headers.get('tus-version')).toBe('1.0.0');
		expect(options.headers.get('tus-extension')).toContain('creation');
		expect((await fetch(`${base}/uploads`, { method: 'POST', headers: { 'Upload-Length': '10' } })).status).toBe(412);
		expect((await create(10, 'nobody')).status).toBe(401);
	});

	it('completes an upload interrupted twice by resuming from the offset the server reports', async () => {
		const wav = sampleWav(60);
		const created = await create(wav.length);
		expect(created.status).toBe(201);
		const location = created.headers.get('location')!;
		expect(location).toMatch(/\/uploads\/[0-9a-f-]{36}$/);
		expect(await offsetOf(location)).toBe(0);

		await patchAndDrop(location, 0, wav, 150_000);
		const first = await settledOffset(location, 0);
		expect(first).toBeGreaterThan(0);
		expect(first).toBeLessThan(wav.length);

		// A stale offset is refused with the one the server holds.
		const stale = await fetch(location, { method: 'PATCH', headers: tus('mai', { 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': '0' }), body: Buffer.from(wav.subarray(0, 10)) });
		expect(stale.status).toBe(409);
		expect(Number(stale.headers.get('upload-offset'))).toBe(first);

		await patchAndDrop(location, first, wav.subarray(first), 120_000);
		const second = await settledOffset(location, first);
		expect(second).toBeGreaterThan(first);

		const last = await fetch(location, { method: 'PATCH', headers: tus('mai', { 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': String(second) }), body: Buffer.from(wav.subarray(second)) });
		expect(last.status).toBe(204);
		expect(Number(last.headers.get('upload-offset'))).toBe(wav.length);

		const id = location.split('/').pop()!;
		const upload = await getUpload(db, entrant, id);
		expect(upload.durationSeconds).toBeCloseTo(60, 1);
		expect(sha256(await readStoredFile(upload.fileKey))).toBe(sha256(wav));
		expect((await fetch(location, { method: 'HEAD', headers: tus('stranger') })).status).toBe(404);

		const entry = await submitEntry(db, entrant, contest.id, { type: 'reading', title: 'Dế Mèn phiêu lưu ký', consents: ['participate', 'publish'], uploadId: id });
		expect(entry).toMatchObject({ size: wav.length, contentType: 'audio/wav', fileKey: upload.fileKey });
		// An upload serves one entry.
		await expect(submitEntry(db, entrant, contest.id, { type: 'reading', title: 'Lần hai', consents: ['participate'], uploadId: id })).rejects.toMatchObject({ fields: { file: 'creative_upload_missing' } });
	});

	it('refuses an oversize upload at creation, before any byte is stored', async () => {
		const before = storedCount();
		const response = await fetch(`${base}/uploads`, { method: 'POST', headers: tus('mai', { 'Upload-Length': String(1024 * 1024 + 1), 'Upload-Metadata': meta({ contestId: contest.id, filename: 'lon.wav' }), 'Accept-Language': 'en' }) });
		expect(response.status).toBe(413);
		expect(await response.text()).toMatch(/1 MB/);
		expect(storedCount()).toBe(before);
	});

	it('refuses a renamed executable presented as .mp4 on its first bytes and keeps nothing of it', async () => {
		const before = storedCount();
		const exe = sampleExecutable(64 * 1024);
		const created = await create(exe.length, 'mai', 'bai-du-thi.mp4');
		const location = created.headers.get('location')!;
		const patch = await fetch(location, { method: 'PATCH', headers: tus('mai', { 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': '0' }), body: Buffer.from(exe) });
		expect(patch.status).toBe(415);
		expect((await fetch(location, { method: 'HEAD', headers: tus('mai') })).status).toBe(404);
		expect(storedCount()).toBe(before);
	});

	it('refuses a recording over the contest’s time limit when its last byte arrives', async () => {
		const long = sampleWav(125);
		const created = await create(long.length);
		const patch = await fetch(created.headers.get('location')!, { method: 'PATCH', headers: tus('mai', { 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': '0' }), body: Buffer.from(long) });
		expect(patch.status).toBe(400);
		expect(patch.headers.get('x-error-code')).toBe('VALIDATION');
	});
});
