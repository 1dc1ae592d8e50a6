import { randomUUID } from 'node:crypto';
import { redirect } from '@sveltejs/kit';
import { runOnce } from '$lib/server/idempotency/service';
import { failAction, formValues, orPageError } from '$lib/server/core/http';
import { getThread, replyToThread, setPostHidden, setThreadLocked, subscribe, unsubscribe } from '$lib/server/community/service';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const detail = await orPageError(() => getThread(locals.db, locals.actor, params.id));
	const quote = detail.posts.find((p) => p.id === url.searchParams.get('quote') && (!p.hidden || p.body)) ?? null;
	return { ...detail, quote, signedIn: locals.actor.kind === 'user', notice: url.searchParams.get('notice'), requestKey: randomUUID() };
};

const back = (id: string, notice: string, anchor = '') => localizeHref(`/forums/threads/${id}?notice=${notice}${anchor}`);

export const actions: Actions = {
	reply: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		let postId: string;
		try {
			// A resent form (a double click, a retry) posts the reply once.
			postId = (await runOnce(locals.db, locals.actor, { key: String(values.requestKey ?? ''), scope: `community.reply:${params.id}` }, (tx) => replyToThread(tx, locals.actor, params.id, { body: values.body as string, quotedPostId: values.quotedPostId as string }))).id;
		} catch (e) {
			return failAction('reply', e, values);
		}
		redirect(303, back(params.id, 'replied', `#post-${postId}`));
	},
	hide: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await setPostHidden(locals.db, locals.actor, String(values.postId ?? ''), values.hidden === 'true');
		} catch (e) {
			return failAction('hide', e, values);
		}
		redirect(303, back(params.id, values.hidden === 'true' ? 'hidden' : 'shown'));
	},
	lock: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await setThreadLocked(locals.db, locals.actor, params.id, values.locked === 'true');
		} catch (e) {
			return failAction('lock', e, values);
		}
		redirect(303, back(params.id, values.locked === 'true' ? 'locked' : 'unlocked'));
	},
	subscribe: async ({ locals, params }) => {
		try {
			await subscribe(locals.db, locals.actor, { threadId: params.id });
		} catch (e) {
			return failAction('subscribe', e, {});
		}
		redirect(303, back(params.id, 'subscribed'));
	},
	unsubscribe: async ({ locals, params }) => {
		try {
			await unsubscribe(locals.db, locals.actor, { threadId: params.id });
		} catch (e) {
			return failAction('unsubscribe', e, {});
		}
		redirect(303, back(params.id, 'unsubscribed'));
	}
};
