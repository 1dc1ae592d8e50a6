// Jury rounds (M13): a rubric with weights, jurors, blind judging (no author or unit shown, a
// juror's own unit's entries left out), ratings sealed until the round closes, the coordinator's
// progress view (counts only while open), later rounds taking the best N, and the final ranking
// of jury and public vote.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId, sha256 } from '../../core/ids';
import { parseInput } from '../../core/http';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { findUserByEmail } from '../../auth/service';
import { jurorInput, parseScores, ratingComment, roundInput, type RoundInput } from '$lib/features/creative/inputs';
import type { RubricCriterion } from '$lib/features/creative/types';
import { canFollowJudging, canManageContest, jurorMayJudge, ratingsUnsealed } from '../policy';
import {
	countRatingsByJuror,
	countVotesByEntry,
	deleteJuror,
	insertJuror,
	insertRound,
	insertRoundEntries,
	selectEntriesOfContest,
	selectJurorsOfRound,
	selectRatings,
	selectRound,
	selectRoundEntryIds,
	selectRoundsOfContest,
	selectRoundsOfJuror,
	updateContestRow,
	updateRoundRow,
	upsertRating
} from '../queries';
import type { CreativeContestRow, CreativeEntryRow, JurorRow, JuryRatingRow, JuryRoundRow } from '../tables';
import { loadContest, requireManagedContest, requireReadableContest, unitPaths, unitPathsOfUser, type ContestContext } from './context';
import { rankByJury, rankEntries, ratingScore, type RankedEntry } from './ranking';
import { issueContestCertificates } from './certificates';

/** A round with its contest, for its managers; NOT_FOUND / FORBIDDEN as for the contest. */
async function requireManagedRound(db: Db, actor: Actor, roundId: string): Promise<{ round: JuryRoundRow } & ContestContext> {
	const round = await selectRound(db, roundId);
	if (!round) throw new AppError('NOT_FOUND');
	return { round, ...(await requireManagedContest(db, actor, round.contestId)) };
}

function roundAudit(r: JuryRoundRow) {
	return { number: r.number, title: r.title, criteria: r.criteria, advanceCount: r.advanceCount, status: r.status };
}

/**
 * Adds a jury round to a contest with its rubric; a later round names how many of the previous
 * round's best entries it takes. Refuses others than the contest's managers (FORBIDDEN) and bad
 * input, or a later round without that number (VALIDATION).
 */
export async function createRound(db: Db, actor: Actor, contestId: string, input: RoundInput): Promise<JuryRoundRow> {
	const ctx = await requireManagedContest(db, actor, contestId);
	const data = parseInput(roundInput, input);
	const rounds = await selectRoundsOfContest(db, contestId);
	const number = rounds.length + 1;
	if (number > 1 && !data.advanceCount) throw new AppError('VALIDATION', { fields: { advanceCount: 'creative_advance_count_required' } });
	return db.transaction(async (tx) => {
		const row = await insertRound(tx, {
			id: newId(),
			contestId,
			orgId: ctx.contest.orgId,
			number,
			title: data.title,
			criteria: data.criteria,
			advanceCount: number > 1 ? data.advanceCount : null,
			status: 'draft',
			createdAt: now()
		});
		await recordAudit(tx, actor, { orgId: row.orgId, orgPath: ctx.org.path, entity: 'jury_round', entityId: row.id, action: 'create', after: roundAudit(row) });
		return row;
	});
}

/**
 * Makes the account with `email` a juror of a round not yet closed (audited). Refuses others than
 * the contest's managers (FORBIDDEN), an e-mail without an account (VALIDATION) and a closed round
 * (INVALID_TRANSITION).
 */
export async function addJuror(db: Db, actor: Actor, roundId: string, input: { email?: unknown }): Promise<JurorRow[]> {
	const { round, org } = await requireManagedRound(db, actor, roundId);
	const { email } = parseInput(jurorInput, input);
	if (round.status === 'closed') throw new AppError('INVALID_TRANSITION', { fields: { _: 'creative_round_closed' } });
	const user = await findUserByEmail(db, email);
	if (!user) throw new AppError('VALIDATION', { fields: { email: 'creative_juror_unknown' } });
	await db.transaction(async (tx) => {
		if (await insertJuror(tx, { roundId, userId: user.id, name: user.name, addedBy: actor.userId ?? null, addedAt: now() })) {
			await recordAudit(tx, actor, { orgId: round.orgId, orgPath: org.path, entity: 'jury_round', entityId: roundId, action: 'add_juror', after: { userId: user.id, name: user.name } });
		}
	});
	return selectJurorsOfRound(db, roundId);
}

