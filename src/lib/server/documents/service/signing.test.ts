import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, useTempFilesDir } from '../../db/testing';
import { anonymousActor, systemActor, type Actor, type Role } from '../../auth/actor';
import { resetSettings } from '../../core/env';
import { sha256 } from '../../core/ids';
import { createOrgNode } from '../../org/seed';
import type { OrgNodeRow } from '../../org/service';
import { listAuditEntries } from '../../audit/service';
import { attachSignedPdf, cancelDocument, getDocument, getSignedPdf, pdfHasSignatureDictionary, SIGNED_PDF_MAX_BYTES } from '../service';
import { createDocument } from '../seed';

const dir = useTempFilesDir('signed');

const db = await createTestDb();
const system = systemActor('test');

async function node(name: string, shortCode: string, parent?: OrgNodeRow): Promise<OrgNodeRow> {
	return createOrgNode(db, { name, shortCode, kind: parent ? 'agency' : 'province', parentId: parent?.id ?? null });
}
const province = await node('UBND tỉnh Sơn La', 'UBND');
const office = await node('Văn phòng UBND tỉnh', 'VPUB', province);
const info = await node('Trung tâm Thông tin', 'TTTT', office);
const economy = await node('Phòng Kinh tế', 'KT', office);
const elsewhere = await node('UBND tỉnh Lai Châu', 'UBNDLC');

const as = (role: Role, at: OrgNodeRow = office): Actor => ({ kind: 'user', userId: `u-${role}-${at.shortCode}`, email: `${role}@${at.shortCode.toLowerCase()}.vn`, grants: [{ role, orgId: at.id, orgPath: at.path }] });
const leader = as('unit_leader');

const enc = (s: string) => new TextEncoder().encode(s);
/** A PDF as LearnWeek renders it: no signature in it. */
const unsignedPdf = enc('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
/** A PDF after a signing tool: a signature field whose value is a /Sig dictionary with its /ByteRange. */
const signedPdf = enc('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n5 0 obj << /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 120 2048 300] /Contents <3082> >> endobj\n%%EOF\n');
const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...enc('[Content_Types].xml word/document.xml')]);

const filesStored = () => readdirSync(dir, { recursive: true }).filter((f) => !String(f).endsWith('.part')).length;

const issue = () => createDocument(db, { orgId: office.id, recipients: [{ label: 'Trung tâm Thông tin', orgId: info.id }] });

