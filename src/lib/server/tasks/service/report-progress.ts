// Assignees report progress: a note, the percent and status reached, and evidence files.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { deleteStoredFile, detectFileKind, putFile, type StoredFile } from '../../core/storage';
import { actorLabel, type Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { cleanText } from '$lib/vn/text';
import { taskProgressInput, type TaskProgressInput } from '$lib/features/tasks/inputs';
import { EVIDENCE_KINDS, EVIDENCE_MAX_BYTES, EVIDENCE_MAX_FILES } from '$lib/features/tasks/types';
import { canReportTaskProgress } from '../policy';
import { countEvidenceOfTask, insertEvidence, insertProgress, updateTaskRow } from '../queries';
import type { TaskEvidenceRow, TaskProgressRow, TaskRow } from '../tables';
import { loadTaskContext, parseInput, requireReadableTask, taskAuditView } from './task-context';

/** A file as uploaded: the name on the user's device and its bytes. */
export interface EvidenceUpload {
	name: string;
	bytes: Uint8Array;
}

/** A name safe to show and to offer on download: no folders, no control characters, at most 200 characters. */
function cleanFileName(name: string): string {
	const base = name.split(/[\\/]/).pop() ?? '';
	// eslint-disable-next-line no-control-regex
	const cleaned = cleanText(base.replace(/[\u0000-\u001f\u007f"]/g, ''));
	return (cleaned || 'tep-minh-chung').slice(0, 200);
}

/**
 * Checks every file before any is stored: how many, each one's size and kind (from its content).
 * A refusal names the file in `detail.fileName`.
 */
function checkFiles(files: EvidenceUpload[]): void {
	if (files.length > EVIDENCE_MAX_FILES) throw new AppError('VALIDATION', { fields: { files: 'tasks_too_many_files' }, detail: { max: EVIDENCE_MAX_FILES } });
	for (const f of files) {
		if (f.bytes.byteLength > EVIDENCE_MAX_BYTES) throw new AppError('TOO_LARGE', { fields: { files: 'tasks_file_too_large' }, detail: { fileName: cleanFileName(f.name), maxBytes: EVIDENCE_MAX_BYTES } });
		if (f.bytes.byteLength === 0 || !(EVIDENCE_KINDS as readonly string[]).includes(detectFileKind(f.bytes).kind)) {
			throw new AppError('UNSUPPORTED_TYPE', { fields: { files: 'tasks_file_type' }, detail: { fileName: cleanFileName(f.name) } });
		}
	}
}

/**
 * Records a progress report at the instant `at`. The one place reports are written: the use case
 * below passes now; the demo's seed passes the 2021 dates its history happened on.
 */
export async function recordTaskProgress(
	db: Db,
	actor: Actor,
	taskId: string,
	input: TaskProgressInput,
	uploads: EvidenceUpload[],
	at: Date
): Promise<{ task: TaskRow; progress: TaskProgressRow; evidence: TaskEvidenceRow[] }> {
	const ctx = await requireReadableTask(db, actor, taskId);
	if (!canReportTaskProgress(actor, ctx.resource)) throw new AppError('FORBIDDEN');
	const data = parseInput(taskProgressInput, input);
	// A form with no file chosen still sends one empty, nameless part.
	const files = uploads.filter((f) => f.bytes.byteLength > 0 || f.name);
	checkFiles(files);
	if (data.status === 'done' && ctx.task.evidenceRequired && files.length === 0 && (await countEvidenceOfTask(db, taskId)) === 0) {
		throw new AppError('VALIDATION', { fields: { files: 'tasks_evidence_required' } });
	}
	const stored: Array<StoredFile & { name: string }> = [];
	try {
		for (const f of files) {
			const file = await putFile(f.bytes, { prefix: 'task-evidence', maxBytes: EVIDENCE_MAX_BYTES, accept: [...EVIDENCE_KINDS] });
			stored.push({ ...file, name: cleanFileName(f.name) });
		}
		return await db.transaction(async (tx) => {
			const current = (await loadTaskContext(tx, taskId, { lock: true, campaign: ctx.campaign })).task;
			const percent = data.percent ?? Math.min(current.percent, 99);
			const progress = await insertProgress(tx, {
				id: newId(),
				taskId: current.id,
				orgId: current.orgId,
				authorUserId: actor.userId ?? null,
				authorLabel: actor.name ?? actorLabel(actor),
				note: data.note,
				status: data.status,
				percent,
				createdAt: at
			});
			const evidence = await insertEvidence(
				tx,
				stored.map((f) => ({
					id: newId(),
					taskId: current.id,
					progressId: progress.id,
					orgId: current.orgId,
					fileKey: f.key,
					fileName: f.name,
					contentType: f.contentType,
					size: f.size,
					sha256: f.sha256,
					uploadedBy: actor.userId ?? actor.name ?? actor.kind,
					createdAt: at
				}))
			);
			// Done once stays done at its first date; reopening clears it.
			const doneAt = data.status === 'done' ? (current.status === 'done' && current.doneAt ? current.doneAt : at) : null;
			const row = await updateTaskRow(tx, current.id, { status: data.status, percent, doneAt, updatedAt: at });
			await recordAudit(tx, actor, {
				orgId: row.orgId,
				orgPath: ctx.campaign.orgPath,
				entity: 'task',
				entityId: row.id,
				action: 'progress',
				before: { status: current.status, percent: current.percent, doneAt: current.doneAt },
				after: { ...taskAuditView(row), note: data.note, files: evidence.map((e) => ({ name: e.fileName, size: e.size, sha256: e.sha256 })) }
			});
			return { task: row, progress, evidence };
		});
	} catch (e) {
		// Nothing of a refused report stays behind: neither a row nor a file.
		await Promise.all(stored.map((f) => deleteStoredFile(f.key)));
		throw e;
	}
}

/**
 * Reports progress on a task: its status (not started, in progress, done), percent, a note and
 * evidence files (PDF, PNG, JPEG, WebP, Word/Excel/PowerPoint; at most 5 files of 5 MB each).
 * Refuses a task the actor may not see (NOT_FOUND), anyone but its person, a leader of its unit or
 * (for a task given to the unit) the unit's staff (FORBIDDEN), a file over the limit (TOO_LARGE) or
 * of another kind (UNSUPPORTED_TYPE), and done without evidence when evidence is required
 * (VALIDATION, files: tasks_evidence_required); a refused report stores nothing.
 */
export async function reportTaskProgress(db: Db, actor: Actor, taskId: string, input: TaskProgressInput, files: EvidenceUpload[] = []): Promise<{ task: TaskRow; progress: TaskProgressRow; evidence: TaskEvidenceRow[] }> {
	return recordTaskProgress(db, actor, taskId, input, files, now());
}
