import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { createTestDb } from '../../db/testing';
import { resetSettings } from '../../core/env';
import { freezeClock } from '../../core/clock';
import { systemActor } from '../../auth/actor';
import { listAuditEntries } from '../../audit/service';
import { listOutbox } from '../../notifications/service';
import { listJobsByKeyPrefix, runDueJobs } from '../../jobs/service';
import * as org from '../../org/seed';
import { createCampaign } from '../../campaigns/seed';
import { getTask, remindTask, reportTaskProgress, taskJobHandlers, updateTask } from '../service';
import { createTask } from '../seed';

const db = await createTestDb();

// A real SMTP server on loopback receives what the reminders send.
const received: Array<{ to: string[]; raw: string }> = [];
const smtp = new SMTPServer({
	authOptional: true,
	disabledCommands: ['STARTTLS'],
	onData(stream, session, callback) {
		let raw = '';
		stream.on('data', (c) => (raw += c.toString()));
		stream.on('end', () => {
			received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
			callback();
		});
	}
});
let smtpUrl = '';
beforeAll(async () => {
	await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
	smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
	process.env.ORIGIN = 'https://learnweek.sonla.gov.vn';
});
beforeEach(() => {
	process.env.SMTP_URL = smtpUrl;
	resetSettings();
});
afterEach(() => freezeClock());
afterAll(async () => {
	delete process.env.SMTP_URL;
	delete process.env.ORIGIN;
	resetSettings();
	await new Promise<void>((r) => smtp.close(() => r()));
});

const system = systemActor('test');
const province = await org.createOrgNode(db, { kind: 'province', name: 'UBND tỉnh Sơn La', shortCode: 'UBND' });
const office = await org.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const tttt = await org.createOrgNode(db, { parentId: office.id, name: 'Trung tâm Thông tin', shortCode: 'TTTT' });
const th = await org.createOrgNode(db, { parentId: office.id, name: 'Phòng Tổng hợp', shortCode: 'TH' });
const coordinator = await org.createActor(db, { role: 'coordinator', orgId: office.id }, { name: 'Cầm Thị Ngọc', email: 'dieuphoi@sonla.gov.vn' });
const officeLeader = await org.createActor(db, { role: 'unit_leader', orgId: office.id }, { name: 'Lê Thị Hồng Anh', email: 'lanhdao@sonla.gov.vn' });
const ttttLeader = await org.createActor(db, { role: 'unit_leader', orgId: tttt.id }, { name: 'Ngô Xuân Trường', email: 'truongnx@sonla.gov.vn' });
const ttttStaff = await org.createActor(db, { role: 'staff', orgId: tttt.id });
const supervisor = await org.createActor(db, { role: 'supervisor', orgId: province.id });
const tu = await org.createPerson(db, { unitId: tttt.id, familyName: 'Hoàng', middleName: 'Anh', givenName: 'Tú', email: 'tuha@sonla.gov.vn' });
const campaign = await createCampaign(db, { orgId: office.id, year: 2021, documentDate: '2021-09-14', status: 'approved' });

/** Mails (as kept in the outbox table, in clear text) sent to `to` whose subject contains `title`. */
async function mailsTo(to: string, title: string) {
	return (await listOutbox(db, system, 500)).filter((m) => m.to === to && m.subject.includes(title));
}

/** Two workers (two app processes) polling at the same time. */
async function runWorkers() {
	return Promise.all([runDueJobs(db, taskJobHandlers, { workerId: 'app-1' }), runDueJobs(db, taskJobHandlers, { workerId: 'app-2' })]);
}

