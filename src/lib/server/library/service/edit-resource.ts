// Staff add resources to the library and edit them: text, lists, a link or an uploaded file.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { parseInput } from '../../core/http';
import { deleteStoredFile, detectFileKind, putFile, type FileKind } from '../../core/storage';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { sanitizeSectionHtml } from '../../campaigns/service';
import { cleanText } from '$lib/vn/text';
import { resourceInput, type ResourceInput, type ResourceInputData } from '$lib/features/library/inputs';
import { canEditResources, canReadResource } from '../policy';
import { insertResources, selectResource, updateResourceRow, type NewResourceRow } from '../queries';
import type { LibraryResourceRow } from '../tables';
import { loadOrg, resourceSearchColumns } from './library-context';

/** An uploaded file of a resource. */
export interface ResourceUpload {
	name: string;
	bytes: Uint8Array;
}

/** 100 MB: a lecture video of an hour at phone quality; larger ones belong on a video site, linked. */
export const RESOURCE_MAX_BYTES = 100 * 1024 * 1024;
/** PDF, Office files, EPUB (a ZIP), MP3 and MP4: told apart by content, never by name. */
export const RESOURCE_FILE_KINDS: readonly FileKind[] = ['pdf', 'ooxml', 'zip', 'mp3', 'mp4'];

function safeFileName(name: string): string {
	// eslint-disable-next-line no-control-regex
	const base = cleanText((name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"]/g, ''));
	return (base || 'tai-lieu').slice(0, 200);
}

/** Refuses a file over the limit (TOO_LARGE) or of a kind not accepted (UNSUPPORTED_TYPE) before anything is stored. */
function checkUpload(file: ResourceUpload): void {
	if (file.bytes.byteLength > RESOURCE_MAX_BYTES) throw new AppError('TOO_LARGE', { fields: { file: 'library_file_too_large' }, detail: { maxBytes: RESOURCE_MAX_BYTES } });
	if (!file.bytes.byteLength || !RESOURCE_FILE_KINDS.includes(detectFileKind(file.bytes).kind)) throw new AppError('UNSUPPORTED_TYPE', { fields: { file: 'library_file_type' } });
}

function columns(data: ResourceInputData): Omit<NewResourceRow, 'id' | 'orgId'> {
	const description = sanitizeSectionHtml(data.description);
	return {
		kind: data.kind,
		title: data.title,
		description,
		learnerGroups: data.learnerGroups,
		themes: data.themes,
		competenceAreas: [...new Set(data.competenceAreas)],
		language: data.language,
		durationMinutes: data.durationMinutes,
		licence: data.licence,
		source: data.source,
		url: data.url,
		status: data.status,
		...resourceSearchColumns({ title: data.title, description, themes: data.themes })
	};
}

function auditView(r: LibraryResourceRow) {
	return { kind: r.kind, title: r.title, status: r.status, url: r.url, fileKey: r.fileKey, learnerGroups: r.learnerGroups, competenceAreas: r.competenceAreas, language: r.language };
}

/** A resource must point somewhere: a link or a file. */
function requireTarget(data: ResourceInputData, hasFile: boolean): void {
	if (!data.url && !hasFile) throw new AppError('VALIDATION', { fields: { url: 'library_url_or_file' } });
}

async function storeUpload(file: ResourceUpload | undefined) {
	if (!file) return undefined;
	checkUpload(file);
	const stored = await putFile(file.bytes, { prefix: 'library', maxBytes: RESOURCE_MAX_BYTES, accept: [...RESOURCE_FILE_KINDS] });
	return { fileKey: stored.key, fileName: safeFileName(file.name), fileType: stored.contentType, fileSize: stored.size };
}

/**
 * Adds a resource of the organisation `orgId`: description sanitised, search text folded, the file
 * (if any) checked and stored. Refuses anyone but staff, unit leaders and coordinators of the
 * organisation or above (FORBIDDEN; NOT_FOUND for an unknown organisation), bad input
 * (VALIDATION, including neither link nor file), a file too large (TOO_LARGE) or of a wrong kind
 * (UNSUPPORTED_TYPE) — checked before anything is stored.
 */
export async function createResource(db: Db, actor: Actor, orgId: string, input: ResourceInput, file?: ResourceUpload): Promise<LibraryResourceRow> {
	const org = await loadOrg(db, orgId);
	if (!canEditResources(actor, { orgPath: org.path })) throw new AppError('FORBIDDEN');
	const data = parseInput(resourceInput, input);
	requireTarget(data, Boolean(file));
	const stored = await storeUpload(file);
	const at = now();
	try {
		return await db.transaction(async (tx) => {
			const [row] = await insertResources(tx, [
				{ id: newId(), orgId: org.id, ...columns(data), ...stored, publishedAt: data.status === 'published' ? at : null, createdBy: actor.userId ?? actor.name ?? actor.kind, createdAt: at, updatedAt: at }
			]);
			await recordAudit(tx, actor, { orgId: org.id, orgPath: org.path, entity: 'library_resource', entityId: row.id, action: 'create', after: auditView(row) });
			return row;
		});
	} catch (e) {
		if (stored) await deleteStoredFile(stored.fileKey);
		throw e;
	}
}

/**
 * Changes a resource; a new file replaces the old one. Refuses what createResource refuses, a
 * resource the actor may not see (NOT_FOUND), and an edit from an older version (STALE) when
 * `expectedVersion` is given.
 */
export async function updateResource(db: Db, actor: Actor, id: string, input: ResourceInput, options: { file?: ResourceUpload; expectedVersion?: number } = {}): Promise<LibraryResourceRow> {
	const current = await selectResource(db, id);
	if (!current) throw new AppError('NOT_FOUND');
	const org = await loadOrg(db, current.orgId);
	if (!canReadResource(actor, { orgPath: org.path, status: current.status })) throw new AppError('NOT_FOUND');
	if (!canEditResources(actor, { orgPath: org.path })) throw new AppError('FORBIDDEN');
	const data = parseInput(resourceInput, input);
	requireTarget(data, Boolean(options.file || current.fileKey));
	if (options.expectedVersion !== undefined && current.version !== options.expectedVersion) throw new AppError('STALE');
	const stored = await storeUpload(options.file);
	const at = now();
	const row = await db.transaction(async (tx) => {
		const updated = await updateResourceRow(tx, id, {
			...columns(data),
			...stored,
			publishedAt: data.status === 'published' ? (current.publishedAt ?? at) : null,
			updatedAt: at
		});
		await recordAudit(tx, actor, { orgId: org.id, orgPath: org.path, entity: 'library_resource', entityId: id, action: 'update', before: auditView(current), after: auditView(updated) });
		return updated;
	});
	if (stored && current.fileKey) await deleteStoredFile(current.fileKey);
	return row;
}
