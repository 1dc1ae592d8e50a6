// Who enters a round: an account (signed-in rule), or a person who proves an e-mail address with a
// one-time code (code rule). Either way one person is one entrant per round.
import { randomInt } from 'node:crypto';
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId, newSecret, sha256 } from '../../core/ids';
import { parseInput, translate } from '../../core/http';
import type { Actor } from '../../auth/actor';
import { findPersonByUserId, listOrgUnitsUnder } from '../../org/service';
import { sendMail } from '../../notifications/service';
import { formatDateTime } from '$lib/vn/dates';
import { entryCodeCheck, entryCodeRequest } from '$lib/features/quizzes/inputs';
import { canEnterWithAccount } from '../policy';
import { addEntrantToken, countRecentEntryCodes, insertEntrant, insertEntryCode, selectEntrantByIdentity, selectEntrantByUser, selectLatestEntryCode, updateEntryCode } from '../queries';
import type { QuizContestRow, QuizEntrantRow, QuizRoundRow } from '../tables';
import { entrantFromTokens, requireReadableRound, tokenHash, type Participant } from './quiz-context';

/** A code is good for 15 minutes and 5 tries; 5 codes per address per 15 minutes (a mail bomb costs the sender). */
const CODE_TTL_MS = 15 * 60_000;
const CODE_MAX_TRIES = 5;
const CODES_PER_WINDOW = 5;

function codeHash(roundId: string, email: string, code: string): string {
	return sha256(`quiz-code:${roundId}:${email}:${code}`);
}

/** Refuses a round that is not taking entries now (INVALID_TRANSITION). */
export function requireOpenRound(round: QuizRoundRow, at: Date): void {
	if (at < round.opensAt) throw new AppError('INVALID_TRANSITION', { fields: { _: 'quizzes_round_not_open_yet' } });
	if (at >= round.closesAt) throw new AppError('INVALID_TRANSITION', { fields: { _: 'quizzes_round_closed' } });
}

/**
 * Sends a six-digit code to the e-mail address of a person entering a round under the code rule.
 * Refuses a round under the signed-in rule or not open (INVALID_TRANSITION), bad input
 * (VALIDATION), a unit outside the organiser (VALIDATION, unitId) and too many codes (RATE_LIMITED).
 */
export async function requestEntryCode(db: Db, actor: Actor, roundId: string, input: unknown, locale: 'vi' | 'en' = 'vi'): Promise<void> {
	const { round, contest, org } = await requireReadableRound(db, actor, roundId);
	if (contest.entryRule !== 'email_code') throw new AppError('INVALID_TRANSITION', { fields: { _: 'quizzes_code_not_needed' } });
	const at = now();
	requireOpenRound(round, at);
	const data = parseInput(entryCodeRequest, input);
	if (data.unitId && !(await listOrgUnitsUnder(db, org.path)).some((u) => u.id === data.unitId)) throw new AppError('VALIDATION', { fields: { unitId: 'field_invalid' } });
	if ((await countRecentEntryCodes(db, roundId, data.email, new Date(at.getTime() - CODE_TTL_MS))) >= CODES_PER_WINDOW) throw new AppError('RATE_LIMITED');
	const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
	const expiresAt = new Date(at.getTime() + CODE_TTL_MS);
	await insertEntryCode(db, { id: newId(), roundId, email: data.email, name: data.name, unitId: data.unitId, codeHash: codeHash(roundId, data.email, code), expiresAt, createdAt: at });
	await sendMail(db, {
		to: data.email,
		subject: translate('quizzes_code_mail_subject', { code, contest: contest.title }, locale),
		text: translate('quizzes_code_mail_text', { name: data.name, code, contest: contest.title, round: round.name, until: formatDateTime(expiresAt) }, locale)
	});
}

/**
 * Checks the code sent to an address and makes this browser the entrant of that address in the
 * round (a new one, or the one already there: another device resumes the same attempt). Returns
 * the token the browser keeps. Refuses a wrong or expired code (VALIDATION, code), too many tries
 * (RATE_LIMITED), and an address already entered with another account (CONFLICT).
 */
