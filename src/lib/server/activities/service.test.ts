import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../db/testing';
import { freezeClock } from '../core/clock';
import { AppError } from '../core/errors';
import { anonymousActor, systemActor, type Actor } from '../auth/actor';
import { listAuditEntries } from '../audit/service';
import * as org from '../org/seed';
import { createCampaign } from '../campaigns/seed';
import { createAdminUnit, declareDistancing } from '../localities/seed';
import { createPartner } from '../partners/seed';
import { listJobsByKeyPrefix } from '../jobs/service';
import { dateTimeInputValue } from '$lib/vn/dates';
import {
	cancelRegistrationByToken,
	checkInByTicket,
	checkInWithActivityCodeByToken,
	createActivity,
	currentActivityCode,
	getActivityPage,
	getRoster,
	joinByToken,
	moveActivityOnline,
	publishActivity,
	recordForumParticipation,
	registerForActivity,
	registerOnBehalf,
	setAttendance,
	setCompletion,
	updateActivity,
	verifyCertificate,
	checkCertificate,
	listCampaignActivities,
	listMyWorkActivities
} from './service';
import { listCampaignActivityFacts } from './export';
import { createActivity as seedActivity, registerGuest } from './seed';

const db = await createTestDb();
afterEach(() => freezeClock());

// 29/11/2026 08:00 in Vietnam; activities are in December.
const NOW = new Date('2026-11-29T01:00:00Z');
const at = (iso: string) => new Date(`${iso}+07:00`);
const input = (d: Date) => dateTimeInputValue(d);

const province = await org.createOrgNode(db, { kind: 'province', name: 'UBND tỉnh Sơn La', shortCode: 'UBND' });
const office = await org.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const tttt = await org.createOrgNode(db, { parentId: office.id, name: 'Trung tâm Thông tin', shortCode: 'TTTT' });
const th = await org.createOrgNode(db, { parentId: office.id, name: 'Phòng Tổng hợp', shortCode: 'TH' });
const education = await org.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Sở Giáo dục và Đào tạo', shortCode: 'SGDDT' });

const coordinator = await org.createActor(db, { role: 'coordinator', orgId: office.id }, { name: 'Điều phối', email: 'dieuphoi@sonla.gov.vn' });
const otherCoordinator = await org.createActor(db, { role: 'coordinator', orgId: education.id });
const ttttLeader = await org.createActor(db, { role: 'unit_leader', orgId: tttt.id });
const ttttStaff = await org.createActor(db, { role: 'staff', orgId: tttt.id }, { name: 'Cán bộ TTTT' });
const thStaff = await org.createActor(db, { role: 'staff', orgId: th.id });
const learner = await org.createActor(db, [], { name: 'Lò Thị Mai', email: 'mai.lo@example.vn' });

const campaign = await createCampaign(db, { orgId: office.id, year: 2026, status: 'issued' });
const draftCampaign = await createCampaign(db, { orgId: office.id, year: 2027 });

const sonLa = await createAdminUnit(db, { code: '14', name: 'Tỉnh Sơn La', kind: 'tinh' });
const toHieu = await createAdminUnit(db, { code: '03646', name: 'Phường Tô Hiệu', kind: 'phuong', parentCode: '14' });
const chiengAn = await createAdminUnit(db, { code: '03664', name: 'Phường Chiềng An', kind: 'phuong', parentCode: '14' });

const viettel = await createPartner(db, { orgId: office.id, name: 'Viettel Sơn La', kind: 'telecom' });
const fpt = await createPartner(db, { orgId: office.id, name: 'FPT Sơn La', kind: 'technology' });
const viettelAccount = await org.createActor(db, { role: 'partner', orgId: viettel.nodeId }, { name: 'Viettel' });

const seminar = {
	title: 'Tọa đàm "Chuyển đổi số trong học tập suốt đời"',
	description: 'Chia sẻ kinh nghiệm tự học trên nền tảng số.',
	type: 'seminar',
	mode: 'in_person',
	venue: 'Hội trường tầng 3, Văn phòng UBND tỉnh',
	adminUnitCode: chiengAn.code,
	startsAt: '2026-12-10T08:00',
	endsAt: '2026-12-10T10:30',
	hostUnitId: tttt.id,
	capacity: '40',
	targetGroups: ['can_bo_cong_chuc_vien_chuc', 'nguoi_dan']
} as const;
/** The seminar's place and host without its times (the factory takes instants). */
const { startsAt: _startsAt, endsAt: _endsAt, ...seminarPlace } = seminar;

