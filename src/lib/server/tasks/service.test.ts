import { mkdtempSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, useTempFilesDir } from '../db/testing';
import { resetSettings } from '../core/env';
import { freezeClock } from '../core/clock';
import { sha256 } from '../core/ids';
import { systemActor } from '../auth/actor';
import { listAuditEntries } from '../audit/service';
import * as org from '../org/seed';
import { linkPersonToUser } from '../org/service';
import { createCampaign } from '../campaigns/seed';
import { listJobsByKeyPrefix } from '../jobs/service';
import { isDueLongAfterCampaign } from '$lib/features/tasks/format';
import { EVIDENCE_MAX_BYTES } from '$lib/features/tasks/types';
import { assignTask, createTask, getCampaignTasks, getTask, listMyTasks, readTaskEvidence, reportTaskProgress, updateTask } from './service';
import { createTask as seedTask, samplePdf } from './seed';

const db = await createTestDb();
const files = useTempFilesDir('task-files');
afterEach(() => freezeClock());

const storedFiles = () => (existsSync(join(files, 'task-evidence')) ? readdirSync(join(files, 'task-evidence'), { recursive: true }).filter((f) => String(f).includes('-')).length : 0);

const province = await org.createOrgNode(db, { kind: 'province', name: 'UBND tỉnh Sơn La', shortCode: 'UBND' });
const office = await org.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const tttt = await org.createOrgNode(db, { parentId: office.id, name: 'Trung tâm Thông tin', shortCode: 'TTTT' });
const th = await org.createOrgNode(db, { parentId: office.id, name: 'Phòng Tổng hợp', shortCode: 'TH' });
const education = await org.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Sở Giáo dục và Đào tạo', shortCode: 'SGDDT' });

const coordinator = await org.createActor(db, { role: 'coordinator', orgId: office.id }, { name: 'Điều phối', email: 'dieuphoi@sonla.gov.vn' });
const otherCoordinator = await org.createActor(db, { role: 'coordinator', orgId: education.id });
const supervisor = await org.createActor(db, { role: 'supervisor', orgId: province.id });
const ttttLeader = await org.createActor(db, { role: 'unit_leader', orgId: tttt.id }, { name: 'Ngô Xuân Trường', email: 'truongnx@sonla.gov.vn' });
const thLeader = await org.createActor(db, { role: 'unit_leader', orgId: th.id });
const ttttStaff = await org.createActor(db, { role: 'staff', orgId: tttt.id }, { name: 'Cán bộ TTTT' });
const thStaff = await org.createActor(db, { role: 'staff', orgId: th.id });
const tu = await org.createPerson(db, { unitId: tttt.id, familyName: 'Hoàng', middleName: 'Anh', givenName: 'Tú', email: 'tuha@sonla.gov.vn' });
const tuActor = await org.createActor(db, [], { name: 'Hoàng Anh Tú', email: 'tu.account@sonla.gov.vn' });
await linkPersonToUser(db, systemActor(), { personId: tu.id, userId: tuActor.userId! });
const phuong = await org.createPerson(db, { unitId: th.id, familyName: 'Lường', middleName: 'Thị', givenName: 'Phương' });

// The Office's 2021 plan, dated 14/09/2021, for the Week of 01–07/10/2021.
const campaign = await createCampaign(db, { orgId: office.id, year: 2021, documentDate: '2021-09-14', status: 'approved' });
const draft = await createCampaign(db, { orgId: office.id, year: 2022 });

const base = { title: 'Tuyên truyền Tuần lễ trên Cổng thông tin', description: 'Đăng tin, bài hưởng ứng.', dueOn: '30/09/2021', unitId: tttt.id };

