import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, refusal, useTempFilesDir } from '../db/testing';
import { anonymousActor, systemActor, type Actor } from '../auth/actor';
import { freezeClock } from '../core/clock';
import * as org from '../org/seed';
import { linkPersonToUser } from '../org/service';
import { createCampaign } from '../campaigns/seed';
import { listAuditEntries } from '../audit/service';
import { listOutbox } from '../notifications/service';
import {
	addRound,
	createContest,
	createQuestion,
	exportQuestionsXlsx,
	exportRoundResultsXlsx,
	getAttempt,
	getRoundResults,
	importQuestions,
	listQuestions,
	publishRound,
	rankAttempts,
	requestEntryCode,
	saveAnswers,
	startAttempt,
	submitAttempt,
	updateRound,
	verifyEntryCode,
	getQuestion,
	getAttemptCertificate,
	verifyQuizCertificate,
	checkQuizCertificate,
	attemptCertificatePdf,
	type Participant
} from './service';
import { createContest as seedContest, createQuestion as seedQuestion, createQuestionBank } from './seed';

const db = await createTestDb();
useTempFilesDir('quizzes-files');

afterEach(() => freezeClock());

const province = await org.createOrgNode(db, { kind: 'province', name: 'UBND tỉnh Sơn La', shortCode: 'UBND' });
const office = await org.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const tttt = await org.createOrgNode(db, { parentId: office.id, name: 'Trung tâm Thông tin', shortCode: 'TTTT' });
const hcqt = await org.createOrgNode(db, { parentId: office.id, name: 'Phòng Hành chính - Quản trị', shortCode: 'HCQT' });
const education = await org.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Sở Giáo dục và Đào tạo', shortCode: 'SGDDT' });

const coordinator = await org.createActor(db, { role: 'coordinator', orgId: office.id });
const staff = await org.createActor(db, { role: 'staff', orgId: office.id });
const otherStaff = await org.createActor(db, { role: 'staff', orgId: education.id });
const otherCoordinator = await org.createActor(db, { role: 'coordinator', orgId: education.id });

async function learnerIn(unitId: string, name: string): Promise<Actor> {
	const actor = await org.createActor(db, [], { name });
	const [familyName, ...rest] = name.split(' ');
	const person = await org.createPerson(db, { unitId, familyName, middleName: rest.slice(0, -1).join(' '), givenName: rest.at(-1)! });
	await linkPersonToUser(db, systemActor(), { personId: person.id, userId: actor.userId! });
	return actor;
}
const an = await learnerIn(tttt.id, 'Nguyễn Văn An');
const binh = await learnerIn(tttt.id, 'Trần Thị Bình');
const cuong = await learnerIn(hcqt.id, 'Lò Văn Cường');
await org.createPerson(db, { unitId: hcqt.id, familyName: 'Cầm', middleName: 'Thị', givenName: 'Dung' });
const me = (actor: Actor): Participant => ({ actor });

const campaign = await createCampaign(db, { orgId: office.id, year: 2021, status: 'running' });

