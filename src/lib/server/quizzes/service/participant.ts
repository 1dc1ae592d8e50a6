// The participant of a contest request: the signed-in account, and the entrant tokens e-mail codes
// gave this browser (one per round), kept in one http-only cookie.
import type { Cookies } from '@sveltejs/kit';
import type { Actor } from '../../auth/actor';
import type { Participant } from './quiz-context';

export const QUIZ_COOKIE = 'lw_quiz';
/** A browser keeps the tokens of its last few rounds. */
const MAX_TOKENS = 10;

export function participantOf(event: { locals: { actor: Actor }; cookies: Cookies }): Participant {
	const tokens = (event.cookies.get(QUIZ_COOKIE) ?? '').split(' ').filter((t) => /^[\w-]+\.[\w-]+$/.test(t));
	return { actor: event.locals.actor, entrantTokens: tokens.slice(-MAX_TOKENS) };
}

/** Keeps a new entrant token beside the ones the browser holds (30 days: a contest's rounds span weeks). */
export function keepEntrantToken(cookies: Cookies, token: string, secure: boolean): void {
	const tokens = [...(cookies.get(QUIZ_COOKIE) ?? '').split(' ').filter(Boolean), token].slice(-MAX_TOKENS);
	cookies.set(QUIZ_COOKIE, tokens.join(' '), { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 30 * 24 * 3600 });
}
