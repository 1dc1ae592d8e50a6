import type { Db } from '../db/types';
import { AppError } from '../core/errors';
import type { Actor } from '../auth/actor';
import { claimRequestKey, selectRequestKey, setRequestResult } from './queries';

/** A one-time key as forms carry it: 16–100 URL-safe characters (the form renders a UUID). */
const KEY = /^[A-Za-z0-9_-]{16,100}$/;

/**
 * Runs `create` once per request key: the first call creates and records the new row's id; a
 * repeated call with the same key (a double click, a resent form) creates nothing and answers
 * with that id and `repeated: true`. A failed `create` frees the key (the transaction rolls back),
 * so the corrected form can be sent again. Refuses a malformed key, or one used in another scope
 * or by another user, with VALIDATION.
 */
export async function runOnce(
	db: Db,
	actor: Actor,
	request: { key: string; scope: string },
	create: (tx: Db) => Promise<{ id: string }>
): Promise<{ id: string; repeated: boolean }> {
	if (!KEY.test(request.key)) throw new AppError('VALIDATION', { fields: { requestKey: 'field_invalid' } });
	const userId = actor.userId ?? null;
	return db.transaction(async (tx) => {
		if (await claimRequestKey(tx, { key: request.key, scope: request.scope, userId })) {
			const created = await create(tx);
			await setRequestResult(tx, request.key, created.id);
			return { id: created.id, repeated: false };
		}
		const first = await selectRequestKey(tx, request.key);
		if (!first?.resultId || first.scope !== request.scope || first.userId !== userId) {
			throw new AppError('VALIDATION', { fields: { requestKey: 'field_invalid' } });
		}
		return { id: first.resultId, repeated: true };
	});
}