describe('the question bank', () => {
	it('lets staff add each kind of question, keeping the right answers on the server', async () => {
		const single = await createQuestion(db, staff, office.id, { kind: 'single', text: 'Thủ đô của Việt Nam?', options: ['Hà Nội', 'Huế', 'Đà Nẵng'], correct: ['1'], tags: 'Địa lý, Kỹ năng số', difficulty: 'easy' });
		expect(single.options.map((o) => o.text)).toEqual(['Hà Nội', 'Huế', 'Đà Nẵng']);
		expect(single.correct).toEqual([single.options[0].id]);
		expect(single.tags).toEqual(['địa lý', 'kỹ năng số']);
		const multiple = await createQuestion(db, staff, office.id, { kind: 'multiple', text: 'Đâu là mật khẩu mạnh?', options: ['123456', 'Ng@yM0i!2021', 'T0i#HocSuotDoi'], correct: ['2', '3'] });
		expect(multiple.correct).toEqual([multiple.options[1].id, multiple.options[2].id]);
		const tf = await createQuestion(db, staff, office.id, { kind: 'true_false', text: 'Tuần lễ học tập suốt đời tổ chức hằng năm.', correct: ['true'] });
		expect(tf.options.map((o) => o.id)).toEqual(['true', 'false']);
		const short = await createQuestion(db, staff, office.id, { kind: 'short', text: 'Tỉnh nào tổ chức?', accepted: 'Sơn La\nTỉnh Sơn La', foldAnswers: 'on' });
		expect(short.correct).toEqual(['Sơn La', 'Tỉnh Sơn La']);
		expect(short.foldAnswers).toBe(true);
		expect((await listQuestions(db, staff, { q: 'thu do' })).map((q) => q.id)).toEqual([single.id]);
	});

	it('refuses an empty question, a single choice with two right answers, and a short answer with none, naming the field', async () => {
		const empty = await refusal(createQuestion(db, staff, office.id, { kind: 'single', text: '  ', options: ['a', 'b'], correct: ['1'] }));
		expect(empty.code).toBe('VALIDATION');
		expect(empty.fields?.text).toBe('quizzes_question_text_required');
		expect((await refusal(createQuestion(db, staff, office.id, { kind: 'single', text: 'Q?', options: ['a', 'b'], correct: ['1', '2'] }))).fields?.correct).toBe('quizzes_correct_one');
		expect((await refusal(createQuestion(db, staff, office.id, { kind: 'single', text: 'Q?', options: ['a'], correct: ['1'] }))).fields?.options).toBe('quizzes_options_too_few');
		expect((await refusal(createQuestion(db, staff, office.id, { kind: 'short', text: 'Q?' }))).fields?.accepted).toBe('quizzes_accepted_required');
	});

	it('refuses staff of another organisation and visitors, and hides the question from them', async () => {
		expect((await refusal(createQuestion(db, otherStaff, office.id, { kind: 'true_false', text: 'Q?', correct: ['true'] }))).code).toBe('FORBIDDEN');
		expect((await refusal(createQuestion(db, anonymousActor, office.id, { kind: 'true_false', text: 'Q?', correct: ['true'] }))).code).toBe('FORBIDDEN');
		const q = await seedQuestion(db, { orgId: office.id });
		expect((await refusal(getQuestion(db, otherStaff, q.id))).code).toBe('NOT_FOUND');
		expect(await listQuestions(db, otherStaff)).toEqual([]);
	});

	it('imports the good rows of a spreadsheet and reports each bad row with its number and reason', async () => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('Câu hỏi');
		ws.addRow(['NGÂN HÀNG CÂU HỎI CUỘC THI CÔNG DÂN SỐ']);
		ws.addRow(['Loại câu hỏi', 'Câu hỏi', 'Phương án A', 'Phương án B', 'Phương án C', 'Phương án D', 'Đáp án đúng', 'Chủ đề', 'Độ khó']);
		ws.addRow(['Một lựa chọn', 'Cổng dịch vụ công quốc gia có địa chỉ nào?', 'dichvucong.gov.vn', 'vnexpress.net', 'facebook.com', '', 'A', 'dịch vụ công', 'Dễ']);
		ws.addRow(['Nhiều lựa chọn', 'Dấu hiệu của tin nhắn lừa đảo?', 'Yêu cầu mã OTP', 'Đường dẫn lạ', 'Thông báo lịch họp', '', 'A, B', 'an toàn số', 'Trung bình']);
		ws.addRow(['Đúng/Sai', 'Không nên chia sẻ mã OTP cho người khác.', '', '', '', '', 'Đúng', 'an toàn số', 'Dễ']);
		ws.addRow(['Trả lời ngắn', 'Viết tắt của "Trí tuệ nhân tạo"?', '', '', '', '', 'AI | TTNT', 'ai', 'Khó']);
		ws.addRow(['Một lựa chọn', '', 'a', 'b', '', '', 'A', '', '']);
		ws.addRow(['Câu đố', 'Loại lạ?', 'a', 'b', '', '', 'A', '', '']);
		ws.addRow(['Một lựa chọn', 'Đáp án không có?', 'a', 'b', '', '', 'D', '', '']);
		ws.addRow(['Trả lời ngắn', 'Không có đáp án?', '', '', '', '', '', '', '']);
		ws.addRow(['Một lựa chọn', 'Độ khó lạ?', 'a', 'b', '', '', 'B', '', 'Rất khó']);
		const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
		const report = await importQuestions(db, staff, tttt.id, bytes);
		expect(report.imported).toBe(4);
		expect(report.rejected.map((r) => [r.line, r.reasons])).toEqual([
			[7, ['quizzes_question_text_required']],
			[8, ['quizzes_import_unknown_kind']],
			[9, ['quizzes_import_unknown_answer']],
			[10, ['quizzes_accepted_required']],
			[11, ['quizzes_import_unknown_difficulty']]
		]);
		const imported = await listQuestions(db, staff, { orgId: tttt.id });
		const phishing = imported.find((q) => q.kind === 'multiple')!;
		expect(phishing.correct).toEqual([phishing.options[0].id, phishing.options[1].id]);
		expect(imported.find((q) => q.kind === 'short')!.correct).toEqual(['AI', 'TTNT']);

		// The export reads back in the same columns: a bank round-trips.
		const out = new ExcelJS.Workbook();
		await out.xlsx.load((await exportQuestionsXlsx(db, staff, tttt.id)) as unknown as ExcelJS.Buffer);
		const sheet = out.worksheets[0];
		expect(sheet.getRow(1).getCell(1).value).toBe('Loại câu hỏi');
		expect(sheet.rowCount).toBe(5);
		const again = await importQuestions(db, coordinator, hcqt.id, new Uint8Array(await out.xlsx.writeBuffer()));
		expect(again).toEqual({ imported: 4, rejected: [] });
		expect((await refusal(importQuestions(db, otherStaff, tttt.id, bytes))).code).toBe('FORBIDDEN');
		expect((await refusal(importQuestions(db, staff, tttt.id, new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x00, 0x01, 0x02])))).code).toBe('UNSUPPORTED_TYPE');
	});
});