async function refusal(p: Promise<unknown>): Promise<AppError> {
	const e = await p.then(
		() => undefined,
		(err) => err
	);
	expect(e).toBeInstanceOf(AppError);
	return e as AppError;
}

async function activitiesCount(): Promise<number> {
	return (await listCampaignActivities(db, coordinator, campaign.id)).items.length;
}

describe('planning activities', () => {
	it('creates a draft in Vietnam time with its audit entry, publishes it to everyone', async () => {
		freezeClock(NOW);
		const row = await createActivity(db, coordinator, campaign.id, seminar);
		expect(row).toMatchObject({ status: 'draft', mode: 'in_person', capacity: 40, hostUnitId: tttt.id, platform: null, meetingUrl: null });
		expect(row.startsAt.toISOString()).toBe('2026-12-10T01:00:00.000Z');
		expect((await listAuditEntries(db, systemActor(), { entity: 'activity', entityId: row.id })).map((e) => e.action)).toEqual(['create']);
		expect((await refusal(getActivityPage(db, anonymousActor, row.id))).code).toBe('NOT_FOUND');
		await publishActivity(db, ttttLeader, row.id);
		const page = await getActivityPage(db, anonymousActor, row.id);
		expect(page).toMatchObject({ placesLeft: 40, closedReason: null, canManage: false, placeName: 'Phường Chiềng An', hostName: 'Trung tâm Thông tin' });
	});

	it('refuses bad input clearly and writes nothing', async () => {
		const before = await activitiesCount();
		const fields = async (patch: Record<string, unknown>) => (await refusal(createActivity(db, coordinator, campaign.id, { ...seminar, ...patch }))).fields;
		expect(await fields({ endsAt: '2026-12-10T07:00' })).toEqual({ endsAt: 'activities_end_before_start' });
		expect(await fields({ endsAt: '10/12/2026 08:00' })).toEqual({ endsAt: 'activities_end_before_start' });
		expect(await fields({ capacity: '-1' })).toEqual({ capacity: 'activities_capacity_negative' });
		expect(await fields({ capacity: 'mười' })).toEqual({ capacity: 'activities_capacity_invalid' });
		expect(await fields({ mode: 'online', platform: 'zoom', meetingUrl: 'https://meet.google.com/abc-defg-hij' })).toEqual({ meetingUrl: 'activities_link_not_platform' });
		expect(await fields({ mode: 'online', platform: 'google_meet', meetingUrl: 'http://meet.google.com/abc-defg-hij' })).toEqual({ meetingUrl: 'activities_link_not_platform' });
		expect(await fields({ mode: 'online', platform: 'teams', meetingUrl: 'https://teams.microsoft.com.evil.example/l/x' })).toEqual({ meetingUrl: 'activities_link_not_platform' });
		expect(await fields({ mode: 'hybrid' })).toEqual({ platform: 'activities_platform_required', meetingUrl: 'activities_link_required' });
		expect(await fields({ venue: '', adminUnitCode: '' })).toEqual({ venue: 'activities_venue_required', adminUnitCode: 'activities_place_required' });
		expect(await fields({ startsAt: '31/02/2026 08:00' })).toEqual({ startsAt: 'field_invalid_datetime' });
		expect(await fields({ type: 'international_forum' })).toEqual({ externalUrl: 'activities_external_required' });
		expect(await fields({ hostUnitId: education.id })).toEqual({ hostUnitId: 'activities_host_outside' });
		expect(await fields({ adminUnitCode: '00000' })).toEqual({ adminUnitCode: 'field_invalid' });
		expect(await activitiesCount()).toBe(before);
	});

	it('accepts each platform on its own domains', async () => {
		const online = { ...seminar, mode: 'online' } as const;
		for (const [platform, meetingUrl] of [
			['zoom', 'https://us06web.zoom.us/j/87654321098?pwd=abc'],
			['google_meet', 'https://meet.google.com/abc-defg-hij'],
			['teams', 'https://teams.microsoft.com/l/meetup-join/19%3ameeting'],
			['k12online', 'https://sonla.k12online.vn/meeting/123'],
			['youtube_live', 'https://www.youtube.com/live/abcdef'],
			['other', 'https://hop.sonla.gov.vn/phong-1']
		] as const) {
			const row = await createActivity(db, coordinator, campaign.id, { ...online, platform, meetingUrl });
			expect(row).toMatchObject({ platform, meetingUrl, venue: '', adminUnitCode: null });
		}
	});

	it('lets only coordinators, host leaders and a partner for its own class plan, and hides drafts', async () => {
		expect((await refusal(createActivity(db, ttttStaff, campaign.id, seminar))).code).toBe('FORBIDDEN');
		expect((await refusal(createActivity(db, ttttLeader, campaign.id, { ...seminar, hostUnitId: th.id }))).code).toBe('FORBIDDEN');
		expect((await refusal(createActivity(db, otherCoordinator, draftCampaign.id, seminar))).code).toBe('NOT_FOUND');
		expect((await refusal(createActivity(db, viettelAccount, campaign.id, seminar))).code).toBe('FORBIDDEN');
		const draft = await createActivity(db, ttttLeader, campaign.id, seminar);
		expect((await refusal(getActivityPage(db, thStaff, draft.id))).code).toBe('NOT_FOUND');
		expect((await refusal(updateActivity(db, thStaff, draft.id, seminar))).code).toBe('NOT_FOUND');
		expect((await refusal(publishActivity(db, ttttStaff, draft.id))).code).toBe('FORBIDDEN');
		// A plan that is not public publishes nothing.
		const early = await createActivity(db, coordinator, draftCampaign.id, seminar);
		expect((await refusal(publishActivity(db, coordinator, early.id))).code).toBe('INVALID_TRANSITION');
		// A partner creates a training class for itself, and cannot claim another partner's.
		const klass = await createActivity(db, viettelAccount, campaign.id, { ...seminar, type: 'training_class', title: 'Sử dụng Internet an toàn' });
		expect(klass.partnerId).toBe(viettel.id);
		expect((await refusal(createActivity(db, viettelAccount, campaign.id, { ...seminar, type: 'training_class', partnerId: fpt.id }))).code).toBe('FORBIDDEN');
		expect((await refusal(updateActivity(db, viettelAccount, draft.id, seminar))).code).toBe('NOT_FOUND');
	});

	it('lists to each the activities it works on, with what it may do', async () => {
		const hosted = await createActivity(db, coordinator, campaign.id, { ...seminar, title: 'Hoạt động do Trung tâm Thông tin chủ trì' });
		const klass = await createActivity(db, viettelAccount, campaign.id, { ...seminar, type: 'training_class', title: 'Lớp của Viettel', hostUnitId: th.id });
		const of = async (actor: Actor) => new Map((await listMyWorkActivities(db, actor)).map((c) => [c.activity.id, { manage: c.canManage, staff: c.canStaff }]));
		expect((await of(ttttStaff)).get(hosted.id)).toEqual({ manage: false, staff: true });
		expect((await of(ttttStaff)).has(klass.id)).toBe(false);
		expect((await of(ttttLeader)).get(hosted.id)).toEqual({ manage: true, staff: true });
		expect((await of(viettelAccount)).get(klass.id)).toEqual({ manage: true, staff: true });
		expect((await of(viettelAccount)).has(hosted.id)).toBe(false);
		expect((await of(coordinator)).get(klass.id)).toEqual({ manage: true, staff: true });
		expect((await of(thStaff)).get(klass.id)).toEqual({ manage: false, staff: true });
		expect((await of(otherCoordinator)).size).toBe(0);
		expect(await listMyWorkActivities(db, learner)).toEqual([]);
		const listed = (await listCampaignActivities(db, ttttStaff, campaign.id)).items.find((c) => c.activity.id === hosted.id);
		expect(listed).toMatchObject({ canManage: false, canStaff: true });
	});

	it('refuses fewer places than already given, and moves the waitlist up when places are added', async () => {
		freezeClock(NOW);
		const a = await seedActivity(db, { campaignId: campaign.id, actor: coordinator, ...seminarPlace, capacity: '2', startsAt: at('2026-12-13T08:00'), endsAt: at('2026-12-13T10:00') });
		const regs = [];
		for (let i = 0; i < 5; i++) regs.push(await registerGuest(db, a.id));
		expect(regs.map((r) => r.status)).toEqual(['registered', 'registered', 'waitlisted', 'waitlisted', 'waitlisted']);
		const edit = { ...seminarPlace, startsAt: '2026-12-13T08:00', endsAt: '2026-12-13T10:00' };
		const e = await refusal(updateActivity(db, coordinator, a.id, { ...edit, capacity: '1' }));
		expect(e.fields).toEqual({ capacity: 'activities_capacity_below_registered' });
		expect(e.detail).toEqual({ registered: 2 });
		await updateActivity(db, coordinator, a.id, { ...edit, capacity: '4' });
		const page = await getActivityPage(db, anonymousActor, a.id);
		expect(page).toMatchObject({ registered: 4, waitlisted: 1, placesLeft: 0 });
		const promoted = (await getRoster(db, coordinator, a.id)).entries.filter((x) => x.registration.promotedAt).map((x) => x.registration.id);
		expect(promoted).toEqual([regs[2].id, regs[3].id]);
		expect(await listJobsByKeyPrefix(db, `activities.registration_mail:promoted:${regs[3].id}`)).toHaveLength(1);
		// No limit any more: everyone waiting gets a place.
		await updateActivity(db, coordinator, a.id, { ...edit, capacity: '' });
		expect(await getActivityPage(db, anonymousActor, a.id)).toMatchObject({ registered: 5, waitlisted: 0, placesLeft: null });
	});

	it('refuses a stale edit', async () => {
		const row = await createActivity(db, coordinator, campaign.id, seminar);
		await updateActivity(db, coordinator, row.id, { ...seminar, title: 'Tọa đàm đổi tên' }, { expectedVersion: row.version });
		expect((await refusal(updateActivity(db, coordinator, row.id, seminar, { expectedVersion: row.version }))).code).toBe('STALE');
	});
});

