// What the quiz use cases share: the organisations an actor acts on, loading a contest with its
// organiser, the participant of a request, and how a short answer is compared.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { sha256 } from '../../core/ids';
import { systemActor, type Actor } from '../../auth/actor';
import { findOrgNode, type OrgNodeRow } from '../../org/service';
import { cleanText, foldVietnamese } from '$lib/vn/text';
import { canReadContest } from '../policy';
import { selectContest, selectEntrant, selectRound } from '../queries';
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

/** The entrant of `roundId` one of the participant's tokens names, if the token is one it was given. */
export async function entrantFromTokens(db: Db, participant: Participant, roundId: string): Promise<QuizEntrantRow | undefined> {
	for (const token of participant.entrantTokens ?? []) {
		const t = splitToken(token);
		const entrant = t && (await selectEntrant(db, t.id));
		if (entrant && entrant.roundId === roundId && entrant.tokenHashes.includes(tokenHash(t!.secret))) return entrant;
	}
	return undefined;
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
	const org = await loadOrg(db, contest.orgId);
	if (!canReadContest(actor, { orgPath: org.path, status: contest.status })) throw new AppError('NOT_FOUND');
	return { contest, org };
}

/** The round, its contest and organiser if the actor may read the contest. */
export async function requireReadableRound(db: Db, actor: Actor, roundId: string): Promise<{ round: QuizRoundRow; contest: QuizContestRow; org: OrgNodeRow }> {
	const round = await selectRound(db, roundId);
	if (!round) throw new AppError('NOT_FOUND');
	return { round, ...(await requireReadableContest(db, actor, round.contestId)) };
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
