// What the quiz use cases share: the organisations an actor acts on, loading a contest with its
// organiser, the participant of a request, and how a short answer is compared.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { sha256 } from '../../core/ids';
import { systemActor, type Actor } from '../../auth/actor';
import { findOrgNode, type OrgNodeRow } from '../../org/service';
import { cleanText, foldVietnamese } from '$lib/vn/text';
import { canReadContest } from '../policy';
import { selectContest, selectEntrantsOfRound, selectRoundWithContest } from '../queries';
import type { QuizContestRow, QuizEntrantRow, QuizRoundRow } from '../tables';

export const QUIZ_SYSTEM = systemActor('quizzes');

/**
 * Who sends a request to a round: the account (signed-in rule), and/or the entrant tokens verified
 * e-mail codes gave this browser (code rule, one per round), kept in a cookie as `<entrantId>.<secret>`.
 */
export interface Participant {
	actor: Actor;
	entrantTokens?: string[];
}

function splitToken(token: string): { id: string; secret: string } | undefined {
	const [id, secret] = token.split('.');
	return id && secret ? { id, secret } : undefined;
}

export function tokenHash(secret: string): string {
	return sha256(`quiz-entrant:${secret}`);
}

/** The entrants the participant's tokens name (not yet checked against their secrets). */
export function tokenEntrantIds(participant: Participant): string[] {
	return (participant.entrantTokens ?? []).map(splitToken).flatMap((t) => (t ? [t.id] : []));
}

/** The entrant of `roundId` one of the participant's tokens names, if the token is one it was given. */
export async function entrantFromTokens(db: Db, participant: Participant, roundId: string): Promise<QuizEntrantRow | undefined> {
	const tokens = (participant.entrantTokens ?? []).map(splitToken).filter((t) => t !== undefined);
	if (!tokens.length) return undefined;
	// One read for all the browser's tokens (it keeps those of its last rounds).
	const entrants = await selectEntrantsOfRound(db, roundId, tokens.map((t) => t.id));
	return entrants.find((e) => tokens.some((t) => t.id === e.id && e.tokenHashes.includes(tokenHash(t.secret))));
}

/** True when the request comes from this entrant: its account, or a token it was given. */
export function isEntrant(participant: Participant, entrant: { id: string; userId: string | null; tokenHashes: string[] }): boolean {
	if (entrant.userId && participant.actor.kind === 'user' && participant.actor.userId === entrant.userId) return true;
	return (participant.entrantTokens ?? []).some((token) => {
		const t = splitToken(token);
		return t?.id === entrant.id && entrant.tokenHashes.includes(tokenHash(t.secret));
	});
}

/** The organisation a question or contest belongs to, NOT_FOUND when it is gone. */
export async function loadOrg(db: Db, orgId: string): Promise<OrgNodeRow> {
	const org = await findOrgNode(db, orgId);
	if (!org) throw new AppError('NOT_FOUND');
	return org;
}

/** The contest with its organiser if the actor may read it; NOT_FOUND otherwise (drafts do not betray their existence). */
export async function requireReadableContest(db: Db, actor: Actor, id: string): Promise<{ contest: QuizContestRow; org: OrgNodeRow }> {
	const contest = await selectContest(db, id);
	if (!contest) throw new AppError('NOT_FOUND');
	return { contest, org: await requireReadable(db, actor, contest) };
}

async function requireReadable(db: Db, actor: Actor, contest: QuizContestRow): Promise<OrgNodeRow> {
	const org = await loadOrg(db, contest.orgId);
	if (!canReadContest(actor, { orgPath: org.path, status: contest.status })) throw new AppError('NOT_FOUND');
	return org;
}

/** The round, its contest and organiser if the actor may read the contest. */
export async function requireReadableRound(db: Db, actor: Actor, roundId: string): Promise<{ round: QuizRoundRow; contest: QuizContestRow; org: OrgNodeRow }> {
	const found = await selectRoundWithContest(db, roundId);
	if (!found) throw new AppError('NOT_FOUND');
	return { ...found, org: await requireReadable(db, actor, found.contest) };
}

/** How long a process trusts a round, its contest and organiser read for participants (ms). */
export const ROUND_CONTEXT_TTL_MS = 2_000;
/** Rounds a process remembers at once (a province runs a handful at a time). */
const ROUND_CONTEXT_MAX = 500;

type RoundContext = { round: QuizRoundRow; contest: QuizContestRow; org: OrgNodeRow };
const roundContexts = new Map<string, { readAt: number; context: Promise<RoundContext | undefined>; settled?: RoundContext }>();

/**
 * A round with its contest and organiser as participants' requests see it, read at most once every
 * ROUND_CONTEXT_TTL_MS by this process. At a contest's peak hundreds of attempts a second start and
 * end in the same round, and reading the same three rows for each was a third of their cost
 * (bench/quiz.ts). An organiser's change reaches this process at once (changeOfRounds) and the
 * other copies of the app within the TTL; an attempt's own deadline is fixed when it starts.
 * Inside a transaction (`inTransaction`) only a read already finished is taken: waiting for another
 * request's read could wait for this very transaction on PGlite's single connection.
 */
export async function roundContext(db: Db, roundId: string, options: { inTransaction?: boolean } = {}): Promise<RoundContext | undefined> {
	const at = performance.now();
	const known = roundContexts.get(roundId);
	if (known && at - known.readAt < ROUND_CONTEXT_TTL_MS && (known.settled || !options.inTransaction)) return known.settled ?? known.context;
	const entry: { readAt: number; context: Promise<RoundContext | undefined>; settled?: RoundContext } = {
		readAt: at,
		context: (async () => {
			const found = await selectRoundWithContest(db, roundId);
			return found && { ...found, org: await loadOrg(db, found.contest.orgId) };
		})()
	};
	roundContexts.delete(roundId);
	roundContexts.set(roundId, entry);
	if (roundContexts.size > ROUND_CONTEXT_MAX) roundContexts.delete(roundContexts.keys().next().value!);
	entry.context.then(
		(context) => (entry.settled = context),
		() => roundContexts.get(roundId) === entry && roundContexts.delete(roundId)
	);
	return entry.context;
}

/** Runs a transaction that changes contests or rounds; this process's participants see the change as soon as it commits. */
export async function changeOfRounds<T>(db: Db, change: (tx: Db) => Promise<T>): Promise<T> {
	try {
		return await db.transaction(change);
	} finally {
		roundContexts.clear();
	}
}

/** requireReadableRound for a participant's request, through roundContext. */
export async function requireParticipantRound(db: Db, actor: Actor, roundId: string): Promise<RoundContext> {
	const found = await roundContext(db, roundId);
	if (!found || !canReadContest(actor, { orgPath: found.org.path, status: found.contest.status })) throw new AppError('NOT_FOUND');
	return found;
}

/** How short answers are compared: cleaned and lower-cased; without diacritics when the question says so. */
export function normaliseShortAnswer(value: string, fold: boolean): string {
	const clean = cleanText(value).toLowerCase();
	return fold ? foldVietnamese(clean) : clean;
}

/** The folded text a question is searched by. */
export function questionSearchText(q: { text: string; tags: string[] }): string {
	return foldVietnamese(`${q.text} ${q.tags.join(' ')}`);
}
