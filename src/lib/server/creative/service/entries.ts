// Entries (M13): a recording, photo or essay with its title, description and unit; the author's
// consents and, for a minor, the guardian's, kept as events; the public entry pages; the
// coordinator's disqualification with a reason.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId, sha256 } from '../../core/ids';
import { parseInput } from '../../core/http';
import { newFileKey, storedFileStream, writeStoredFileAt } from '../../core/storage';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { foldVietnamese } from '$lib/vn/text';
import { entryInput, disqualifyInput, type EntryInput } from '$lib/features/creative/inputs';
import {
	ACCEPTED_KINDS,
	ENTRY_CONSENT_NOTICE_VERSION,
	ENTRY_CONSENT_PURPOSES,
	MEDIA_CONTENT_TYPES,
	TIMED_ENTRY_TYPES,
	type EntryType,
	type MediaKind
} from '$lib/features/creative/types';
import { canManageContest, canReadContest, submissionOpen } from '../policy';
import { claimUpload, revokeCertificateOfEntry, insertConsentEvents, insertEntry, selectConsentEvents, selectEntriesOfContest, selectRoundsOfJuror, selectRoundEntryIds, updateEntryRow } from '../queries';
import type { CreativeConsentEventRow, CreativeContestRow, CreativeEntryRow } from '../tables';
import { loadEntry, requireReadableContest, unitPaths, type ContestContext } from './context';
import { detectMediaKind, mediaDuration, memoryReader } from './media';
import { getUpload, tooLarge } from './uploads';

/** A file posted by a form without JavaScript (small files; larger ones go through tus). */
export interface PostedFile {
	name: string;
	bytes: Uint8Array;
}

interface StoredMedia {
	fileKey: string;
	fileName: string;
	contentType: string;
	size: number;
	sha256: string | null;
	durationSeconds: number | null;
	uploadId: string | null;
}

function tooLong(contest: CreativeContestRow): AppError {
	return new AppError('VALIDATION', { fields: { file: 'creative_too_long' }, detail: { minutes: Math.round(contest.maxDurationSeconds / 60) } });
}

/** Checks a posted file like an upload (size, kind from content, duration) before storing it. */
async function storePostedFile(contest: CreativeContestRow, type: EntryType, file: PostedFile): Promise<StoredMedia> {
	if (file.bytes.byteLength > contest.maxBytes) throw tooLarge(contest.maxBytes);
	const kind = detectMediaKind(file.bytes.subarray(0, 16));
	if (!kind || !ACCEPTED_KINDS[type].includes(kind)) throw new AppError('UNSUPPORTED_TYPE', { fields: { file: 'creative_file_kind' } });
	const duration = TIMED_ENTRY_TYPES.includes(type) ? await mediaDuration(kind, memoryReader(file.bytes), file.bytes.byteLength) : null;
	if (TIMED_ENTRY_TYPES.includes(type)) {
		if (duration === null) throw new AppError('VALIDATION', { fields: { file: 'creative_duration_unknown' } });
		if (duration > contest.maxDurationSeconds + 0.5) throw tooLong(contest);
	}
	const fileKey = newFileKey('creative');
	await writeStoredFileAt(fileKey, 0, file.bytes);
	return { fileKey, fileName: file.name.normalize('NFC').slice(0, 200), contentType: MEDIA_CONTENT_TYPES[kind], size: file.bytes.byteLength, sha256: sha256(file.bytes), durationSeconds: duration, uploadId: null };
}

