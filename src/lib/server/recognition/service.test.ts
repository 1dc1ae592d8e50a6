import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../db/testing';
import { freezeClock } from '../core/clock';
import { AppError } from '../core/errors';
import { anonymousActor, systemActor, type Actor } from '../auth/actor';
import { listAuditEntries } from '../audit/service';
import * as org from '../org/seed';
import { createCampaign } from '../campaigns/seed';
import { createResource } from '../library/seed';
import { recordLearning } from '../library/service';
import { renderPdf, getDocument } from '../documents/service';
import {
	addAwardRecipient,
	addCouncilMember,
	addEvidence,
	awardDecisionDocument,
	closeCouncil,
	createAwardDecision,
	decideEntry,
	declareConflicts,
	getAwardDecision,
	getCouncil,
	getEntry,
	getHonourBoard,
	getRecognitionHub,
	issueAwardDecision,
	listNominationSuggestions,
	nominate,
	readEvidence,
	returnEntry,
	revokeAwardCertificate,
	scoreEntry,
	sendToCouncil,
	updateInitiative,
	verifyAwardCertificate,
	awardCertificatePdf,
	checkAwardCertificate
} from './service';
import { createCall, createCouncil, createNomination, marks, submitInitiative } from './seed';
import type { InitiativeRow } from './tables';

const db = await createTestDb();
const NOW = new Date('2026-11-29T01:00:00Z');
freezeClock(NOW);
afterEach(() => freezeClock(NOW));
afterAll(() => freezeClock());

