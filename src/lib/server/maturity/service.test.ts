// The maturity use cases on a real database: the whole flow from a draft to the leaderboard,
// automatic criteria against the seeded records, who may not read or change what, a frozen
// version, and bad input refused.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, useTempFilesDir } from '../db/testing';
import { freezeClock } from '../core/clock';
import { AppError } from '../core/errors';
import type { Actor } from '../auth/actor';
import * as org from '../org/seed';
import { linkPersonToUser } from '../org/service';
import { createCampaign } from '../campaigns/seed';
import { createTask, reportProgress } from '../tasks/seed';
import { createActivity } from '../activities/seed';
import { createResource } from '../library/seed';
import { createAdminUnit } from '../localities/seed';
import { recordLearning } from '../library/service';
import { listAuditEntries } from '../audit/service';
import {
	addEvidence,
	copyTemplate,
	getFramework,
	getLeaderboard,
	getRound,
	listMyAssessments,
	openAssessment,
	publishRound,
	readEvidenceFile,
	returnAssessment,
	reviewCriterion,
	saveAnswer,
	saveFrameworkDefinition,
	submitAssessment,
	updateFrameworkVersion,
	verifyAssessment,
	enrolUnits,
	acceptRemainingCriteria
} from './service';
import { createFramework, createRound, fillAssessment, listRoundAssessments, reviewAll, samplePdf } from './seed';
import { maturityFiguresOfCampaign, exportLeaderboardXlsx } from './export';
import ExcelJS from 'exceljs';

const db = await createTestDb();
useTempFilesDir('maturity');
afterEach(() => freezeClock());