/** A finished upload of the actor's for this contest, of a kind the entry type takes. */
async function takeUpload(db: Db, actor: Actor, contest: CreativeContestRow, type: EntryType, uploadId: string): Promise<StoredMedia> {
	const upload = await getUpload(db, actor, uploadId).catch(() => {
		throw new AppError('VALIDATION', { fields: { file: 'creative_upload_missing' } });
	});
	if (upload.contestId !== contest.id || !upload.completedAt || upload.entryId) throw new AppError('VALIDATION', { fields: { file: 'creative_upload_missing' } });
	if (!ACCEPTED_KINDS[type].includes(upload.kind as MediaKind)) throw new AppError('UNSUPPORTED_TYPE', { fields: { file: 'creative_file_kind' } });
	if (TIMED_ENTRY_TYPES.includes(type) && (upload.durationSeconds === null || upload.durationSeconds > contest.maxDurationSeconds + 0.5)) throw tooLong(contest);
	return {
		fileKey: upload.fileKey,
		fileName: upload.fileName,
		contentType: MEDIA_CONTENT_TYPES[upload.kind as MediaKind],
		size: upload.length,
		sha256: null,
		durationSeconds: upload.durationSeconds,
		uploadId: upload.id
	};
}

/**
 * Submits an entry with its file (a finished tus upload, or a small file posted by the form) or
 * essay text. Refuses a visitor (UNAUTHENTICATED), a contest not taking entries
 * (INVALID_TRANSITION), a type the contest does not take, a missing consent, a minor without a
 * guardian's name, relation and consent (VALIDATION), a file too large (TOO_LARGE), of the wrong
 * kind (UNSUPPORTED_TYPE) or too long (VALIDATION). The consents are recorded as events.
 */
export async function submitEntry(db: Db, actor: Actor, contestId: string, input: EntryInput, file?: PostedFile): Promise<CreativeEntryRow> {
	if (actor.kind !== 'user' || !actor.userId) throw new AppError('UNAUTHENTICATED');
	const ctx = await requireReadableContest(db, actor, contestId);
	const { contest } = ctx;
	if (!submissionOpen(contest, now())) throw new AppError('INVALID_TRANSITION', { fields: { _: 'creative_submission_closed' } });
	const data = parseInput(entryInput, input);
	if (!(contest.entryTypes as string[]).includes(data.type)) throw new AppError('VALIDATION', { fields: { type: 'creative_type_not_taken' } });
	let unitPath: string | null = null;
	if (data.unitId) {
		const unit = (await unitPaths(db, [data.unitId])).get(data.unitId);
		if (!unit || !unit.path.startsWith(ctx.org.path)) throw new AppError('VALIDATION', { fields: { unitId: 'field_invalid' } });
		unitPath = unit.path;
	}
	let media: StoredMedia | null = null;
	if (data.type !== 'essay') {
		if (data.uploadId) media = await takeUpload(db, actor, contest, data.type, data.uploadId);
		else if (file && file.bytes.byteLength) media = await storePostedFile(contest, data.type, file);
		else throw new AppError('VALIDATION', { fields: { file: 'creative_file_required' } });
	}
	const at = now();
	const publishable = data.consents.includes('publish') && (!data.isMinor || data.guardianConsents.includes('publish'));
	return db.transaction(async (tx) => {
		const entry = await insertEntry(tx, {
			id: newId(),
			contestId: contest.id,
			orgId: contest.orgId,
			authorUserId: actor.userId!,
			authorName: (actor.name || actor.email || '').normalize('NFC'),
			unitId: data.unitId,
			type: data.type,
			title: data.title,
			description: data.description,
			essayText: data.essayText,
			fileKey: media?.fileKey ?? null,
			fileName: media?.fileName ?? null,
			contentType: media?.contentType ?? null,
			size: media?.size ?? null,
			sha256: media?.sha256 ?? null,
			durationSeconds: media?.durationSeconds ?? null,
			isMinor: data.isMinor,
			guardianName: data.isMinor ? data.guardianName : null,
			guardianRelation: data.isMinor ? data.guardianRelation : null,
			publishable,
			searchText: foldVietnamese(`${data.title} ${actor.name ?? ''}`),
			submittedAt: at
		});
		if (media?.uploadId && !(await claimUpload(tx, media.uploadId, entry.id))) throw new AppError('VALIDATION', { fields: { file: 'creative_upload_missing' } });
		const consent = (party: 'author' | 'guardian', partyName: string, relation: string | null, given: string[]) =>
			ENTRY_CONSENT_PURPOSES.map((purpose) => ({
				id: newId(),
				entryId: entry.id,
				orgId: contest.orgId,
				party,
				partyName,
				relation,
				purpose,
				granted: given.includes(purpose),
				noticeVersion: ENTRY_CONSENT_NOTICE_VERSION,
				channel: 'web_form',
				recordedBy: actor.userId ?? null,
				at
			}));
		await insertConsentEvents(tx, [
			...consent('author', entry.authorName, null, data.consents),
			...(data.isMinor ? consent('guardian', data.guardianName, data.guardianRelation, data.guardianConsents) : [])
		]);
		await recordAudit(tx, actor, {
			orgId: contest.orgId,
			orgPath: ctx.org.path,
			entity: 'creative_entry',
			entityId: entry.id,
			action: 'submit',
			after: { contestId: contest.id, type: entry.type, title: entry.title, unitId: entry.unitId, unitPath, size: entry.size, durationSeconds: entry.durationSeconds, isMinor: entry.isMinor, publishable }
		});
		return entry;
	});
}

