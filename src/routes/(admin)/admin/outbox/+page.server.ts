import { listOutbox } from '$lib/server/notifications/service';
import { orPageError } from '$lib/server/core/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	mails: (await orPageError(() => listOutbox(locals.db, locals.actor))).map(({ id, to, subject, transport, sentAt, error, createdAt }) => ({ id, to, subject, transport, sentAt, error, createdAt }))
});
