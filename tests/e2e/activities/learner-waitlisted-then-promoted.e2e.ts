// The waitlist moves by itself: a guest takes the only place of an online seminar, the demo learner
// is waitlisted, the guest cancels from the link in their mail, and the learner is promoted — the
// mail (with a valid .ics) reaches the real SMTP server of the test. The learner then joins online
// through their join link, and the host sees the join in the roster.
import ICAL from 'ical.js';
import { describe, expect, inject, it } from 'vitest';
import { demo, expectAccessible, signIn, useBrowser } from '../support';
import { waitForMail } from '../smtp';
import { openDemoPlan } from './steps';

const browser = useBrowser();
const mailbox = inject('smtpMailbox');

const TITLE = 'Tọa đàm trực tuyến "Tự học suốt đời với tài nguyên giáo dục mở"';
const MEETING = 'https://us02web.zoom.us/j/84455667788';
const GUEST = 'khanhlt.guest@example.vn';

/** The one calendar event of an .ics text, parsed by a real iCalendar parser. */
function calendarEvent(ics: string) {
	const vcalendar = new ICAL.Component(ICAL.parse(ics));
	const events = vcalendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
	expect(events).toHaveLength(1);
	return { calendar: vcalendar, event: events[0] };
}

describe('the waitlist', () => {
	it('promotes the waitlisted learner when the guest cancels, mails them an .ics, and records their online join', async () => {
		// The coordinator plans a one-place online seminar that starts within the hour.
		const host = await browser.page();
		await signIn(host, demo.coordinator);
		const campaignId = await openDemoPlan(host);
		await host.goto(`/campaigns/${campaignId}/activities/new`);
		// Vietnam wall-clock values (UTC+7, no daylight saving) for the datetime-local fields.
		const wall = (minutes: number) => new Date(Date.now() + 7 * 3_600_000 + minutes * 60_000).toISOString().slice(0, 16);
		const starts = wall(20);
		const ends = wall(140);
		await host.getByLabel('Tên hoạt động').fill(TITLE);
		await host.getByLabel('Loại hoạt động').selectOption({ label: 'Hội thảo, tọa đàm' });
		await host.getByLabel('Trực tuyến', { exact: true }).check();
		await host.getByLabel('Nền tảng trực tuyến').selectOption({ label: 'Zoom' });
		await host.getByLabel('Đường dẫn phòng họp').fill(MEETING);
		await host.getByLabel('Bắt đầu').fill(starts);
		await host.getByLabel('Kết thúc').fill(ends);
		await host.getByLabel('Số chỗ').fill('1');
		await host.getByRole('button', { name: 'Tạo hoạt động' }).click();
		await host.waitForURL(/\/activities\/[0-9a-f-]{36}\/manage\?notice=created$/);
		const activityId = new URL(host.url()).pathname.split('/')[2];
		await host.getByRole('button', { name: 'Công bố' }).click();
		await host.getByText('Đã công bố hoạt động trên chương trình của Tuần lễ.').waitFor();

		// A guest takes the only place, and gets a confirmation with the calendar entry.
		const guest = await browser.page();
		await guest.goto(`/activities/${activityId}`);
		await guest.getByRole('textbox', { name: /Họ và tên/ }).fill('Lê Thị Khánh');
		await guest.getByRole('textbox', { name: 'E-mail' }).fill(GUEST);
		await guest.getByRole('button', { name: 'Đăng ký', exact: true }).click();
		await guest.waitForURL(/\/registrations\/[A-Za-z0-9_-]+\?notice=registered$/);
		const confirmation = await waitForMail(mailbox, (m) => m.to.includes(GUEST) && m.subject === `Xác nhận đăng ký: ${TITLE}`);
		const guestLink = /(http:\/\/\S+\/registrations\/[A-Za-z0-9_-]+)/.exec(confirmation.text)![1];

		// The learner finds the seminar full and joins the waitlist.
		const learner = await browser.page();
		await signIn(learner, demo.learner);
		await learner.goto(`/activities/${activityId}`);
		await expectAccessible(learner);
		for (const box of await learner.getByRole('checkbox').all()) expect(await box.isChecked()).toBe(false);
		await learner.getByRole('button', { name: 'Đăng ký vào danh sách chờ' }).click();
		await learner.waitForURL(/\/registrations\/[A-Za-z0-9_-]+\?notice=registered$/);
		const learnerTicket = learner.url().split('?')[0];
		expect(await learner.getByRole('region', { name: /Đăng ký của/ }).textContent()).toContain('Danh sách chờ');
		await waitForMail(mailbox, (m) => m.to.includes(demo.learner) && m.subject === `Danh sách chờ: ${TITLE}`);
		// A waitlisted registration cannot join yet.
		expect(await learner.getByRole('link', { name: 'Vào phòng họp trực tuyến' }).count()).toBe(0);

		// The guest cancels from the link in the mail.
		await guest.goto(guestLink);
		await guest.getByRole('checkbox', { name: 'Tôi xác nhận muốn huỷ đăng ký này' }).check();
		await guest.getByRole('button', { name: 'Huỷ đăng ký' }).click();
		await guest.waitForURL(/notice=cancelled$/);

		// The learner is promoted by mail, with a calendar entry a calendar program can read.
		const promoted = await waitForMail(mailbox, (m) => m.to.includes(demo.learner) && m.subject === `Đã có chỗ: ${TITLE}`);
		expect(promoted.text).toContain('chuyển từ danh sách chờ sang danh sách tham dự');
		const ics = promoted.attachments?.find((a) => a.filename.endsWith('.ics'));
		expect(ics?.contentType).toBe('text/calendar');
		const { calendar, event } = calendarEvent(ics!.content);
		expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
		expect(event.summary).toBe(TITLE);
		expect(event.uid).toContain(activityId);
		expect(event.startDate.toJSDate().getTime()).toBe(new Date(`${starts}:00+07:00`).getTime());
		expect(event.endDate.toJSDate() > event.startDate.toJSDate()).toBe(true);
		expect(ics!.content).not.toContain(MEETING);

		// The learner's ticket now has a place and a join link; joining records it and opens the meeting.
		await learner.goto(learnerTicket);
		expect(await learner.getByRole('region', { name: /Đăng ký của/ }).textContent()).toContain('Đã đăng ký');
		await learner.route('https://us02web.zoom.us/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Zoom</title><p>Phòng họp</p>' }));
		await learner.getByRole('link', { name: 'Vào phòng họp trực tuyến' }).click();
		await learner.waitForURL(MEETING);

		// The host's roster counts the learner online, apart from on site.
		await host.goto(`/activities/${activityId}/manage`);
		const row = host.locator('#roster tbody tr', { hasText: 'Người học' });
		expect(await row.textContent()).toContain('Đã đăng ký');
		expect(await row.getByRole('button', { name: 'Bỏ điểm danh (Trực tuyến): Người học' }).count()).toBe(1);
		// An online seminar has no on-site attendance to take.
		expect(await row.getByRole('button', { name: /\(Tại chỗ\)/ }).count()).toBe(0);
		await expectAccessible(host);
	});
});