/** Removes a juror from a draft round (audited); once a round is open its jurors stay. */
export async function removeJuror(db: Db, actor: Actor, roundId: string, userId: string): Promise<void> {
	const { round, org } = await requireManagedRound(db, actor, roundId);
	if (round.status !== 'draft') throw new AppError('INVALID_TRANSITION', { fields: { _: 'creative_round_not_draft' } });
	await db.transaction(async (tx) => {
		if (await deleteJuror(tx, roundId, userId)) await recordAudit(tx, actor, { orgId: round.orgId, orgPath: org.path, entity: 'jury_round', entityId: roundId, action: 'remove_juror', before: { userId } });
	});
}

/** The ratings of a round by entry, each out of 100. */
async function ratingsByEntry(db: Db, roundId: string): Promise<Map<string, number[]>> {
	const out = new Map<string, number[]>();
	for (const r of await selectRatings(db, roundId)) out.set(r.entryId, [...(out.get(r.entryId) ?? []), r.score]);
	return out;
}

/**
 * Opens a draft round: it fixes the entries it judges (round 1: every entry still in the contest;
 * a later round: the best `advanceCount` of the previous one). Refuses others than the managers
 * (FORBIDDEN), a round with no juror (VALIDATION), a round not in draft, before submissions
 * close, or before the previous round closes (INVALID_TRANSITION).
 */
export async function openRound(db: Db, actor: Actor, roundId: string): Promise<JuryRoundRow> {
	const { round, contest, org } = await requireManagedRound(db, actor, roundId);
	if (round.status !== 'draft') throw new AppError('INVALID_TRANSITION', { fields: { _: 'creative_round_not_draft' } });
	if (now() < contest.submissionClosesAt) throw new AppError('INVALID_TRANSITION', { fields: { _: 'creative_submission_still_open' } });
	if (!(await selectJurorsOfRound(db, roundId)).length) throw new AppError('VALIDATION', { fields: { _: 'creative_round_needs_jurors' } });
	const rounds = await selectRoundsOfContest(db, contest.id);
	const previous = rounds.find((r) => r.number === round.number - 1);
	let entryIds: string[];
	const inContest = (await selectEntriesOfContest(db, contest.id)).filter((e) => e.status === 'submitted');
	if (!previous) entryIds = inContest.map((e) => e.id);
	else {
		if (previous.status !== 'closed') throw new AppError('INVALID_TRANSITION', { fields: { _: 'creative_previous_round_open' } });
		const still = new Set(inContest.map((e) => e.id));
		const seqOf = new Map(inContest.map((e) => [e.id, e.seq]));
		const ratings = await ratingsByEntry(db, previous.id);
		const standing = rankByJury((await selectRoundEntryIds(db, previous.id)).filter((id) => still.has(id)).map((id) => ({ entryId: id, seq: seqOf.get(id)!, ratings: ratings.get(id) ?? [] })));
		entryIds = standing.slice(0, round.advanceCount ?? standing.length).map((s) => s.entryId);
	}
	return db.transaction(async (tx) => {
		await insertRoundEntries(tx, roundId, entryIds);
		const row = await updateRoundRow(tx, roundId, { status: 'open', openedAt: now() });
		await recordAudit(tx, actor, { orgId: row.orgId, orgPath: org.path, entity: 'jury_round', entityId: roundId, action: 'open', before: { status: 'draft' }, after: { status: 'open', entryIds } });
		return row;
	});
}

/**
 * Closes an open round: the ratings are unsealed and written whole to the audit log. Refuses
 * others than the managers (FORBIDDEN) and a round not open (INVALID_TRANSITION).
 */
export async function closeRound(db: Db, actor: Actor, roundId: string): Promise<JuryRoundRow> {
	const { round, org } = await requireManagedRound(db, actor, roundId);
	if (round.status !== 'open') throw new AppError('INVALID_TRANSITION', { fields: { _: 'creative_round_not_open' } });
	return db.transaction(async (tx) => {
		const row = await updateRoundRow(tx, roundId, { status: 'closed', closedAt: now() });
		const ratings = (await selectRatings(tx, roundId)).map((r) => ({ entryId: r.entryId, juror: r.jurorUserId, scores: r.scores, score: r.score }));
		await recordAudit(tx, actor, { orgId: row.orgId, orgPath: org.path, entity: 'jury_round', entityId: roundId, action: 'close', before: { status: 'open' }, after: { status: 'closed', ratings } });
		return row;
	});
}

