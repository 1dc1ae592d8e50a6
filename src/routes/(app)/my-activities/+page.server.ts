import { listMyRegistrations, listMyWorkActivities, personalFeedUrl } from '$lib/server/activities/service';
import { orPageError } from '$lib/server/core/http';
import { publicActivity } from '$lib/features/activities/format';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, setHeaders }) => {
	const { db, actor } = locals;
	// The page lists registration and feed addresses, which are secrets (same-origin, not
	// no-referrer: the layout's sign-out form must still send its Origin).
	setHeaders({ 'referrer-policy': 'same-origin', 'cache-control': 'private, no-store' });
	const [registrations, work] = await orPageError(() => Promise.all([listMyRegistrations(db, actor), listMyWorkActivities(db, actor)]));
	return {
		registrations: registrations.map(({ registration: r, activity }) => ({ activity: publicActivity(activity), status: r.status, token: r.token })),
		feedUrl: personalFeedUrl(actor.userId ?? ''),
		work: work.map((c) => ({ activity: publicActivity(c.activity), hostName: c.hostName, canManage: c.canManage }))
	};
};
