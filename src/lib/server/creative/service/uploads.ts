// Resumable uploads of contest files (tus 1.0.0 core + creation + termination): a phone on a
// weak network sends a recording in pieces and, after a dropped connection, asks how much
// arrived and sends the rest. The size is refused at creation, before any byte is stored; the
// kind is read from the first bytes, before they are stored; the duration when the last arrives.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { deleteStoredFile, newFileKey, readStoredFileRange, writeStoredFileAt } from '../../core/storage';
import type { Actor } from '../../auth/actor';
import { ACCEPTED_KINDS, TIMED_ENTRY_TYPES, type EntryType, type MediaKind } from '$lib/features/creative/types';
import { formatFileSize } from '$lib/vn/numbers';
import { canSubmitEntry, submissionOpen } from '../policy';
import { advanceUploadOffset, deleteUploadRow, insertUpload, selectUpload, updateUploadRow } from '../queries';
import type { CreativeContestRow, CreativeUploadRow } from '../tables';
import { requireReadableContest } from './context';
import { detectMediaKind, KIND_HEAD_BYTES, mediaDuration } from './media';

/** The kinds a contest takes, over all its entry types. */
export function contestKinds(contest: Pick<CreativeContestRow, 'entryTypes'>): MediaKind[] {
	return [...new Set((contest.entryTypes as EntryType[]).flatMap((t) => [...ACCEPTED_KINDS[t]]))];
}

function requireEntrant(actor: Actor): void {
	if (!canSubmitEntry(actor)) throw new AppError('UNAUTHENTICATED');
}

/** TOO_LARGE with the limit, in a form the page can quote. */
export function tooLarge(maxBytes: number): AppError {
	return new AppError('TOO_LARGE', { fields: { file: 'creative_file_too_large' }, detail: { max: formatFileSize(maxBytes) } });
}

/**
 * Opens an upload of `length` bytes for a contest. Refuses a visitor (UNAUTHENTICATED), a contest
 * the actor may not read (NOT_FOUND), one not taking entries (INVALID_TRANSITION) and a length over
 * the contest's limit (TOO_LARGE) — before anything is stored.
 */
export async function createUpload(db: Db, actor: Actor, input: { contestId: string; length: number; fileName?: string; metadata?: Record<string, string> }): Promise<CreativeUploadRow> {
	requireEntrant(actor);
	const { contest } = await requireReadableContest(db, actor, input.contestId);
	if (!submissionOpen(contest, now())) throw new AppError('INVALID_TRANSITION', { fields: { _: 'creative_submission_closed' } });
	if (!Number.isSafeInteger(input.length) || input.length <= 0) throw new AppError('VALIDATION', { fields: { file: 'creative_file_empty' } });
	if (input.length > contest.maxBytes) throw tooLarge(contest.maxBytes);
	const at = now();
	return insertUpload(db, {
		id: newId(),
		contestId: contest.id,
		orgId: contest.orgId,
		userId: actor.userId!,
		length: input.length,
		offset: 0,
		fileKey: newFileKey('creative'),
		fileName: (input.fileName ?? '').normalize('NFC').slice(0, 200),
		metadata: input.metadata ?? {},
		createdAt: at,
		updatedAt: at
	});
}

/** The upload if it is the actor's own; NOT_FOUND otherwise (an upload's id is not a secret to guess with). */
export async function getUpload(db: Db, actor: Actor, id: string): Promise<CreativeUploadRow> {
	requireEntrant(actor);
	const row = /^[0-9a-f-]{36}$/.test(id) ? await selectUpload(db, id) : undefined;
	if (!row || row.userId !== actor.userId) throw new AppError('NOT_FOUND');
	return row;
}

/** Drops an upload and whatever of it was stored. */
export async function discardUpload(db: Db, row: CreativeUploadRow): Promise<void> {
	await deleteUploadRow(db, row.id);
	await deleteStoredFile(row.fileKey);
}

/**
 * Appends the bytes of `body` at `offset`. Refuses an offset other than the bytes received so far
 * (CONFLICT), bytes past the declared length (TOO_LARGE) and, in the first piece, content of a
 * kind the contest does not take (UNSUPPORTED_TYPE: the upload is dropped, nothing is kept). What
 * arrived before a dropped connection is kept and counted, so the client resumes from there. The
 * last piece reads the duration and refuses a recording over the limit (VALIDATION).
 */