describe('the distancing rule', () => {
	it('refuses in-person and hybrid activities at a place under distancing, naming it; online ones go ahead', async () => {
		await declareDistancing(db, { orgId: office.id, adminUnitCode: toHieu.code, startsOn: '2026-12-14', endsOn: '2026-12-20', note: 'Chỉ thị 16/CT-TTg' });
		const there = { ...seminar, adminUnitCode: toHieu.code, startsAt: '2026-12-15T08:00', endsAt: '2026-12-15T11:00' };
		const e = await refusal(createActivity(db, coordinator, campaign.id, there));
		expect(e.code).toBe('VALIDATION');
		expect(e.fields).toEqual({ mode: 'activities_distancing_in_person' });
		expect(e.detail).toMatchObject({ place: 'Phường Tô Hiệu', from: '14/12/2026', to: '20/12/2026' });
		const hybrid = { ...there, mode: 'hybrid', platform: 'zoom', meetingUrl: 'https://zoom.us/j/1234567890' } as const;
		expect((await refusal(createActivity(db, coordinator, campaign.id, hybrid))).fields).toEqual({ mode: 'activities_distancing_hybrid' });
		// The day after the order ends, and another ward, are free; online is always free.
		await createActivity(db, coordinator, campaign.id, { ...there, startsAt: '2026-12-21T08:00', endsAt: '2026-12-21T10:00' });
		await createActivity(db, coordinator, campaign.id, { ...there, adminUnitCode: chiengAn.code });
		await createActivity(db, coordinator, campaign.id, { ...hybrid, mode: 'online' });
	});

	it('covers every ward under a province-wide order; a hybrid activity moved online goes on and its registrants are told', async () => {
		freezeClock(NOW);
		const hybrid = await seedActivity(db, { campaignId: campaign.id, actor: coordinator, ...seminarPlace, mode: 'hybrid', platform: 'google_meet', meetingUrl: 'https://meet.google.com/abc-defg-hij', startsAt: at('2027-01-05T08:00'), endsAt: at('2027-01-05T10:00') });
		const reg = await registerGuest(db, hybrid.id);
		await declareDistancing(db, { orgId: office.id, adminUnitCode: sonLa.code, startsOn: '2027-01-01', endsOn: '2027-01-15', note: '' });
		expect((await refusal(createActivity(db, coordinator, campaign.id, { ...seminar, startsAt: '2027-01-03T08:00', endsAt: '2027-01-03T09:00' }))).fields).toEqual({ mode: 'activities_distancing_in_person' });
		expect((await getActivityPage(db, anonymousActor, hybrid.id)).distancing).toMatchObject({ place: 'Tỉnh Sơn La' });
		// While it holds, nobody takes an in-person place there, and nothing is written.
		const refused = await refusal(registerGuest(db, hybrid.id));
		expect(refused.code).toBe('INVALID_TRANSITION');
		expect(refused.fields).toEqual({ _: 'activities_registration_distancing' });
		expect((await getRoster(db, coordinator, hybrid.id)).entries).toHaveLength(1);
		const moved = await moveActivityOnline(db, coordinator, hybrid.id);
		expect(moved.onlineOnly).toBe(true);
		expect(await listJobsByKeyPrefix(db, `activities.registration_mail:moved_online:${reg.id}`)).toHaveLength(1);
		expect((await getActivityPage(db, anonymousActor, hybrid.id)).distancing).toBeNull();
		expect((await refusal(moveActivityOnline(db, coordinator, hybrid.id))).code).toBe('INVALID_TRANSITION');
	});
});

