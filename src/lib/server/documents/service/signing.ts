// The signing hand-off (DOMAIN-VN §3.4): LearnWeek does not sign. The issuer downloads the PDF,
// signs it with the agency's own tool (USB token, remote signing, SIM-PKI), and uploads the signed
// file, which is kept with its SHA-256. Only then does the document show as digitally signed.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { deleteStoredFile, putFile, readStoredFile } from '../../core/storage';
import { actorLabel, type Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { documentReference } from '../../../features/documents/register';
import { canSignDocument } from '../policy';
import { updateDocumentRow } from '../queries';
import type { DocumentRow } from '../tables';
import { loadReadableDocument } from './register';

/**
 * The largest signed PDF accepted. A signed plan or report weighs a few hundred kilobytes; 5 MB
 * leaves room for scanned appendices and stays under the request body limit the server is started
 * with (BODY_SIZE_LIMIT, 101 MB by default, scripts/serve.js), so a refusal is ours,
 * with its message, rather than the server's. Raising it means raising that limit too. A constant,
 * not a setting: no agency has asked to change it.
 */
export const SIGNED_PDF_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Whether a PDF holds a signature dictionary: a /ByteRange array and a /Sig (the /Type or /Filter
 * of a signature field's value, ISO 32000-1 §12.8.1). It says "this file looks signed", not that the
 * signature is valid: verifying it needs a PAdES-capable library and the CA's certificates.
 */
export function pdfHasSignatureDictionary(bytes: Uint8Array): boolean {
	const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
	return /\/ByteRange\s*\[/.test(text) && /\/Sig\b/.test(text);
}

/**
 * Stores the signed PDF of an issued document with its SHA-256, size, uploader and time; a new
 * upload replaces the previous one (whose key stays in the audit entry, and whose file is kept).
 * Refuses a document the actor may not read (NOT_FOUND), anyone but the unit leaders and
 * coordinators of its organisation (FORBIDDEN), a cancelled document (INVALID_TRANSITION), a file
 * over SIGNED_PDF_MAX_BYTES (TOO_LARGE) and a file that is not a PDF (UNSUPPORTED_TYPE), the last
 * two before anything is written.
 */
export async function attachSignedPdf(db: Db, actor: Actor, documentId: string, bytes: Uint8Array): Promise<DocumentRow> {
	const loaded = await loadReadableDocument(db, actor, documentId);
	if (!canSignDocument(actor, loaded.resource)) throw new AppError('FORBIDDEN');
	if (loaded.row.status !== 'issued') throw new AppError('INVALID_TRANSITION');
	if (bytes.byteLength === 0) throw new AppError('VALIDATION', { fields: { file: 'field_required' } });
	const stored = await putFile(bytes, { prefix: 'signed-documents', maxBytes: SIGNED_PDF_MAX_BYTES, accept: ['pdf'] });
	const hasSignature = pdfHasSignatureDictionary(bytes);
	try {
		return await db.transaction(async (tx) => {
			const at = now();
			const row = await updateDocumentRow(tx, documentId, {
				signedFileKey: stored.key,
				signedSha256: stored.sha256,
				signedSize: stored.size,
				signedHasSignature: hasSignature,
				signedByUserId: actor.userId ?? null,
				signedByLabel: actorLabel(actor),
				signedAt: at
			});
			if (!row) throw new AppError('NOT_FOUND');
			const before = loaded.row.signedFileKey ? { key: loaded.row.signedFileKey, sha256: loaded.row.signedSha256, size: loaded.row.signedSize } : null;
			await recordAudit(tx, actor, {
				orgId: loaded.org.id,
				orgPath: loaded.org.path,
				entity: 'document',
				entityId: documentId,
				action: before ? 'replace_signed_pdf' : 'attach_signed_pdf',
				before,
				after: { reference: documentReference(row), key: stored.key, sha256: stored.sha256, size: stored.size, hasSignature }
			});
			return row;
		});
	} catch (e) {
		// Nothing refers to the new file: remove it rather than leave an orphan.
		await deleteStoredFile(stored.key);
		throw e;
	}
}

/**
 * The signed PDF of a document, with a file name from its number ("05-KH-VPUB.pdf"). Refuses a
 * document the actor may not read (NOT_FOUND) and one without a signed PDF yet (NOT_FOUND).
 */
export async function getSignedPdf(db: Db, actor: Actor, documentId: string): Promise<{ bytes: Buffer; fileName: string; sha256: string }> {
	const { row } = await loadReadableDocument(db, actor, documentId);
	if (!row.signedFileKey || !row.signedSha256) throw new AppError('NOT_FOUND');
	const bytes = await readStoredFile(row.signedFileKey);
	const fileName = `${documentReference(row)
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/đ/g, 'd')
		.replace(/Đ/g, 'D')
		.replace(/[^A-Za-z0-9-]+/g, '-')}.pdf`;
	return { bytes, fileName, sha256: row.signedSha256 };
}