describe('contests and rounds', () => {
	it('lets the coordinator open a contest and refuses staff, other organisations and quotas the bank cannot fill', async () => {
		const input = { campaignId: campaign.id, title: 'Công dân số', timeLimitMinutes: 15, quotas: [{ tag: 'an toàn số', difficulty: null, count: 50 }], status: 'published' as const };
		expect((await refusal(createContest(db, staff, office.id, input))).code).toBe('FORBIDDEN');
		expect((await refusal(createContest(db, otherCoordinator, office.id, input))).code).toBe('FORBIDDEN');
		expect((await refusal(createContest(db, coordinator, office.id, input))).fields?.quotas).toBe('quizzes_bank_too_small');
		const draft = await createContest(db, coordinator, office.id, { ...input, status: 'draft' });
		expect(draft.timeLimitSeconds).toBe(900);
		expect((await refusal(addRound(db, coordinator, draft.id, { name: 'Vòng 1', opensAt: '2021-10-01T08:00', closesAt: '2021-09-30T08:00' }))).fields?.closesAt).toBe('quizzes_round_closes_before_opens');
		const round = await addRound(db, coordinator, draft.id, { name: 'Vòng 1', opensAt: '01/10/2021 08:00', closesAt: '07/10/2021 17:00' });
		expect(round.opensAt.toISOString()).toBe('2021-10-01T01:00:00.000Z');
		// Staff do not even see a draft contest; once published they see it but may not change it.
		expect((await refusal(addRound(db, staff, draft.id, { name: 'Vòng 2', opensAt: '2021-10-08T08:00', closesAt: '2021-10-09T08:00' }))).code).toBe('NOT_FOUND');
	});
});

