import { randomUUID } from 'node:crypto';
import { redirect } from '@sveltejs/kit';
import { runOnce } from '$lib/server/idempotency/service';
import { failAction, formValues, orPageError } from '$lib/server/core/http';
import { getForum, startThread, subscribe, unsubscribe } from '$lib/server/community/service';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const detail = await orPageError(() => getForum(locals.db, locals.actor, params.id));
	return { ...detail, signedIn: locals.actor.kind === 'user', notice: url.searchParams.get('notice'), requestKey: randomUUID() };
};

export const actions: Actions = {
	thread: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		let id: string;
		try {
			// A resent form (a double click, a retry) starts the thread once.
			id = (await runOnce(locals.db, locals.actor, { key: String(values.requestKey ?? ''), scope: `community.thread:${params.id}` }, async (tx) => (await startThread(tx, locals.actor, params.id, { title: values.title as string, body: values.body as string })).thread)).id;
		} catch (e) {
			return failAction('thread', e, values);
		}
		redirect(303, localizeHref(`/forums/threads/${id}`));
	},
	subscribe: async ({ locals, params }) => {
		try {
			await subscribe(locals.db, locals.actor, { forumId: params.id });
		} catch (e) {
			return failAction('subscribe', e, {});
		}
		redirect(303, localizeHref(`/forums/${params.id}?notice=subscribed`));
	},
	unsubscribe: async ({ locals, params }) => {
		try {
			await unsubscribe(locals.db, locals.actor, { forumId: params.id });
		} catch (e) {
			return failAction('unsubscribe', e, {});
		}
		redirect(303, localizeHref(`/forums/${params.id}?notice=unsubscribed`));
	}
};
