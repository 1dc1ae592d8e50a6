import { mkdir, readFile, rm, writeFile, rename, open, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { join, resolve, dirname } from 'node:path';
import { settings } from './env';
import { newId, sha256 } from './ids';
import { AppError } from './errors';

export interface StoredFile {
	/** Where the file lives in the store: `<prefix>/<yyyy>/<id>`; keep it in the row that owns the file. */
	key: string;
	size: number;
	sha256: string;
	contentType: string;
}

/** File kinds told apart by their first bytes, never by the name or the browser's claim. */
export type FileKind = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'zip' | 'ooxml' | 'mp3' | 'mp4' | 'csv' | 'text' | 'unknown';

const MIME: Record<FileKind, string> = {
	pdf: 'application/pdf',
	png: 'image/png',
	jpeg: 'image/jpeg',
	gif: 'image/gif',
	webp: 'image/webp',
	zip: 'application/zip',
	ooxml: 'application/vnd.openxmlformats-officedocument',
	mp3: 'audio/mpeg',
	mp4: 'video/mp4',
	csv: 'text/csv',
	text: 'text/plain',
	unknown: 'application/octet-stream'
};

const startsWith = (b: Uint8Array, sig: number[], offset = 0) => sig.every((x, i) => b[offset + i] === x);

/** What a file is, from its content. */
export function detectFileKind(bytes: Uint8Array): { kind: FileKind; contentType: string } {
	let kind: FileKind = 'unknown';
	if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) kind = 'pdf';
	else if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) kind = 'png';
	else if (startsWith(bytes, [0xff, 0xd8, 0xff])) kind = 'jpeg';
	else if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) kind = 'gif';
	else if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) kind = 'webp';
	else if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
		// DOCX/XLSX/PPTX are ZIPs with a [Content_Types].xml entry near the start.
		const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
		kind = head.includes('[Content_Types].xml') ? 'ooxml' : 'zip';
	} else if (startsWith(bytes, [0x49, 0x44, 0x33]) || startsWith(bytes, [0xff, 0xfb])) kind = 'mp3';
	else if (startsWith(bytes, [0x66, 0x74, 0x79, 0x70], 4)) kind = 'mp4';
	else if (bytes.length > 0 && !bytes.subarray(0, 4096).includes(0)) kind = 'text';
	return { kind, contentType: MIME[kind] };
}

function root(): string {
	const s = settings();
	return resolve(s.FILES_DIR ?? join(s.DATA_DIR, 'files'));
}

function pathOf(key: string): string {
	if (!/^[a-z0-9-]+\/\d{4}\/[0-9a-f-]{36}$/.test(key)) throw new AppError('NOT_FOUND');
	return join(root(), key);
}

/**
 * Stores bytes after checking them: refuses more than `maxBytes` (TOO_LARGE) and kinds not in
 * `accept` (UNSUPPORTED_TYPE) before anything is written. The write is atomic (temp file + rename).
 */
export async function putFile(bytes: Uint8Array, options: { prefix: string; maxBytes: number; accept: FileKind[] }): Promise<StoredFile> {
	if (bytes.byteLength > options.maxBytes) throw new AppError('TOO_LARGE', { detail: { maxBytes: options.maxBytes } });
	const { kind, contentType } = detectFileKind(bytes);
	if (!options.accept.includes(kind)) throw new AppError('UNSUPPORTED_TYPE', { detail: { kind } });
	const key = newFileKey(options.prefix);
	const target = pathOf(key);
	await mkdir(dirname(target), { recursive: true });
	const temp = `${target}.part`;
	await writeFile(temp, bytes);
	await rename(temp, target);
	return { key, size: bytes.byteLength, sha256: sha256(bytes), contentType };
}

/** The bytes of a stored file (NOT_FOUND when missing). */
export async function readStoredFile(key: string): Promise<Buffer> {
	try {
		return await readFile(pathOf(key));
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('NOT_FOUND');
		throw e;
	}
}

/** Removes a stored file; a missing one is not an error. */
export async function deleteStoredFile(key: string): Promise<void> {
	await rm(pathOf(key), { force: true });
}

/** A new key for a file of `prefix` that is written in pieces (a resumable upload). */
export function newFileKey(prefix: string): string {
	return `${prefix}/${new Date().getUTCFullYear()}/${newId()}`;
}

/**
 * Writes `bytes` at `offset` of the file at `key` (made when missing), for uploads that arrive in
 * pieces; the caller checks kind and size before it writes, as putFile does.
 */
export async function writeStoredFileAt(key: string, offset: number, bytes: Uint8Array): Promise<void> {
	const target = pathOf(key);
	await mkdir(dirname(target), { recursive: true });
	const handle = await open(target, offset === 0 ? 'w' : 'r+');
	try {
		await handle.write(bytes, 0, bytes.byteLength, offset);
	} finally {
		await handle.close();
	}
}

/** The first `length` bytes of a stored file from `start` (fewer at its end). */
export async function readStoredFileRange(key: string, start: number, length: number): Promise<Buffer> {
	const handle = await open(pathOf(key), 'r').catch((e: NodeJS.ErrnoException) => {
		throw e.code === 'ENOENT' ? new AppError('NOT_FOUND') : e;
	});
	try {
		const buffer = Buffer.alloc(length);
		const { bytesRead } = await handle.read(buffer, 0, length, start);
		return buffer.subarray(0, bytesRead);
	} finally {
		await handle.close();
	}
}

/** The size in bytes of a stored file (NOT_FOUND when missing). */
export async function storedFileSize(key: string): Promise<number> {
	try {
		return (await stat(pathOf(key))).size;
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('NOT_FOUND');
		throw e;
	}
}

/** A stored file (or its bytes `start`..`end` inclusive) as a web stream, for players that seek. */
export function storedFileStream(key: string, range?: { start: number; end: number }): ReadableStream<Uint8Array> {
	return Readable.toWeb(createReadStream(pathOf(key), range)) as ReadableStream<Uint8Array>;
}