describe('the signing hand-off', () => {
	it('tells a PDF with a signature dictionary from one without, without claiming to verify it', () => {
		expect(pdfHasSignatureDictionary(signedPdf)).toBe(true);
		expect(pdfHasSignatureDictionary(unsignedPdf)).toBe(false);
		// /ByteRange alone (a prepared but empty field) is not a signature.
		expect(pdfHasSignatureDictionary(enc('%PDF-1.7\n<< /ByteRange [0 0 0 0] >>'))).toBe(false);
	});

	it('shows a document as signed only once the signed PDF is stored, with its SHA-256, size, uploader and time', async () => {
		const doc = await issue();
		expect((await getDocument(db, leader, doc.id)).signed).toBeNull();
		const row = await attachSignedPdf(db, leader, doc.id, signedPdf);
		expect(row).toMatchObject({ signedSha256: sha256(signedPdf), signedSize: signedPdf.byteLength, signedHasSignature: true, signedByLabel: 'unit_leader@vpub.vn', signedAt: expect.any(Date) });
		expect((await getDocument(db, leader, doc.id)).signed).toEqual({ sha256: sha256(signedPdf), size: signedPdf.byteLength, at: expect.any(Date), byLabel: 'unit_leader@vpub.vn', hasSignature: true });
		const download = await getSignedPdf(db, as('staff', info), doc.id);
		expect(new Uint8Array(download.bytes)).toEqual(signedPdf);
		expect(download).toMatchObject({ fileName: '01-KH-VPUB.pdf', sha256: sha256(signedPdf) });
		const [entry] = await listAuditEntries(db, system, { entity: 'document', entityId: doc.id, action: 'attach_signed_pdf' });
		expect(entry).toMatchObject({ before: null, after: { key: row.signedFileKey, sha256: sha256(signedPdf), hasSignature: true } });
	});

	it('replaces the file on a second upload, keeping the first one’s key in the audit entry', async () => {
		const doc = await issue();
		const first = await attachSignedPdf(db, as('coordinator'), doc.id, unsignedPdf);
		expect(first.signedHasSignature).toBe(false);
		const second = await attachSignedPdf(db, leader, doc.id, signedPdf);
		expect(second.signedFileKey).not.toBe(first.signedFileKey);
		const [entry] = await listAuditEntries(db, system, { entity: 'document', entityId: doc.id, action: 'replace_signed_pdf' });
		expect(entry).toMatchObject({ before: { key: first.signedFileKey, sha256: sha256(unsignedPdf) }, after: { key: second.signedFileKey, sha256: sha256(signedPdf) } });
		expect(new Uint8Array((await getSignedPdf(db, leader, doc.id)).bytes)).toEqual(signedPdf);
	});

	it('refuses a file that is not a PDF (UNSUPPORTED_TYPE) and one over the limit (TOO_LARGE), storing nothing', async () => {
		const doc = await issue();
		const before = filesStored();
		await expect(attachSignedPdf(db, leader, doc.id, docx)).rejects.toMatchObject({ code: 'UNSUPPORTED_TYPE' });
		await expect(attachSignedPdf(db, leader, doc.id, enc('Đây không phải PDF'))).rejects.toMatchObject({ code: 'UNSUPPORTED_TYPE' });
		const huge = new Uint8Array(SIGNED_PDF_MAX_BYTES + 1);
		huge.set(unsignedPdf);
		await expect(attachSignedPdf(db, leader, doc.id, huge)).rejects.toMatchObject({ code: 'TOO_LARGE' });
		await expect(attachSignedPdf(db, leader, doc.id, new Uint8Array())).rejects.toMatchObject({ code: 'VALIDATION', fields: { file: 'field_required' } });
		expect(filesStored()).toBe(before);
		expect((await getDocument(db, leader, doc.id)).signed).toBeNull();
		await expect(getSignedPdf(db, leader, doc.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		expect(await listAuditEntries(db, system, { entity: 'document', entityId: doc.id, action: 'attach_signed_pdf' })).toEqual([]);
	});

	it('refuses the upload to every role but the issuer’s unit leaders and coordinators, and to a cancelled document, storing nothing', async () => {
		const doc = await issue();
		const before = filesStored();
		// Those who read the document but may not sign it: FORBIDDEN.
		// (The Office's staff read what is sent to the units below it: their inbox holds it.)
		for (const actor of [as('administrator'), as('supervisor'), as('supervisor', province), as('staff'), as('partner'), as('staff', info), as('unit_leader', info)]) {
			await expect(attachSignedPdf(db, actor, doc.id, signedPdf), actor.email).rejects.toMatchObject({ code: 'FORBIDDEN' });
		}
		// Those who may not read it: NOT_FOUND.
		for (const actor of [as('staff', economy), as('reviewer', economy), as('unit_leader', economy), as('unit_leader', elsewhere), anonymousActor]) {
			await expect(attachSignedPdf(db, actor, doc.id, signedPdf), actor.email ?? 'anonymous').rejects.toMatchObject({ code: 'NOT_FOUND' });
			await expect(getSignedPdf(db, actor, doc.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		}
		await cancelDocument(db, leader, doc.id, { reason: 'Ban hành nhầm.' });
		await expect(attachSignedPdf(db, leader, doc.id, signedPdf)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
		expect(filesStored()).toBe(before);
		await expect(attachSignedPdf(db, leader, 'no-such-document', signedPdf)).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});
});