/** True when the entry is shown to everyone: its contest is public, the consents allow it and it was not disqualified. */
function isPublicEntry(entry: CreativeEntryRow): boolean {
	return entry.publishable && entry.status === 'submitted';
}

/** True when the actor judges a round that holds the entry. */
async function judgesEntry(db: Db, actor: Actor, entry: CreativeEntryRow): Promise<boolean> {
	if (actor.kind !== 'user' || !actor.userId) return false;
	for (const round of await selectRoundsOfJuror(db, actor.userId)) {
		if (round.contestId === entry.contestId && (await selectRoundEntryIds(db, round.id)).includes(entry.id)) return true;
	}
	return false;
}

export interface EntryAccess {
	entry: CreativeEntryRow;
	ctx: ContestContext;
	isAuthor: boolean;
	canManage: boolean;
}

/**
 * The entry if the actor may see it: a public one is everyone's; otherwise only its author's and
 * the contest's managers'. NOT_FOUND for anyone else.
 */
export async function requireReadableEntry(db: Db, actor: Actor, entryId: string): Promise<EntryAccess> {
	const { entry, ...ctx } = await loadEntry(db, entryId);
	const canManage = canManageContest(actor, { orgPath: ctx.org.path });
	const isAuthor = actor.kind === 'user' && actor.userId === entry.authorUserId;
	const contestPublic = canReadContest(actor, { orgPath: ctx.org.path, status: ctx.contest.status });
	if (!canManage && !isAuthor && !(contestPublic && isPublicEntry(entry))) throw new AppError('NOT_FOUND');
	return { entry, ctx, isAuthor, canManage };
}

/** The stored file of an entry for its player: to whoever may see the entry, and to its jurors. NOT_FOUND otherwise. */
export async function readEntryMedia(db: Db, actor: Actor, entryId: string): Promise<{ fileKey: string; contentType: string; size: number }> {
	const access = await requireReadableEntry(db, actor, entryId).catch(async (e) => {
		const { entry } = await loadEntry(db, entryId);
		if (await judgesEntry(db, actor, entry)) return { entry };
		throw e;
	});
	const { entry } = access;
	if (!entry.fileKey || !entry.contentType || !entry.size) throw new AppError('NOT_FOUND');
	return { fileKey: entry.fileKey, contentType: entry.contentType, size: entry.size };
}

/** The public entries of a contest, in order of submission. */
export async function listPublicEntries(db: Db, contestId: string): Promise<CreativeEntryRow[]> {
	return selectEntriesOfContest(db, contestId, { publicOnly: true });
}

/** The actor's own entries in a contest. */
export async function listMyEntries(db: Db, actor: Actor, contestId: string): Promise<CreativeEntryRow[]> {
	if (actor.kind !== 'user' || !actor.userId) return [];
	return selectEntriesOfContest(db, contestId, { authorUserId: actor.userId });
}

