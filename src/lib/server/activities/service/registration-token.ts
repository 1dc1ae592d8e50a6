// After a registration form: the new registration's page is addressed by its secret token, which
// the request-key record does not keep (it keeps the id). The token goes back only to whoever
// just made the registration.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import type { Actor } from '../../auth/actor';
import { selectRegistration } from '../queries';

/** A guest's registration hands out its token this long after it was made (a resent form, a slow redirect). */
export const GUEST_TOKEN_WINDOW_MS = 10 * 60_000;

/**
 * The token of a registration the actor has just made, to send them to its page: the signed-in
 * registrant's own at any time, a guest's (no account) for ten minutes after it was made.
 * NOT_FOUND otherwise, so an id alone never reveals a ticket.
 */
export async function registrationTokenFor(db: Db, actor: Actor, registrationId: string): Promise<string> {
	const reg = registrationId ? await selectRegistration(db, registrationId) : undefined;
	if (!reg) throw new AppError('NOT_FOUND');
	const own = actor.kind === 'user' && Boolean(actor.userId) && reg.userId === actor.userId;
	const freshGuest = reg.userId === null && now().getTime() - reg.createdAt.getTime() < GUEST_TOKEN_WINDOW_MS;
	if (!own && !freshGuest) throw new AppError('NOT_FOUND');
	return reg.token;
}
