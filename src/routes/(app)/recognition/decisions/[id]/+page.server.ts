import { orPageError } from '$lib/server/core/http';
import { addAwardRecipient, getAwardDecision, issueAwardDecision, removeAwardRecipient, revokeAwardCertificate } from '$lib/server/recognition/service';
import type { RecipientInput } from '$lib/features/recognition/inputs';
import { documentFileNames } from '$lib/features/documents/format';
import { act } from '../../act.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const view = await orPageError(() => getAwardDecision(locals.db, locals.actor, params.id));
	return { ...view, files: { pdf: documentFileNames(view.document, 'pdf').ascii, docx: documentFileNames(view.document, 'docx').ascii }, notice: url.searchParams.get('notice') };
};

const here = (id: string) => `/recognition/decisions/${id}`;

export const actions: Actions = {
	add: (e) => act(e, 'add', (v, db) => addAwardRecipient(db, e.locals.actor, e.params.id, v as RecipientInput), here(e.params.id)),
	remove: (e) => act(e, 'remove', (v, db) => removeAwardRecipient(db, e.locals.actor, e.params.id, String(v.recipientId ?? '')), here(e.params.id)),
	issue: (e) => act(e, 'issue', (_v, db) => issueAwardDecision(db, e.locals.actor, e.params.id), here(e.params.id)),
	revoke: (e) => act(e, 'revoke', (v, db) => revokeAwardCertificate(db, e.locals.actor, String(v.recipientId ?? ''), { reason: String(v.reason ?? '') }), here(e.params.id))
};