describe('scheduled reminders', () => {
	it('mails the unit’s leaders 3 days before the due date, once, with two workers running', async () => {
		freezeClock(new Date('2021-09-20T03:00:00Z'));
		const task = await createTask(db, { campaignId: campaign.id, unitId: tttt.id, title: 'Tuyên truyền trên Cổng thông tin', dueOn: '2021-10-07', evidenceRequired: true, evidenceNote: 'Ảnh chụp bài đăng' });
		await runWorkers();
		expect(await mailsTo('truongnx@sonla.gov.vn', 'Tuyên truyền trên Cổng thông tin')).toEqual([]);

		// 08:00 in Vietnam on 04/10.
		freezeClock(new Date('2021-10-04T01:00:00Z'));
		const before = received.length;
		await runWorkers();
		await runWorkers();
		const mails = await mailsTo('truongnx@sonla.gov.vn', 'Tuyên truyền trên Cổng thông tin');
		expect(mails).toHaveLength(1);
		expect(mails[0]).toMatchObject({ subject: 'Nhắc việc: Tuyên truyền trên Cổng thông tin — hạn 07/10/2021', transport: 'smtp' });
		expect(mails[0].sentAt).not.toBeNull();
		expect(mails[0].text).toContain('Kính gửi: Lãnh đạo Trung tâm Thông tin,');
		expect(mails[0].text).toContain('Hạn hoàn thành: 07/10/2021 (còn 3 ngày)');
		expect(mails[0].text).toContain('Minh chứng yêu cầu: Ảnh chụp bài đăng');
		expect(mails[0].text).toContain(`https://learnweek.sonla.gov.vn/tasks/${task.id}`);
		// It reached the SMTP server, addressed to the leader of the unit only (not the Office's leader above).
		expect(received.slice(before).map((r) => r.to)).toEqual([['truongnx@sonla.gov.vn']]);

		const detail = await getTask(db, coordinator, task.id);
		expect(detail.reminders).toEqual([expect.objectContaining({ kind: 'automatic', offsetDays: -3, recipients: ['truongnx@sonla.gov.vn'], sentByLabel: 'jobs' })]);
		expect(await listAuditEntries(db, system, { entity: 'task', entityId: task.id, action: 'remind' })).toHaveLength(1);
	});

	it('sends nothing once the task is done, and still marks its jobs done', async () => {
		freezeClock(new Date('2021-09-20T03:00:00Z'));
		const task = await createTask(db, { campaignId: campaign.id, unitId: tttt.id, title: 'Nhiệm vụ đã xong sớm', dueOn: '2021-10-07' });
		await reportTaskProgress(db, ttttStaff, task.id, { status: 'done' });
		for (const day of ['2021-10-04', '2021-10-06', '2021-10-08', '2021-10-15']) {
			freezeClock(new Date(`${day}T01:00:00Z`));
			await runWorkers();
		}
		expect(await mailsTo('truongnx@sonla.gov.vn', 'Nhiệm vụ đã xong sớm')).toEqual([]);
		const jobs = await listJobsByKeyPrefix(db, `task-reminder:${task.id}:`);
		expect(jobs.filter((j) => j.doneAt).map((j) => j.payload.offsetDays)).toEqual([-3, -1, 1, 8]);
		expect((await getTask(db, coordinator, task.id)).reminders).toEqual([]);
	});

	it('folds reminders whose time has passed into one overdue mail, sent at once, to the person given the task', async () => {
		freezeClock(new Date('2021-10-10T02:00:00Z'));
		const task = await createTask(db, { campaignId: campaign.id, personId: tu.id, title: 'Đăng tải tài liệu số', dueOn: '2021-10-07' });
		const jobs = await listJobsByKeyPrefix(db, `task-reminder:${task.id}:`);
		expect(jobs.map((j) => [j.payload.offsetDays, j.runAt.toISOString()])).toEqual([
			[1, '2021-10-10T02:00:00.000Z'],
			[8, '2021-10-15T01:00:00.000Z'],
			[15, '2021-10-22T01:00:00.000Z'],
			[22, '2021-10-29T01:00:00.000Z'],
			[29, '2021-11-05T01:00:00.000Z']
		]);
		await runWorkers();
		const mails = await mailsTo('tuha@sonla.gov.vn', 'Đăng tải tài liệu số');
		expect(mails.map((m) => m.subject)).toEqual(['Quá hạn: Đăng tải tài liệu số — hạn 07/10/2021']);
		expect(mails[0].text).toContain('Kính gửi: Hoàng Anh Tú,');
		expect(mails[0].text).toContain('(đã quá hạn 3 ngày)');
		expect(mails[0].text).toContain('Đơn vị, người thực hiện: Trung tâm Thông tin — Hoàng Anh Tú');
	});

	it('writes to the nearest leaders above a unit that has none', async () => {
		freezeClock(new Date('2021-10-09T01:00:00Z'));
		await createTask(db, { campaignId: campaign.id, unitId: th.id, title: 'Báo cáo kết quả Tuần lễ', dueOn: '2021-10-08' });
		await runWorkers();
		expect((await mailsTo('lanhdao@sonla.gov.vn', 'Báo cáo kết quả Tuần lễ')).map((m) => m.subject)).toEqual(['Quá hạn: Báo cáo kết quả Tuần lễ — hạn 08/10/2021']);
	});

	it('skips the reminders of a due date the task no longer has', async () => {
		freezeClock(new Date('2021-09-20T03:00:00Z'));
		const task = await createTask(db, { campaignId: campaign.id, unitId: tttt.id, title: 'Hạn được lùi', dueOn: '2021-10-03' });
		await updateTask(db, coordinator, task.id, { title: 'Hạn được lùi', dueOn: '2021-10-20', unitId: tttt.id });
		freezeClock(new Date('2021-10-04T01:00:00Z'));
		await runWorkers();
		expect(await mailsTo('truongnx@sonla.gov.vn', 'Hạn được lùi')).toEqual([]);
		freezeClock(new Date('2021-10-17T01:00:00Z'));
		await runWorkers();
		expect((await mailsTo('truongnx@sonla.gov.vn', 'Hạn được lùi')).map((m) => m.subject)).toEqual(['Nhắc việc: Hạn được lùi — hạn 20/10/2021']);
	});

	it('retries when the SMTP server cannot be reached, and logs the reminder once it is delivered', async () => {
		freezeClock(new Date('2021-10-02T01:00:00Z'));
		const task = await createTask(db, { campaignId: campaign.id, unitId: tttt.id, title: 'Thư gửi lại', dueOn: '2021-10-05' });
		process.env.SMTP_URL = 'smtp://127.0.0.1:1';
		resetSettings();
		const [a, b] = await runWorkers();
		expect(a.retried + b.retried).toBe(1);
		expect((await getTask(db, coordinator, task.id)).reminders).toEqual([]);
		const [job] = await listJobsByKeyPrefix(db, `task-reminder:${task.id}:2021-10-05:-3`);
		expect(job.lastError).toMatch(/could be delivered/);

		process.env.SMTP_URL = smtpUrl;
		resetSettings();
		freezeClock(new Date(job.runAt.getTime()));
		await runWorkers();
		expect((await getTask(db, coordinator, task.id)).reminders).toHaveLength(1);
		expect((await mailsTo('truongnx@sonla.gov.vn', 'Thư gửi lại')).filter((m) => m.sentAt)).toHaveLength(1);
	});
});

