import { redirect } from '@sveltejs/kit';
import { joinByToken, JOIN_OPENS_BEFORE_MS } from '$lib/server/activities/service';
import { orPageError } from '$lib/server/core/http';
import { formatDateTime } from '$lib/vn/dates';
import { publicActivity } from '$lib/features/activities/format';
import type { PageServerLoad } from './$types';

// The registrant's join link: while the meeting is open it records the online attendance and sends
// them on to the meeting; otherwise it says why not. The address carries the registration's secret.
export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	// Same-origin only: the meeting's site never learns the registration's address.
	setHeaders({ 'referrer-policy': 'same-origin', 'cache-control': 'private, no-store' });
	const outcome = await orPageError(() => joinByToken(locals.db, params.token));
	if (outcome.open) redirect(303, outcome.meetingUrl);
	const { activity } = outcome;
	return {
		reason: outcome.reason,
		activity: publicActivity(activity),
		opensAt: formatDateTime(new Date(activity.startsAt.getTime() - JOIN_OPENS_BEFORE_MS))
	};
};
