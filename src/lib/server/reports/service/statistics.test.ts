import { afterEach, beforeAll, describe, it, expect } from 'vitest';
import { createTestDb } from '../../db/testing';
import { seedDemoOrganisations } from '../../demo/org-2021';
import { seedDemoCampaigns } from '../../demo/plan-2021';
import { seedDemoTasks } from '../../tasks/seed';
import { createActor, createOrgNode, createPerson } from '../../org/seed';
import { createCampaign } from '../../campaigns/seed';
import { createTask, reportProgress } from '../../tasks/seed';
import { createDocument } from '../../documents/seed';
import { listCampaignDocuments } from '../../documents/service';
import { systemActor } from '../../auth/actor';
import { freezeClock } from '../../core/clock';
import { createActivity, registerGuest, seedDemoActivities } from '../../activities/seed';
import { cancelActivity, checkInByTicket, joinByToken, recordForumParticipation, setCompletion } from '../../activities/service';
import { createPartner, createSponsorship, seedDemoPartners } from '../../partners/seed';
import { createAdminUnit, seedDemoLocalities } from '../../localities/seed';
import { computeCampaignStatistics } from '../service';

const db = await createTestDb();
const system = systemActor('test');
const orgs = await seedDemoOrganisations(db);
const { provinceCampaign, officeCampaign } = await seedDemoCampaigns(db, { provinceOrgId: orgs.province.id, officeOrgId: orgs.office.id });
const tasks = await seedDemoTasks(db, { campaignId: officeCampaign.id, units: orgs.units, people: orgs.people });
// The report is written after the Week: tasks stand as they did on 20 October 2021.
const at = new Date('2021-10-20T05:00:00Z');

describe('computeCampaignStatistics on the demo', () => {
	it('counts the tasks seeded for the Office, done, on time, late and overdue, by unit', async () => {
		const s = await computeCampaignStatistics(db, system, officeCampaign.id, { at });
		// Seeded: publicity done on 29/9 (due 30/9, on time); urging done 4/10 (due 1/10, late);
		// the report in progress and the study session not started, both overdue on 20/10; Tú's task overdue.
		expect(tasks).toHaveLength(5);
		expect(s.tasks).toMatchObject({ total: 5, done: 2, onTime: 1, late: 1, overdue: 3, pending: 0, inProgress: 1, notStarted: 2 });
		const unitOf = (code: string) => s.tasks.byUnit.find((r) => r.unitId === orgs.units[code].id);
		expect(unitOf('TTTT')).toMatchObject({ unitName: orgs.units.TTTT.name, total: 2, done: 1, onTime: 1, overdue: 1 });
		expect(unitOf('TCHCQT')).toMatchObject({ total: 1, done: 1, late: 1 });
		expect(unitOf('TH')).toMatchObject({ total: 1, overdue: 1 });
		expect(unitOf('KGVX')).toMatchObject({ total: 1, overdue: 1 });
		expect(s.tasks.byUnit.reduce((n, r) => n + r.total, 0)).toBe(5);
	});

	it('counts the people of the Office by unit, learner group and category as seeded', async () => {
		const s = await computeCampaignStatistics(db, system, officeCampaign.id, { at });
		const officePaths = new Set(Object.values(orgs.units).filter((u) => u.path.startsWith(orgs.office.path)).map((u) => u.id));
		const mine = orgs.people.filter((p) => officePaths.has(p.unitId));
		expect(mine.length).toBeGreaterThan(0);
		expect(s.people.total).toBe(mine.length);
		for (const row of s.people.byUnit) expect(row.count).toBe(mine.filter((p) => p.unitId === row.key).length);
		expect(s.people.byUnit.reduce((n, r) => n + r.count, 0)).toBe(mine.length);
		const groups = new Map<string, number>();
		for (const p of mine) for (const g of p.learnerGroups) groups.set(g, (groups.get(g) ?? 0) + 1);
		expect(Object.fromEntries(s.people.byLearnerGroup.map((r) => [r.key, r.count]))).toEqual(Object.fromEntries(groups));
		const categories = new Map<string, number>();
		for (const p of mine) categories.set(p.category, (categories.get(p.category) ?? 0) + 1);
		expect(Object.fromEntries(s.people.byCategory.map((r) => [r.key, r.count]))).toEqual(Object.fromEntries(categories));
		expect(s.people.units).toBe(Object.values(orgs.units).filter((u) => u.path.startsWith(orgs.office.path) && u.id !== orgs.office.id).length);
	});

	it('tells the plan, its issued documents and the child plans of the province', async () => {
		const office = await computeCampaignStatistics(db, system, officeCampaign.id, { at });
		expect(office.planning.reference).toBe(`${officeCampaign.number!.padStart(2, '0')}/${officeCampaign.symbol}`);
		expect(office.planning.documentsIssued).toBe((await listCampaignDocuments(db, system, officeCampaign.id)).filter((d) => d.status === 'issued').length);
		const province = await computeCampaignStatistics(db, system, provinceCampaign.id, { at });
		expect(province.planning.childPlans).toBe(1);
		expect(province.planning.childPlansByStatus).toEqual({ [officeCampaign.status]: 1 });
		expect(office.publicity).toEqual({ available: true, postsPublished: 0, channelEntries: 0, totalReach: 0, byChannel: [] });
		expect(office.recognition).toEqual({ available: false });
	});
});