describe('registration', () => {
	it('gives places up to the capacity, waitlists the rest, and promotes the first when someone cancels', async () => {
		freezeClock(NOW);
		const a = await seedActivity(db, { campaignId: campaign.id, actor: coordinator, capacity: '2', startsAt: at('2026-12-12T08:00') });
		const first = await registerGuest(db, a.id, { name: 'Cầm Văn Hùng', email: 'hung@example.vn' });
		const second = await registerForActivity(db, learner, a.id, { learnerGroup: 'nguoi_dan', consents: ['statistics'] });
		const third = await registerGuest(db, a.id, { name: 'Quàng Thị Lan', email: '', phone: '0912 345 678' });
		const fourth = await registerGuest(db, a.id, { name: 'Tòng Văn Páo', email: 'pao@example.vn' });
		expect([first.status, second.status, third.status, fourth.status]).toEqual(['registered', 'registered', 'waitlisted', 'waitlisted']);
		expect(second).toMatchObject({ name: 'Lò Thị Mai', email: 'mai.lo@example.vn', userId: learner.userId });
		expect(third.phone).toBe('+84912345678');
		const { registration, promoted } = await cancelRegistrationByToken(db, first.token);
		expect(registration.status).toBe('cancelled');
		expect(promoted?.id).toBe(third.id);
		expect(promoted?.promotedAt).toBeTruthy();
		// Mails: a confirmation for each place, a waitlist notice, the cancellation; no mail for the phone-only guest.
		expect(await listJobsByKeyPrefix(db, `activities.registration_mail:registered:${first.id}`)).toHaveLength(1);
		expect(await listJobsByKeyPrefix(db, `activities.registration_mail:waitlisted:${fourth.id}`)).toHaveLength(1);
		expect(await listJobsByKeyPrefix(db, `activities.registration_mail:cancelled:${first.id}`)).toHaveLength(1);
		expect(await listJobsByKeyPrefix(db, `activities.registration_mail:promoted:${third.id}`)).toHaveLength(0);
		// Cancelling a waitlisted registration promotes nobody; cancelling twice is refused.
		expect((await cancelRegistrationByToken(db, fourth.token)).promoted).toBeNull();
		expect((await refusal(cancelRegistrationByToken(db, first.token))).code).toBe('INVALID_TRANSITION');
		expect((await refusal(cancelRegistrationByToken(db, 'no-such-token'))).code).toBe('NOT_FOUND');
		// The person who cancelled may register again.
		expect((await registerGuest(db, a.id, { name: 'Cầm Văn Hùng', email: 'hung@example.vn' })).status).toBe('waitlisted');
	});

	it('refuses a duplicate, bad contacts and closed activities, writing nothing', async () => {
		freezeClock(NOW);
		const a = await seedActivity(db, { campaignId: campaign.id, actor: coordinator, startsAt: at('2026-12-12T08:00') });
		await registerGuest(db, a.id, { email: 'trung@example.vn', phone: '0987 654 321' });
		const dup = await refusal(registerGuest(db, a.id, { email: 'TRUNG@example.vn' }));
		expect(dup.code).toBe('CONFLICT');
		expect(dup.fields).toEqual({ email: 'activities_already_registered' });
		expect((await refusal(registerGuest(db, a.id, { email: '', phone: '+84987654321' }))).code).toBe('CONFLICT');
		await registerForActivity(db, learner, a.id, {});
		expect((await refusal(registerForActivity(db, learner, a.id, {}))).fields).toEqual({ _: 'activities_already_registered' });
		expect((await refusal(registerGuest(db, a.id, { email: '', phone: '' }))).fields).toEqual({ email: 'activities_contact_required' });
		expect((await refusal(registerGuest(db, a.id, { email: 'not-an-email' }))).fields).toEqual({ email: 'field_invalid_email' });
		expect((await refusal(registerGuest(db, a.id, { phone: '12' , email: ''}))).fields).toEqual({ phone: 'field_invalid_phone' });
		expect((await refusal(registerGuest(db, a.id, { consents: ['sell_my_data'] as never }))).fields).toMatchObject({ 'consents.0': 'field_invalid' });
		expect((await getRoster(db, coordinator, a.id)).entries).toHaveLength(2);
		// Ended, draft and cancelled activities take no registrations.
		freezeClock(at('2026-12-12T11:00'));
		expect((await refusal(registerGuest(db, a.id))).fields).toEqual({ _: 'activities_registration_ended' });
		const draft = await createActivity(db, coordinator, campaign.id, seminar);
		expect((await refusal(registerGuest(db, draft.id))).code).toBe('NOT_FOUND');
	});

	it('records each consent purpose as given or not, never assumed, and who registered on behalf', async () => {
		freezeClock(NOW);
		const a = await seedActivity(db, { campaignId: campaign.id, actor: coordinator, hostUnitId: tttt.id, startsAt: at('2026-12-12T08:00') });
		const reg = await registerOnBehalf(db, ttttStaff, a.id, { name: 'Lường Văn Chính', phone: '0912 000 111', learnerGroup: 'nguoi_cao_tuoi', consents: ['statistics'] });
		expect(reg).toMatchObject({ assistedByUserId: ttttStaff.userId, assistedByLabel: 'Cán bộ TTTT' });
		const roster = await getRoster(db, ttttStaff, a.id);
		expect(roster.entries[0].consents).toEqual(['statistics']);
		expect((await listAuditEntries(db, systemActor(), { entity: 'registration', entityId: reg.id })).map((e) => e.action)).toEqual(['assisted_register']);
		expect((await refusal(registerOnBehalf(db, thStaff, a.id, { name: 'Ai đó', phone: '0912 000 222' }))).code).toBe('FORBIDDEN');
		const guest = await registerGuest(db, a.id);
		expect((await getRoster(db, coordinator, a.id)).entries.find((e) => e.registration.id === guest.id)?.consents).toEqual([]);
	});

	it('holds 200 concurrent registrations for 50 places to exactly 50 registered and 150 waitlisted', async () => {
		freezeClock(NOW);
		const a = await seedActivity(db, { campaignId: campaign.id, actor: coordinator, capacity: '50', startsAt: at('2026-12-20T08:00') });
		const results = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => registerGuest(db, a.id, { name: `Người học ${i}`, email: `dongthoi${i}@example.vn` })));
		expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
		const statuses = results.map((r) => (r as PromiseFulfilledResult<{ status: string }>).value.status);
		expect(statuses.filter((s) => s === 'registered')).toHaveLength(50);
		expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(150);
		const page = await getActivityPage(db, anonymousActor, a.id);
		expect(page).toMatchObject({ registered: 50, waitlisted: 150, placesLeft: 0 });
	}, 120_000);
});

