import { redirect } from '@sveltejs/kit';
import { failAction, formValues, orPageError } from '$lib/server/core/http';
import { archivePost, getBackOfficePost, listNewsEditorOptions, logPostChannel, publishPost, returnPost, schedulePost, submitPost, unschedulePost, updatePost } from '$lib/server/news/service';
import { coverFromForm } from '$lib/features/news/inputs';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const detail = await orPageError(() => getBackOfficePost(locals.db, locals.actor, params.id));
	const { post } = detail;
	return {
		post: { id: post.id, slug: post.slug, title: post.title, status: post.status, version: post.version, scheduledAt: post.scheduledAt?.toISOString() ?? null, hasCover: Boolean(post.coverKey) },
		values: { title: post.title, summary: post.summary, bodyHtml: post.bodyHtml, coverAlt: post.coverAlt, tags: post.tags.join(', '), campaignId: post.campaignId ?? '' },
		unitName: detail.unitName,
		channels: detail.channels.map((c) => ({ id: c.id, channel: c.channel, url: c.url, reach: c.reach, publishedOn: c.publishedOn, note: c.note })),
		can: detail.can,
		options: await listNewsEditorOptions(locals.db, locals.actor),
		notice: url.searchParams.get('notice')
	};
};

const TRANSITIONS = { submit: submitPost, return: returnPost, publish: publishPost, unschedule: unschedulePost, archive: archivePost } as const;

export const actions: Actions = {
	update: async ({ request, locals, params }) => {
		const form = await request.formData();
		const values = formValues(form);
		try {
			await updatePost(locals.db, locals.actor, params.id, values, { cover: await coverFromForm(form), expectedVersion: Number(values.version) || undefined });
		} catch (e) {
			return failAction('update', e, values);
		}
		redirect(303, localizeHref(`/admin/news/${params.id}?notice=saved`));
	},
	transition: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		const name = String(values.transition ?? '') as keyof typeof TRANSITIONS;
		try {
			if (!(name in TRANSITIONS)) throw new Error(`unknown transition ${name}`);
			await TRANSITIONS[name](locals.db, locals.actor, params.id);
		} catch (e) {
			return failAction('transition', e, values);
		}
		redirect(303, localizeHref(`/admin/news/${params.id}?notice=${name}`));
	},
	schedule: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await schedulePost(locals.db, locals.actor, params.id, { publishAt: String(values.publishAt ?? '') });
		} catch (e) {
			return failAction('schedule', e, values);
		}
		redirect(303, localizeHref(`/admin/news/${params.id}?notice=schedule`));
	},
	channel: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await logPostChannel(locals.db, locals.actor, params.id, values);
		} catch (e) {
			return failAction('channel', e, values);
		}
		redirect(303, localizeHref(`/admin/news/${params.id}?notice=saved`));
	}
};
