// The recognition pages' form actions: run the use case, come back to the page with a notice, or
// answer with what failed, which form it came from, and everything typed.
import { redirect } from '@sveltejs/kit';
import { failAction, formValues } from '$lib/server/core/http';
import { runOnce } from '$lib/server/idempotency/service';
import type { Db } from '$lib/server/db/types';
import type { Actor } from '$lib/server/auth/actor';
import { localizeHref } from '$lib/paraglide/runtime';
import { AppError } from '$lib/server/core/errors';
import { addEvidence, decideEntry, returnEntry, scoreEntry, sendToCouncil } from '$lib/server/recognition/service';
import type { DecideInput, ScoreInput } from '$lib/features/recognition/inputs';
import type { EntryKind } from '$lib/features/recognition/types';

interface Event {
	request: Request;
	locals: { db: Db; actor: Actor };
}

/**
 * Runs `run` with the form's values; on success redirects to `to` (a path, or a function of the
 * result) with `?notice=<action>`. With `once`, a second post of the same form (a double click, a
 * resend) acts once: the form carries a hidden requestKey.
 */
export async function act<T>(
	event: Event,
	action: string,
	run: (values: Record<string, unknown>, db: Db) => Promise<T>,
	to: string | ((result: T) => string),
	options: { once?: string; values?: Record<string, unknown> } = {}
) {
	const values = options.values ?? formValues(await event.request.formData());
	let result: T;
	try {
		if (options.once) {
			const done = await runOnce(event.locals.db, event.locals.actor, { key: String(values.requestKey ?? ''), scope: options.once }, async (tx) => {
				const r = await run(values, tx);
				return { id: (r as { id: string }).id };
			});
			result = done as T;
		} else result = await run(values, event.locals.db);
	} catch (e) {
		return failAction(action, e, values);
	}
	const path = typeof to === 'function' ? to(result) : to;
	redirect(303, localizeHref(`${path}${path.includes('?') ? '&' : '?'}notice=${action}`));
}

/** The actions of an initiative's or a nomination's page: fixes, review, evidence. */
export function entryActions(kind: EntryKind) {
	const base = kind === 'initiative' ? '/recognition/initiatives' : '/recognition/nominations';
	type E = Event & { params: { id: string } };
	return {
		return: (e: E) => act(e, 'return', (v, db) => returnEntry(db, e.locals.actor, kind, e.params.id, { reason: String(v.reason ?? '') }), `${base}/${e.params.id}`),
		send: (e: E) => act(e, 'send', (v, db) => sendToCouncil(db, e.locals.actor, kind, e.params.id, { councilId: String(v.councilId ?? '') }), `${base}/${e.params.id}`),
		score: (e: E) => act(e, 'score', (v, db) => scoreEntry(db, e.locals.actor, kind, e.params.id, v as ScoreInput), `${base}/${e.params.id}`),
		decide: (e: E) => act(e, 'decide', (v, db) => decideEntry(db, e.locals.actor, kind, e.params.id, v as DecideInput), `${base}/${e.params.id}`),
		upload: async (e: E) => {
			const form = await e.request.formData();
			const file = form.get('evidence');
			return act(
				e,
				'upload',
				async (_v, db) => {
					if (!file || typeof file === 'string' || !file.size) throw new AppError('VALIDATION', { fields: { evidence: 'field_required' } });
					return addEvidence(db, e.locals.actor, kind, e.params.id, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
				},
				`${base}/${e.params.id}`,
				{ values: {} }
			);
		}
	};
}
