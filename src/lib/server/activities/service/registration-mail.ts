// Mails to registrants, as durable jobs enqueued in the transaction of the change: the place given
// or waitlisted (with the activity as an .ics), the promotion from the waitlist, the cancellation,
// and changes to the activity itself (cancelled, moved online under distancing).
import type { Db } from '../../db/types';
import { settings } from '../../core/env';
import { translate } from '../../core/http';
import { sendMail } from '../../notifications/service';
import { enqueueJob, type JobHandlers } from '../../jobs/service';
import { formatDateTime } from '$lib/vn/dates';
import { heldOnline, heldOnsite } from '$lib/features/activities/format';
import { selectActivity, selectRegistration, selectRegistrationsOf } from '../queries';
import type { ActivityRow, RegistrationRow } from '../tables';
import { renderCalendar, CALENDAR_CONTENT_TYPE } from './calendar';
import { activityCalendarEvent } from './calendar-feeds';

/** The job kind of a registrant's mail. */
export const REGISTRATION_MAIL_JOB = 'activities.registration_mail';

export const REGISTRATION_MAIL_KINDS = ['registered', 'waitlisted', 'promoted', 'cancelled', 'activity_cancelled', 'moved_online'] as const;
export type RegistrationMailKind = (typeof REGISTRATION_MAIL_KINDS)[number];

export function siteUrl(path: string): string {
	return `${settings().ORIGIN.replace(/\/$/, '')}${path}`;
}

/** The registrant's own page: ticket, QR code, join link, cancel button. */
export function registrationUrl(token: string): string {
	return siteUrl(`/registrations/${token}`);
}

/** Enqueues one mail to a registrant (once per registration, kind and activity version). */
export async function enqueueRegistrationMail(db: Db, reg: RegistrationRow, kind: RegistrationMailKind, version = 0): Promise<void> {
	if (!reg.email) return;
	await enqueueJob(db, { kind: REGISTRATION_MAIL_JOB, payload: { registrationId: reg.id, kind }, uniqueKey: `${REGISTRATION_MAIL_JOB}:${kind}:${reg.id}:${version}` });
}

/** Tells every live registrant of an activity about a change to it. */
export async function notifyRegistrants(db: Db, activity: ActivityRow, kind: Extract<RegistrationMailKind, 'activity_cancelled' | 'moved_online'>): Promise<number> {
	const live = (await selectRegistrationsOf(db, activity.id)).filter((r) => r.status !== 'cancelled' && r.email);
	for (const reg of live) await enqueueRegistrationMail(db, reg, kind, activity.version);
	return live.length;
}

function whenAndWhere(activity: ActivityRow): string[] {
	const lines = [translate('activities_mail_when', { from: formatDateTime(activity.startsAt), to: formatDateTime(activity.endsAt) }, 'vi')];
	if (heldOnsite(activity) && activity.venue) lines.push(translate('activities_mail_where', { venue: activity.venue }, 'vi'));
	if (heldOnline(activity)) lines.push(translate('activities_mail_online', {}, 'vi'));
	return lines;
}

/** Composes and sends one registrant mail; a registration or activity gone meanwhile sends nothing. */
export async function sendRegistrationMail(db: Db, registrationId: string, kind: RegistrationMailKind): Promise<boolean> {
	const reg = await selectRegistration(db, registrationId);
	const activity = reg ? await selectActivity(db, reg.activityId) : undefined;
	if (!reg || !activity || !reg.email) return false;
	const link = registrationUrl(reg.token);
	const body = [
		translate('activities_mail_greeting', { name: reg.name }, 'vi'),
		'',
		translate(`activities_mail_${kind}`, { title: activity.title }, 'vi'),
		'',
		...whenAndWhere(activity),
		...(kind === 'registered' || kind === 'promoted' ? [translate('activities_mail_ticket', { code: reg.ticketCode }, 'vi')] : []),
		'',
		translate('activities_mail_link', { link }, 'vi')
	];
	const withCalendar = kind === 'registered' || kind === 'promoted' || kind === 'activity_cancelled' || kind === 'moved_online' || kind === 'cancelled';
	const cancelled = kind === 'activity_cancelled' || kind === 'cancelled';
	await sendMail(db, {
		to: reg.email,
		subject: translate(`activities_mail_subject_${kind}`, { title: activity.title }, 'vi'),
		text: body.join('\n'),
		attachments: withCalendar
			? [
					{
						filename: 'su-kien.ics',
						contentType: CALENDAR_CONTENT_TYPE,
						content: renderCalendar({ name: activity.title, method: cancelled ? 'CANCEL' : 'PUBLISH', events: [{ ...activityCalendarEvent(activity, { joinUrl: link }), cancelled }] })
					}
				]
			: undefined
	});
	return true;
}

export const activityJobHandlers: JobHandlers = {
	[REGISTRATION_MAIL_JOB]: async (payload, { db }) => {
		const kind = String(payload.kind) as RegistrationMailKind;
		if (!REGISTRATION_MAIL_KINDS.includes(kind)) return;
		await sendRegistrationMail(db, String(payload.registrationId), kind);
	}
};
