// Imports of units and people (M3): a preview that writes nothing but the batch, then a
// confirmation that writes exactly the good rows, once.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { settings } from '../../core/env';
import { recordAudit } from '../../audit/service';
import { actorLabel, type Actor } from '../../auth/actor';
import { cleanText } from '$lib/vn/text';
import { importUploadInput, type ImportUploadInput } from '$lib/features/org/inputs';
import { PEOPLE_COLUMNS, UNIT_COLUMNS, type ImportKind } from '$lib/features/org/types';
import { canImportInto, canSeeOrgNode, orgScope } from '../policy';
import { insertImportBatch, selectImportBatch, selectImportBatchesInScope, selectOrgNodeById, updateImportBatchRow } from '../queries';
import type { ImportBatchRow } from '../tables';
import { checkPeopleRows, writePeopleRows } from './import-people';
import { checkUnitRows, writeUnitRows } from './import-units';
import { parseInput, requireVisibleNode } from './org-nodes';
import { findHeader, readUploadRows, rowsToRecords } from './read-upload';

export type ImportSummary = Omit<ImportBatchRow, 'rows'>;

/** Columns a file must have: a name, and for units a code too. */
const REQUIRED: Record<ImportKind, string[][]> = {
	people: [['givenName', 'fullName']],
	units: [['name'], ['shortCode']]
};

/**
 * Reads an uploaded CSV (UTF-8 with or without BOM, comma, semicolon or tab) or XLSX list of units or
 * people, checks every row and keeps the result as a previewed batch; nothing is written to units or
 * people. Refuses an invisible node (NOT_FOUND), anyone but its administrator (FORBIDDEN), a file over
 * IMPORT_MAX_BYTES (TOO_LARGE, before reading it), a file that is neither XLSX nor text
 * (UNSUPPORTED_TYPE), and a file without data or without a name column (VALIDATION, file: …).
 */
export async function previewImport(db: Db, actor: Actor, input: ImportUploadInput & { fileName: string; bytes: Uint8Array }): Promise<ImportBatchRow> {
	const { orgId, kind } = parseInput(importUploadInput, { orgId: input.orgId, kind: input.kind });
	const org = await requireVisibleNode(db, actor, orgId);
	if (!canImportInto(actor, org)) throw new AppError('FORBIDDEN');
	if (input.bytes.byteLength > settings().IMPORT_MAX_BYTES) throw new AppError('TOO_LARGE', { detail: { maxBytes: settings().IMPORT_MAX_BYTES } });
	if (input.bytes.byteLength === 0) throw new AppError('VALIDATION', { fields: { file: 'org_import_empty' } });

	const columns = kind === 'people' ? PEOPLE_COLUMNS : UNIT_COLUMNS;
	const rows = await readUploadRows(input.bytes, columns);
	const header = findHeader(rows, columns);
	const found = new Set(header?.columns.values() ?? []);
	const missing = REQUIRED[kind].filter((anyOf) => !anyOf.some((k) => found.has(k)));
	if (!header || missing.length) {
		const names = missing.map((anyOf) => anyOf.map((k) => columns.find((c) => c.key === k)!.header).join(' / '));
		throw new AppError('VALIDATION', { fields: { file: 'org_import_missing_columns' }, detail: { missing: names } });
	}
	const records = rowsToRecords(rows, header);
	if (!records.length) throw new AppError('VALIDATION', { fields: { file: 'org_import_empty' } });

	const checked = kind === 'people' ? await checkPeopleRows(db, org, records) : await checkUnitRows(db, org, records);
	const stored = checked.map(({ line, values, errors }) => ({ line, values, errors }));
	const good = stored.filter((r) => r.errors.length === 0).length;
	return insertImportBatch(db, {
		id: newId(),
		orgId: org.id,
		kind,
		status: 'previewed',
		fileName: cleanText(input.fileName).slice(0, 200) || kind,
		rows: stored,
		goodCount: good,
		badCount: stored.length - good,
		createdBy: actor.userId ?? actorLabel(actor),
		createdAt: now()
	});
}