/** Every entry of a contest, with each one's consents, for its managers; FORBIDDEN for others. */
export async function listContestEntriesForManager(db: Db, actor: Actor, ctx: ContestContext): Promise<Array<CreativeEntryRow & { unitName: string | null }>> {
	if (!canManageContest(actor, { orgPath: ctx.org.path })) throw new AppError('FORBIDDEN');
	const entries = await selectEntriesOfContest(db, ctx.contest.id);
	const units = await unitPaths(db, entries.map((e) => e.unitId));
	return entries.map((e) => ({ ...e, unitName: e.unitId ? (units.get(e.unitId)?.name ?? null) : null }));
}

/** The consent events of an entry, to its author and the contest's managers. */
export async function listEntryConsents(db: Db, actor: Actor, entryId: string): Promise<CreativeConsentEventRow[]> {
	const access = await requireReadableEntry(db, actor, entryId);
	if (!access.isAuthor && !access.canManage) throw new AppError('FORBIDDEN');
	return selectConsentEvents(db, entryId);
}

/**
 * Takes an entry out of the contest with a reason (audited): it leaves the public pages, the vote,
 * the jury rounds still open and the ranking, and its certificate is revoked. Refuses others than the contest's managers (FORBIDDEN),
 * a missing reason (VALIDATION) and an entry already out (INVALID_TRANSITION).
 */
export async function disqualifyEntry(db: Db, actor: Actor, entryId: string, input: { reason?: unknown }): Promise<CreativeEntryRow> {
	const access = await requireReadableEntry(db, actor, entryId);
	if (!access.canManage) throw new AppError('FORBIDDEN');
	const { reason } = parseInput(disqualifyInput, input);
	if (access.entry.status === 'disqualified') throw new AppError('INVALID_TRANSITION', { fields: { _: 'creative_already_disqualified' } });
	return db.transaction(async (tx) => {
		const row = await updateEntryRow(tx, entryId, { status: 'disqualified', disqualifiedReason: reason, disqualifiedBy: actor.userId ?? null, disqualifiedAt: now() });
		// A certificate already given (results published) no longer holds.
		await revokeCertificateOfEntry(tx, entryId, reason, now());
		await recordAudit(tx, actor, {
			orgId: row.orgId,
			orgPath: access.ctx.org.path,
			entity: 'creative_entry',
			entityId: entryId,
			action: 'disqualify',
			before: { status: access.entry.status },
			after: { status: row.status, reason }
		});
		return row;
	});
}

/**
 * The HTTP answer carrying a stored file, whole or the byte range a player asked for (RFC 9110
 * §14: "bytes=start-end"); a range beyond the file answers 416.
 */
export function storedFileResponse(media: { fileKey: string; contentType: string; size: number }, range: string | null): Response {
	const headers: Record<string, string> = { 'Content-Type': media.contentType, 'Accept-Ranges': 'bytes', 'Cache-Control': 'private, max-age=3600', 'X-Content-Type-Options': 'nosniff' };
	const match = range ? /^bytes=(\d*)-(\d*)$/.exec(range.trim()) : null;
	if (match && (match[1] || match[2])) {
		let start = match[1] ? Number(match[1]) : Math.max(0, media.size - Number(match[2]));
		let end = match[1] && match[2] ? Math.min(Number(match[2]), media.size - 1) : media.size - 1;
		if (!match[1]) start = Math.max(0, media.size - Number(match[2]));
		if (start >= media.size || start > end) return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${media.size}` } });
		end = Math.max(start, end);
		return new Response(storedFileStream(media.fileKey, { start, end }), { status: 206, headers: { ...headers, 'Content-Range': `bytes ${start}-${end}/${media.size}`, 'Content-Length': String(end - start + 1) } });
	}
	return new Response(storedFileStream(media.fileKey), { status: 200, headers: { ...headers, 'Content-Length': String(media.size) } });
}
