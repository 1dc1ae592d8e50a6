// Contest winners in recognition: the published winners of a quiz round and of a creative contest
// become role-model suggestions and award candidates; one achievement is awarded once.
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb, useTempFilesDir } from '../db/testing';
import { freezeClock } from '../core/clock';
import { AppError } from '../core/errors';
import type { Actor } from '../auth/actor';
import * as org from '../org/seed';
import { createCampaign } from '../campaigns/seed';
import * as quiz from '../quizzes/seed';
import { listQuizWinners } from '../quizzes/export';
import { publishRound, saveAnswers, startAttempt, submitAttempt } from '../quizzes/service';
import * as creative from '../creative/seed';
import { listCreativeWinners } from '../creative/export';
import { addJuror, closeRound, createRound, disqualifyEntry, openRound, publishResults, rateEntry } from '../creative/service';
import type { CreativeEntryRow } from '../creative/tables';
import { addAwardRecipient, createAwardDecision, getAwardDecision, listNominationSuggestions } from './service';

const db = await createTestDb();
useTempFilesDir('recognition-contests');
const T0 = new Date();
const DAY = 86_400_000;
freezeClock(T0);
afterAll(() => freezeClock());

async function refusal(p: Promise<unknown>): Promise<{ code: string; fields?: Record<string, string> }> {
	try {
		await p;
	} catch (e) {
		if (e instanceof AppError) return { code: e.code, fields: e.fields };
		throw e;
	}
	throw new Error('expected a refusal');
}

const office = await org.createOrgNode(db, { kind: 'agency', name: 'Văn phòng UBND tỉnh Sơn La', shortCode: 'VPUB' });
const tttt = await org.createOrgNode(db, { parentId: office.id, name: 'Trung tâm Thông tin', shortCode: 'TTTT' });
const coordinator = await org.createActor(db, { role: 'coordinator', orgId: office.id }, { name: 'Điều phối' });
const staff = await org.createActor(db, { role: 'staff', orgId: tttt.id }, { name: 'Cán bộ' });
const campaign = await createCampaign(db, { orgId: office.id, year: 2026, status: 'running' });

// A quiz round: four takers, taker i answers i questions wrong.
const bank = await quiz.createQuestionBank(db, office.id, 10);
const right = new Map(bank.map((q) => [q.id, q.correct]));
const { contest: quizContest, round } = await quiz.createContest(db, { orgId: office.id, campaignId: campaign.id, title: 'Tìm hiểu về công dân số' });
const takers: Actor[] = [];
for (const [i, name] of ['Lò Văn Quyết', 'Cầm Thị Lan', 'Tòng Văn Hải', 'Quàng Thị Mơ'].entries()) {
	const actor = await org.createActor(db, { role: 'staff', orgId: tttt.id }, { name });
	takers.push(actor);
	const attempt = await startAttempt(db, { actor }, round.id);
	const answers = attempt.items.map((item, n) => ({ questionId: item.questionId, value: n < i ? [item.optionIds.find((o) => !right.get(item.questionId)!.includes(o))!] : right.get(item.questionId)! }));
	await saveAnswers(db, { actor }, attempt.id, { answers });
	await submitAttempt(db, { actor }, attempt.id);
}

// A creative contest: four entries ranked in their order by one juror.
const reading = await creative.createContest(db, { campaignId: campaign.id, title: 'Cuộc thi "Đọc sách cùng con"', juryWeight: '100', voteOpensAt: '', voteClosesAt: '' });
const authors: Actor[] = [];
const entries: CreativeEntryRow[] = [];
for (const [i, name] of ['Lường Thị Mai', 'Hà Văn Chính', 'Vì Thị Hoa', 'Lừ Văn Bình'].entries()) {
	authors.push(await org.createActor(db, [], { name }));
	entries.push(await creative.createEntry(db, reading.id, authors[i], { title: `Bài đọc số ${i + 1}` }));
}
const juror = await org.createActor(db, [], { name: 'Giám khảo' });
const jury = await createRound(db, coordinator, reading.id, { title: 'Vòng chấm', rubric: creative.READING_RUBRIC });
await addJuror(db, coordinator, jury.id, { email: juror.email });