describe('attendance', () => {
	it('checks a registrant in at the door by ticket code, once, and refuses tickets of other activities', async () => {
		freezeClock(NOW);
		const a = await seedActivity(db, { campaignId: campaign.id, actor: coordinator, ...seminarPlace, capacity: '1', startsAt: at('2026-12-11T08:00') });
		const b = await seedActivity(db, { campaignId: campaign.id, actor: coordinator, ...seminarPlace, startsAt: at('2026-12-11T14:00') });
		const mine = await registerGuest(db, a.id);
		const waiting = await registerGuest(db, a.id);
		const elsewhere = await registerGuest(db, b.id);
		const code = mine.ticketCode.toLowerCase().replace(/(....)/, '$1 ');
		expect(await checkInByTicket(db, ttttStaff, a.id, { code })).toMatchObject({ already: false, registration: { id: mine.id } });
		expect(await checkInByTicket(db, ttttStaff, a.id, { code: mine.ticketCode }, 'ticket_scan')).toMatchObject({ already: true });
		expect((await refusal(checkInByTicket(db, ttttStaff, a.id, { code: elsewhere.ticketCode }))).fields).toEqual({ code: 'activities_ticket_other_activity' });
		expect((await refusal(checkInByTicket(db, ttttStaff, a.id, { code: waiting.ticketCode }))).fields).toEqual({ code: 'activities_ticket_waitlisted' });
		expect((await refusal(checkInByTicket(db, ttttStaff, a.id, { code: 'ZZZZZZZZ' }))).fields).toEqual({ code: 'activities_ticket_unknown' });
		expect((await refusal(checkInByTicket(db, ttttStaff, a.id, { code: '' }))).fields).toEqual({ code: 'field_required' });
		expect((await refusal(checkInByTicket(db, thStaff, a.id, { code: mine.ticketCode }))).code).toBe('FORBIDDEN');
		expect((await refusal(checkInByTicket(db, learner, a.id, { code: mine.ticketCode }))).code).toBe('FORBIDDEN');
		const roster = await getRoster(db, ttttStaff, a.id);
		expect(roster.entries.find((e) => e.registration.id === mine.id)?.onsite?.method).toBe('ticket_code');
	});

	it('accepts the host’s rotating code for a minute after it changes, not after', async () => {
		freezeClock(NOW);
		const a = await seedActivity(db, { campaignId: campaign.id, actor: coordinator, ...seminarPlace, startsAt: at('2026-12-11T08:00') });
		const reg = await registerGuest(db, a.id);
		const { code } = await currentActivityCode(db, ttttStaff, a.id);
		expect(code).toMatch(/^\d{6}$/);
		expect((await refusal(currentActivityCode(db, learner, a.id))).code).toBe('FORBIDDEN');
		freezeClock(new Date(NOW.getTime() + 150_000));
		expect((await refusal(checkInWithActivityCodeByToken(db, reg.token, { code }))).fields).toEqual({ code: 'activities_code_wrong' });
		freezeClock(new Date(NOW.getTime() + 30_000));
		expect((await checkInWithActivityCodeByToken(db, reg.token, { code })).already).toBe(false);
		expect((await refusal(checkInWithActivityCodeByToken(db, reg.token, { code: '12ab' }))).fields).toEqual({ code: 'activities_code_invalid' });
	});

	it('records an online join through the join link in its window and counts it apart from on site', async () => {
		freezeClock(NOW);
		const a = await seedActivity(db, { campaignId: campaign.id, actor: coordinator, mode: 'online', platform: 'zoom', meetingUrl: 'https://zoom.us/j/99887766554', startsAt: at('2026-12-11T08:00') });
		const reg = await registerGuest(db, a.id);
		expect(await joinByToken(db, reg.token)).toMatchObject({ open: false, reason: 'not_yet' });
		freezeClock(at('2026-12-11T07:30'));
		expect(await joinByToken(db, reg.token)).toEqual({ open: true, meetingUrl: 'https://zoom.us/j/99887766554' });
		expect(await joinByToken(db, reg.token)).toEqual({ open: true, meetingUrl: 'https://zoom.us/j/99887766554' });
		freezeClock(at('2026-12-11T10:30'));
		expect(await joinByToken(db, reg.token)).toMatchObject({ open: false, reason: 'ended' });
		expect((await refusal(joinByToken(db, 'nope'))).code).toBe('NOT_FOUND');
		const facts = await listCampaignActivityFacts(db, [campaign.id]);
		expect(facts.activities.find((f) => f.id === a.id)).toMatchObject({ online: 1, onsite: 0, registered: 1 });
		expect(facts.attendance.filter((f) => f.activityId === a.id)).toEqual([{ activityId: a.id, day: '2026-12-11', mode: 'online', learnerGroup: null, registrationId: reg.id }]);
		// An in-person activity has no join link.
		const inPerson = await seedActivity(db, { campaignId: campaign.id, actor: coordinator, ...seminarPlace, startsAt: at('2026-12-11T08:00') });
		freezeClock(NOW);
		expect(await joinByToken(db, (await registerGuest(db, inPerson.id)).token)).toMatchObject({ open: false, reason: 'not_online' });
	});

	it('lets the host correct attendance by hand, audited; staff may not', async () => {
		freezeClock(NOW);
		const a = await seedActivity(db, { campaignId: campaign.id, actor: coordinator, ...seminarPlace, startsAt: at('2026-12-11T08:00') });
		const reg = await registerGuest(db, a.id);
		await setAttendance(db, ttttLeader, a.id, { registrationId: reg.id, mode: 'onsite', present: true });
		expect((await getRoster(db, ttttLeader, a.id)).entries[0].onsite?.method).toBe('manual');
		await setAttendance(db, ttttLeader, a.id, { registrationId: reg.id, mode: 'onsite', present: false });
		expect((await getRoster(db, ttttLeader, a.id)).entries[0].onsite).toBeNull();
		expect((await listAuditEntries(db, systemActor(), { entity: 'attendance', entityId: reg.id })).map((e) => e.action).sort()).toEqual(['mark_absent', 'mark_present']);
		expect((await refusal(setAttendance(db, ttttStaff, a.id, { registrationId: reg.id, mode: 'onsite', present: true }))).code).toBe('FORBIDDEN');
	});
});