const office = await org.createOrgNode(db, { kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const unitA = await org.createOrgNode(db, { parentId: office.id, name: 'Trung tâm Thông tin', shortCode: 'TTTT' });
const subA = await org.createOrgNode(db, { parentId: unitA.id, name: 'Tổ Cổng thông tin', shortCode: 'TCTT' });
const unitB = await org.createOrgNode(db, { parentId: office.id, name: 'Phòng Tổng hợp', shortCode: 'TH' });
const elsewhere = await org.createOrgNode(db, { kind: 'agency', name: 'Sở Tài chính', shortCode: 'STC' });
const campaign = await createCampaign(db, { orgId: office.id, year: 2026, status: 'issued' });

const coordinator = await org.createActor(db, { role: 'coordinator', orgId: office.id });
const leaderA = await org.createActor(db, { role: 'unit_leader', orgId: unitA.id });
const leaderB = await org.createActor(db, { role: 'unit_leader', orgId: unitB.id });
const staffB = await org.createActor(db, { role: 'staff', orgId: unitB.id });
const strangerCoordinator = await org.createActor(db, { role: 'coordinator', orgId: elsewhere.id });

const framework = await createFramework(db, { orgId: office.id, actor: coordinator });
const round = await createRound(db, { campaignId: campaign.id, frameworkId: framework.id, unitIds: [unitA.id, unitB.id], actor: coordinator, title: 'Đánh giá năm 2026' });
const ids = await listRoundAssessments(db, coordinator, round.id);
const aId = ids.get(unitA.id)!;
const bId = ids.get(unitB.id)!;

async function refusal(p: Promise<unknown>): Promise<AppError> {
	try {
		await p;
	} catch (e) {
		if (e instanceof AppError) return e;
		throw e;
	}
	throw new Error('expected a refusal');
}

describe('a unit’s assessment from draft to the leaderboard', () => {

	it('is filled with evidence, submitted, returned on one criterion, resubmitted, verified and published', async () => {
		await fillAssessment(db, aId, { share: 0.8, actor: leaderA });
		const file = await addEvidence(db, leaderA, aId, 'at_dien_tap', { name: 'giay-chung-nhan.pdf', bytes: samplePdf('Diễn tập') });
		const view = await openAssessment(db, leaderA, aId);
		expect(view.can).toMatchObject({ edit: true, submit: true, review: false });
		expect(view.self.total).toBeGreaterThan(0);
		const submitted = await submitAssessment(db, leaderA, aId);
		expect(submitted.status).toBe('submitted');

		// The coordinator returns one criterion for more evidence and accepts the rest.
		await reviewCriterion(db, coordinator, aId, { criterionKey: 'tc_kh', decision: 'returned', reason: 'Thiếu bản scan kế hoạch có chữ ký.' });
		await reviewCriterion(db, coordinator, aId, { criterionKey: 'hd_van_ban', decision: 'adjusted', value: '50', reason: 'Theo hệ thống quản lý văn bản: 50%.' });
		expect((await refusal(verifyAssessment(db, coordinator, aId))).fields).toEqual({ _: 'maturity_verify_returned' });
		expect((await returnAssessment(db, coordinator, aId)).status).toBe('returned');

		// Only the returned criterion is open to the unit now.
		const back = await openAssessment(db, leaderA, aId);
		expect(back.editableKeys).toEqual(['tc_kh']);
		expect((await refusal(saveAnswer(db, leaderA, aId, { criterionKey: 'nt_bcd', value: '0' }))).fields).toEqual({ _: 'maturity_criterion_locked' });
		await addEvidence(db, leaderA, aId, 'tc_kh', { name: 'ke-hoach-ky.pdf', bytes: samplePdf('Kế hoạch') });
		expect((await submitAssessment(db, leaderA, aId)).status).toBe('resubmitted');

		await reviewCriterion(db, coordinator, aId, { criterionKey: 'tc_kh', decision: 'accepted' });
		await acceptRemainingCriteria(db, coordinator, aId);
		const verified = await verifyAssessment(db, coordinator, aId);
		expect(verified.status).toBe('verified');

		// Before publication the leaderboard is the coordinator's preview only.
		expect((await refusal(getLeaderboard(db, leaderA, round.id))).code).toBe('NOT_FOUND');
		expect((await getLeaderboard(db, coordinator, round.id)).preview).toBe(true);
		await publishRound(db, coordinator, round.id);
		const board = await getLeaderboard(db, { kind: 'anonymous', grants: [] }, round.id);
		expect(board.preview).toBe(false);
		expect(board.rows).toHaveLength(1);
		const row = board.rows[0];
		expect(row).toMatchObject({ unitName: 'Trung tâm Thông tin', rank: 1 });
		expect(row.result.total).toBe(verified.verifiedTotal);
		expect(row.result.level).toBe(verified.verifiedLevel);
		// The adjusted criterion counts at the coordinator's value: 50 % of 80 points.
		const history = (await openAssessment(db, coordinator, aId)).history.filter((h) => h.criterionKey === 'hd_van_ban');
		expect(history.map((h) => [h.kind, h.toScore])).toEqual([
			['self', 64],
			['review', 40]
		]);
		expect((await readEvidenceFile(db, coordinator, aId, file.id)).bytes.subarray(0, 5).toString()).toBe('%PDF-');
		const audit = await listAuditEntries(db, { kind: 'system', grants: [] }, { entityId: aId });
		expect(audit.map((e) => e.action).sort()).toEqual(['resubmit', 'return', 'submit', 'verify'].sort());
	});

	it('exports the leaderboard as XLSX and gives the report its figures', async () => {
		const { xlsx } = await exportLeaderboardXlsx(db, { kind: 'anonymous', grants: [] }, round.id);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
		const ws = wb.worksheets[0];
		expect(ws.getRow(5).getCell(2).value).toBe('Trung tâm Thông tin');
		const figures = await maturityFiguresOfCampaign(db, campaign.id);
		expect(figures.rounds[0]).toMatchObject({ enrolled: 2, submitted: 1, verified: 1, published: true });
	});
});

describe('refusals', () => {
	it('keeps a unit’s draft and evidence from another unit’s leader and staff, and from another organisation', async () => {
		await saveAnswer(db, leaderB, bId, { criterionKey: 'nt_bcd', value: '1', docNumber: '01/QĐ-TH', docDate: '02/01/2026', docSummary: 'Thành lập Tổ công tác' });
		const ev = await addEvidence(db, leaderB, bId, 'ht_phong_hop', { name: 'phong-hop.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) });
		for (const actor of [leaderA, strangerCoordinator, { kind: 'anonymous', grants: [] } as Actor]) {
			expect((await refusal(openAssessment(db, actor, bId))).code).toBe('NOT_FOUND');
			expect((await refusal(readEvidenceFile(db, actor, bId, ev.id))).code).toBe('NOT_FOUND');
			expect((await refusal(saveAnswer(db, actor, bId, { criterionKey: 'nt_bcd', value: '0' }))).code).toBe('NOT_FOUND');
		}
		// Another assessment's id does not open this one's file.
		expect((await refusal(readEvidenceFile(db, leaderA, aId, ev.id))).code).toBe('NOT_FOUND');
		// The unit's staff read it but do not change it; the coordinator reads it but does not fill it in.
		expect((await openAssessment(db, staffB, bId)).answers.nt_bcd.value).toBe(1);
		expect((await refusal(saveAnswer(db, staffB, bId, { criterionKey: 'nt_bcd', value: '0' }))).code).toBe('FORBIDDEN');
		expect((await refusal(saveAnswer(db, coordinator, bId, { criterionKey: 'nt_bcd', value: '0' }))).code).toBe('FORBIDDEN');
		expect((await listMyAssessments(db, leaderA)).map((a) => a.id)).toEqual([aId]);
	});

	it('lets no unit leader review, and no coordinator of another organisation run the round', async () => {
		expect((await refusal(reviewCriterion(db, leaderA, aId, { criterionKey: 'nt_bcd', decision: 'accepted' }))).code).toBe('FORBIDDEN');
		expect((await refusal(reviewCriterion(db, leaderB, aId, { criterionKey: 'nt_bcd', decision: 'accepted' }))).code).toBe('NOT_FOUND');
		expect((await refusal(getRound(db, leaderA, round.id))).code).toBe('NOT_FOUND');
		expect((await refusal(enrolUnits(db, strangerCoordinator, round.id, { unitIds: [unitB.id] }))).code).toBe('NOT_FOUND');
		expect((await refusal(copyTemplate(db, leaderA, { orgId: office.id, template: 'moet_4725', name: '' }))).code).toBe('FORBIDDEN');
		expect((await refusal(createRound(db, { campaignId: campaign.id, frameworkId: framework.id, unitIds: [elsewhere.id], actor: coordinator }))).fields).toEqual({ unitIds: 'maturity_unit_outside' });
	});

	it('freezes a version under a submitted assessment: editing makes the next version and the old one cannot change', async () => {
		const detail = await getFramework(db, coordinator, framework.id);
		const v1 = detail.latest;
		expect(v1.frozenAt).not.toBeNull();
		const changed = structuredClone(v1.definition);
		changed.pillars[0].indicators[0].criteria[0].maxPoints = 10;
		const err = await refusal(updateFrameworkVersion(db, coordinator, v1.id, changed));
		expect([err.code, err.fields]).toEqual(['INVALID_TRANSITION', { _: 'maturity_version_frozen' }]);
		const v2 = await saveFrameworkDefinition(db, coordinator, framework.id, changed);
		expect(v2.version).toBe(2);
		const after = await getFramework(db, coordinator, framework.id);
		expect(after.versions.map((v) => v.version)).toEqual([2, 1]);
		expect(after.versions[1].definition.pillars[0].indicators[0].criteria[0].maxPoints).toBe(30);
		// The round keeps scoring on version 1.
		expect((await openAssessment(db, coordinator, aId)).ctx.version.version).toBe(1);
		// An unfrozen version is edited in place.
		expect((await saveFrameworkDefinition(db, coordinator, framework.id, changed)).id).toBe(v2.id);
	});
});

describe('bad input', () => {
	it('refuses a score above the maximum, naming the field and the maximum', async () => {
		const err = await refusal(saveAnswer(db, leaderB, bId, { criterionKey: 'ht_phong_hop', value: '6' }));
		expect([err.code, err.fields, err.detail]).toEqual(['VALIDATION', { value: 'maturity_value_above_max' }, { max: 5 }]);
		expect((await refusal(saveAnswer(db, leaderB, bId, { criterionKey: 'dv_toan_trinh', value: '120' }))).fields).toEqual({ value: 'maturity_value_above_max' });
		expect((await refusal(saveAnswer(db, leaderB, bId, { criterionKey: 'no_such', value: '1' }))).fields).toEqual({ criterionKey: 'field_invalid' });
	});

	it('refuses evidence of a forbidden type before storing it', async () => {
		const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
		const err = await refusal(addEvidence(db, leaderB, bId, 'ht_phong_hop', { name: 'setup.exe', bytes: exe }));
		expect([err.code, err.fields, err.detail]).toEqual(['UNSUPPORTED_TYPE', { file: 'maturity_file_type' }, { fileName: 'setup.exe' }]);
		const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
		expect((await refusal(addEvidence(db, leaderB, bId, 'ht_phong_hop', { name: 'a.zip', bytes: zip }))).code).toBe('UNSUPPORTED_TYPE');
		expect((await openAssessment(db, leaderB, bId)).evidence.map((e) => e.fileName)).toEqual(['phong-hop.png']);
	});

	it('refuses a submission after the deadline, and one with answers or evidence missing', async () => {
		const missing = await refusal(submitAssessment(db, leaderB, bId));
		expect(missing.code).toBe('VALIDATION');
		expect(missing.fields?.tc_kh).toBe('maturity_answer_missing');
		// Points claimed on a document criterion without its number, date and trích yếu.
		await saveAnswer(db, leaderB, bId, { criterionKey: 'tc_quy_che', value: '1' });
		expect((await refusal(submitAssessment(db, leaderB, bId))).fields?.tc_quy_che).toBe('maturity_evidence_missing');

		const late = await createRound(db, { campaignId: campaign.id, frameworkId: framework.id, unitIds: [unitB.id], actor: coordinator, deadline: '30/06/2026', title: 'Đợt bổ sung' });
		const lateId = (await listRoundAssessments(db, coordinator, late.id)).get(unitB.id)!;
		// 30/06 is the last day in Vietnam: 23:30 that day is in time, 00:30 on 01/07 is not.
		freezeClock(new Date('2026-06-30T23:30:00+07:00'));
		await fillAssessment(db, lateId, { actor: leaderB });
		freezeClock(new Date('2026-07-01T00:30:00+07:00'));
		const err = await refusal(submitAssessment(db, leaderB, lateId));
		expect([err.code, err.fields, err.detail]).toEqual(['INVALID_TRANSITION', { _: 'maturity_deadline_passed' }, { deadline: '30/06/2026' }]);
		freezeClock(new Date('2026-06-30T23:30:00+07:00'));
		expect((await submitAssessment(db, leaderB, lateId)).status).toBe('submitted');
	});

	it('refuses a framework whose level thresholds overlap', async () => {
		const mine = await copyTemplate(db, coordinator, { orgId: office.id, template: 'moet_4725', name: 'Trường thử' });
		const def = (await getFramework(db, coordinator, mine.id)).latest.definition;
		const bad = structuredClone(def);
		bad.groups[0].levels[2] = { ...bad.groups[0].levels[2], min: 70, minInclusive: true };
		const err = await refusal(saveFrameworkDefinition(db, coordinator, mine.id, bad));
		expect([err.code, err.fields]).toEqual(['VALIDATION', { 'groups.0.levels': 'maturity_levels_overlap' }]);
	});
});

describe('automatic criteria', () => {
	it('equal the shares and counts computed from the unit’s learning records, tasks and activities', async () => {
		const office2 = await org.createOrgNode(db, { kind: 'agency', name: 'Văn phòng Sở', shortCode: 'VPS' });
		const u = await org.createOrgNode(db, { parentId: office2.id, name: 'Phòng Công nghệ', shortCode: 'PCN' });
		const uSub = await org.createOrgNode(db, { parentId: u.id, name: 'Tổ Dữ liệu', shortCode: 'TDL' });
		const other = await org.createOrgNode(db, { parentId: office2.id, name: 'Phòng Hành chính', shortCode: 'PHC' });
		// Issued on 01/09/2026: tasks may fall due from that day.
		freezeClock(new Date('2026-09-01T09:00:00+07:00'));
		const c2 = await createCampaign(db, { orgId: office2.id, year: 2026, status: 'issued' });
		freezeClock();
		const resource = await createResource(db, { orgId: office2.id });

		// Five people in the unit (one in its sub-unit), three of whom log learning in the campaign; one of another unit does too.
		const learn = async (unitId: string, minutes: number | null) => {
			const person = await org.createPerson(db, { unitId });
			if (minutes === null) return;
			const user = await org.createActor(db, []);
			await linkPersonToUser(db, { kind: 'system', grants: [] }, { personId: person.id, userId: user.userId! });
			await recordLearning(db, user, resource.id, { status: 'completed', minutes: String(minutes), campaignId: c2.id });
		};
		await learn(u.id, 30);
		await learn(u.id, 45);
		await learn(uSub.id, 20);
		await learn(u.id, null);
		await learn(u.id, 0);
		await learn(other.id, 60);

		// Four tasks of the unit: two done on time, one done late, one not done and overdue.
		const tasks = await Promise.all([0, 1, 2, 3].map(() => createTask(db, { campaignId: c2.id, unitId: u.id, dueOn: '2026-10-05' })));
		await createTask(db, { campaignId: c2.id, unitId: other.id, dueOn: '2026-10-05' });
		freezeClock(new Date('2026-10-04T10:00:00+07:00'));
		await reportProgress(db, tasks[0].id, { status: 'done', percent: '100' });
		await reportProgress(db, tasks[1].id, { status: 'done', percent: '100' });
		freezeClock(new Date('2026-10-07T10:00:00+07:00'));
		await reportProgress(db, tasks[2].id, { status: 'done', percent: '100' });
		freezeClock();

		// Activities hosted by the unit: online, hybrid, in person; one online by its sub-unit; one online by another unit; one online draft.
		await createActivity(db, { campaignId: c2.id, hostUnitId: u.id, mode: 'online' });
		await createAdminUnit(db, { code: '14', name: 'Tỉnh Sơn La', kind: 'tinh' });
		const place = { venue: 'Hội trường', adminUnitCode: (await createAdminUnit(db, { code: '03646', name: 'Phường Tô Hiệu', kind: 'phuong', parentCode: '14' })).code };
		await createActivity(db, { campaignId: c2.id, hostUnitId: u.id, mode: 'hybrid', ...place });
		await createActivity(db, { campaignId: c2.id, hostUnitId: u.id, mode: 'in_person', ...place, platform: null, meetingUrl: '' });
		await createActivity(db, { campaignId: c2.id, hostUnitId: uSub.id, mode: 'online' });
		await createActivity(db, { campaignId: c2.id, hostUnitId: other.id, mode: 'online' });
		await createActivity(db, { campaignId: c2.id, hostUnitId: u.id, mode: 'online', publish: false });

		const fw = await createFramework(db, { orgId: office2.id });
		const r = await createRound(db, { campaignId: c2.id, frameworkId: fw.id, unitIds: [u.id] });
		const id = (await listRoundAssessments(db, { kind: 'system', grants: [] }, r.id)).get(u.id)!;
		const leader = await org.createActor(db, { role: 'unit_leader', orgId: u.id });
		const view = await openAssessment(db, leader, id);

		// Independently: 3 of 5 people learned (0 minutes is not learning); 2 of 4 tasks on time; 3 online or hybrid activities.
		expect(view.answers.nl_hoc_tap.automatic).toMatchObject({ source: 'staff_learning_share', numerator: 3, denominator: 5, value: 60 });
		expect(view.answers.nl_hoc_tap.value).toBe(60);
		expect(view.answers.hd_nhiem_vu.automatic).toMatchObject({ source: 'tasks_on_time_share', numerator: 2, denominator: 4, value: 50 });
		expect(view.answers.hd_hoat_dong.automatic).toMatchObject({ source: 'online_activities', numerator: 3, value: 3 });
		// Scores: 60 % of 40, 50 % of 50, and the threshold "at least 3" of 40 points.
		expect(view.self.total).toBe(24 + 25 + 40);
		// The unit cannot type over a measured value.
		await saveAnswer(db, leader, id, { criterionKey: 'nl_hoc_tap', value: '100', comment: 'Số liệu từ LearnWeek.' });
		expect((await openAssessment(db, leader, id)).answers.nl_hoc_tap.value).toBe(60);
	});
});

describe('publication', () => {
	it('adds a unit verified after publication when the coordinator publishes again', async () => {
		const later = await createCampaign(db, { orgId: office.id, year: 2027, status: 'issued' });
		const r = await createRound(db, { campaignId: later.id, frameworkId: framework.id, unitIds: [unitA.id, unitB.id], actor: coordinator, title: 'Đánh giá năm 2027' });
		const assessments = await listRoundAssessments(db, coordinator, r.id);
		const [a, b] = [assessments.get(unitA.id)!, assessments.get(unitB.id)!];
		await fillAssessment(db, a, { share: 0.9, actor: leaderA });
		await fillAssessment(db, b, { share: 0.6, actor: leaderB });
		await submitAssessment(db, leaderA, a);
		await submitAssessment(db, leaderB, b);
		expect((await refusal(publishRound(db, coordinator, r.id))).fields).toEqual({ _: 'maturity_publish_nothing' });
		await reviewAll(db, a, { actor: coordinator });
		await publishRound(db, coordinator, r.id);
		const anyone: Actor = { kind: 'anonymous', grants: [] };
		expect((await getLeaderboard(db, anyone, r.id)).rows.map((row) => row.unitName)).toEqual(['Trung tâm Thông tin']);

		// Phòng Tổng hợp's review took longer: verified after publication, it joins on the next publish.
		await reviewAll(db, b, { actor: coordinator });
		expect((await getLeaderboard(db, anyone, r.id)).rows).toHaveLength(1);
		expect((await refusal(publishRound(db, leaderB, r.id))).code).toBe('NOT_FOUND');
		await publishRound(db, coordinator, r.id);
		expect((await getLeaderboard(db, anyone, r.id)).rows.map((row) => row.unitName)).toEqual(['Trung tâm Thông tin', 'Phòng Tổng hợp']);
		expect((await refusal(publishRound(db, coordinator, r.id))).fields).toEqual({ _: 'maturity_publish_nothing' });
	});
});
