import { randomUUID } from 'node:crypto';
import { redirect } from '@sveltejs/kit';
import { now } from '$lib/server/core/clock';
import { failAction, formValues, orPageError, translate } from '$lib/server/core/http';
import { getActivityPage, recordForumParticipation, registerForActivity, registrationTokenFor } from '$lib/server/activities/service';
import { runOnce } from '$lib/server/idempotency/service';
import { publicActivity } from '$lib/features/activities/format';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { db, actor } = locals;
	const p = await orPageError(() => getActivityPage(db, actor, params.id));
	const a = p.ctx.activity;
	const mine = p.myRegistration;
	return {
		activity: publicActivity(a),
		campaign: { id: p.ctx.campaign.id, title: p.ctx.campaign.title, orgName: p.ctx.campaign.orgName },
		hostName: p.hostName,
		partnerNames: [...new Set([p.partnerName, ...p.partnerNames].filter((n): n is string => Boolean(n)))],
		placeName: p.placeName,
		distancing: p.distancing,
		materials: p.materials.map((x) => ({ id: x.id, title: x.title, url: x.url, fileName: x.fileName, isFile: Boolean(x.fileKey) })),
		placesLeft: p.placesLeft,
		closedReason: p.closedReason ? translate(p.closedReason) : null,
		mine: mine ? { status: mine.status, token: mine.token, learningNote: mine.learningNote } : null,
		canManage: p.canManage,
		canStaff: p.canStaff,
		signedIn: actor.kind === 'user' && Boolean(actor.userId),
		accountName: actor.name || actor.email || '',
		forumOpen: a.type === 'international_forum' && a.status === 'published' && a.startsAt <= now(),
		// A second post of the form (a double click, a resend) registers no second time.
		requestKey: randomUUID(),
		notice: url.searchParams.get('notice')
	};
};

export const actions: Actions = {
	register: async ({ request, locals, params }) => {
		const form = await request.formData();
		const values: Record<string, unknown> = { ...formValues(form), consents: form.getAll('consents').map(String) };
		let token: string;
		try {
			const { id } = await runOnce(locals.db, locals.actor, { key: String(values.requestKey ?? ''), scope: `activity-register:${params.id}` }, (tx) =>
				registerForActivity(tx, locals.actor, params.id, values as never)
			);
			token = await registrationTokenFor(locals.db, locals.actor, id);
		} catch (e) {
			return failAction('register', e, values);
		}
		redirect(303, localizeHref(`/registrations/${token}?notice=registered`));
	},
	forum: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await recordForumParticipation(locals.db, locals.actor, params.id, { note: values.note });
		} catch (e) {
			return failAction('forum', e, values);
		}
		redirect(303, localizeHref(`/activities/${params.id}?notice=forum`));
	}
};
