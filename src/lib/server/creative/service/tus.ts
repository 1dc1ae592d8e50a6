// The tus 1.0.0 resumable-upload protocol (https://tus.io/protocols/resumable-upload, core +
// creation + termination) over the creative domain's uploads: OPTIONS tells the client what the
// server speaks, POST opens an upload, HEAD answers how many bytes arrived, PATCH appends from
// that offset, DELETE drops it. Every answer carries Tus-Resumable. @tus/server (2.x) does the
// same but keeps its state in its own store; LearnWeek keeps it in the database so any copy of
// the app resumes any upload.
import type { Db } from '../../db/types';
import { isAppError } from '../../core/errors';
import { apiLocale, translate } from '../../core/http';
import type { Actor } from '../../auth/actor';
import { TUS_VERSION } from '$lib/features/creative/types';
import { appendToUpload, cancelUpload, createUpload, getUpload } from './uploads';

/** The largest upload any contest may take (2 GB); each contest's own limit is checked on creation. */
const TUS_MAX_SIZE = 2048 * 1024 * 1024;

const BASE_HEADERS = { 'Tus-Resumable': TUS_VERSION, 'Cache-Control': 'no-store' };

/** Upload-Metadata: comma-separated "key base64(value)" pairs (tus 1.0.0 §Upload-Metadata). */
export function parseUploadMetadata(header: string | null): Record<string, string> {
	const out: Record<string, string> = {};
	for (const pair of (header ?? '').split(',')) {
		const [key, value] = pair.trim().split(' ');
		if (!key || !/^[A-Za-z0-9_.-]{1,64}$/.test(key)) continue;
		out[key] = value ? Buffer.from(value, 'base64').toString('utf8').slice(0, 500) : '';
	}
	return out;
}

function reply(status: number, headers: Record<string, string> = {}, body: string | null = null): Response {
	return new Response(body, { status, headers: { ...BASE_HEADERS, ...headers, ...(body ? { 'Content-Type': 'text/plain; charset=utf-8' } : {}) } });
}

function refusal(e: unknown, request: Request): Response {
	if (!isAppError(e)) throw e;
	const locale = apiLocale(request);
	const params = Object.fromEntries(Object.entries(e.detail ?? {}).map(([k, v]) => [k, String(v)]));
	const key = e.fields?.file ?? e.fields?._ ?? `errors_${e.code.toLowerCase()}`;
	const extra: Record<string, string> = { 'X-Error-Code': e.code };
	if (typeof e.detail?.offset === 'number') extra['Upload-Offset'] = String(e.detail.offset);
	return reply(e.status, extra, translate(key, params, locale));
}

/**
 * Answers one tus request for the upload `id` (none for OPTIONS and POST). `collectionUrl` is the
 * URL POST creates under; the new upload's URL is `collectionUrl/<id>`.
 */
export async function handleTusRequest(db: Db, actor: Actor, request: Request, options: { id?: string; collectionUrl: string }): Promise<Response> {
	const method = request.headers.get('x-http-method-override')?.toUpperCase() || request.method;
	if (method === 'OPTIONS') {
		return reply(204, { 'Tus-Version': TUS_VERSION, 'Tus-Extension': 'creation,termination', 'Tus-Max-Size': String(TUS_MAX_SIZE) });
	}
	if (request.headers.get('tus-resumable') !== TUS_VERSION) return reply(412, { 'Tus-Version': TUS_VERSION });
	try {
		if (method === 'POST' && !options.id) {
			if (request.headers.has('upload-defer-length')) return reply(400, {}, 'Upload-Defer-Length is not supported');
			const length = Number(request.headers.get('upload-length'));
			const metadata = parseUploadMetadata(request.headers.get('upload-metadata'));
			const row = await createUpload(db, actor, { contestId: metadata.contestId ?? '', length: Number.isFinite(length) ? length : NaN, fileName: metadata.filename, metadata });
			return reply(201, { Location: `${options.collectionUrl.replace(/\/$/, '')}/${row.id}`, 'Upload-Offset': '0' });
		}
		if (!options.id) return reply(405, { Allow: 'OPTIONS, POST' });
		if (method === 'HEAD') {
			const row = await getUpload(db, actor, options.id);
			return reply(200, { 'Upload-Offset': String(row.offset), 'Upload-Length': String(row.length) });
		}
		if (method === 'PATCH') {
			if (request.headers.get('content-type') !== 'application/offset+octet-stream') return reply(415);
			const offset = Number(request.headers.get('upload-offset'));
			if (!Number.isSafeInteger(offset) || offset < 0) return reply(400, {}, 'Upload-Offset is required');
			const row = await appendToUpload(db, actor, options.id, { offset, body: request.body });
			return reply(204, { 'Upload-Offset': String(row.offset), ...(row.completedAt ? { 'Upload-Complete': '1' } : {}) });
		}
		if (method === 'DELETE') {
			await cancelUpload(db, actor, options.id);
			return reply(204);
		}
		return reply(405, { Allow: 'OPTIONS, HEAD, PATCH, DELETE' });
	} catch (e) {
		return refusal(e, request);
	}
}