describe('training classes and forums', () => {
	it('lets the partner mark completion; the certificate verifies until withdrawn', async () => {
		freezeClock(NOW);
		const klass = await seedActivity(db, { campaignId: campaign.id, actor: viettelAccount, type: 'training_class', title: 'Sử dụng Internet an toàn, hiệu quả', startsAt: at('2026-12-12T08:00') });
		const reg = await registerGuest(db, klass.id, { name: 'Đinh Thị Thu' });
		const other = await seedActivity(db, { campaignId: campaign.id, actor: coordinator, startsAt: at('2026-12-12T08:00') });
		expect((await refusal(setCompletion(db, viettelAccount, other.id, { registrationId: reg.id, completed: true }))).code).toBe('FORBIDDEN');
		expect((await refusal(setCompletion(db, coordinator, other.id, { registrationId: reg.id, completed: true }))).code).toBe('INVALID_TRANSITION');
		const done = await setCompletion(db, viettelAccount, klass.id, { registrationId: reg.id, completed: true });
		expect(done.certificateCode).toMatch(/^CN-[A-Z0-9]{10}$/);
		expect(await verifyCertificate(db, done.certificateCode!)).toMatchObject({ valid: true, recipientName: 'Đinh Thị Thu', className: 'Sử dụng Internet an toàn, hiệu quả', partnerName: 'Viettel Sơn La' });
		const check = await checkCertificate(db, done.certificateCode!, 'en');
		expect(check).toMatchObject({ valid: true, subject: 'Sử dụng Internet an toàn, hiệu quả', subjectHref: `/activities/${klass.id}`, revokedReason: null });
		expect(check.details).toContainEqual({ label: 'Partner', value: 'Viettel Sơn La' });
		await setCompletion(db, viettelAccount, klass.id, { registrationId: reg.id, completed: false });
		expect((await refusal(verifyCertificate(db, done.certificateCode!))).code).toBe('NOT_FOUND');
		expect((await refusal(verifyCertificate(db, 'DROP TABLE'))).code).toBe('NOT_FOUND');
	});

	it('keeps what forum participants learned, for the report', async () => {
		freezeClock(NOW);
		const forum = await seedActivity(db, {
			campaignId: campaign.id,
			actor: coordinator,
			type: 'international_forum',
			title: 'Diễn đàn quốc tế về học tập suốt đời (UNESCO UIL)',
			externalUrl: 'https://www.uil.unesco.org/en/lifelong-learning-week',
			startsAt: at('2026-12-01T14:00')
		});
		expect((await refusal(recordForumParticipation(db, learner, forum.id, { note: 'Học được nhiều' }))).fields).toEqual({ note: 'activities_forum_not_started' });
		freezeClock(at('2026-12-01T15:00'));
		expect((await refusal(recordForumParticipation(db, learner, forum.id, { note: '  ' }))).fields).toEqual({ note: 'field_required' });
		await recordForumParticipation(db, learner, forum.id, { note: 'Mô hình thành phố học tập của UNESCO.' });
		await recordForumParticipation(db, learner, forum.id, { note: 'Mô hình thành phố học tập của UNESCO (GNLC).' });
		const facts = await listCampaignActivityFacts(db, [campaign.id]);
		expect(facts.forumNotes.filter((n) => n.activityId === forum.id)).toEqual([{ activityId: forum.id, name: 'Lò Thị Mai', note: 'Mô hình thành phố học tập của UNESCO (GNLC).' }]);
		expect(facts.activities.find((f) => f.id === forum.id)).toMatchObject({ online: 1 });
		expect((await refusal(recordForumParticipation(db, anonymousActor as Actor, forum.id, { note: 'x' }))).code).toBe('UNAUTHENTICATED');
	});
});
