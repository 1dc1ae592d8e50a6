import { redirect } from '@sveltejs/kit';
import { AppError } from '$lib/server/core/errors';
import { now } from '$lib/server/core/clock';
import { failAction, formValues, orPageError, translate } from '$lib/server/core/http';
import { cancelRegistrationByToken, checkInWithActivityCodeByToken, getRegistrationByToken, qrSvg } from '$lib/server/activities/service';
import { heldOnline, heldOnsite, publicActivity, spacedTicketCode } from '$lib/features/activities/format';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

// The address carries the registration's secret: it must not leak to other sites through the
// Referer header, nor sit in a shared cache. Not 'no-referrer': browsers then send `Origin: null`
// with the page's own forms (the Fetch standard), which SvelteKit's CSRF check refuses.
const SECRET_PAGE_HEADERS = { 'referrer-policy': 'same-origin', 'cache-control': 'private, no-store' };

export const load: PageServerLoad = async ({ locals, params, url, setHeaders }) => {
	setHeaders(SECRET_PAGE_HEADERS);
	const { registration: r, activity } = await orPageError(() => getRegistrationByToken(locals.db, params.token));
	const a = publicActivity(activity);
	const live = r.status !== 'cancelled' && a.status !== 'cancelled' && activity.endsAt > now();
	const code = spacedTicketCode(r.ticketCode);
	return {
		activity: a,
		registration: { name: r.name, status: r.status, ticketCode: code, completedAt: r.completedAt, certificate: Boolean(r.completedAt && r.certificateCode) },
		qr: r.status === 'registered' && heldOnsite(a) ? await qrSvg(r.ticketCode, translate('activities_ticket_qr', { code })) : null,
		canJoin: live && r.status === 'registered' && heldOnline(a),
		canCheckIn: live && r.status === 'registered' && heldOnsite(a),
		canCancel: r.status !== 'cancelled' && activity.endsAt > now(),
		notice: url.searchParams.get('notice')
	};
};

export const actions: Actions = {
	checkin: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		let already: boolean;
		try {
			({ already } = await checkInWithActivityCodeByToken(locals.db, params.token, { code: values.code }));
		} catch (e) {
			return failAction('checkin', e, values);
		}
		redirect(303, localizeHref(`/registrations/${params.token}?notice=${already ? 'already_checked_in' : 'checked_in'}`));
	},
	cancel: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			// A single click must not cancel: the box says the registrant means it.
			if (values.confirm !== 'on') throw new AppError('VALIDATION', { fields: { confirm: 'activities_cancel_confirm_required' } });
			await cancelRegistrationByToken(locals.db, params.token);
		} catch (e) {
			return failAction('cancel', e, values);
		}
		redirect(303, localizeHref(`/registrations/${params.token}?notice=cancelled`));
	}
};