/** What a juror sees of an entry: no author, no unit, only a code for the round. */
export interface BlindEntry {
	id: string;
	code: string;
	type: CreativeEntryRow['type'];
	title: string;
	description: string;
	essayText: string;
	hasFile: boolean;
	contentType: string | null;
	durationSeconds: number | null;
}

/** A short code for an entry in a round that says nothing of its author or order. */
function blindCode(roundId: string, entryId: string): string {
	return sha256(`${roundId}:${entryId}`).slice(0, 6).toUpperCase();
}

export interface JurorRound {
	round: JuryRoundRow;
	contestTitle: string;
	entries: BlindEntry[];
	/** The juror's own ratings, by entry id; nobody else's. */
	mine: Record<string, Pick<JuryRatingRow, 'scores' | 'score' | 'comment'>>;
}

/** The entries a juror may judge in a round: in the round, still in the contest, not of their unit nor their own. */
async function judgeableEntries(db: Db, round: JuryRoundRow, userId: string): Promise<CreativeEntryRow[]> {
	const ids = await selectRoundEntryIds(db, round.id);
	const entries = (await selectEntriesOfContest(db, round.contestId, { ids })).filter((e) => e.status === 'submitted');
	const units = await unitPaths(db, entries.map((e) => e.unitId));
	const juror = { userId, unitPaths: await unitPathsOfUser(db, userId) };
	return entries.filter((e) => jurorMayJudge(juror, { authorUserId: e.authorUserId, unitPath: e.unitId ? (units.get(e.unitId)?.path ?? null) : null }));
}

/** The round for one of its jurors, blind: NOT_FOUND for anyone who is not its juror, and before it opens. */
export async function getJurorRound(db: Db, actor: Actor, roundId: string): Promise<JurorRound> {
	const round = await selectRound(db, roundId);
	if (!round || actor.kind !== 'user' || !actor.userId || round.status === 'draft') throw new AppError('NOT_FOUND');
	if (!(await selectJurorsOfRound(db, roundId)).some((j) => j.userId === actor.userId)) throw new AppError('NOT_FOUND');
	const { contest } = await loadContest(db, round.contestId);
	const entries = (await judgeableEntries(db, round, actor.userId))
		.map((e) => ({
			id: e.id,
			code: blindCode(round.id, e.id),
			type: e.type,
			title: e.title,
			description: e.description,
			essayText: e.essayText,
			hasFile: Boolean(e.fileKey),
			contentType: e.contentType,
			durationSeconds: e.durationSeconds
		}))
		.sort((a, b) => a.code.localeCompare(b.code));
	const mine = Object.fromEntries((await selectRatings(db, roundId, actor.userId)).map((r) => [r.entryId, { scores: r.scores, score: r.score, comment: r.comment }]));
	return { round, contestTitle: contest.title, entries, mine };
}

/** The rounds the actor judges (open or closed), with their contest's title. */
export async function listMyJuryRounds(db: Db, actor: Actor): Promise<Array<{ round: JuryRoundRow; contestTitle: string; toRate: number; rated: number }>> {
	if (actor.kind !== 'user' || !actor.userId) return [];
	const out = [];
	for (const round of (await selectRoundsOfJuror(db, actor.userId)).filter((r) => r.status !== 'draft')) {
		const { contest } = await loadContest(db, round.contestId);
		const toRate = (await judgeableEntries(db, round, actor.userId)).length;
		const rated = (await selectRatings(db, round.id, actor.userId)).length;
		out.push({ round, contestTitle: contest.title, toRate, rated });
	}
	return out;
}

/**
 * Saves a juror's scores for an entry (their earlier scores for it are replaced). The audit log
 * keeps a fingerprint of the scores while the round is open (the scores themselves are written
 * there when it closes). Refuses anyone not a juror of the round and an entry they may not judge
 * (NOT_FOUND), a round not open (INVALID_TRANSITION) and scores out of range (VALIDATION).
 */
