import { failForm, formValues, orPageError } from '$lib/server/core/http';
import { checkInByTicket, currentActivityCode, getRoster } from '$lib/server/activities/service';
import { heldOnsite } from '$lib/features/activities/format';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { db, actor } = locals;
	const { ctx, entries } = await orPageError(() => getRoster(db, actor, params.id));
	const a = ctx.activity;
	const open = a.status === 'published' && heldOnsite(a);
	const code = open ? await orPageError(() => currentActivityCode(db, actor, params.id)) : null;
	return {
		activity: { id: a.id, title: a.title, status: a.status, mode: a.mode, onlineOnly: a.onlineOnly, venue: a.venue, startsAt: a.startsAt, endsAt: a.endsAt },
		open,
		counts: { onsite: entries.filter((e) => e.onsite).length, registered: entries.filter((e) => e.registration.status === 'registered').length },
		code
	};
};

export const actions: Actions = {
	checkIn: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		// The camera fills the hidden `scanned` field; a typed code comes in `code`.
		const scanned = String(values.scanned ?? '').trim();
		const code = scanned || String(values.code ?? '');
		const method = scanned || values.via === 'scan' ? 'ticket_scan' : 'ticket_code';
		try {
			const { registration, already } = await checkInByTicket(locals.db, locals.actor, params.id, { code }, method);
			return { checkedIn: { name: registration.name, ticketCode: registration.ticketCode, already } };
		} catch (e) {
			return failForm(e, { code });
		}
	}
};
