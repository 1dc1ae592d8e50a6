// Calendar feeds (.ics): a campaign's public programme, and one person's registrations behind a
// secret address (calendar apps cannot sign in, so the address carries an HMAC of the account).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { settings } from '../../core/env';
import { isPublicCampaignStatus } from '$lib/features/campaigns/types';
import { heldOnsite } from '$lib/features/activities/format';
import { selectActivities, selectActivity, selectRegistrationsOfUser } from '../queries';
import type { ActivityRow } from '../tables';
import { renderCalendar, type CalendarEvent } from './calendar';
import { loadCampaign } from './activity-context';
import { siteUrl } from './registration-mail';

/** One activity as a calendar event; `joinUrl` replaces the public page as its link. */
export function activityCalendarEvent(activity: ActivityRow, options: { joinUrl?: string } = {}): CalendarEvent {
	const inPerson = heldOnsite(activity);
	return {
		uid: activity.id,
		title: activity.title,
		description: [activity.description, options.joinUrl ?? siteUrl(`/activities/${activity.id}`)].filter(Boolean).join('\n\n'),
		startsAt: activity.startsAt,
		endsAt: activity.endsAt,
		// Never the meeting link itself: the programme's feed is public, and a registrant's join link
		// records the attendance before it redirects to the meeting.
		location: inPerson ? activity.venue : options.joinUrl,
		url: siteUrl(`/activities/${activity.id}`),
		cancelled: activity.status === 'cancelled',
		sequence: activity.version
	};
}

/** The published programme of a public campaign as an .ics feed; NOT_FOUND for a campaign not public. */
export async function campaignCalendar(db: Db, campaignId: string): Promise<string> {
	const campaign = await loadCampaign(db, campaignId);
	if (!isPublicCampaignStatus(campaign.status)) throw new AppError('NOT_FOUND');
	const activities = (await selectActivities(db, { campaignIds: [campaign.id] })).filter((a) => a.status !== 'draft');
	return renderCalendar({ name: campaign.title, events: activities.map((a) => activityCalendarEvent(a)) });
}

function feedSecret(): string {
	return settings().AUTH_SECRET ?? 'learnweek-development-calendar-secret';
}

/** The secret part of a person's feed address. */
export function personalFeedToken(userId: string): string {
	return createHmac('sha256', feedSecret()).update(`calendar:${userId}`).digest('base64url').slice(0, 32);
}

/** A person's feed address (for their account page). */
export function personalFeedUrl(userId: string): string {
	return siteUrl(`/calendar/${encodeURIComponent(userId)}/${personalFeedToken(userId)}.ics`);
}

/** The activities a person registered for (not cancelled), as an .ics feed; NOT_FOUND for a wrong token. */
export async function personalCalendar(db: Db, userId: string, token: string): Promise<string> {
	const expected = Buffer.from(personalFeedToken(userId));
	const given = Buffer.from(token);
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new AppError('NOT_FOUND');
	const regs = await selectRegistrationsOfUser(db, userId);
	const events: CalendarEvent[] = [];
	for (const reg of regs) {
		const activity = await selectActivity(db, reg.activityId);
		if (activity && activity.status !== 'draft') events.push(activityCalendarEvent(activity, { joinUrl: siteUrl(`/registrations/${reg.token}`) }));
	}
	return renderCalendar({ name: 'LearnWeek', events });
}
