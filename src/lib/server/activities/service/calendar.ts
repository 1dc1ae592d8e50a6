// Activities as iCalendar (RFC 5545) for "add to calendar" links, feeds and invitations by mail.
// ical-generator escapes text (\, ; , and newlines), folds lines at 75 octets without cutting a
// UTF-8 character, and writes times in UTC ("…Z"), which needs no VTIMEZONE block.
import ical, { ICalCalendarMethod, ICalEventStatus, escape } from 'ical-generator';

export const CALENDAR_CONTENT_TYPE = 'text/calendar; charset=utf-8';

/** RFC 5545 §3.8.4.7: a UID should be globally unique; the domain part makes ours so across installations' feeds. */
const UID_DOMAIN = 'learnweek';

export interface CalendarEvent {
	/** The activity's id; `@learnweek` is appended unless it already has a domain part. */
	uid: string;
	title: string;
	description?: string;
	startsAt: Date;
	endsAt: Date;
	location?: string;
	url?: string;
	cancelled?: boolean;
	/** RFC 5545 §3.8.7.4: raised on each significant change so calendars replace their copy. */
	sequence?: number;
}

const METHODS = { PUBLISH: ICalCalendarMethod.PUBLISH, REQUEST: ICalCalendarMethod.REQUEST, CANCEL: ICalCalendarMethod.CANCEL };

// Vietnamese typed on some keyboards arrives decomposed (base letter + combining marks); composed
// text keeps each letter whole when a line is folded and matches what calendars search for.
const nfc = (s: string | undefined) => (s === undefined ? undefined : s.normalize('NFC'));

/**
 * The events as one VCALENDAR text; `method` REQUEST and CANCEL (RFC 5546) also need `organizer`.
 * It refuses nothing.
 */
export function renderCalendar(input: {
	name: string;
	events: CalendarEvent[];
	method?: 'PUBLISH' | 'REQUEST' | 'CANCEL';
	organizer?: { name: string; email: string };
}): string {
	const calendar = ical({
		// ical-generator 9 writes NAME and X-WR-CALNAME unescaped: a comma, semicolon or newline in
		// the name would break the line, so it is escaped here as TEXT (RFC 5545 §3.3.11).
		name: escape(input.name.normalize('NFC'), false),
		prodId: { company: 'LearnWeek', product: 'LearnWeek', language: 'VI' },
		method: input.method ? METHODS[input.method] : undefined
	});
	for (const e of input.events) {
		calendar.createEvent({
			id: e.uid.includes('@') ? e.uid : `${e.uid}@${UID_DOMAIN}`,
			summary: nfc(e.title) ?? '',
			description: nfc(e.description),
			start: e.startsAt,
			end: e.endsAt,
			location: nfc(e.location),
			url: e.url,
			sequence: e.sequence ?? 0,
			status: e.cancelled || input.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
			organizer: input.organizer ? { name: input.organizer.name.normalize('NFC'), email: input.organizer.email } : undefined
		});
	}
	// RFC 5545 §3.4: the last line ends with CRLF too; ical-generator leaves it off.
	const text = calendar.toString();
	return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
