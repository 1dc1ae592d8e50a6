import { mkdtempSync, rmSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetSettings } from './env';
import { deleteStoredFile, detectFileKind, newFileKey, putFile, readStoredFile, readStoredFileRange, storedFileSize, writeStoredFileAt } from './storage';
import { sha256 } from './ids';

const dir = mkdtempSync(join(tmpdir(), 'learnweek-files-'));
beforeAll(() => {
	process.env.FILES_DIR = dir;
	resetSettings();
});
afterAll(() => {
	delete process.env.FILES_DIR;
	resetSettings();
	rmSync(dir, { recursive: true, force: true });
});

const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\n%%EOF');
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe('file store', () => {
	it('tells kinds apart by content, not by name', () => {
		expect(detectFileKind(pdf).kind).toBe('pdf');
		expect(detectFileKind(png).kind).toBe('png');
		expect(detectFileKind(new TextEncoder().encode('Họ,Tên\nLò,Mai')).kind).toBe('text');
		expect(detectFileKind(new Uint8Array([0, 1, 2, 3, 0])).kind).toBe('unknown');
	});

	it('stores and reads back a file with its SHA-256', async () => {
		const stored = await putFile(pdf, { prefix: 'signed', maxBytes: 1024, accept: ['pdf'] });
		expect(stored).toMatchObject({ size: pdf.byteLength, sha256: sha256(pdf), contentType: 'application/pdf' });
		expect(new Uint8Array(await readStoredFile(stored.key))).toEqual(pdf);
		await deleteStoredFile(stored.key);
		await expect(readStoredFile(stored.key)).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it('refuses a file too large or of the wrong kind before writing anything', async () => {
		const before = readdirSync(dir, { recursive: true }).length;
		await expect(putFile(pdf, { prefix: 'signed', maxBytes: 10, accept: ['pdf'] })).rejects.toMatchObject({ code: 'TOO_LARGE' });
		await expect(putFile(png, { prefix: 'signed', maxBytes: 1024, accept: ['pdf'] })).rejects.toMatchObject({ code: 'UNSUPPORTED_TYPE' });
		expect(readdirSync(dir, { recursive: true }).length).toBe(before);
	});

	it('refuses keys that could leave the store', async () => {
		await expect(readStoredFile('../../etc/passwd')).rejects.toMatchObject({ code: 'NOT_FOUND' });
		expect(existsSync(join(dir, '..', 'passwd'))).toBe(false);
	});

	it('writes a file in pieces at their offsets and reads a range back', async () => {
		const key = newFileKey('uploads');
		await writeStoredFileAt(key, 0, new TextEncoder().encode('Học tập '));
		await writeStoredFileAt(key, Buffer.byteLength('Học tập '), new TextEncoder().encode('suốt đời'));
		expect((await readStoredFile(key)).toString('utf8')).toBe('Học tập suốt đời');
		expect(await storedFileSize(key)).toBe(Buffer.byteLength('Học tập suốt đời'));
		expect((await readStoredFileRange(key, 0, 5)).toString('utf8')).toBe('Học');
		expect((await readStoredFileRange(key, Buffer.byteLength('Học tập suốt đ'), 100)).toString('utf8')).toBe('ời');
		await deleteStoredFile(key);
		await expect(storedFileSize(key)).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});
});
