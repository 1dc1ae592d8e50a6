// Issue 6, "Integrity": 500 participants answer 20 questions and submit at the same moment, every
// answer and every submission sent twice (a retry after a lost connection). Each must count once.
// Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../db/testing';
import { systemActor, type Actor } from '../auth/actor';
import * as org from '../org/seed';
import { createCampaign } from '../campaigns/seed';
import { listAuditEntries } from '../audit/service';
import { getAttempt, saveAnswers, startAttempt, submitAttempt, type Participant, type QuizAttemptRow } from './service';
import { createContest, createQuestionBank } from './seed';

const db = await createTestDb();
const PARTICIPANTS = 500;
const QUESTIONS = 20;

const office = await org.createOrgNode(db, { kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const campaign = await createCampaign(db, { orgId: office.id, year: 2021, status: 'running' });
const bank = await createQuestionBank(db, office.id, QUESTIONS);
const right = new Map(bank.map((q) => [q.id, q.correct]));
const { round } = await createContest(db, { orgId: office.id, campaignId: campaign.id, quotas: [{ tag: null, difficulty: null, count: QUESTIONS }], attemptsAllowed: 1, timeLimitMinutes: 30 });

const people: Actor[] = [];
for (let i = 0; i < PARTICIPANTS; i++) people.push(await org.createActor(db, [], { name: `Người dự thi ${i + 1}`, email: `nguoi${i + 1}@example.vn` }));

async function countAuditScores(): Promise<number> {
	let n = 0;
	for (let page = 1; ; page++) {
		const rows = await listAuditEntries(db, systemActor(), { entity: 'quiz_attempt', action: 'score', page });
		n += rows.length;
		if (!rows.length) return n;
	}
}

describe('500 concurrent participants, every request sent twice', () => {
	it('counts each answer and each submission exactly once', { timeout: 300_000 }, async () => {
		const participants: Participant[] = people.map((actor) => ({ actor }));
		// Each participant starts twice at once (a double tap): one attempt each.
		const started = await Promise.all(participants.flatMap((p) => [startAttempt(db, p, round.id), startAttempt(db, p, round.id)]));
		const attempts: QuizAttemptRow[] = [];
		for (let i = 0; i < started.length; i += 2) {
			expect(started[i].id).toBe(started[i + 1].id);
			attempts.push(started[i]);
		}
		expect(new Set(attempts.map((a) => a.id)).size).toBe(PARTICIPANTS);

		// Every answer twice, all at once.
		await Promise.all(
			attempts.flatMap((a, i) =>
				a.items.flatMap((item) => {
					const body = { answers: [{ questionId: item.questionId, value: right.get(item.questionId)!, rev: 1 }] };
					return [saveAnswers(db, participants[i], a.id, body), saveAnswers(db, participants[i], a.id, body)];
				})
			)
		);

		// Every submission twice, all at once.
		const submitted = await Promise.all(attempts.flatMap((a, i) => [submitAttempt(db, participants[i], a.id, {}), submitAttempt(db, participants[i], a.id, {})]));
		for (let i = 0; i < submitted.length; i += 2) {
			const [x, y] = [submitted[i], submitted[i + 1]];
			expect(x.attempt.id).toBe(y.attempt.id);
			expect([x.repeated, y.repeated].filter((r) => !r)).toHaveLength(1);
			expect(x.attempt.score).toBe(QUESTIONS);
			expect(y.attempt.score).toBe(QUESTIONS);
		}

		expect(await countAuditScores()).toBe(PARTICIPANTS);
		const views = await Promise.all(attempts.map((a, i) => getAttempt(db, participants[i], a.id)));
		for (const v of views) {
			expect(v.status).toBe('submitted');
			expect(v.questions.filter((q) => q.answer.length === 1)).toHaveLength(QUESTIONS);
		}
	});
});
