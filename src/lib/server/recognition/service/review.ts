// The review of initiatives and nominations: back to the authors for fixes, before a council,
// scored on the rubric by members without a conflict, and decided by the head once the council closed.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { parseInput } from '../../core/http';
import { actorLabel, type Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { decideInput, reasonInput, scoreInput, sendToCouncilInput, type DecideInput, type ScoreInput } from '../../../features/recognition/inputs';
import { combinedScore, memberScore } from '../../../features/recognition/format';
import { RUBRIC_CRITERIA, type EntryKind, type RubricScores } from '../../../features/recognition/types';
import { canDecideEntry, canReturnEntry, canScoreEntry, canSendToCouncil, isRecognitionHead, reviewingMember } from '../policy';
import { selectCouncil, selectScores, updateInitiativeRow, updateNominationRow, upsertScore } from '../queries';
import type { InitiativeRow, NominationRow, ScoreRow } from '../tables';
import { loadEntry, type LoadedEntry } from './context';

type EntryPatch = Partial<InitiativeRow> & Partial<NominationRow>;

/** Writes a change of status at the version read, with its audit entry. */
async function transition(db: Db, actor: Actor, loaded: LoadedEntry, action: string, patch: EntryPatch): Promise<InitiativeRow | NominationRow> {
	const { entry, campaign } = loaded;
	return db.transaction(async (tx) => {
		const full = { ...patch, updatedAt: now() };
		const row =
			entry.kind === 'initiative'
				? await updateInitiativeRow(tx, entry.row.id, entry.row.version, full as Partial<InitiativeRow>)
				: await updateNominationRow(tx, entry.row.id, entry.row.version, full as Partial<NominationRow>);
		if (!row) throw new AppError('STALE');
		await recordAudit(tx, actor, {
			orgId: campaign.orgId,
			orgPath: campaign.orgPath,
			entity: entry.kind,
			entityId: entry.row.id,
			action,
			before: { status: entry.row.status, councilId: entry.row.councilId },
			after: patch
		});
		return row;
	});
}

/**
 * Sends an entry back to its authors for fixes, with the reason. Refuses an entry the actor may not
 * read (NOT_FOUND), anyone but the campaign's coordinators (FORBIDDEN), an entry decided or before a
 * closed council (INVALID_TRANSITION) and an empty reason (VALIDATION).
 */
export async function returnEntry(db: Db, actor: Actor, kind: EntryKind, id: string, input: { reason: string }): Promise<InitiativeRow | NominationRow> {
	const loaded = await loadEntry(db, actor, kind, id);
	if (!canReturnEntry(actor, loaded.resource)) {
		if (!['submitted', 'in_review'].includes(loaded.resource.status) || loaded.resource.council?.status === 'closed') throw new AppError('INVALID_TRANSITION');
		throw new AppError('FORBIDDEN');
	}
	const { reason } = parseInput(reasonInput, input);
	return transition(db, actor, loaded, 'return', { status: 'returned', returnReason: reason });
}

/**
 * Puts a submitted entry before a council of its campaign. Refuses anyone but the campaign's
 * coordinators (FORBIDDEN), an entry not waiting (INVALID_TRANSITION), and a council of another
 * campaign or one already closed (VALIDATION, councilId).
 */
export async function sendToCouncil(db: Db, actor: Actor, kind: EntryKind, id: string, input: { councilId: string }): Promise<InitiativeRow | NominationRow> {
	const loaded = await loadEntry(db, actor, kind, id);
	if (!canSendToCouncil(actor, loaded.resource)) {
		if (loaded.resource.status !== 'submitted') throw new AppError('INVALID_TRANSITION');
		throw new AppError('FORBIDDEN');
	}
	const { councilId } = parseInput(sendToCouncilInput, input);
	const council = await selectCouncil(db, councilId);
	if (!council || council.campaignId !== loaded.campaign.id) throw new AppError('VALIDATION', { fields: { councilId: 'field_invalid' } });
	if (council.status !== 'open') throw new AppError('VALIDATION', { fields: { councilId: 'recognition_council_closed' } });
	return transition(db, actor, loaded, 'send_to_council', { status: 'in_review', councilId: council.id, returnReason: null });
}

/**
 * Records (or changes) the actor's marks of an entry, 0–10 for each criterion. Refuses an entry the
 * actor may not see — a member with a declared conflict does not see it (NOT_FOUND) — anyone not on
 * its council (FORBIDDEN), a council already closed (INVALID_TRANSITION, _: recognition_council_closed)
 * and marks out of range (VALIDATION).
 */
export async function scoreEntry(db: Db, actor: Actor, kind: EntryKind, id: string, input: ScoreInput): Promise<ScoreRow> {
	const loaded = await loadEntry(db, actor, kind, id);
	if (!canScoreEntry(actor, loaded.resource)) {
		if (loaded.resource.council?.status === 'closed') throw new AppError('INVALID_TRANSITION', { fields: { _: 'recognition_council_closed' } });
		if (reviewingMember(actor, loaded.resource) && loaded.resource.status !== 'in_review') throw new AppError('INVALID_TRANSITION');
		throw new AppError('FORBIDDEN');
	}
	const data = parseInput(scoreInput, input);
	const council = loaded.council!;
	return db.transaction(async (tx) => {
		const before = (await selectScores(tx, kind, [id])).find((s) => s.memberUserId === actor.userId);
		// The council's status is read again in the transaction: a close that just committed wins.
		const fresh = await selectCouncil(tx, council.row.id);
		if (fresh?.status !== 'open') throw new AppError('INVALID_TRANSITION', { fields: { _: 'recognition_council_closed' } });
		const marks = Object.fromEntries(RUBRIC_CRITERIA.map((c) => [c, data[c] as number])) as RubricScores;
		const row = await upsertScore(tx, {
			id: newId(),
			councilId: council.row.id,
			orgId: loaded.entry.row.orgId,
			entryKind: kind,
			entryId: id,
			memberUserId: actor.userId!,
			...marks,
			comment: data.comment,
			updatedAt: now()
		});
		await recordAudit(tx, actor, {
			orgId: loaded.campaign.orgId,
			orgPath: loaded.campaign.orgPath,
			entity: 'recognition_score',
			entityId: row.id,
			action: before ? 'update' : 'create',
			before: before ? Object.fromEntries(RUBRIC_CRITERIA.map((c) => [c, before[c]])) : undefined,
			after: { entryKind: kind, entryId: id, ...marks, comment: data.comment }
		});
		return row;
	});
}

/**
 * The head recognises an entry (an initiative with its level: cơ sở or higher) or refuses it, once
 * its council has closed. Refuses anyone but the head of the campaign's organisation (FORBIDDEN), an
 * entry not under review or before an open council (INVALID_TRANSITION), and a recognised
 * initiative without its level (VALIDATION, level: field_required).
 */
export async function decideEntry(db: Db, actor: Actor, kind: EntryKind, id: string, input: DecideInput): Promise<InitiativeRow | NominationRow> {
	const loaded = await loadEntry(db, actor, kind, id);
	if (!canDecideEntry(actor, loaded.resource)) {
		if (!isRecognitionHead(actor, loaded.campaign.orgPath)) throw new AppError('FORBIDDEN');
		throw new AppError('INVALID_TRANSITION', { fields: { _: loaded.resource.council?.status === 'open' ? 'recognition_council_still_open' : 'recognition_not_in_review' } });
	}
	const data = parseInput(decideInput, input);
	if (kind === 'initiative' && data.outcome === 'recognised' && !data.level) throw new AppError('VALIDATION', { fields: { level: 'field_required' } });
	if (data.outcome === 'refused' && !data.note) throw new AppError('VALIDATION', { fields: { note: 'field_required' } });
	return transition(db, actor, loaded, data.outcome === 'recognised' ? 'recognise' : 'refuse', {
		status: data.outcome,
		decisionNote: data.note || null,
		...(kind === 'initiative' ? { level: data.outcome === 'recognised' ? data.level : null } : {}),
		decidedAt: now(),
		decidedByLabel: actorLabel(actor)
	});
}

/** The council's result of an entry as the actor may see it: the combined score; every member's marks only for overseers. */
export interface ScoreSummary {
	combined: number | null;
	count: number;
	passMark: number | null;
	mine: (RubricScores & { comment: string }) | null;
	rows: Array<{ memberName: string; marks: RubricScores; total: number; comment: string }> | null;
}

/** Sums up the scores of an entry for the actor: overseers see every member's marks, a member their own. */
export async function scoreSummaryOf(db: Db, actor: Actor, loaded: LoadedEntry, options: { oversee: boolean }): Promise<ScoreSummary> {
	const council = loaded.council;
	if (!council) return { combined: null, count: 0, passMark: null, mine: null, rows: null };
	const scores = (await selectScores(db, loaded.entry.kind, [loaded.entry.row.id])).filter((s) => s.councilId === council.row.id);
	const marksOf = (s: ScoreRow): RubricScores => Object.fromEntries(RUBRIC_CRITERIA.map((c) => [c, s[c]])) as RubricScores;
	const names = new Map(council.members.map((m) => [m.userId, m.name]));
	const mine = scores.find((s) => s.memberUserId === actor.userId);
	return {
		combined: combinedScore(scores.map(marksOf), council.row.weights),
		count: scores.length,
		passMark: council.row.passMark,
		mine: mine ? { ...marksOf(mine), comment: mine.comment } : null,
		rows: options.oversee ? scores.map((s) => ({ memberName: names.get(s.memberUserId) ?? '', marks: marksOf(s), total: Math.round(memberScore(marksOf(s), council.row.weights) * 100) / 100, comment: s.comment })) : null
	};
}