/** The batch if the actor administers its node; NOT_FOUND when the node is invisible, FORBIDDEN otherwise. */
async function requireOwnBatch(db: Db, actor: Actor, batchId: string) {
	const batch = await selectImportBatch(db, batchId);
	if (!batch || !canSeeOrgNode(actor, { path: batch.orgPath })) throw new AppError('NOT_FOUND');
	if (!canImportInto(actor, { path: batch.orgPath })) throw new AppError('FORBIDDEN');
	return batch;
}

/** Returns an import batch with its rows and their problems. Refuses what requireOwnBatch refuses. */
export async function getImport(db: Db, actor: Actor, batchId: string): Promise<ImportBatchRow> {
	const { orgPath: _orgPath, ...batch } = await requireOwnBatch(db, actor, batchId);
	void _orgPath;
	return batch;
}

/** Lists the import batches (without rows) of the nodes the actor administers, or of one node, newest first. */
export async function listImports(db: Db, actor: Actor, options: { orgId?: string } = {}): Promise<ImportSummary[]> {
	if (options.orgId) {
		const org = await requireVisibleNode(db, actor, options.orgId);
		if (!canImportInto(actor, org)) throw new AppError('FORBIDDEN');
	}
	return selectImportBatchesInScope(db, orgScope(actor, ['administrator']), options.orgId);
}

/**
 * Writes the rows that were good at preview and still pass the checks against the database now, in
 * one transaction, and marks the batch confirmed with what it wrote and skipped. Confirming again
 * writes nothing more and returns the same batch. Refuses an invisible batch (NOT_FOUND), anyone but
 * an administrator of its node (FORBIDDEN) and a discarded batch (INVALID_TRANSITION).
 */
export async function confirmImport(db: Db, actor: Actor, batchId: string): Promise<ImportBatchRow> {
	await requireOwnBatch(db, actor, batchId);
	return db.transaction(async (tx) => {
		// The row lock makes a request sent twice act once: the second waits, then sees 'confirmed'.
		const locked = (await selectImportBatch(tx, batchId, { lock: true }))!;
		const { orgPath: _orgPath, ...batch } = locked;
		void _orgPath;
		if (batch.status === 'confirmed') return batch;
		if (batch.status === 'discarded') throw new AppError('INVALID_TRANSITION', { fields: { _: 'org_import_not_previewed' } });
		const org = (await selectOrgNodeById(tx, batch.orgId))!;
		const good = batch.rows.filter((r) => r.errors.length === 0);
		const result = batch.kind === 'people' ? await writePeopleRows(tx, actor, org, good, batch.id) : await writeUnitRows(tx, actor, org, good, batch.id);
		const row = await updateImportBatchRow(tx, batch.id, { status: 'confirmed', confirmedAt: now(), confirmedBy: actor.userId ?? actorLabel(actor), result });
		await recordAudit(tx, actor, {
			orgId: org.id,
			orgPath: org.path,
			entity: 'import_batch',
			entityId: batch.id,
			action: 'confirm',
			after: { kind: batch.kind, fileName: batch.fileName, created: result.created, skipped: result.skipped.length }
		});
		return row;
	});
}

/**
 * Discards a previewed batch and forgets its rows (they hold personal data nobody will import).
 * Discarding again changes nothing. Refuses a confirmed batch (INVALID_TRANSITION) and what
 * requireOwnBatch refuses.
 */
export async function discardImport(db: Db, actor: Actor, batchId: string): Promise<ImportBatchRow> {
	await requireOwnBatch(db, actor, batchId);
	return db.transaction(async (tx) => {
		const { orgPath, ...batch } = (await selectImportBatch(tx, batchId, { lock: true }))!;
		if (batch.status === 'discarded') return batch;
		if (batch.status === 'confirmed') throw new AppError('INVALID_TRANSITION');
		const row = await updateImportBatchRow(tx, batch.id, { status: 'discarded', rows: [] });
		await recordAudit(tx, actor, { orgId: batch.orgId, orgPath, entity: 'import_batch', entityId: batch.id, action: 'discard', before: { kind: batch.kind, fileName: batch.fileName, goodCount: batch.goodCount, badCount: batch.badCount } });
		return row;
	});
}
