import { describe, expect, it } from 'vitest';
import { dateTimeRange, downloadFileNames, programmeQuery, publicActivity, shareLinks, spacedTicketCode, timeRange, weekdayLabelKey, type PublicActivity } from './format';

describe('weekdayLabelKey', () => {
	it('names the weekday of a calendar date: 01/10/2021 was a Friday, 03/10/2021 a Sunday', () => {
		expect(weekdayLabelKey('2021-10-01')).toBe('activities_weekday_5');
		expect(weekdayLabelKey('2021-10-03')).toBe('activities_weekday_0');
		expect(weekdayLabelKey('2021-10-04')).toBe('activities_weekday_1');
	});
});

describe('timeRange and dateTimeRange', () => {
	// 08:00–10:30 in Vietnam is 01:00–03:30 UTC.
	const start = new Date('2021-10-01T01:00:00Z');
	const end = new Date('2021-10-01T03:30:00Z');

	it('shows Vietnam wall-clock times, whatever the server zone', () => {
		expect(timeRange(start, end)).toBe('08:00–10:30');
		expect(dateTimeRange(start, end)).toBe('01/10/2021 08:00 – 10:30');
	});

	it('names the end day of an activity that runs past midnight in Vietnam', () => {
		// 17:30 UTC on 01/10 is already 00:30 on 02/10 in Vietnam.
		const late = new Date('2021-10-01T17:30:00Z');
		expect(timeRange(start, late)).toBe('08:00 – 02/10/2021 00:30');
		expect(dateTimeRange(start, late)).toBe('01/10/2021 08:00 – 02/10/2021 00:30');
	});
});

describe('spacedTicketCode', () => {
	it('groups a ticket code by four for reading aloud', () => {
		expect(spacedTicketCode('ABCD2345')).toBe('ABCD 2345');
		expect(spacedTicketCode('ABC')).toBe('ABC');
	});
});

describe('programmeQuery', () => {
	it('keeps the filters the form offers', () => {
		const q = programmeQuery(new URLSearchParams('mode=online&type=seminar&group=phu_nu&q=%20chuy%E1%BB%83n%20%C4%91%E1%BB%95i%20s%E1%BB%91%20'));
		expect(q).toEqual({ mode: 'online', type: 'seminar', group: 'phu_nu', q: 'chuyển đổi số' });
	});

	it('ignores values the form never offers, empty ones and an overlong search', () => {
		const q = programmeQuery(new URLSearchParams(`mode=teleport&type=&group=aliens&q=${'a'.repeat(500)}`));
		expect(q.mode).toBeUndefined();
		expect(q.type).toBeUndefined();
		expect(q.group).toBeUndefined();
		expect(q.q).toHaveLength(100);
		expect(programmeQuery(new URLSearchParams('q=%20%20'))).toEqual({ mode: undefined, type: undefined, group: undefined, q: undefined });
	});
});

describe('shareLinks', () => {
	it('puts the page address, encoded, into the Facebook and Zalo share links', () => {
		const links = shareLinks('https://learnweek.example/activities/a1?x=1&y=2');
		expect(links.facebook).toBe('https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Flearnweek.example%2Factivities%2Fa1%3Fx%3D1%26y%3D2');
		expect(new URL(links.zalo).searchParams.get('url')).toBe('https://learnweek.example/activities/a1?x=1&y=2');
	});
});

describe('publicActivity', () => {
	it('never passes on the meeting link or the code secret', () => {
		const row = {
			id: 'a1',
			campaignId: 'c1',
			title: 'Tọa đàm',
			description: '',
			type: 'seminar',
			mode: 'hybrid',
			onlineOnly: false,
			venue: 'Hội trường',
			platform: 'zoom',
			externalUrl: null,
			recordingUrl: null,
			startsAt: new Date(),
			endsAt: new Date(),
			capacity: 50,
			targetGroups: [],
			status: 'published',
			meetingUrl: 'https://zoom.us/j/123',
			codeSecret: 'secret'
		} as PublicActivity & { meetingUrl: string; codeSecret: string };
		const shown = publicActivity(row);
		expect(JSON.stringify(shown)).not.toContain('zoom.us');
		expect(JSON.stringify(shown)).not.toContain('secret');
		expect(shown.venue).toBe('Hội trường');
	});
});

describe('downloadFileNames', () => {
	it('folds a Vietnamese file name for the ASCII header and keeps it whole for filename*', () => {
		expect(downloadFileNames('Tài liệu học tập số.pdf')).toEqual({ ascii: 'tai-lieu-hoc-tap-so.pdf', utf8: 'Tài liệu học tập số.pdf' });
	});

	it('removes quotes, slashes and line breaks that would break the header', () => {
		const names = downloadFileNames('a"b/c\r\nd.docx');
		expect(names.utf8).not.toMatch(/["/\r\n]/);
		expect(names.ascii).toBe('a-b-c-d.docx');
	});

	it('falls back to a plain name when nothing is left', () => {
		expect(downloadFileNames('   ')).toEqual({ ascii: 'tai-lieu', utf8: 'tai-lieu' });
		expect(downloadFileNames('Đề cương').ascii).toBe('de-cuong');
	});
});