export async function appendToUpload(db: Db, actor: Actor, id: string, input: { offset: number; body: ReadableStream<Uint8Array> | Uint8Array | null }): Promise<CreativeUploadRow> {
	let row = await getUpload(db, actor, id);
	if (row.completedAt) throw new AppError('CONFLICT', { fields: { _: 'creative_upload_complete' } });
	if (input.offset !== row.offset) throw new AppError('CONFLICT', { fields: { _: 'creative_upload_offset' }, detail: { offset: row.offset } });
	const { contest } = await requireReadableContest(db, actor, row.contestId);
	let offset = row.offset;
	let pending: Uint8Array[] = [];
	let pendingBytes = 0;
	let failure: unknown;

	const flush = async () => {
		if (!pendingBytes) return;
		const bytes = Buffer.concat(pending);
		if (offset + bytes.byteLength > row.length) throw tooLarge(row.length);
		if (offset === 0 && !row.kind) {
			// The kind is decided on the first bytes, before anything is written.
			const kind = detectMediaKind(bytes.subarray(0, KIND_HEAD_BYTES));
			if (!kind || !contestKinds(contest).includes(kind)) {
				await discardUpload(db, row);
				throw new AppError('UNSUPPORTED_TYPE', { fields: { file: 'creative_file_kind' } });
			}
			row = await updateUploadRow(db, row.id, { kind });
		}
		await writeStoredFileAt(row.fileKey, offset, bytes);
		if (!(await advanceUploadOffset(db, row.id, offset, offset + bytes.byteLength, now()))) throw new AppError('CONFLICT', { fields: { _: 'creative_upload_offset' } });
		offset += bytes.byteLength;
		pending = [];
		pendingBytes = 0;
	};

	try {
		if (input.body instanceof Uint8Array) {
			pending = [input.body];
			pendingBytes = input.body.byteLength;
		} else if (input.body) {
			const reader = input.body.getReader();
			// A dropped connection rejects `closed` too; the read below reports it.
			reader.closed.catch(() => undefined);
			for (;;) {
				const { done, value } = await reader.read();
				if (done) break;
				pending.push(value);
				pendingBytes += value.byteLength;
				// The kind is known once the first bytes are in; then pieces are written as they come.
				if (offset + pendingBytes > row.length) throw tooLarge(row.length);
				if (pendingBytes >= 256 * 1024 && (offset > 0 || pendingBytes >= KIND_HEAD_BYTES)) await flush();
			}
		}
	} catch (e) {
		failure = e;
	}
	if (failure instanceof AppError) throw failure;
	// A dropped connection keeps what arrived: the client asks for the offset and sends the rest.
	// The client is gone by then; nothing is thrown at it, and it asks where to resume.
	if (pendingBytes && (!failure || offset > 0 || pendingBytes >= KIND_HEAD_BYTES)) await flush();
	row = (await selectUpload(db, row.id))!;
	if (row.offset === row.length) row = await finishUpload(db, row, contest);
	return row;
}

/** Reads the duration of a finished upload; a recording over the contest's limit, or of unreadable length, is refused and dropped. */
async function finishUpload(db: Db, row: CreativeUploadRow, contest: CreativeContestRow): Promise<CreativeUploadRow> {
	const kind = row.kind as MediaKind;
	const timed = contestTimedKinds(contest).includes(kind);
	const duration = timed ? await mediaDuration(kind, (start, length) => readStoredFileRange(row.fileKey, start, length), row.length) : null;
	if (timed) {
		if (duration === null) {
			await discardUpload(db, row);
			throw new AppError('VALIDATION', { fields: { file: 'creative_duration_unknown' } });
		}
		if (duration > contest.maxDurationSeconds + 0.5) {
			await discardUpload(db, row);
			throw new AppError('VALIDATION', { fields: { file: 'creative_too_long' }, detail: { minutes: Math.round(contest.maxDurationSeconds / 60) } });
		}
	}
	return updateUploadRow(db, row.id, { completedAt: now(), durationSeconds: duration });
}

/** The kinds of a contest's recordings (those whose duration is checked). */
function contestTimedKinds(contest: Pick<CreativeContestRow, 'entryTypes'>): MediaKind[] {
	return [...new Set((contest.entryTypes as EntryType[]).filter((t) => TIMED_ENTRY_TYPES.includes(t)).flatMap((t) => [...ACCEPTED_KINDS[t]]))];
}

/** Stops an upload the actor started: what was stored is removed. Refuses an upload that became an entry (CONFLICT). */
export async function cancelUpload(db: Db, actor: Actor, id: string): Promise<void> {
	const row = await getUpload(db, actor, id);
	if (row.entryId) throw new AppError('CONFLICT', { fields: { _: 'creative_upload_complete' } });
	await discardUpload(db, row);
}