export async function rateEntry(db: Db, actor: Actor, roundId: string, entryId: string, input: Record<string, unknown>): Promise<JuryRatingRow> {
	const view = await getJurorRound(db, actor, roundId);
	if (view.round.status !== 'open') throw new AppError('INVALID_TRANSITION', { fields: { _: 'creative_round_not_open' } });
	if (!view.entries.some((e) => e.id === entryId)) throw new AppError('NOT_FOUND');
	const { scores, errors } = parseScores(view.round.criteria, input);
	if (Object.keys(errors).length) throw new AppError('VALIDATION', { fields: errors });
	const comment = parseInput(ratingComment, input.comment);
	const score = ratingScore(view.round.criteria, scores);
	const { org } = await loadContest(db, view.round.contestId);
	return db.transaction(async (tx) => {
		const at = now();
		const row = await upsertRating(tx, { id: newId(), roundId, entryId, jurorUserId: actor.userId!, scores, score, comment, createdAt: at, updatedAt: at });
		await recordAudit(tx, actor, {
			orgId: view.round.orgId,
			orgPath: org.path,
			entity: 'jury_rating',
			entityId: row.id,
			action: 'rate',
			after: { roundId, entryId, sealed: sha256(JSON.stringify({ scores, comment, at: at.toISOString() })) }
		});
		return row;
	});
}

export interface RoundProgress {
	round: JuryRoundRow;
	entryCount: number;
	jurors: Array<{ userId: string; name: string; rated: number; toRate: number }>;
	/** Only once the round is closed: each entry's ratings and mean, best first. */
	results: Array<{ entry: CreativeEntryRow; unitName: string | null; juryScore: number; ratings: Array<{ juror: string; scores: Record<string, number>; score: number; comment: string }> }> | null;
}

/**
 * A round's progress for the contest's managers and supervisors: how many entries each juror has
 * rated (never the scores) while it is open; every rating once it is closed. FORBIDDEN for others.
 */
export async function getRoundProgress(db: Db, actor: Actor, roundId: string): Promise<RoundProgress> {
	const round = await selectRound(db, roundId);
	if (!round) throw new AppError('NOT_FOUND');
	const ctx = await requireReadableContest(db, actor, round.contestId);
	if (!canFollowJudging(actor, { orgPath: ctx.org.path })) throw new AppError('FORBIDDEN');
	const jurors = await selectJurorsOfRound(db, roundId);
	const counts = await countRatingsByJuror(db, roundId);
	const entryIds = await selectRoundEntryIds(db, roundId);
	const progress = [];
	for (const j of jurors) progress.push({ userId: j.userId, name: j.name, rated: counts.get(j.userId) ?? 0, toRate: round.status === 'draft' ? 0 : (await judgeableEntries(db, round, j.userId)).length });
	let results: RoundProgress['results'] = null;
	if (ratingsUnsealed(round)) {
		const entries = await selectEntriesOfContest(db, round.contestId, { ids: entryIds });
		const units = await unitPaths(db, entries.map((e) => e.unitId));
		const names = new Map(jurors.map((j) => [j.userId, j.name]));
		const ratings = await selectRatings(db, roundId);
		const standing = rankByJury(entries.filter((e) => e.status === 'submitted').map((e) => ({ entryId: e.id, seq: e.seq, ratings: ratings.filter((r) => r.entryId === e.id).map((r) => r.score) })));
		const byId = new Map(entries.map((e) => [e.id, e]));
		results = standing.map((s) => ({
			entry: byId.get(s.entryId)!,
			unitName: byId.get(s.entryId)!.unitId ? (units.get(byId.get(s.entryId)!.unitId!)?.name ?? null) : null,
			juryScore: s.juryScore,
			ratings: ratings.filter((r) => r.entryId === s.entryId).map((r) => ({ juror: names.get(r.jurorUserId) ?? '', scores: r.scores, score: r.score, comment: r.comment }))
		}));
	}
	return { round, entryCount: entryIds.length, jurors: progress, results };
}

/** The rounds of a contest, for its managers and supervisors. */
export async function listRounds(db: Db, actor: Actor, contestId: string): Promise<Array<JuryRoundRow & { jurors: JurorRow[] }>> {
	const ctx = await requireReadableContest(db, actor, contestId);
	if (!canFollowJudging(actor, { orgPath: ctx.org.path })) throw new AppError('FORBIDDEN');
	const out = [];
	for (const r of await selectRoundsOfContest(db, contestId)) out.push({ ...r, jurors: await selectJurorsOfRound(db, r.id) });
	return out;
}