describe('computeCampaignStatistics on a hand-made organisation', async () => {
	const root = await createOrgNode(db, { name: 'Sở Thử nghiệm' });
	const a = await createOrgNode(db, { parentId: root.id, name: 'Phòng A' });
	const b = await createOrgNode(db, { parentId: root.id, name: 'Phòng B' });
	await createPerson(db, { unitId: a.id, category: 'vien_chuc', learnerGroups: ['phu_nu', 'giao_vien'] });
	await createPerson(db, { unitId: a.id, category: 'cong_chuc', learnerGroups: ['phu_nu'] });
	await createPerson(db, { unitId: b.id, category: 'cong_chuc' });
	const campaign = await createCampaign(db, { orgId: root.id, status: 'running', documentDate: '2021-09-14' });
	const t1 = await createTask(db, { campaignId: campaign.id, unitId: a.id, dueOn: '2021-10-07' });
	await createTask(db, { campaignId: campaign.id, unitId: b.id, dueOn: '2021-10-07' });
	await createDocument(db, { orgId: root.id, campaignId: campaign.id, type: 'CV', unitCode: 'TH', summary: 'Về việc đôn đốc', notify: false });
	await createDocument(db, { orgId: root.id, campaignId: campaign.id, type: 'TB', summary: 'Thông báo', notify: false });

	it('counts exactly what was seeded', async () => {
		await reportProgress(db, t1.id, { status: 'done', note: 'Xong' });
		const s = await computeCampaignStatistics(db, system, campaign.id, { at: new Date('2021-10-01T00:00:00Z') });
		expect(s.people).toMatchObject({ units: 2, total: 3 });
		expect(s.people.byUnit.map((r) => [r.label, r.count])).toEqual([
			['Phòng A', 2],
			['Phòng B', 1]
		]);
		expect(s.people.byLearnerGroup.map((r) => [r.key, r.count])).toEqual([
			['giao_vien', 1],
			['phu_nu', 2]
		]);
		expect(s.people.byCategory.map((r) => [r.key, r.count])).toEqual([
			['cong_chuc', 2],
			['vien_chuc', 1]
		]);
		expect(s.tasks).toMatchObject({ total: 2, done: 1, notStarted: 1 });
		// The two seeded here, beside the plan itself (issued by the workflow); a cancelled one is not counted.
		const plans = (await listCampaignDocuments(db, system, campaign.id)).filter((d) => d.type === 'KH' && d.status === 'issued').length;
		expect(s.planning.documentsIssued).toBe(2 + plans);
		expect(s.planning.childPlans).toBe(0);
	});

	it('refuses staff of the node (FORBIDDEN) and an outsider a draft (NOT_FOUND)', async () => {
		const staff = await createActor(db, { role: 'staff', orgId: root.id });
		await expect(computeCampaignStatistics(db, staff, campaign.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		const draft = await createCampaign(db, { orgId: root.id });
		const outsider = await createActor(db, { role: 'coordinator', orgId: orgs.office.id });
		await expect(computeCampaignStatistics(db, outsider, draft.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		const supervisor = await createActor(db, { role: 'supervisor', orgId: root.id });
		await expect(computeCampaignStatistics(db, supervisor, campaign.id)).resolves.toMatchObject({ campaignId: campaign.id });
	});
});

// The demo's 2021 programme as it is published (activities/seed.ts seedDemoActivities), written
// out here so the figures are computed from the programme, not read back from the database.
const PROGRAMME = [
	{ type: 'opening_ceremony', mode: 'hybrid', day: '2021-10-01', guests: 24, onsite: 14, online: 8, completed: 0 },
	{ type: 'seminar', mode: 'online', day: '2021-10-02', guests: 18, onsite: 0, online: 15, completed: 0 },
	{ type: 'training_class', mode: 'in_person', day: '2021-10-04', guests: 16, onsite: 13, online: 0, completed: 12 },
	{ type: 'international_forum', mode: 'online', day: '2021-10-05', guests: 6, onsite: 0, online: 5, completed: 0 },
	{ type: 'reading_event', mode: 'in_person', day: '2021-10-06', guests: 20, onsite: 17, online: 0, completed: 0 }
];
// Registrants take these groups in turn, across the programme.
const DEMO_GROUPS = ['can_bo_cong_chuc_vien_chuc', 'nguoi_dan', 'hoc_sinh_sinh_vien', 'phu_nu', 'nguoi_lao_dong', 'nguoi_cao_tuoi'];

// Seeded after the tests above: the partners' own nodes join the Office's tree.
describe('computeCampaignStatistics on the demo with its activities and partners', () => {
	beforeAll(async () => {
		const viettel = await seedDemoPartners(db, { officeOrgId: orgs.office.id, campaignId: officeCampaign.id });
		const places = await seedDemoLocalities(db);
		await seedDemoActivities(db, { campaignId: officeCampaign.id, hostUnitId: orgs.units.TTTT.id, partnerId: viettel.id, placeCode: places[0].code, setClock: freezeClock });
	});

	it('counts the programme: activities by type and mode, registrations, attendance on site and online, participants by day and group', async () => {
		const { activities: a } = await computeCampaignStatistics(db, system, officeCampaign.id, { at });
		// Two classes and a seminar announced for the coming days are published too, without registrations yet.
		expect(a.total).toBe(PROGRAMME.length + 2);
		expect(a.byType.map((r) => [r.key, r.count])).toEqual([
			['opening_ceremony', 1],
			['seminar', 2],
			['training_class', 2],
			['reading_event', 1],
			['international_forum', 1]
		]);
		expect(a.byMode.map((r) => [r.label, r.count])).toEqual([
			['Trực tiếp', 3],
			['Trực tuyến', 3],
			['Kết hợp trực tiếp và trực tuyến', 1]
		]);
		const total = (k: 'guests' | 'onsite' | 'online' | 'completed') => PROGRAMME.reduce((s, p) => s + p[k], 0);
		expect(a.registered).toBe(total('guests'));
		expect(a.attendance).toEqual({ onsite: total('onsite'), online: total('online') });
		expect(a.participants).toBe(total('onsite') + total('online'));
		expect(a.training).toEqual({ classes: 2, registered: 16, completed: total('completed') });
		expect(a.withPartner).toBe(2);
		const perDay = new Map(PROGRAMME.map((p) => [p.day, p.onsite + p.online]));
		expect(a.byDay.map((r) => [r.label, r.count])).toEqual(
			['01', '02', '03', '04', '05', '06', '07'].map((d) => {
				const day = `2021-10-${d}`;
				const weekday = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'][new Date(`${day}T00:00:00Z`).getUTCDay()];
				return [`${weekday}, ${d}/10/2021`, perDay.get(day) ?? 0];
			})
		);
		const groups = new Map<string, number>();
		let n = 0;
		for (const p of PROGRAMME) {
			for (let i = 0; i < p.guests; i++, n++) if (i < p.onsite + p.online) groups.set(DEMO_GROUPS[n % DEMO_GROUPS.length], (groups.get(DEMO_GROUPS[n % DEMO_GROUPS.length]) ?? 0) + 1);
		}
		expect(Object.fromEntries(a.byLearnerGroup.map((r) => [r.key, r.count]))).toEqual(Object.fromEntries(groups));
		expect(a.byHostUnit).toEqual([{ unitId: orgs.units.TTTT.id, unitName: orgs.units.TTTT.name, activities: PROGRAMME.length + 2, registered: total('guests'), onsite: total('onsite'), online: total('online'), participants: a.participants }]);
		const forum = a.list.find((r) => r.type === 'international_forum')!;
		expect(forum).toMatchObject({ day: '2021-10-05', registered: 6, onsite: 0, online: 5, participants: 5, completed: null });
		expect(a.list.find((r) => r.type === 'training_class' && r.registered)).toMatchObject({ completed: 12, withPartner: true });
	});

	it('sums what the two partners gave, the most first', async () => {
		const { resources } = await computeCampaignStatistics(db, system, officeCampaign.id, { at });
		expect(resources).toMatchObject({ moneyVnd: 20_000_000, inKindVnd: 150_000_000, count: 2 });
		expect(resources.byPartner.map((p) => [p.name, p.moneyVnd, p.inKindVnd])).toEqual([
			['Viettel Sơn La', 0, 150_000_000],
			['Báo Sơn La', 20_000_000, 0]
		]);
	});
});

describe('activities and resources on a hand-made programme', async () => {
	afterEach(() => freezeClock());
	const vn = (iso: string) => new Date(`${iso}+07:00`);
	const root = await createOrgNode(db, { name: 'Sở Hoạt động', kind: 'agency' });
	const a = await createOrgNode(db, { parentId: root.id, name: 'Phòng Một' });
	const b = await createOrgNode(db, { parentId: root.id, name: 'Phòng Hai' });
	const place = await createAdminUnit(db);
	const campaign = await createCampaign(db, { orgId: root.id, status: 'running', documentDate: '2021-09-14' });
	const other = await createCampaign(db, { orgId: root.id, status: 'running', year: 2022 });
	const empty = await createCampaign(db, { orgId: root.id, status: 'running', year: 2023 });
	const partner = await createPartner(db, { orgId: root.id, name: 'Công ty Số Một' });
	const second = await createPartner(db, { orgId: root.id, name: 'Ngân hàng Hai' });
	await createSponsorship(db, { partnerId: partner.id, campaignId: campaign.id, kind: 'money', valueVnd: 20_000_000 });
	await createSponsorship(db, { partnerId: partner.id, campaignId: campaign.id, kind: 'in_kind', valueVnd: 5_000_000 });
	await createSponsorship(db, { partnerId: second.id, campaignId: campaign.id, kind: 'in_kind', valueVnd: 30_000_000 });
	await createSponsorship(db, { partnerId: second.id, campaignId: other.id, kind: 'money', valueVnd: 99_000_000 });
	const learner = await createActor(db, [], { name: 'Lò Thị Mai', email: 'mai.lo.bao-cao@example.vn' });

	freezeClock(vn('2021-09-20T09:00'));
	const online = { mode: 'online' as const, platform: 'zoom' as const, meetingUrl: 'https://zoom.us/j/81234567890' };
	const onsite = { adminUnitCode: place.code, venue: 'Hội trường Sở' };
	// A: online seminar of Phòng Một with a partner, capacity 2: the third registrant waits.
	const seminar = await createActivity(db, { campaignId: campaign.id, hostUnitId: a.id, partnerId: partner.id, ...online, startsAt: vn('2021-10-02T08:00'), capacity: '2' });
	const s1 = await registerGuest(db, seminar.id, { learnerGroup: 'phu_nu' });
	const s2 = await registerGuest(db, seminar.id, { learnerGroup: 'giao_vien' });
	const s3 = await registerGuest(db, seminar.id, { learnerGroup: 'phu_nu' });
	// B: hybrid opening of Phòng Hai: one checks in and also joins online, one only joins, one stays away.
	const opening = await createActivity(db, { campaignId: campaign.id, hostUnitId: b.id, type: 'opening_ceremony', mode: 'hybrid', platform: 'zoom', meetingUrl: 'https://zoom.us/j/81234567891', ...onsite, startsAt: vn('2021-10-03T08:00') });
	const o1 = await registerGuest(db, opening.id, { learnerGroup: 'nguoi_dan' });
	const o2 = await registerGuest(db, opening.id);
	await registerGuest(db, opening.id, { learnerGroup: 'nguoi_dan' });
	// C: a training class of Phòng Một: both attend, one completes.
	const training = await createActivity(db, { campaignId: campaign.id, hostUnitId: a.id, type: 'training_class', mode: 'in_person', ...onsite, startsAt: vn('2021-10-05T08:00') });
	const c1 = await registerGuest(db, training.id, { learnerGroup: 'nguoi_cao_tuoi' });
	const c2 = await registerGuest(db, training.id, { learnerGroup: 'nguoi_cao_tuoi' });
	// D: an international forum hosted by the Sở itself, where a learner writes what she learned.
	const forum = await createActivity(db, { campaignId: campaign.id, type: 'international_forum', ...online, externalUrl: 'https://www.uil.unesco.org/en', title: 'Diễn đàn UNESCO', startsAt: vn('2021-10-06T15:00') });
	// E: a seminar after the Week; F: one cancelled after people registered; G: a draft.
	const late = await createActivity(db, { campaignId: campaign.id, hostUnitId: b.id, ...online, startsAt: vn('2021-10-12T08:00') });
	const l1 = await registerGuest(db, late.id);
	const cancelled = await createActivity(db, { campaignId: campaign.id, hostUnitId: b.id, ...online, startsAt: vn('2021-10-04T08:00') });
	await registerGuest(db, cancelled.id);
	await cancelActivity(db, systemActor('test'), cancelled.id);
	await createActivity(db, { campaignId: campaign.id, hostUnitId: b.id, ...online, startsAt: vn('2021-10-04T08:00'), publish: false });
	// Another campaign's activity is that campaign's.
	await createActivity(db, { campaignId: other.id, ...online, startsAt: vn('2022-10-04T08:00') });

	const during = (x: { startsAt: Date }) => freezeClock(new Date(x.startsAt.getTime() + 10 * 60_000));
	during(seminar);
	await joinByToken(db, s1.token);
	await joinByToken(db, s2.token);
	expect((await joinByToken(db, s3.token)).open).toBe(false);
	during(opening);
	await checkInByTicket(db, systemActor('test'), opening.id, { code: o1.ticketCode });
	await joinByToken(db, o1.token);
	await joinByToken(db, o2.token);
	during(training);
	await checkInByTicket(db, systemActor('test'), training.id, { code: c1.ticketCode });
	await checkInByTicket(db, systemActor('test'), training.id, { code: c2.ticketCode });
	await setCompletion(db, systemActor('test'), training.id, { registrationId: c1.id, completed: true });
	during(forum);
	await recordForumParticipation(db, learner, forum.id, { note: 'Học được cách xây dựng thành phố học tập.' });
	during(late);
	await joinByToken(db, l1.token);
	freezeClock();

	it('counts only the published activities of the campaign, attendance on site and online apart, each participant once', async () => {
		const s = (await computeCampaignStatistics(db, system, campaign.id, { at })).activities;
		expect(s.total).toBe(5);
		expect(s.byType.map((r) => [r.key, r.count])).toEqual([
			['opening_ceremony', 1],
			['seminar', 2],
			['training_class', 1],
			['international_forum', 1]
		]);
		expect(s.byMode.map((r) => [r.key, r.count])).toEqual([
			['in_person', 1],
			['online', 3],
			['hybrid', 1]
		]);
		// Registered: 2 + 3 + 2 + 1 (the forum's learner) + 1; the seminar's third waits.
		expect(s).toMatchObject({ registered: 9, waitlisted: 1, withPartner: 1, participants: 8 });
		// On site: o1, c1, c2; online: s1, s2, o1, o2, the forum's learner, l1.
		expect(s.attendance).toEqual({ onsite: 3, online: 6 });
		expect(s.training).toEqual({ classes: 1, registered: 2, completed: 1 });
	});

	it('gives participants by day of the Week with the zero days, then the other days', async () => {
		const s = (await computeCampaignStatistics(db, system, campaign.id, { at })).activities;
		expect(s.byDay.map((r) => [r.key, r.count])).toEqual([
			['2021-10-01', 0],
			['2021-10-02', 2],
			['2021-10-03', 2],
			['2021-10-04', 0],
			['2021-10-05', 2],
			['2021-10-06', 1],
			['2021-10-07', 0],
			['other', 1]
		]);
		expect(s.byDay[0].label).toBe('Thứ Sáu, 01/10/2021');
		expect(s.byDay.at(-1)!.label).toBe('Ngày khác');
	});

	it('gives participants by host unit in tree order and by learner group, "not stated" last', async () => {
		const s = (await computeCampaignStatistics(db, system, campaign.id, { at })).activities;
		expect(s.byHostUnit.map((r) => [r.unitName, r.activities, r.registered, r.onsite, r.online, r.participants])).toEqual([
			['Sở Hoạt động', 1, 1, 0, 1, 1],
			['Phòng Một', 2, 4, 2, 2, 4],
			['Phòng Hai', 2, 4, 1, 3, 3]
		]);
		// In the order of the groups' list (org/types LEARNER_GROUPS), as the people block has it.
		expect(s.byLearnerGroup.map((r) => [r.label, r.count])).toEqual([
			['Giáo viên', 1],
			['Người dân', 1],
			['Phụ nữ', 1],
			['Người cao tuổi', 2],
			['Không khai báo', 3]
		]);
	});

	it('lists each activity, and the forum notes with their activity', async () => {
		const s = (await computeCampaignStatistics(db, system, campaign.id, { at })).activities;
		expect(s.list.map((r) => [r.day, r.typeLabel, r.hostUnitName, r.registered, r.waitlisted, r.onsite, r.online, r.participants, r.completed])).toEqual([
			['2021-10-02', 'Hội thảo, tọa đàm', 'Phòng Một', 2, 1, 0, 2, 2, null],
			['2021-10-03', 'Lễ khai mạc, phát động', 'Phòng Hai', 3, 0, 1, 2, 2, null],
			['2021-10-05', 'Lớp tập huấn, bồi dưỡng', 'Phòng Một', 2, 0, 2, 0, 2, 1],
			['2021-10-06', 'Diễn đàn quốc tế', 'Sở Hoạt động', 1, 0, 0, 1, 1, null],
			['2021-10-12', 'Hội thảo, tọa đàm', 'Phòng Hai', 1, 0, 0, 1, 1, null]
		]);
		expect(s.forumNotes).toEqual([{ activityId: forum.id, activityTitle: 'Diễn đàn UNESCO', name: 'Lò Thị Mai', note: 'Học được cách xây dựng thành phố học tập.' }]);
	});

	it('sums the sponsorships of the campaign by partner, not those of another campaign', async () => {
		const { resources } = await computeCampaignStatistics(db, system, campaign.id, { at });
		expect(resources).toEqual({
			available: true,
			moneyVnd: 20_000_000,
			inKindVnd: 35_000_000,
			count: 3,
			byPartner: [
				{ partnerId: second.id, name: 'Ngân hàng Hai', moneyVnd: 0, inKindVnd: 30_000_000 },
				{ partnerId: partner.id, name: 'Công ty Số Một', moneyVnd: 20_000_000, inKindVnd: 5_000_000 }
			]
		});
	});

	it('gives a campaign without activities or sponsorships zeros, every day of its Week at zero', async () => {
		const s = await computeCampaignStatistics(db, system, empty.id, { at });
		expect(s.activities).toMatchObject({ total: 0, registered: 0, participants: 0, attendance: { onsite: 0, online: 0 }, byType: [], byHostUnit: [], byLearnerGroup: [], forumNotes: [], list: [] });
		expect(s.activities.byMode.map((r) => r.count)).toEqual([0, 0, 0]);
		expect(s.activities.byDay.map((r) => [r.key, r.count])).toEqual(['01', '02', '03', '04', '05', '06', '07'].map((d) => [`2023-10-${d}`, 0]));
		expect(s.resources).toEqual({ available: true, moneyVnd: 0, inKindVnd: 0, count: 0, byPartner: [] });
	});

	it('refuses the activities figures to staff of the node (FORBIDDEN)', async () => {
		const staff = await createActor(db, { role: 'staff', orgId: root.id });
		await expect(computeCampaignStatistics(db, staff, campaign.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
	});
});
