import { getOutboxMail } from '$lib/server/notifications/service';
import { orPageError } from '$lib/server/core/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const mail = await orPageError(() => getOutboxMail(locals.db, locals.actor, params.id));
	return { mail: { to: mail.to, subject: mail.subject, text: mail.text, createdAt: mail.createdAt, error: mail.error } };
};
