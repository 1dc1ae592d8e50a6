import { hasRoleAnywhere, type Actor } from '../auth/actor';

/** The development outbox shows mail to anyone (reset links): administrators only. */
export function canReadOutbox(actor: Actor): boolean {
	return hasRoleAnywhere(actor, ['administrator']);
}