describe('an attempt', async () => {
	const bank = await createQuestionBank(db, office.id, 12, { tags: ['công dân số'] });
	const shortQ = await seedQuestion(db, { orgId: office.id, kind: 'short', text: 'Tên tỉnh tổ chức?', accepted: 'Sơn La', foldAnswers: true, tags: ['địa phương'], difficulty: 'hard' });
	const { contest, round } = await seedContest(db, {
		orgId: office.id,
		campaignId: campaign.id,
		quotas: [
			{ tag: 'địa phương', difficulty: 'hard', count: 1 },
			{ tag: 'công dân số', difficulty: null, count: 4 }
		],
		attemptsAllowed: 1,
		timeLimitMinutes: 10,
		graceSeconds: 15,
		predictionQuestion: 'Có bao nhiêu người trả lời đúng tất cả các câu?'
	});
	const rightOption = (questionId: string) => bank.find((q) => q.id === questionId)!.correct;
	let anAttemptId = '';
	let binhAttemptId = '';
	const startAttemptOf = async (actor: Actor) => (actor === binh ? binhAttemptId : anAttemptId);

	it('draws the quotas, shuffles, and never shows the right answers while it is open', async () => {
		const attempt = await startAttempt(db, me(an), round.id);
		anAttemptId = attempt.id;
		expect(attempt.items).toHaveLength(5);
		expect(attempt.items.filter((i) => i.questionId === shortQ.id)).toHaveLength(1);
		const view = await getAttempt(db, me(an), attempt.id);
		const json = JSON.stringify(view);
		expect(json).not.toContain('Sơn La');
		expect(json).not.toMatch(/"correct"|"explanation"|"accepted"/);
		expect(view.result).toBeNull();
		// A refresh or another device: the same attempt, the same order.
		const again = await startAttempt(db, me(an), round.id);
		expect(again.id).toBe(attempt.id);
		expect(again.items).toEqual(attempt.items);
	});

	it('saves answers as the participant goes: the same answer twice is one answer, a late older retry changes nothing', async () => {
		const attempt = await startAttempt(db, me(an), round.id);
		const choice = attempt.items.find((i) => i.kind === 'single')!;
		const wrong = choice.optionIds.find((o) => !rightOption(choice.questionId).includes(o))!;
		await saveAnswers(db, me(an), attempt.id, { answers: [{ questionId: choice.questionId, value: [wrong], rev: 1 }] });
		const [a, b] = await Promise.all([
			saveAnswers(db, me(an), attempt.id, { answers: [{ questionId: choice.questionId, value: rightOption(choice.questionId), rev: 5 }] }),
			saveAnswers(db, me(an), attempt.id, { answers: [{ questionId: choice.questionId, value: rightOption(choice.questionId), rev: 5 }] })
		]);
		expect([a.saved, b.saved]).toEqual([1, 1]);
		await saveAnswers(db, me(an), attempt.id, { answers: [{ questionId: choice.questionId, value: [wrong], rev: 2 }] });
		const view = await getAttempt(db, me(an), attempt.id);
		expect(view.questions.find((q) => q.id === choice.questionId)!.answer).toEqual(rightOption(choice.questionId));
		await saveAnswers(db, me(an), attempt.id, { answers: [{ questionId: shortQ.id, value: ['  son la '] }] });
	});

	it('refuses an answer to a question not in the attempt, an option of another question, and someone else’s attempt', async () => {
		const attempt = await startAttempt(db, me(an), round.id);
		const notDrawn = bank.find((q) => !attempt.items.some((i) => i.questionId === q.id))!;
		expect((await refusal(saveAnswers(db, me(an), attempt.id, { answers: [{ questionId: notDrawn.id, value: [notDrawn.options[0].id] }] }))).fields?.questionId).toBe('quizzes_question_not_in_attempt');
		const choice = attempt.items.find((i) => i.kind === 'single')!;
		expect((await refusal(saveAnswers(db, me(an), attempt.id, { answers: [{ questionId: choice.questionId, value: [notDrawn.options[0].id] }] }))).fields?.value).toBe('quizzes_option_unknown');
		expect((await refusal(saveAnswers(db, me(an), attempt.id, { answers: [] }))).code).toBe('VALIDATION');
		expect((await refusal(saveAnswers(db, me(binh), attempt.id, { answers: [{ questionId: choice.questionId, value: [] }] }))).code).toBe('NOT_FOUND');
		expect((await refusal(getAttempt(db, me(binh), attempt.id))).code).toBe('NOT_FOUND');
		expect((await refusal(submitAttempt(db, { actor: anonymousActor }, attempt.id))).code).toBe('NOT_FOUND');
		expect((await refusal(startAttempt(db, { actor: anonymousActor }, round.id))).code).toBe('UNAUTHENTICATED');
	});

	it('scores a submission once, audits it, and refuses a second attempt beyond the allowance', async () => {
		const attempt = await startAttempt(db, me(an), round.id);
		for (const item of attempt.items.filter((i) => i.kind === 'single')) await saveAnswers(db, me(an), attempt.id, { answers: [{ questionId: item.questionId, value: rightOption(item.questionId) }] });
		const [first, second] = await Promise.all([submitAttempt(db, me(an), attempt.id, { prediction: '3' }), submitAttempt(db, me(an), attempt.id, { prediction: '3' })]);
		expect([first.repeated, second.repeated].sort()).toEqual([false, true]);
		expect(first.attempt.score).toBe(5);
		expect(second.attempt.score).toBe(5);
		expect(first.attempt.prediction).toBe(3);
		const audit = await listAuditEntries(db, systemActor(), { entity: 'quiz_attempt', entityId: attempt.id });
		expect(audit.map((e) => e.action)).toEqual(['score']);
		expect((await refusal(saveAnswers(db, me(an), attempt.id, { answers: [{ questionId: shortQ.id, value: ['Hà Nội'] }] }))).code).toBe('INVALID_TRANSITION');
		expect((await refusal(startAttempt(db, me(an), round.id))).fields?._).toBe('quizzes_no_attempts_left');
	});

	it('refuses a submission after the deadline plus grace and scores what was saved as timed out', async () => {
		const attempt = await startAttempt(db, me(binh), round.id);
		binhAttemptId = attempt.id;
		const item = attempt.items.find((i) => i.kind === 'single')!;
		await saveAnswers(db, me(binh), attempt.id, { answers: [{ questionId: item.questionId, value: rightOption(item.questionId) }] });
		// Within the grace, an answer is still taken.
		freezeClock(new Date(attempt.deadlineAt.getTime() + 10_000));
		await saveAnswers(db, me(binh), attempt.id, { answers: [{ questionId: shortQ.id, value: ['Sơn La'] }] });
		freezeClock(new Date(attempt.acceptUntil.getTime() + 1));
		expect((await refusal(saveAnswers(db, me(binh), attempt.id, { answers: [{ questionId: item.questionId, value: [] }] }))).fields?._).toBe('quizzes_deadline_passed');
		expect((await refusal(submitAttempt(db, me(binh), attempt.id))).fields?._).toBe('quizzes_deadline_passed');
		const view = await getAttempt(db, me(binh), attempt.id);
		expect(view.status).toBe('timed_out');
		const audit = await listAuditEntries(db, systemActor(), { entity: 'quiz_attempt', entityId: attempt.id });
		expect(audit[0].after).toMatchObject({ status: 'timed_out', score: 2 });
	});

	it('refuses to start in a closed round and to publish before it closes or by anyone but the organiser', async () => {
		expect((await refusal(publishRound(db, coordinator, round.id))).fields?._).toBe('quizzes_round_not_closed');
		freezeClock(new Date(round.closesAt.getTime() + 1000));
		expect((await refusal(startAttempt(db, me(cuong), round.id))).fields?._).toBe('quizzes_round_closed');
		expect((await refusal(publishRound(db, coordinator, round.id))).fields?._).toBe('quizzes_round_not_closed');
		freezeClock(new Date(round.closesAt.getTime() + contest.graceSeconds * 1000));
		expect((await refusal(publishRound(db, staff, round.id))).code).toBe('FORBIDDEN');
		expect((await refusal(publishRound(db, otherCoordinator, round.id))).code).toBe('FORBIDDEN');
		expect((await refusal(getRoundResults(db, an, round.id))).code).toBe('NOT_FOUND');
		const published = await publishRound(db, coordinator, round.id);
		expect(published.allCorrectCount).toBe(1);
		expect((await refusal(publishRound(db, coordinator, round.id))).fields?._).toBe('quizzes_round_already_published');
		const results = await getRoundResults(db, an, round.id);
		expect(results.leaderboard.map((r) => [r.rank, r.name, r.score])).toEqual([
			[1, 'Nguyễn Văn An', 5],
			[2, 'Trần Thị Bình', 2]
		]);
		const tttRow = results.units.find((u) => u.unitName === 'Trung tâm Thông tin')!;
		expect(tttRow).toMatchObject({ people: 2, participants: 2, participationRate: 1, averageScore: 3.5 });
		expect(results.units.find((u) => u.unitName === 'Phòng Hành chính - Quản trị')).toMatchObject({ people: 2, participants: 0, participationRate: 0 });
		expect(results.questions.find((q) => q.questionId === shortQ.id)).toMatchObject({ drawn: 2, answered: 2, correct: 2, correctRate: 1 });
		const mine = await getAttempt(db, me(an), anAttemptId);
		expect(mine.result).toMatchObject({ score: 5, total: 5, rank: 1 });

		const xlsx = new ExcelJS.Workbook();
		await xlsx.xlsx.load((await exportRoundResultsXlsx(db, coordinator, round.id)) as unknown as ExcelJS.Buffer);
		expect(xlsx.worksheets.map((w) => w.name)).toEqual(['Xếp hạng cá nhân', 'Theo đơn vị', 'Thống kê câu hỏi']);
		expect(xlsx.worksheets[0].getRow(2).getCell(2).value).toBe('Nguyễn Văn An');
		// The same file for an English reader: sheets and columns in English, the names as they are.
		const english = new ExcelJS.Workbook();
		await english.xlsx.load((await exportRoundResultsXlsx(db, coordinator, round.id, 'en')) as unknown as ExcelJS.Buffer);
		expect(english.worksheets.map((w) => w.name)).toEqual(['People', 'Units', 'Questions']);
		expect(english.worksheets[0].getRow(1).values).toEqual([undefined, 'Rank', 'Name', 'Unit', 'Correct', 'Questions', 'Time taken', 'Time (s)', 'Prediction', 'Submitted at']);
		expect(english.worksheets[0].getRow(2).getCell(2).value).toBe('Nguyễn Văn An');
		const audit = await listAuditEntries(db, systemActor(), { entity: 'quiz_round', entityId: round.id, action: 'publish' });
		expect(audit).toHaveLength(1);

		// Certificates: a prize for the first place, taking part for the others, verified by their code.
		const prize = await getAttemptCertificate(db, me(an), anAttemptId);
		expect(prize).toMatchObject({ recipientName: 'Nguyễn Văn An', award: 'winner', rank: 1, score: 5, total: 5 });
		expect(prize.code).toMatch(/^TN-[A-Z0-9]{10}$/);
		expect(await verifyQuizCertificate(db, prize.code)).toEqual(prize);
		expect((await refusal(getAttemptCertificate(db, me(binh), anAttemptId))).code).toBe('NOT_FOUND');
		expect((await refusal(verifyQuizCertificate(db, 'TN-0000000000'))).code).toBe('NOT_FOUND');
		const check = await checkQuizCertificate(db, prize.code.toLowerCase(), 'vi');
		expect(check).toMatchObject({ valid: true, recipientName: 'Nguyễn Văn An', subject: `Giải Nhất — ${contest.title}`, subjectHref: `/contests/${contest.id}` });
		const { pdf, fileName } = await attemptCertificatePdf(db, me(an), anAttemptId, 'vi');
		expect(fileName).toBe(`chung-nhan-${prize.code}.pdf`);
		const dir = mkdtempSync(join(tmpdir(), 'quiz-cert-'));
		writeFileSync(join(dir, 'c.pdf'), pdf);
		const text = execFileSync('pdftotext', [join(dir, 'c.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
		rmSync(dir, { recursive: true, force: true });
		for (const s of ['GIẤY CHỨNG NHẬN', 'Nguyễn Văn An', 'Giải Nhất', '5/5 câu đúng, xếp hạng 1', prize.code, `/certificates/${prize.code}`]) expect(text).toContain(s);
		const second = await getAttemptCertificate(db, me(binh), (await startAttemptOf(binh))!);
		expect(second).toMatchObject({ award: 'winner', rank: 2 });
		expect((await checkQuizCertificate(db, second.code, 'en')).subject).toBe(`Second prize — ${contest.title}`);
	});
});

describe('entry by e-mail code', async () => {
	await createQuestionBank(db, hcqt.id, 3);
	const { round } = await seedContest(db, { orgId: hcqt.id, campaignId: campaign.id, entryRule: 'email_code', quotas: [{ tag: null, difficulty: null, count: 3 }] });
	const codeIn = async (to: string) => /: (\d{6})/.exec((await listOutbox(db, systemActor())).find((m) => m.to === to)!.text)![1];

	it('sends a code, refuses a wrong one, and lets the verified address start from any browser', async () => {
		expect((await refusal(startAttempt(db, { actor: anonymousActor }, round.id))).fields?._).toBe('quizzes_code_needed');
		await requestEntryCode(db, anonymousActor, round.id, { name: 'Quàng Thị Mai', email: 'Mai@Example.vn', unitId: hcqt.id });
		const code = await codeIn('mai@example.vn');
		expect((await refusal(verifyEntryCode(db, anonymousActor, round.id, { email: 'mai@example.vn', code: code === '000000' ? '111111' : '000000' }))).fields?.code).toBe('quizzes_code_wrong');
		const { token, entrant } = await verifyEntryCode(db, anonymousActor, round.id, { email: 'mai@example.vn', code });
		expect(entrant).toMatchObject({ name: 'Quàng Thị Mai', unitId: hcqt.id });
		const attempt = await startAttempt(db, { actor: anonymousActor, entrantTokens: [token] }, round.id);
		expect((await refusal(getAttempt(db, { actor: anonymousActor, entrantTokens: [`${entrant.id}.forged`] }, attempt.id))).code).toBe('NOT_FOUND');
		expect((await refusal(requestEntryCode(db, anonymousActor, round.id, { name: 'X', email: 'not-an-email' }))).fields?.email).toBe('field_invalid_email');
	});

	it('refuses a second account for the same person in a round', async () => {
		await requestEntryCode(db, cuong, round.id, { name: 'Lò Văn Cường', email: 'cuong@example.vn' });
		await verifyEntryCode(db, cuong, round.id, { email: 'cuong@example.vn', code: await codeIn('cuong@example.vn') });
		const second = await org.createActor(db, [], { name: 'Lò Văn Cường (tài khoản 2)' });
		await requestEntryCode(db, second, round.id, { name: 'Lò Văn Cường', email: 'cuong@example.vn' });
		const codes = (await listOutbox(db, systemActor())).filter((m) => m.to === 'cuong@example.vn');
		const latest = /: (\d{6})/.exec(codes[0].text)![1];
		const refused = await refusal(verifyEntryCode(db, second, round.id, { email: 'cuong@example.vn', code: latest }));
		expect(refused.code).toBe('CONFLICT');
		expect(refused.fields?._).toBe('quizzes_one_account_per_person');
	});
});

describe('the ranking', () => {
	const row = (id: string, score: number, durationMs: number, prediction: number | null, submittedAt: number) => ({
		attemptId: `a-${id}`,
		entrantId: id,
		userId: null,
		name: id,
		unitId: null,
		score,
		total: 10,
		durationMs,
		prediction,
		submittedAt: new Date(submittedAt),
		startedAt: new Date(0)
	});

	it('breaks ties by time taken, then by the prediction, then by submission time, and keeps each entrant’s best attempt', () => {
		const ranked = rankAttempts(
			[row('late', 9, 60_000, 5, 3000), row('early', 9, 60_000, 5, 2000), row('close', 9, 60_000, 6, 9000), row('fast', 9, 50_000, null, 9000), row('top', 10, 90_000, null, 9000), { ...row('top', 8, 10_000, null, 1), attemptId: 'a-top-2' }],
			6
		);
		expect(ranked.map((r) => [r.rank, r.entrantId])).toEqual([
			[1, 'top'],
			[2, 'fast'],
			[3, 'close'],
			[4, 'early'],
			[5, 'late']
		]);
	});
});

describe('a round participants have just read', () => {
	it('takes an organiser’s change at once, though participants’ reads of a round are remembered for a few seconds', async () => {
		await createQuestionBank(db, office.id, 3);
		const { round } = await seedContest(db, { orgId: office.id, campaignId: campaign.id, quotas: [{ tag: null, difficulty: null, count: 3 }] });
		// A start remembers the round, its contest and organiser …
		await startAttempt(db, me(an), round.id);
		// … and the organiser closes it a minute ago: the next start is refused now, not after the memory runs out.
		const closed = new Date(Date.now() - 60_000);
		await updateRound(db, coordinator, round.id, { name: round.name, opensAt: round.opensAt.toISOString(), closesAt: closed.toISOString() });
		expect((await refusal(startAttempt(db, me(binh), round.id))).fields?._).toBe('quizzes_round_closed');
	});
});