export async function verifyEntryCode(db: Db, actor: Actor, roundId: string, input: unknown): Promise<{ entrant: QuizEntrantRow; token: string }> {
	const { round, contest } = await requireReadableRound(db, actor, roundId);
	if (contest.entryRule !== 'email_code') throw new AppError('INVALID_TRANSITION', { fields: { _: 'quizzes_code_not_needed' } });
	const at = now();
	requireOpenRound(round, at);
	const data = parseInput(entryCodeCheck, input);
	const sent = await selectLatestEntryCode(db, roundId, data.email);
	if (!sent || sent.expiresAt <= at) throw new AppError('VALIDATION', { fields: { code: 'quizzes_code_expired' } });
	if (sent.tries >= CODE_MAX_TRIES) throw new AppError('RATE_LIMITED');
	if (sent.codeHash !== codeHash(roundId, data.email, data.code)) {
		await updateEntryCode(db, sent.id, { tries: sent.tries + 1 });
		throw new AppError('VALIDATION', { fields: { code: 'quizzes_code_wrong' } });
	}
	const userId = actor.kind === 'user' ? (actor.userId ?? null) : null;
	const secret = newSecret(24);
	return db.transaction(async (tx) => {
		await updateEntryCode(tx, sent.id, { usedAt: at });
		const identityKey = `email:${data.email}`;
		let entrant = await selectEntrantByIdentity(tx, roundId, identityKey);
		// One account per person per round: an address entered with one account is not entered again with another.
		if (entrant && entrant.userId && userId && entrant.userId !== userId) throw new AppError('CONFLICT', { fields: { _: 'quizzes_one_account_per_person' } });
		if (!entrant && userId && (await selectEntrantByUser(tx, roundId, userId))) throw new AppError('CONFLICT', { fields: { _: 'quizzes_account_already_entered' } });
		entrant ??= await insertEntrant(tx, { id: newId(), roundId, userId, identityKey, name: sent.name, email: data.email, unitId: sent.unitId, createdAt: at });
		if (!entrant) throw new AppError('CONFLICT', { fields: { _: 'quizzes_one_account_per_person' } });
		await addEntrantToken(tx, entrant.id, tokenHash(secret));
		return { entrant, token: `${entrant.id}.${secret}` };
	});
}

/**
 * The entrant a request acts as in a round, created on first entry under the signed-in rule.
 * Refuses a visitor under the signed-in rule (UNAUTHENTICATED) and, under the code rule, anyone
 * without a verified code (FORBIDDEN, with the reason).
 */
export async function resolveEntrant(db: Db, participant: Participant, round: QuizRoundRow, contest: QuizContestRow, create: boolean): Promise<QuizEntrantRow | undefined> {
	const { actor } = participant;
	if (contest.entryRule === 'email_code') {
		const entrant = await entrantFromTokens(db, participant, round.id);
		if (entrant) return entrant;
		if (!create) return undefined;
		throw new AppError('FORBIDDEN', { fields: { _: 'quizzes_code_needed' } });
	}
	if (!canEnterWithAccount(actor)) {
		if (!create) return undefined;
		throw new AppError('UNAUTHENTICATED');
	}
	const userId = actor.userId!;
	const found = await selectEntrantByUser(db, round.id, userId);
	if (found || !create) return found;
	const person = await findPersonByUserId(db, userId);
	const inserted = await insertEntrant(db, {
		id: newId(),
		roundId: round.id,
		userId,
		identityKey: `user:${userId}`,
		name: actor.name || (person ? [person.familyName, person.middleName, person.givenName].filter(Boolean).join(' ') : '') || actor.email || userId,
		email: actor.email ?? null,
		unitId: person?.unitId ?? null,
		createdAt: now()
	});
	// Two first requests at once: the other one created it.
	return inserted ?? (await selectEntrantByUser(db, round.id, userId));
}
