import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { CALENDAR_CONTENT_TYPE, renderCalendar, type CalendarEvent } from './calendar';

const workshop: CalendarEvent = {
	uid: 'act-1',
	title: 'Hội thảo "Học tập suốt đời": đọc sách, viết; thảo luận nhóm về chuyển đổi số trong thư viện',
	description: 'Dòng một\nDòng hai, có dấu phẩy; chấm phẩy và \\ gạch ngược',
	startsAt: new Date('2025-10-01T01:00:00Z'),
	endsAt: new Date('2025-10-01T03:30:00Z'),
	location: 'Thư viện tỉnh, 12 Đường Lê Lợi; tầng 2',
	url: 'https://learnweek.example/activities/act-1',
	sequence: 3
};

// RFC 5545 §3.8.8.2 and RFC 7986 §5.1: X-WR-CALNAME and NAME are TEXT (escaped); ical.js reads
// properties it does not know raw, so it is told.
ICAL.design.icalendar.property['x-wr-calname'] = { defaultType: 'text' };
ICAL.design.icalendar.property['name'] = { defaultType: 'text' };

function parse(text: string) {
	const calendar = new ICAL.Component(ICAL.parse(text));
	return { calendar, events: calendar.getAllSubcomponents('vevent') };
}

describe('renderCalendar', () => {
	it('writes an RFC 5545 calendar that a parser reads back field by field, Vietnamese included', () => {
		const text = renderCalendar({ name: 'Tuần lễ học tập suốt đời, 2025; Hà Nội', events: [workshop] });
		const { calendar, events } = parse(text);

		expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
		expect(calendar.getFirstPropertyValue('prodid')).toMatch(/LearnWeek/);
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Tuần lễ học tập suốt đời, 2025; Hà Nội');
		expect(calendar.getFirstPropertyValue('name')).toBe('Tuần lễ học tập suốt đời, 2025; Hà Nội');
		expect(calendar.getFirstPropertyValue('method')).toBeNull();
		expect(events).toHaveLength(1);

		const vevent = events[0];
		const event = new ICAL.Event(vevent);
		expect(event.uid).toBe('act-1@learnweek');
		expect(event.summary).toBe(workshop.title);
		expect(event.description).toBe(workshop.description);
		expect(event.location).toBe(workshop.location);
		expect(vevent.getFirstPropertyValue('url')).toBe(workshop.url);
		expect(event.sequence).toBe(3);
		expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
		expect(vevent.getFirstPropertyValue('dtstamp')).not.toBeNull();
		expect(event.startDate.toJSDate().toISOString()).toBe('2025-10-01T01:00:00.000Z');
		expect(event.endDate.toJSDate().toISOString()).toBe('2025-10-01T03:30:00.000Z');
		// 08:00 in Hà Nội, whatever zone the reader is in.
		expect(event.startDate.zone?.tzid).toBe('UTC');
	});

	it('ends every line with CRLF and folds long lines to at most 75 octets', () => {
		const text = renderCalendar({ name: 'Lịch', events: [{ ...workshop, description: 'Người học '.repeat(40) }] });
		expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		const lines = text.split('\r\n');
		expect(Math.max(...lines.map((l) => Buffer.byteLength(l, 'utf8')))).toBeLessThanOrEqual(75);
		expect(lines.some((l) => l.startsWith(' '))).toBe(true);
		expect(new ICAL.Event(parse(text).events[0]).description).toBe('Người học '.repeat(40));
	});

	it('composes decomposed Vietnamese letters (NFC) so a fold never splits a letter from its marks', () => {
		const decomposed = 'Học tập suốt đời'.normalize('NFD');
		const text = renderCalendar({ name: decomposed, events: [{ ...workshop, title: decomposed }] });
		expect(new ICAL.Event(parse(text).events[0]).summary).toBe('Học tập suốt đời'.normalize('NFC'));
		expect(parse(text).calendar.getFirstPropertyValue('x-wr-calname')).toBe('Học tập suốt đời'.normalize('NFC'));
	});

	it('keeps a newline in the calendar name from breaking the file', () => {
		const text = renderCalendar({ name: 'Dòng một\nBEGIN:VEVENT', events: [] });
		const { calendar, events } = parse(text);
		expect(events).toHaveLength(0);
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Dòng một\nBEGIN:VEVENT');
	});

	it('marks a cancelled event CANCELLED and keeps a given domain in its UID', () => {
		const text = renderCalendar({
			name: 'Lịch',
			events: [
				{ ...workshop, uid: 'act-2@other.example', cancelled: true, sequence: 4 },
				{ ...workshop, uid: 'act-3', sequence: undefined }
			]
		});
		const [cancelled, kept] = parse(text).events;
		expect(cancelled.getFirstPropertyValue('uid')).toBe('act-2@other.example');
		expect(cancelled.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(cancelled.getFirstPropertyValue('sequence')).toBe(4);
		expect(kept.getFirstPropertyValue('status')).toBe('CONFIRMED');
		expect(kept.getFirstPropertyValue('sequence')).toBe(0);
	});

	it('writes METHOD and the organizer for an invitation, and cancels every event under METHOD:CANCEL', () => {
		const organizer = { name: 'Sở Giáo dục và Đào tạo', email: 'sogd@example.vn' };
		const request = parse(renderCalendar({ name: 'Mời', method: 'REQUEST', organizer, events: [workshop] }));
		expect(request.calendar.getFirstPropertyValue('method')).toBe('REQUEST');
		const org = request.events[0].getFirstProperty('organizer');
		expect(org?.getFirstValue()).toBe('mailto:sogd@example.vn');
		expect(org?.getParameter('cn')).toBe('Sở Giáo dục và Đào tạo');

		const cancel = parse(renderCalendar({ name: 'Huỷ', method: 'CANCEL', organizer, events: [{ ...workshop, sequence: 5 }] }));
		expect(cancel.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
		expect(cancel.events[0].getFirstPropertyValue('status')).toBe('CANCELLED');
	});

	it('names the UTF-8 calendar media type', () => {
		expect(CALENDAR_CONTENT_TYPE).toBe('text/calendar; charset=utf-8');
	});
});