describe('contest winners in recognition', () => {
	it('are neither suggested nor candidates before their results are published', async () => {
		expect(await listQuizWinners(db, campaign.id)).toEqual([]);
		expect(await listCreativeWinners(db, campaign.id)).toEqual([]);
		expect((await listNominationSuggestions(db, coordinator, campaign.id)).filter((s) => s.source === 'contests')).toEqual([]);
	});

	it('are read from the published quiz round and the published creative ranking, places 1 to 3 only', async () => {
		freezeClock(new Date(T0.getTime() + 8 * DAY));
		await publishRound(db, coordinator, round.id);
		await openRound(db, coordinator, jury.id);
		for (const [i, e] of entries.entries()) await rateEntry(db, juror, jury.id, e.id, Object.fromEntries(['c1', 'c2', 'c3', 'c4'].map((c) => [`score_${c}`, String(10 - i)])));
		await closeRound(db, coordinator, jury.id);
		await publishResults(db, coordinator, reading.id);

		const quizWinners = await listQuizWinners(db, campaign.id);
		expect(quizWinners.map((w) => [w.place, w.name, w.score, w.total, w.roundName, w.contestTitle])).toEqual([
			[1, 'Lò Văn Quyết', 10, 10, 'Vòng 1', 'Tìm hiểu về công dân số'],
			[2, 'Cầm Thị Lan', 9, 10, 'Vòng 1', 'Tìm hiểu về công dân số'],
			[3, 'Tòng Văn Hải', 8, 10, 'Vòng 1', 'Tìm hiểu về công dân số']
		]);
		expect(quizWinners[0].userId).toBe(takers[0].userId);
		const creativeWinners = await listCreativeWinners(db, campaign.id);
		expect(creativeWinners.map((w) => [w.place, w.name, w.userId, w.entryTitle, w.score])).toEqual([
			[1, 'Lường Thị Mai', authors[0].userId, 'Bài đọc số 1', 100],
			[2, 'Hà Văn Chính', authors[1].userId, 'Bài đọc số 2', 90],
			[3, 'Vì Thị Hoa', authors[2].userId, 'Bài đọc số 3', 80]
		]);
		expect(quizContest.id).toBe(quizWinners[0].contestId);
	});

	it('are suggested as role models to coordinators, with the prize as evidence', async () => {
		expect((await refusal(listNominationSuggestions(db, staff, campaign.id))).code).toBe('FORBIDDEN');
		const suggestions = (await listNominationSuggestions(db, coordinator, campaign.id)).filter((s) => s.source === 'contests');
		expect(suggestions.map((s) => s.name)).toEqual(['Lò Văn Quyết', 'Cầm Thị Lan', 'Tòng Văn Hải', 'Lường Thị Mai', 'Hà Văn Chính', 'Vì Thị Hoa']);
		expect(suggestions[0]).toMatchObject({ kind: 'person', userId: takers[0].userId, evidence: 'Đạt giải Nhất cuộc thi “Tìm hiểu về công dân số” (Vòng 1), 10/10 câu đúng.', facts: { place: 1, contest: 'Tìm hiểu về công dân số' } });
		expect(suggestions[4].evidence).toBe('Đạt giải Nhì cuộc thi “Cuộc thi "Đọc sách cùng con"”, 90 điểm.');
	});

	it('are candidates of a decision, awarded once, and a revoked prize is no candidate', async () => {
		const d = await createAwardDecision(db, coordinator, { campaignId: campaign.id, summary: 'Về việc khen thưởng người đạt giải các cuộc thi', reason: 'đã đạt giải các cuộc thi của Tuần lễ' });
		const contestCandidates = (await getAwardDecision(db, coordinator, d.id)).candidates.filter((c) => c.source === 'contest');
		expect(contestCandidates.map((c) => c.citation)).toEqual([
			'Đạt giải Nhất cuộc thi “Tìm hiểu về công dân số” (Vòng 1)',
			'Đạt giải Nhì cuộc thi “Tìm hiểu về công dân số” (Vòng 1)',
			'Đạt giải Ba cuộc thi “Tìm hiểu về công dân số” (Vòng 1)',
			'Đạt giải Nhất cuộc thi “Cuộc thi "Đọc sách cùng con"”',
			'Đạt giải Nhì cuộc thi “Cuộc thi "Đọc sách cùng con"”',
			'Đạt giải Ba cuộc thi “Cuộc thi "Đọc sách cùng con"”'
		]);
		const first = contestCandidates[0];
		expect(first).toMatchObject({ kind: 'individual', name: 'Lò Văn Quyết', authorIndex: null });
		const row = await addAwardRecipient(db, coordinator, d.id, { kind: first.kind, name: first.name, unitName: first.unitName, source: first.source, sourceId: first.sourceId, formCode: 'giay_khen', citation: first.citation });
		expect(row).toMatchObject({ source: 'contest', sourceId: first.sourceId, citation: first.citation });
		expect((await getAwardDecision(db, coordinator, d.id)).candidates.some((c) => c.sourceId === first.sourceId)).toBe(false);

		// The same achievement again, here or in another decision of the campaign, is refused.
		const again = await createAwardDecision(db, coordinator, { campaignId: campaign.id, summary: 'Về việc khen thưởng', reason: 'đã có thành tích' });
		for (const id of [d.id, again.id]) {
			expect(await refusal(addAwardRecipient(db, coordinator, id, { kind: 'individual', name: first.name, source: 'contest', sourceId: first.sourceId, formCode: 'giay_khen', citation: 'x' }))).toEqual({ code: 'VALIDATION', fields: { sourceId: 'recognition_source_already_awarded' } });
		}
		expect((await getAwardDecision(db, coordinator, again.id)).candidates.some((c) => c.sourceId === first.sourceId)).toBe(false);
		// A fourth place, or an entry that is no winner, is no contest achievement.
		const fourth = `creative:${entries[3].id}`;
		expect(await refusal(addAwardRecipient(db, coordinator, again.id, { kind: 'individual', name: 'Lừ Văn Bình', source: 'contest', sourceId: fourth, formCode: 'giay_khen', citation: 'x' }))).toEqual({ code: 'VALIDATION', fields: { sourceId: 'recognition_source_not_recognised' } });

		// Disqualifying a winner afterwards revokes the prize: it leaves the candidates.
		await disqualifyEntry(db, coordinator, entries[1].id, { reason: 'Bài đọc không phải của thí sinh' });
		const left = (await getAwardDecision(db, coordinator, again.id)).candidates.filter((c) => c.source === 'contest').map((c) => c.name);
		expect(left).toEqual(['Cầm Thị Lan', 'Tòng Văn Hải', 'Lường Thị Mai', 'Vì Thị Hoa']);
	});
});