describe('creating a task', () => {
	it('gives a task to a unit, schedules its reminders and writes the audit entry', async () => {
		freezeClock(new Date('2021-09-20T03:00:00Z'));
		const task = await createTask(db, coordinator, campaign.id, { ...base, evidenceRequired: 'on', evidenceNote: 'Ảnh chụp bài đăng' });
		expect(task).toMatchObject({ campaignId: campaign.id, orgId: office.id, unitId: tttt.id, personId: null, dueOn: '2021-09-30', status: 'not_started', percent: 0, evidenceRequired: true, evidenceNote: 'Ảnh chụp bài đăng' });
		const jobs = await listJobsByKeyPrefix(db, `task-reminder:${task.id}:`);
		// 3 and 1 days before, then 1, 8, 15, 22, 29 days after, at 08:00 in Vietnam.
		expect(jobs.map((j) => j.runAt.toISOString())).toEqual(
			['2021-09-27', '2021-09-29', '2021-10-01', '2021-10-08', '2021-10-15', '2021-10-22', '2021-10-29'].map((d) => `${d}T01:00:00.000Z`)
		);
		const audit = await listAuditEntries(db, systemActor(), { entity: 'task', entityId: task.id });
		expect(audit[0]).toMatchObject({ action: 'create', actorLabel: 'dieuphoi@sonla.gov.vn', after: { title: base.title, dueOn: '2021-09-30', unitId: tttt.id } });
	});

	it('gives a task to a person of a unit, under that person’s unit', async () => {
		const task = await createTask(db, coordinator, campaign.id, { ...base, unitId: undefined, personId: tu.id });
		expect(task).toMatchObject({ unitId: tttt.id, personId: tu.id });
	});

	it('refuses a due date before the plan’s date, and stores nothing', async () => {
		const before = (await getCampaignTasks(db, coordinator, campaign.id)).tasks.length;
		await expect(createTask(db, coordinator, campaign.id, { ...base, dueOn: '13/09/2021' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { dueOn: 'tasks_due_before_campaign' }, detail: { earliest: '2021-09-14' } });
		expect((await getCampaignTasks(db, coordinator, campaign.id)).tasks).toHaveLength(before);
		// The plan's own date is the first allowed, even before the Week starts.
		await expect(createTask(db, coordinator, campaign.id, { ...base, dueOn: '14/09/2021' })).resolves.toMatchObject({ dueOn: '2021-09-14' });
	});

	it('allows a due date long after the Week, which the page flags', async () => {
		const task = await createTask(db, coordinator, campaign.id, { ...base, dueOn: '31/12/2021' });
		expect(isDueLongAfterCampaign(campaign, task.dueOn)).toBe(true);
		expect(isDueLongAfterCampaign(campaign, '2021-12-06')).toBe(false);
	});

	it('refuses bad input with each field named', async () => {
		await expect(createTask(db, coordinator, campaign.id, { ...base, title: '  ', dueOn: '31/02/2021', unitId: undefined })).rejects.toMatchObject({
			code: 'VALIDATION',
			fields: { title: 'field_required', dueOn: 'field_invalid_date', assignee: 'field_required' }
		});
		await expect(createTask(db, coordinator, campaign.id, { ...base, unitId: education.id })).rejects.toMatchObject({ fields: { assignee: 'tasks_assignee_outside' } });
		await expect(createTask(db, coordinator, campaign.id, { ...base, unitId: 'no-such-unit' })).rejects.toMatchObject({ fields: { assignee: 'field_invalid' } });
		await expect(createTask(db, coordinator, campaign.id, { ...base, dutyIndex: 7 })).rejects.toMatchObject({ fields: { dutyIndex: 'field_invalid' } });
	});

	it('refuses a plan not yet approved, and every role but the campaign’s coordinators', async () => {
		await expect(createTask(db, coordinator, draft.id, base)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
		await expect(createTask(db, supervisor, campaign.id, base)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		// An approved plan is not public yet: the unit's people do not learn it exists.
		for (const actor of [ttttLeader, ttttStaff]) await expect(createTask(db, actor, campaign.id, base)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(createTask(db, otherCoordinator, draft.id, base)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(createTask(db, coordinator, 'no-such-campaign', base)).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});
});

describe('re-assigning within the unit', () => {
	it('lets the unit’s leader give the task to one of its people, who then reports on it instead of the staff', async () => {
		const task = await seedTask(db, { campaignId: campaign.id, unitId: tttt.id });
		const assigned = await assignTask(db, ttttLeader, task.id, { personId: tu.id });
		expect(assigned).toMatchObject({ unitId: tttt.id, personId: tu.id });
		await expect(reportTaskProgress(db, ttttStaff, task.id, { status: 'in_progress', percent: '10' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(reportTaskProgress(db, tuActor, task.id, { status: 'in_progress', percent: '10' })).resolves.toMatchObject({ task: { percent: 10 } });
		expect((await listMyTasks(db, tuActor)).mine.map((t) => t.id)).toContain(task.id);
		const audit = await listAuditEntries(db, systemActor(), { entity: 'task', entityId: task.id, action: 'assign' });
		expect(audit[0]).toMatchObject({ before: { personId: null }, after: { personId: tu.id } });
		// Back to the unit as a whole.
		expect(await assignTask(db, ttttLeader, task.id, { personId: '' })).toMatchObject({ personId: null });
	});

	it('refuses a person of another unit, staff, and other units’ leaders', async () => {
		const task = await seedTask(db, { campaignId: campaign.id, unitId: tttt.id });
		await expect(assignTask(db, ttttLeader, task.id, { personId: phuong.id })).rejects.toMatchObject({ code: 'VALIDATION', fields: { personId: 'tasks_assignee_outside_unit' } });
		await expect(assignTask(db, ttttStaff, task.id, { personId: tu.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(assignTask(db, thLeader, task.id, { personId: tu.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});
});

describe('reporting progress', () => {
	it('keeps the note, percent, status and evidence file, readable by the task’s readers', async () => {
		const task = await seedTask(db, { campaignId: campaign.id, unitId: tttt.id, evidenceRequired: true, evidenceNote: 'Ảnh chụp' });
		const pdf = samplePdf('Bài đăng số 1');
		const { progress, evidence } = await reportTaskProgress(db, ttttStaff, task.id, { status: 'in_progress', percent: '40%', note: 'Đã đăng  1 bài.\n\n' }, [{ name: 'C:\\Users\\canbo\\bài đăng.pdf', bytes: pdf }]);
		expect(progress).toMatchObject({ status: 'in_progress', percent: 40, note: 'Đã đăng 1 bài.', authorLabel: 'Cán bộ TTTT' });
		expect(evidence).toEqual([expect.objectContaining({ fileName: 'bài đăng.pdf', contentType: 'application/pdf', size: pdf.byteLength, sha256: sha256(pdf) })]);
		const file = await readTaskEvidence(db, coordinator, task.id, evidence[0].id);
		expect(sha256(file.bytes)).toBe(sha256(pdf));
		await expect(readTaskEvidence(db, thStaff, task.id, evidence[0].id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		const detail = await getTask(db, ttttStaff, task.id);
		expect(detail.task).toMatchObject({ status: 'in_progress', percent: 40 });
		expect(detail.evidence[0]).not.toHaveProperty('fileKey');
		expect(detail.can).toMatchObject({ report: true, assign: false, remind: false, edit: false, board: false });
	});

	it('refuses a file over the limit and stores nothing: no row, no file', async () => {
		const task = await seedTask(db, { campaignId: campaign.id, unitId: tttt.id });
		const before = storedFiles();
		const big = new Uint8Array(EVIDENCE_MAX_BYTES + 1);
		big.set(samplePdf());
		await expect(reportTaskProgress(db, ttttStaff, task.id, { status: 'in_progress', percent: '20' }, [{ name: 'scan.pdf', bytes: samplePdf() }, { name: 'quá lớn.pdf', bytes: big }])).rejects.toMatchObject({
			code: 'TOO_LARGE',
			fields: { files: 'tasks_file_too_large' },
			detail: { fileName: 'quá lớn.pdf', maxBytes: EVIDENCE_MAX_BYTES }
		});
		const detail = await getTask(db, ttttStaff, task.id);
		expect(detail.progress).toEqual([]);
		expect(detail.evidence).toEqual([]);
		expect(detail.task).toMatchObject({ status: 'not_started', percent: 0 });
		expect(storedFiles()).toBe(before);
	});

	it('refuses a file of a forbidden kind, whatever its name, and stores nothing', async () => {
		const task = await seedTask(db, { campaignId: campaign.id, unitId: tttt.id });
		const before = storedFiles();
		const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
		const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]);
		for (const bad of [{ name: 'minh-chung.pdf', bytes: exe }, { name: 'tai-lieu.zip', bytes: zip }, { name: 'ghi-chu.txt', bytes: new TextEncoder().encode('chỉ là chữ') }]) {
			await expect(reportTaskProgress(db, ttttStaff, task.id, { status: 'in_progress', percent: '20' }, [{ name: 'anh.pdf', bytes: samplePdf() }, bad])).rejects.toMatchObject({
				code: 'UNSUPPORTED_TYPE',
				fields: { files: 'tasks_file_type' },
				detail: { fileName: bad.name }
			});
		}
		expect((await getTask(db, ttttStaff, task.id)).progress).toEqual([]);
		expect(storedFiles()).toBe(before);
	});

	it('refuses done without evidence when evidence is required, and accepts it once a file was posted', async () => {
		const task = await seedTask(db, { campaignId: campaign.id, unitId: tttt.id, evidenceRequired: true });
		await expect(reportTaskProgress(db, ttttStaff, task.id, { status: 'done' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { files: 'tasks_evidence_required' } });
		await reportTaskProgress(db, ttttStaff, task.id, { status: 'in_progress', percent: '90' }, [{ name: 'anh.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]) }]);
		await expect(reportTaskProgress(db, ttttStaff, task.id, { status: 'done' })).resolves.toMatchObject({ task: { status: 'done', percent: 100 } });
		// A task without the requirement is done without files.
		const plain = await seedTask(db, { campaignId: campaign.id, unitId: tttt.id });
		await expect(reportTaskProgress(db, ttttStaff, plain.id, { status: 'done' })).resolves.toMatchObject({ task: { status: 'done' } });
	});

	it('refuses inconsistent percentages and roles that are not assignees', async () => {
		const task = await seedTask(db, { campaignId: campaign.id, unitId: tttt.id });
		await expect(reportTaskProgress(db, ttttStaff, task.id, { status: 'done', percent: '80' })).rejects.toMatchObject({ fields: { percent: 'tasks_percent_done' } });
		await expect(reportTaskProgress(db, ttttStaff, task.id, { status: 'in_progress', percent: '101' })).rejects.toMatchObject({ fields: { percent: 'tasks_percent_invalid' } });
		await expect(reportTaskProgress(db, ttttStaff, task.id, { status: 'in_progress', percent: '100' })).rejects.toMatchObject({ fields: { percent: 'tasks_percent_in_progress' } });
		await expect(reportTaskProgress(db, ttttStaff, task.id, { status: 'finished' as never })).rejects.toMatchObject({ fields: { status: 'field_required' } });
		await expect(reportTaskProgress(db, coordinator, task.id, { status: 'in_progress' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(reportTaskProgress(db, supervisor, task.id, { status: 'in_progress' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(reportTaskProgress(db, thStaff, task.id, { status: 'in_progress' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it('keeps the first done date, and clears it when the task is reopened', async () => {
		const task = await seedTask(db, { campaignId: campaign.id, unitId: tttt.id });
		freezeClock(new Date('2021-10-06T02:00:00Z'));
		await reportTaskProgress(db, ttttStaff, task.id, { status: 'done' });
		freezeClock(new Date('2021-10-09T02:00:00Z'));
		expect((await reportTaskProgress(db, ttttLeader, task.id, { status: 'done', note: 'Bổ sung.' })).task.doneAt).toEqual(new Date('2021-10-06T02:00:00Z'));
		expect((await reportTaskProgress(db, ttttLeader, task.id, { status: 'in_progress' })).task).toMatchObject({ doneAt: null, percent: 99 });
	});
});

describe('the follow-up board', () => {
	it('counts by unit on Vietnam’s calendar: on time up to the end of the due date, late after, overdue when not done', async () => {
		const board = await createCampaign(db, { orgId: office.id, year: 2023, documentDate: '2023-09-01', status: 'approved' });
		const due = '2023-10-07';
		const onTime = await seedTask(db, { campaignId: board.id, unitId: tttt.id, dueOn: due, title: 'Đúng hạn' });
		const late = await seedTask(db, { campaignId: board.id, unitId: tttt.id, dueOn: due, title: 'Trễ hạn' });
		const overdue = await seedTask(db, { campaignId: board.id, unitId: th.id, dueOn: due, title: 'Quá hạn' });
		const running = await seedTask(db, { campaignId: board.id, unitId: th.id, dueOn: '2023-10-20', title: 'Chưa đến hạn' });
		await reportTaskProgress(db, thStaff, running.id, { status: 'in_progress', percent: '30' });
		// 23:30 on 07/10 in Vietnam is still the due date; 00:30 on 08/10 is not.
		freezeClock(new Date('2023-10-07T16:30:00Z'));
		await reportTaskProgress(db, ttttStaff, onTime.id, { status: 'done' });
		freezeClock(new Date('2023-10-07T17:30:00Z'));
		await reportTaskProgress(db, ttttStaff, late.id, { status: 'done' });
		freezeClock(new Date('2023-10-10T02:00:00Z'));

		const result = await getCampaignTasks(db, coordinator, board.id);
		expect(result.board.rows.map((r) => [r.unitName, r.total, r.done, r.onTime, r.late, r.notStarted, r.inProgress, r.overdue])).toEqual([
			['Trung tâm Thông tin', 2, 2, 1, 1, 0, 0, 0],
			['Phòng Tổng hợp', 2, 0, 0, 1, 1, 1, 1]
		]);
		expect(result.board.totals).toEqual({ total: 4, done: 2, onTime: 1, late: 2, notStarted: 1, inProgress: 1, overdue: 1 });
		expect(result.board.overdue.map((t) => [t.id, t.daysLate])).toEqual([[overdue.id, 3]]);
		expect(result.tasks.find((t) => t.id === late.id)).toMatchObject({ timeliness: 'late', daysLate: 1 });
		expect(result.can).toEqual({ create: true, remind: true });

		expect((await getCampaignTasks(db, supervisor, board.id)).can).toEqual({ create: false, remind: false });
		await expect(getCampaignTasks(db, ttttStaff, board.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(getCampaignTasks(db, otherCoordinator, board.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});
});

describe('my tasks', () => {
	it('lists the tasks of the units one works in and those given to oneself, not other units’', async () => {
		const mine = await listMyTasks(db, ttttStaff);
		expect(mine.units.length).toBeGreaterThan(0);
		expect(mine.units.every((t) => t.unitId === tttt.id)).toBe(true);
		expect((await listMyTasks(db, thStaff)).units.every((t) => t.unitId === th.id)).toBe(true);
		await expect(listMyTasks(db, { kind: 'anonymous', grants: [] })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
	});
});

describe('editing a task', () => {
	it('moves the due date with new reminders, and refuses a stale edit', async () => {
		freezeClock(new Date('2021-09-20T03:00:00Z'));
		const task = await seedTask(db, { campaignId: campaign.id, unitId: tttt.id, dueOn: '2021-10-05' });
		const updated = await updateTask(db, coordinator, task.id, { ...base, dueOn: '10/10/2021' }, { expectedVersion: task.version });
		expect(updated).toMatchObject({ dueOn: '2021-10-10', version: task.version + 1 });
		expect((await listJobsByKeyPrefix(db, `task-reminder:${task.id}:2021-10-10:`)).length).toBe(7);
		await expect(updateTask(db, coordinator, task.id, base, { expectedVersion: task.version })).rejects.toMatchObject({ code: 'STALE' });
		await expect(updateTask(db, ttttLeader, task.id, base)).rejects.toMatchObject({ code: 'FORBIDDEN' });
	});
});