describe('đôn đốc (manual reminder)', () => {
	it('lets the coordinator urge an overdue task now, and logs who, when and to whom', async () => {
		freezeClock(new Date('2021-10-12T03:00:00Z'));
		const task = await createTask(db, { campaignId: campaign.id, unitId: tttt.id, title: 'Sinh hoạt chuyên đề', dueOn: '2021-10-07' });
		const row = await remindTask(db, coordinator, task.id);
		expect(row).toMatchObject({ kind: 'manual', sentByUserId: coordinator.userId, sentByLabel: 'Cầm Thị Ngọc', recipients: ['truongnx@sonla.gov.vn'], sentAt: new Date('2021-10-12T03:00:00Z') });
		const mails = await mailsTo('truongnx@sonla.gov.vn', 'Sinh hoạt chuyên đề');
		const manual = mails.find((m) => m.subject.startsWith('Đôn đốc'));
		expect(manual?.subject).toBe('Đôn đốc: Sinh hoạt chuyên đề — hạn 07/10/2021');
		expect(manual?.text).toContain('Cầm Thị Ngọc (dieuphoi@sonla.gov.vn) đề nghị khẩn trương thực hiện');
		expect((await getTask(db, officeLeader, task.id)).reminders.find((r) => r.kind === 'manual')).toMatchObject({ id: row.id });
		const audit = await listAuditEntries(db, system, { entity: 'task', entityId: task.id, action: 'remind' });
		expect(audit.find((e) => (e.after as { kind: string }).kind === 'manual')).toMatchObject({ actorLabel: 'dieuphoi@sonla.gov.vn' });
		// A unit leader urges too.
		await expect(remindTask(db, ttttLeader, task.id)).resolves.toMatchObject({ kind: 'manual' });
	});

	it('refuses staff, supervisors, a done task, and a unit with no one to write to', async () => {
		const task = await createTask(db, { campaignId: campaign.id, unitId: tttt.id, dueOn: '2021-10-07' });
		await expect(remindTask(db, ttttStaff, task.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(remindTask(db, supervisor, task.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await reportTaskProgress(db, ttttStaff, task.id, { status: 'done' });
		await expect(remindTask(db, coordinator, task.id)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });

		const lonely = await org.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Sở Tư pháp', shortCode: 'STP' });
		const lonelyCoordinator = await org.createActor(db, { role: 'coordinator', orgId: lonely.id });
		const lonelyCampaign = await createCampaign(db, { orgId: lonely.id, year: 2021, documentDate: '2021-09-20', status: 'approved' });
		const orphan = await createTask(db, { campaignId: lonelyCampaign.id, unitId: lonely.id, dueOn: '2021-10-07' });
		await expect(remindTask(db, lonelyCoordinator, orphan.id)).rejects.toMatchObject({ code: 'VALIDATION', fields: { _: 'tasks_no_recipient' } });
		expect((await getTask(db, lonelyCoordinator, orphan.id)).reminders).toEqual([]);
	});
});