const work = mkdtempSync(join(tmpdir(), 'lw-recognition-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
function pdfText(name: string, pdf: Buffer): string {
	const path = join(work, `${name}.pdf`);
	writeFileSync(path, pdf);
	return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

async function refusal(p: Promise<unknown>): Promise<{ code: string; fields?: Record<string, string> }> {
	try {
		await p;
	} catch (e) {
		if (e instanceof AppError) return { code: e.code, fields: e.fields };
		throw e;
	}
	throw new Error('expected a refusal');
}

const province = await org.createOrgNode(db, { kind: 'province', name: 'UBND tỉnh Sơn La', shortCode: 'UBND' });
const office = await org.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const tttt = await org.createOrgNode(db, { parentId: office.id, name: 'Trung tâm Thông tin', shortCode: 'TTTT' });
const th = await org.createOrgNode(db, { parentId: office.id, name: 'Phòng Tổng hợp', shortCode: 'TH' });
const otherProvince = await org.createOrgNode(db, { kind: 'province', name: 'UBND tỉnh Điện Biên', shortCode: 'UBNDDB' });

const coordinator = await org.createActor(db, { role: 'coordinator', orgId: office.id }, { name: 'Điều phối' });
const head = await org.createActor(db, { role: 'unit_leader', orgId: office.id }, { name: 'Lê Thị Hồng Anh' });
const staff = await org.createActor(db, { role: 'staff', orgId: tttt.id }, { name: 'Hoàng Anh Tú' });
const thStaff = await org.createActor(db, { role: 'staff', orgId: th.id }, { name: 'Lê Văn Đạt' });
const supervisor = await org.createActor(db, { role: 'supervisor', orgId: province.id }, { name: 'Sở GD&ĐT' });
const chair = await org.createActor(db, { role: 'reviewer', orgId: office.id }, { name: 'Chủ tịch hội đồng', email: 'chutich@sonla.gov.vn' });
const member = await org.createActor(db, { role: 'reviewer', orgId: office.id }, { name: 'Thành viên', email: 'thanhvien@sonla.gov.vn' });
const conflicted = await org.createActor(db, { role: 'reviewer', orgId: office.id }, { name: 'Thành viên có xung đột', email: 'xungdot@sonla.gov.vn' });
const outsider = await org.createActor(db, { role: 'reviewer', orgId: office.id }, { name: 'Không trong hội đồng' });
const stranger = await org.createActor(db, { role: 'coordinator', orgId: otherProvince.id }, { name: 'Điều phối tỉnh khác', email: 'khac@dienbien.gov.vn' });
const learner = await org.createActor(db, { role: 'staff', orgId: th.id }, { name: 'Lường Thị Phương' });

const campaign = await createCampaign(db, { orgId: office.id, year: 2026, status: 'issued' });
const council = await createCouncil(db, { campaignId: campaign.id, actor: coordinator });
await addCouncilMember(db, coordinator, council.id, { email: 'chutich@sonla.gov.vn', isChair: true });
await addCouncilMember(db, coordinator, council.id, { email: 'thanhvien@sonla.gov.vn' });
await addCouncilMember(db, coordinator, council.id, { email: 'xungdot@sonla.gov.vn' });
await declareConflicts(db, conflicted, council.id, { unitIds: [tttt.id] });
const call = await createCall(db, { campaignId: campaign.id, councilId: council.id, actor: coordinator });

const WEIGHTS = { novelty: 30, applicability: 25, effectiveness: 30, replicability: 15 };
const CHAIR_MARKS = { novelty: 8, applicability: 7, effectiveness: 9, replicability: 6 };
const MEMBER_MARKS = { novelty: 6, applicability: 9, effectiveness: 7, replicability: 10 };

let initiative: InitiativeRow;

describe('an initiative from submission to recognition', () => {
	beforeAll(async () => {
		initiative = await submitInitiative(db, staff, {
			callId: call.id,
			unitId: tttt.id,
			authors: [
				{ name: 'Hoàng Anh Tú', unitId: tttt.id, share: 60, consent: true },
				{ name: 'Lê Văn Đạt', unitId: th.id, share: 40, consent: false }
			]
		});
	});

	it('refuses authors whose contribution does not add up to 100%', async () => {
		const r = await refusal(submitInitiative(db, staff, { callId: call.id, unitId: tttt.id, authors: [{ name: 'A', unitId: tttt.id, share: 60 }, { name: 'B', unitId: tttt.id, share: 30 }] }));
		expect(r).toEqual({ code: 'VALIDATION', fields: { authors: 'recognition_shares_not_100' } });
	});

	it('refuses a submission from a unit where the actor does not work, and after the deadline', async () => {
		expect((await refusal(submitInitiative(db, thStaff, { callId: call.id, unitId: tttt.id }))).code).toBe('FORBIDDEN');
		const closed = await createCall(db, { campaignId: campaign.id, deadline: '2026-11-28', actor: coordinator });
		expect(await refusal(submitInitiative(db, staff, { callId: closed.id, unitId: tttt.id }))).toEqual({ code: 'VALIDATION', fields: { _: 'recognition_call_closed' } });
	});

	it('keeps evidence files checked by content, readable by those who read the initiative', async () => {
		const pdf = Buffer.from('%PDF-1.4\n% evidence\n');
		const file = await addEvidence(db, staff, 'initiative', initiative.id, { name: 'minh-chung.pdf', bytes: pdf });
		expect((await readEvidence(db, coordinator, file.id)).bytes.equals(pdf)).toBe(true);
		expect((await refusal(readEvidence(db, thStaff, file.id))).code).toBe('NOT_FOUND');
		expect((await refusal(addEvidence(db, staff, 'initiative', initiative.id, { name: 'x.exe', bytes: Buffer.from([0x4d, 0x5a, 0, 0, 1]) }))).code).toBe('UNSUPPORTED_TYPE');
	});

	it('goes back to the authors for fixes and comes back submitted', async () => {
		expect((await refusal(returnEntry(db, staff, 'initiative', initiative.id, { reason: 'x' }))).code).toBe('FORBIDDEN');
		await returnEntry(db, coordinator, 'initiative', initiative.id, { reason: 'Bổ sung số liệu hiệu quả.' });
		const view = await getEntry(db, staff, 'initiative', initiative.id);
		expect(view.initiative?.status).toBe('returned');
		expect(view.initiative?.returnReason).toBe('Bổ sung số liệu hiệu quả.');
		const row = view.initiative!;
		initiative = await updateInitiative(db, staff, initiative.id, { ...row, authors: row.authors, benefits: 'Giảm 80% thời gian tổng hợp; 120 cán bộ dùng hằng tuần.', version: row.version });
		expect(initiative.status).toBe('submitted');
	});

	it('is sent to the council only by a coordinator', async () => {
		expect((await refusal(sendToCouncil(db, staff, 'initiative', initiative.id, { councilId: council.id }))).code).toBe('FORBIDDEN');
		expect((await refusal(sendToCouncil(db, head, 'initiative', initiative.id, { councilId: council.id }))).code).toBe('FORBIDDEN');
		await sendToCouncil(db, coordinator, 'initiative', initiative.id, { councilId: council.id });
	});

	it('is neither seen nor scored by a member who declared a conflict with an author’s unit', async () => {
		expect((await refusal(getEntry(db, conflicted, 'initiative', initiative.id))).code).toBe('NOT_FOUND');
		expect((await refusal(scoreEntry(db, conflicted, 'initiative', initiative.id, marks(10)))).code).toBe('NOT_FOUND');
		expect((await getCouncil(db, conflicted, council.id)).entries.map((e) => e.id)).not.toContain(initiative.id);
		expect((await getRecognitionHub(db, conflicted, campaign.id)).initiatives.map((e) => e.id)).not.toContain(initiative.id);
		expect((await getCouncil(db, member, council.id)).entries.map((e) => e.id)).toContain(initiative.id);
	});

	it('is scored only by members of its council, with marks 0–10', async () => {
		expect((await refusal(scoreEntry(db, outsider, 'initiative', initiative.id, marks(5)))).code).toBe('NOT_FOUND');
		expect((await refusal(scoreEntry(db, coordinator, 'initiative', initiative.id, marks(5)))).code).toBe('FORBIDDEN');
		expect(await refusal(scoreEntry(db, member, 'initiative', initiative.id, marks(11)))).toMatchObject({ code: 'VALIDATION' });
		await scoreEntry(db, chair, 'initiative', initiative.id, { ...CHAIR_MARKS, comment: 'Tốt' });
		await scoreEntry(db, member, 'initiative', initiative.id, marks(1));
		// A member may change their marks while the council is open.
		await scoreEntry(db, member, 'initiative', initiative.id, MEMBER_MARKS);
	});

	it('combines the members’ scores as the rubric says', async () => {
		// Computed here independently: each member's Σ(mark × weight) / Σ(weight × 10) × 100, then the mean.
		const chairTotal = (8 * 30 + 7 * 25 + 9 * 30 + 6 * 15) / 10; // 77.5
		const memberTotal = (6 * 30 + 9 * 25 + 7 * 30 + 10 * 15) / 10; // 76.5
		expect(chairTotal).toBe(77.5);
		const view = await getEntry(db, coordinator, 'initiative', initiative.id);
		expect(view.scores.count).toBe(2);
		expect(view.scores.combined).toBe((chairTotal + memberTotal) / 2);
		expect(view.scores.rows?.map((r) => r.total).sort()).toEqual([76.5, 77.5]);
		expect(view.council?.weights).toEqual(WEIGHTS);
		// A member sees their own marks, not the others'.
		const mine = await getEntry(db, member, 'initiative', initiative.id);
		expect(mine.scores.rows).toBeNull();
		expect(mine.scores.mine).toMatchObject(MEMBER_MARKS);
	});

	it('cannot be decided while the council is open, nor by anyone but the head', async () => {
		expect(await refusal(decideEntry(db, head, 'initiative', initiative.id, { outcome: 'recognised', level: 'co_so' }))).toEqual({ code: 'INVALID_TRANSITION', fields: { _: 'recognition_council_still_open' } });
		expect((await refusal(closeCouncil(db, member, council.id))).code).toBe('FORBIDDEN');
		await closeCouncil(db, chair, council.id);
		expect((await refusal(decideEntry(db, coordinator, 'initiative', initiative.id, { outcome: 'recognised', level: 'co_so' }))).code).toBe('FORBIDDEN');
		expect((await refusal(decideEntry(db, supervisor, 'initiative', initiative.id, { outcome: 'recognised', level: 'co_so' }))).code).toBe('FORBIDDEN');
	});

	it('keeps every score as it was once the council closed', async () => {
		expect(await refusal(scoreEntry(db, member, 'initiative', initiative.id, marks(10)))).toEqual({ code: 'INVALID_TRANSITION', fields: { _: 'recognition_council_closed' } });
		expect((await getEntry(db, member, 'initiative', initiative.id)).scores.mine).toMatchObject(MEMBER_MARKS);
		expect((await refusal(addCouncilMember(db, coordinator, council.id, { email: 'khac@dienbien.gov.vn' }))).code).toBe('INVALID_TRANSITION');
	});

	it('is recognised by the head with its level, audited', async () => {
		expect(await refusal(decideEntry(db, head, 'initiative', initiative.id, { outcome: 'recognised' }))).toEqual({ code: 'VALIDATION', fields: { level: 'field_required' } });
		const row = await decideEntry(db, head, 'initiative', initiative.id, { outcome: 'recognised', level: 'co_so', note: 'Công nhận cấp cơ sở.' });
		expect(row.status).toBe('recognised');
		const audit = await listAuditEntries(db, systemActor(), { entityId: initiative.id });
		expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['submit', 'return', 'resubmit', 'send_to_council', 'recognise']));
	});

	it('keeps other organisations and other units out', async () => {
		expect((await refusal(getEntry(db, stranger, 'initiative', initiative.id))).code).toBe('NOT_FOUND');
		expect((await refusal(getEntry(db, learner, 'initiative', initiative.id))).code).toBe('NOT_FOUND');
		expect((await refusal(getEntry(db, anonymousActor, 'initiative', initiative.id))).code).toBe('NOT_FOUND');
		expect((await getEntry(db, supervisor, 'initiative', initiative.id)).initiative?.id).toBe(initiative.id);
	});
});

describe('councils', () => {
	it('refuse weights that do not add up to 100, and anyone but a coordinator', async () => {
		expect(await refusal(createCouncil(db, { campaignId: campaign.id, weights: { novelty: 50, applicability: 50, effectiveness: 10, replicability: 0 }, actor: coordinator }))).toEqual({
			code: 'VALIDATION',
			fields: { weights: 'recognition_weights_not_100' }
		});
		for (const actor of [staff, head, supervisor, chair, stranger]) expect((await refusal(createCouncil(db, { campaignId: campaign.id, actor }))).code).toMatch(/FORBIDDEN|NOT_FOUND/);
		expect((await refusal(createCall(db, { campaignId: campaign.id, actor: staff }))).code).toBe('FORBIDDEN');
	});

	it('take members only from the organisation’s tree', async () => {
		const c = await createCouncil(db, { campaignId: campaign.id, actor: coordinator });
		expect(await refusal(addCouncilMember(db, coordinator, c.id, { email: 'khac@dienbien.gov.vn' }))).toEqual({ code: 'VALIDATION', fields: { email: 'recognition_member_unknown' } });
		expect((await refusal(addCouncilMember(db, staff, c.id, { email: 'chutich@sonla.gov.vn' }))).code).toBe('NOT_FOUND');
	});
});

describe('a nomination from a data suggestion into the decision, and the decision', () => {
	let decisionId: string;
	let nominationId: string;

	it('suggests the most active self-learners to coordinators only', async () => {
		const resource = await createResource(db, { orgId: office.id });
		await recordLearning(db, learner, resource.id, { status: 'completed', minutes: 300, campaignId: campaign.id });
		expect((await refusal(listNominationSuggestions(db, staff, campaign.id))).code).toBe('FORBIDDEN');
		const suggestions = await listNominationSuggestions(db, coordinator, campaign.id);
		const s = suggestions.find((x) => x.source === 'learning' && x.userId === learner.userId);
		expect(s).toMatchObject({ kind: 'person', name: 'Lường Thị Phương', facts: { minutes: 300, completions: 1 } });
		expect(suggestions.some((x) => x.source === 'initiatives' && x.name === 'Hoàng Anh Tú')).toBe(true);

		expect((await refusal(nominate(db, staff, { campaignId: campaign.id, kind: 'person', name: s!.name, story: 'x' }))).code).toBe('FORBIDDEN');
		const c2 = await createCouncil(db, { campaignId: campaign.id, name: 'Hội đồng xét chọn tấm gương', actor: coordinator });
		await addCouncilMember(db, coordinator, c2.id, { email: 'thanhvien@sonla.gov.vn', isChair: true });
		const n = await nominate(db, coordinator, { campaignId: campaign.id, kind: 'person', name: s!.name, unitId: s!.unitId, userId: s!.userId, story: s!.evidence, source: s!.source, sourceFacts: s!.facts, consentSelf: true });
		nominationId = n.id;
		expect(n.source).toBe('learning');
		await sendToCouncil(db, coordinator, 'nomination', n.id, { councilId: c2.id });
		await scoreEntry(db, member, 'nomination', n.id, marks(9));
		await closeCouncil(db, member, c2.id);
		await decideEntry(db, head, 'nomination', n.id, { outcome: 'recognised' });
		expect((await listNominationSuggestions(db, coordinator, campaign.id)).some((x) => x.userId === learner.userId)).toBe(false);
	});

	it('refuses a decision with no recipients', async () => {
		const d = await createAwardDecision(db, coordinator, { campaignId: campaign.id, summary: 'Về việc khen thưởng', reason: 'đã có thành tích' });
		expect(await refusal(issueAwardDecision(db, head, d.id))).toEqual({ code: 'VALIDATION', fields: { _: 'recognition_decision_no_recipients' } });
	});

	it('is drafted from recognised entries with forms of commendation and warns of unmet requirements', async () => {
		for (const actor of [staff, supervisor, chair]) expect((await refusal(createAwardDecision(db, actor, { campaignId: campaign.id, summary: 'x', reason: 'y' }))).code).toBe('FORBIDDEN');
		const d = await createAwardDecision(db, coordinator, {
			campaignId: campaign.id,
			summary: 'Về việc khen thưởng tập thể, cá nhân có thành tích trong Tuần lễ hưởng ứng học tập suốt đời năm 2026',
			reason: 'đã có thành tích xuất sắc trong Tuần lễ',
			proposedBy: 'Trưởng phòng Tổ chức – Hành chính – Quản trị'
		});
		decisionId = d.id;
		const view = await getAwardDecision(db, coordinator, d.id);
		expect(view.candidates.map((c) => c.name)).toEqual(expect.arrayContaining(['Hoàng Anh Tú', 'Lê Văn Đạt', 'Lường Thị Phương']));
		await addAwardRecipient(db, coordinator, d.id, { kind: 'collective', name: 'Trung tâm Thông tin', unitName: 'Văn phòng UBND tỉnh', formCode: 'giay_khen', citation: 'Đơn vị tiêu biểu' });
		await addAwardRecipient(db, coordinator, d.id, { kind: 'individual', name: 'Hoàng Anh Tú', unitName: tttt.name, source: 'initiative', sourceId: initiative.id, authorIndex: 0, formCode: 'cstdcs', citation: 'Tác giả sáng kiến' });
		await addAwardRecipient(db, coordinator, d.id, { kind: 'individual', name: 'Lê Văn Đạt', unitName: th.name, source: 'initiative', sourceId: initiative.id, authorIndex: 1, formCode: 'giay_chung_nhan', citation: 'Đồng tác giả' });
		await addAwardRecipient(db, coordinator, d.id, { kind: 'individual', name: 'Lường Thị Phương', unitName: th.name, source: 'nomination', sourceId: nominationId, formCode: 'giay_khen', citation: 'Tấm gương tự học' });
		expect(await refusal(addAwardRecipient(db, coordinator, d.id, { kind: 'collective', name: 'Phòng Tổng hợp', formCode: 'cstdcs', citation: 'x' }))).toEqual({ code: 'VALIDATION', fields: { formCode: 'recognition_form_scope_mismatch' } });
		expect(await refusal(addAwardRecipient(db, coordinator, d.id, { kind: 'individual', name: 'X', source: 'initiative', sourceId: 'nope', authorIndex: 0, formCode: 'giay_khen', citation: 'x' }))).toEqual({ code: 'VALIDATION', fields: { sourceId: 'recognition_source_not_recognised' } });
		const again = await createAwardDecision(db, coordinator, { campaignId: campaign.id, summary: 'Về việc khen thưởng', reason: 'đã có thành tích' });
		expect(await refusal(addAwardRecipient(db, coordinator, again.id, { kind: 'individual', name: 'Hoàng Anh Tú', source: 'initiative', sourceId: initiative.id, authorIndex: 0, formCode: 'giay_khen', citation: 'x' }))).toEqual({
			code: 'VALIDATION',
			fields: { sourceId: 'recognition_source_already_awarded' }
		});
		expect((await getAwardDecision(db, coordinator, again.id)).candidates).toEqual([]);
		const after = await getAwardDecision(db, coordinator, d.id);
		const tu = after.recipients.find((r) => r.name === 'Hoàng Anh Tú')!;
		// CSTĐCS needs Lao động tiên tiến (not held) and a recognised initiative (held).
		expect(tu.warnings.map((w) => w.key)).toEqual(['recognition_warn_needs_form']);
		// 1.0 × 2,340,000 for CSTĐCS; a collective's Giấy khen 0.6 × 2,340,000 = 1,404,000.
		expect(tu.amount).toBe(2_340_000);
		expect(after.recipients.find((r) => r.kind === 'collective')!.amount).toBe(1_404_000);
		expect(after.document.kind).toBe('decision');
		expect(after.document.number).toBeNull();
	});

	it('is issued only by the head, numbered through the documents domain, in the Decree 30 layout', async () => {
		for (const actor of [coordinator, staff, supervisor, chair]) expect((await refusal(issueAwardDecision(db, actor, decisionId))).code).toMatch(/FORBIDDEN|NOT_FOUND/);
		expect((await refusal(issueAwardDecision(db, stranger, decisionId))).code).toBe('NOT_FOUND');
		const issued = await issueAwardDecision(db, head, decisionId);
		expect(issued.status).toBe('issued');
		expect(issued.symbol).toBe('QĐ-VPUB');
		const register = await getDocument(db, head, issued.documentId!);
		expect(register).toMatchObject({ type: 'QĐ', number: issued.number, documentDate: '2026-11-29' });
		expect((await refusal(issueAwardDecision(db, head, decisionId))).code).toBe('INVALID_TRANSITION');
		expect((await refusal(addAwardRecipient(db, coordinator, decisionId, { kind: 'individual', name: 'Y', formCode: 'giay_khen', citation: 'x' }))).code).toBe('INVALID_TRANSITION');
		const text = pdfText('decision', await renderPdf(await awardDecisionDocument(db, head, decisionId)));
		expect(text).toContain('QUYẾT ĐỊNH');
		expect(text).toContain(`Số: ${String(issued.number).padStart(2, '0')}/QĐ-VPUB`);
		expect(text).toContain('Sơn La, ngày 29 tháng 11 năm 2026');
		expect(text).toContain('Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022');
		expect(text).toContain('Điều 1');
		expect(text).toContain('DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG');
		expect(text).toContain('Hoàng Anh Tú');
		expect(text).toContain('Khen thưởng 01 tập thể và 03 cá nhân');
	});

	it('prints each recipient’s certificate with the decision, the signer and a QR code to its verification page', async () => {
		const view = await getAwardDecision(db, head, decisionId);
		const r = view.recipients.find((x) => x.name === 'Hoàng Anh Tú')!;
		const { pdf } = await awardCertificatePdf(db, head, r.id);
		const text = pdfText('certificate', pdf);
		for (const s of ['CHIẾN SĨ THI ĐUA CƠ SỞ', 'Hoàng Anh Tú', 'Tác giả sáng kiến', `Quyết định số ${view.reference}`, 'ngày 29/11/2026', 'Nguyễn Văn An', r.certificateCode!]) expect(text).toContain(s);
		const path = join(work, 'certificate.pdf');
		execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', path, join(work, 'certificate-page')]);
		const page = PNG.sync.read(readFileSync(join(work, 'certificate-page.png')));
		expect(jsQR(new Uint8ClampedArray(page.data), page.width, page.height)?.data).toMatch(new RegExp(`/certificates/${r.certificateCode}$`));
		expect((await refusal(awardCertificatePdf(db, thStaff, r.id))).code).toBe('NOT_FOUND');
		expect(await checkAwardCertificate(db, r.certificateCode!, 'en')).toMatchObject({ valid: true, recipientName: 'Hoàng Anh Tú', revokedReason: null });
	});

	it('gives each recipient a certificate that verifies valid, then revoked with its reason', async () => {
		const view = await getAwardDecision(db, head, decisionId);
		const r = view.recipients.find((x) => x.name === 'Lường Thị Phương')!;
		expect(r.certificateCode).toMatch(/^KT-[A-Z0-9]{10}$/);
		expect(r.amountVnd).toBe(702_000);
		expect(await verifyAwardCertificate(db, r.certificateCode!)).toMatchObject({ valid: true, recipientName: 'Lường Thị Phương', formName: 'Giấy khen', decisionReference: view.reference });
		expect((await refusal(revokeAwardCertificate(db, coordinator, r.id, { reason: 'Khai không đúng' }))).code).toBe('FORBIDDEN');
		expect((await refusal(revokeAwardCertificate(db, head, r.id, { reason: '' }))).code).toBe('VALIDATION');
		await revokeAwardCertificate(db, head, r.id, { reason: 'Khai không đúng thành tích' });
		expect(await verifyAwardCertificate(db, r.certificateCode!)).toMatchObject({ valid: false, revokeReason: 'Khai không đúng thành tích' });
		expect((await refusal(revokeAwardCertificate(db, head, r.id, { reason: 'again' }))).code).toBe('INVALID_TRANSITION');
		expect((await listAuditEntries(db, systemActor(), { entityId: r.id })).map((a) => a.action)).toContain('revoke');
	});

	it('answers NOT_FOUND for a certificate code that does not exist', async () => {
		expect((await refusal(verifyAwardCertificate(db, 'KT-ZZZZZZZZZZ'))).code).toBe('NOT_FOUND');
		expect((await refusal(verifyAwardCertificate(db, 'not a code'))).code).toBe('NOT_FOUND');
	});
});

describe('the honour board', () => {
	it('shows collectives always, people only with consent, minors only with a guardian’s consent too', async () => {
		const c = await createCampaign(db, { orgId: office.id, year: 2025, status: 'issued' });
		const cc = await createCouncil(db, { campaignId: c.id, actor: coordinator });
		await addCouncilMember(db, coordinator, cc.id, { email: 'thanhvien@sonla.gov.vn', isChair: true });
		const people = {
			consenting: await createNomination(db, { campaignId: c.id, name: 'Cầm Thị Ngọc', consentSelf: true, actor: coordinator }),
			silent: await createNomination(db, { campaignId: c.id, name: 'Đặng Quốc Khánh', consentSelf: false, actor: coordinator }),
			minorWithout: await createNomination(db, { campaignId: c.id, name: 'Lò Văn Minh', isMinor: true, guardianName: 'Lò Văn Hùng', consentSelf: true, consentGuardian: false, actor: coordinator }),
			minorWith: await createNomination(db, { campaignId: c.id, name: 'Quàng Thị Mai', isMinor: true, guardianName: 'Quàng Văn Dũng', consentSelf: true, consentGuardian: true, actor: coordinator }),
			collective: await createNomination(db, { campaignId: c.id, kind: 'collective', name: 'Phòng Tổng hợp', unitId: th.id, consentSelf: false, actor: coordinator })
		};
		expect(await refusal(nominate(db, coordinator, { campaignId: c.id, kind: 'person', name: 'Trẻ em', isMinor: true, story: 'x' }))).toEqual({ code: 'VALIDATION', fields: { guardianName: 'recognition_guardian_required' } });
		const d = await createAwardDecision(db, coordinator, { campaignId: c.id, summary: 'Về việc khen thưởng tấm gương', reason: 'đã có thành tích' });
		for (const n of Object.values(people)) {
			await sendToCouncil(db, coordinator, 'nomination', n.id, { councilId: cc.id });
			await scoreEntry(db, member, 'nomination', n.id, marks(8));
		}
		await closeCouncil(db, member, cc.id);
		for (const n of Object.values(people)) {
			await decideEntry(db, head, 'nomination', n.id, { outcome: 'recognised' });
			await addAwardRecipient(db, coordinator, d.id, { kind: n.kind === 'collective' ? 'collective' : 'individual', name: n.name, source: 'nomination', sourceId: n.id, formCode: 'giay_khen', citation: 'Tấm gương' });
		}
		await issueAwardDecision(db, head, d.id);
		const board = await getHonourBoard(db, c.id);
		expect(board.entries.map((e) => e.name).sort()).toEqual(['Cầm Thị Ngọc', 'Phòng Tổng hợp', 'Quàng Thị Mai']);
		expect(board.hidden).toBe(2);
		// The board of a draft campaign does not exist for the public.
		const draft = await createCampaign(db, { orgId: office.id, year: 2027 });
		expect((await refusal(getHonourBoard(db, draft.id))).code).toBe('NOT_FOUND');
	});
});