export interface ContestResults {
	/** The last closed round, whose ratings the ranking uses. */
	round: JuryRoundRow;
	criteria: RubricCriterion[];
	juryWeight: number;
	ranking: Array<RankedEntry & { entry: CreativeEntryRow; unitName: string | null }>;
}

/** The final ranking from the last closed round and the public vote; null before any round closes. */
export async function computeResults(db: Db, contest: Pick<CreativeContestRow, 'id' | 'juryWeight'>): Promise<ContestResults | null> {
	const rounds = await selectRoundsOfContest(db, contest.id);
	const round = [...rounds].reverse().find((r) => r.status === 'closed');
	if (!round) return null;
	const ids = await selectRoundEntryIds(db, round.id);
	const entries = (await selectEntriesOfContest(db, contest.id, { ids })).filter((e) => e.status === 'submitted');
	const ratings = await ratingsByEntry(db, round.id);
	const votes = await countVotesByEntry(db, contest.id);
	const ranked = rankEntries(
		entries.map((e) => ({ entryId: e.id, seq: e.seq, ratings: ratings.get(e.id) ?? [], votes: votes.get(e.id) ?? 0 })),
		contest.juryWeight
	);
	const byId = new Map(entries.map((e) => [e.id, e]));
	const units = await unitPaths(db, entries.map((e) => e.unitId));
	return {
		round,
		criteria: round.criteria,
		juryWeight: contest.juryWeight,
		ranking: ranked.map((r) => {
			const entry = byId.get(r.entryId)!;
			return { ...r, entry, unitName: entry.unitId ? (units.get(entry.unitId)?.name ?? null) : null };
		})
	};
}

/**
 * The contest's results: to everyone once published; to its managers and supervisors as soon as a
 * round has closed. Null when there is nothing the actor may see yet.
 */
export async function getContestResults(db: Db, actor: Actor, contestId: string): Promise<ContestResults | null> {
	const ctx = await requireReadableContest(db, actor, contestId);
	if (ctx.contest.status !== 'results' && !canFollowJudging(actor, { orgPath: ctx.org.path })) return null;
	const results = await computeResults(db, ctx.contest);
	if (results && ctx.contest.status === 'results' && !canFollowJudging(actor, { orgPath: ctx.org.path })) {
		// The public sees only entries their authors agreed to publish.
		results.ranking = results.ranking.filter((r) => r.entry.publishable);
	}
	return results;
}

/**
 * Publishes the ranking (audited with it) and gives the certificates: prizes for the first places,
 * taking part for the other entries. Refuses others than the managers (FORBIDDEN), before a
 * round has closed, while a round is open or while the vote is still open (INVALID_TRANSITION).
 */
export async function publishResults(db: Db, actor: Actor, contestId: string): Promise<ContestResults> {
	const ctx = await requireManagedContest(db, actor, contestId);
	if (!canManageContest(actor, { orgPath: ctx.org.path })) throw new AppError('FORBIDDEN');
	if (ctx.contest.status !== 'published') throw new AppError('INVALID_TRANSITION', { fields: { _: 'creative_not_published' } });
	if (ctx.contest.voteClosesAt && now() < ctx.contest.voteClosesAt) throw new AppError('INVALID_TRANSITION', { fields: { _: 'creative_vote_still_open' } });
	if ((await selectRoundsOfContest(db, contestId)).some((r) => r.status === 'open')) throw new AppError('INVALID_TRANSITION', { fields: { _: 'creative_round_still_open' } });
	const results = await computeResults(db, ctx.contest);
	if (!results) throw new AppError('INVALID_TRANSITION', { fields: { _: 'creative_no_closed_round' } });
	await db.transaction(async (tx) => {
		await updateContestRow(tx, contestId, { status: 'results', resultsPublishedAt: now(), updatedAt: now() });
		await issueContestCertificates(tx, contestId, results.ranking, now());
		await recordAudit(tx, actor, {
			orgId: ctx.contest.orgId,
			orgPath: ctx.org.path,
			entity: 'creative_contest',
			entityId: contestId,
			action: 'publish_results',
			before: { status: 'published' },
			after: { status: 'results', roundId: results.round.id, ranking: results.ranking.map((r) => ({ entryId: r.entryId, rank: r.rank, jury: r.juryScore, public: r.publicScore, final: r.finalScore, votes: r.votes })) }
		});
	});
	return results;
}
