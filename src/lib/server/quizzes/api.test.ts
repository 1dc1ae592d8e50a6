// The quiz API through its route handlers, on a real database: the documented shapes, an open
// attempt without any right answer, a submission sent twice acting once, published results, and
// refusals in the caller's language.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../db/testing';
import { freezeClock } from '../core/clock';
import { anonymousActor, systemActor, type Actor } from '../auth/actor';
import * as org from '../org/seed';
import { createCampaign } from '../campaigns/seed';
import { attemptJson, roundResultsJson, savedAnswersJson } from '$lib/features/quizzes/api';
import { publishRound } from './service';
import { createContest, createQuestion, createQuestionBank } from './seed';
import { POST as start } from '../../../routes/api/v1/quiz-rounds/[id]/attempts/+server';
import { GET as results } from '../../../routes/api/v1/quiz-rounds/[id]/results/+server';
import { GET as readAttempt } from '../../../routes/api/v1/quiz-attempts/[id]/+server';
import { POST as answer } from '../../../routes/api/v1/quiz-attempts/[id]/answers/+server';
import { POST as submit } from '../../../routes/api/v1/quiz-attempts/[id]/submission/+server';

const db = await createTestDb();
afterEach(() => freezeClock());

const office = await org.createOrgNode(db, { kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const campaign = await createCampaign(db, { orgId: office.id, year: 2021, status: 'running' });
const bank = await createQuestionBank(db, office.id, 4, { explanation: 'Giải thích bí mật của đáp án.' });
await createQuestion(db, { orgId: office.id, kind: 'short', text: 'Tên miền của Cổng Dịch vụ công quốc gia?', accepted: 'dichvucong.gov.vn', options: [], correct: [] });
const { round } = await createContest(db, { orgId: office.id, campaignId: campaign.id, quotas: [{ tag: null, difficulty: null, count: 5 }] });
const learner = await org.createActor(db, [], { name: 'Hà Thị Lan' });
const other = await org.createActor(db, [], { name: 'Người khác' });

type Handler = (event: never) => Promise<Response>;
function call(handler: Handler, options: { params: Record<string, string>; actor?: Actor; body?: unknown; headers?: Record<string, string> }) {
	const url = new URL('http://localhost/api/v1');
	const request = new Request(url, options.body === undefined ? { method: 'POST', headers: options.headers } : { method: 'POST', body: JSON.stringify(options.body), headers: { 'content-type': 'application/json', ...options.headers } });
	const cookies = { get: () => undefined };
	return handler({ locals: { db, actor: options.actor ?? anonymousActor }, params: options.params, request, url, cookies } as never);
}

describe('the quiz API', () => {
	it('starts an attempt without any right answer, saves answers, and acts once on a submission sent twice', async () => {
		const first = await call(start as Handler, { params: { id: round.id }, actor: learner });
		expect(first.status).toBe(201);
		const text = await first.text();
		const attempt = attemptJson.parse(JSON.parse(text));
		expect(attempt.questions).toHaveLength(5);
		for (const secret of ['dichvucong.gov.vn', 'Giải thích bí mật', '"correct"']) expect(text).not.toContain(secret);
		const again = await call(start as Handler, { params: { id: round.id }, actor: learner });
		expect(again.status).toBe(200);
		expect(attemptJson.parse(await again.json()).id).toBe(attempt.id);

		const choice = attempt.questions.find((q) => q.kind === 'single')!;
		const right = bank.find((q) => q.id === choice.id)!.correct;
		const saved = await call(answer as Handler, { params: { id: attempt.id }, actor: learner, body: { answers: [{ questionId: choice.id, value: right }] } });
		expect(saved.status).toBe(200);
		savedAnswersJson.parse(await saved.json());
		const foreign = await call(answer as Handler, { params: { id: attempt.id }, actor: other, body: { answers: [{ questionId: choice.id, value: right }] }, headers: { 'accept-language': 'en' } });
		expect(foreign.status).toBe(404);
		const stray = await call(answer as Handler, { params: { id: attempt.id }, actor: learner, body: { answers: [{ questionId: 'nope', value: [] }] }, headers: { 'accept-language': 'en' } });
		expect(stray.status).toBe(400);
		expect(await stray.json()).toMatchObject({ code: 'VALIDATION', fields: { questionId: 'That question is not part of this attempt.' } });

		const headers = { 'idempotency-key': '5d0b1f8e-6a7c-4d2b-9e3f-1a2b3c4d5e6f' };
		const [a, b] = await Promise.all([call(submit as Handler, { params: { id: attempt.id }, actor: learner, headers }), call(submit as Handler, { params: { id: attempt.id }, actor: learner, headers })]);
		expect([a.status, b.status].sort()).toEqual([200, 201]);
		const done = attemptJson.parse(await a.json());
		expect(done).toMatchObject({ status: 'submitted', result: null });
		const read = await call(readAttempt as Handler, { params: { id: attempt.id }, actor: learner });
		expect(attemptJson.parse(await read.json()).questions.find((q) => q.id === choice.id)!.answer).toEqual(right);
	});

	it('hides results until they are published, then shows them to anyone', async () => {
		const before = await call(results as Handler, { params: { id: round.id }, headers: { 'accept-language': 'en' } });
		expect(before.status).toBe(404);
		expect(await before.json()).toMatchObject({ code: 'NOT_FOUND' });
		freezeClock(new Date(round.closesAt.getTime() + 60_000));
		await publishRound(db, systemActor(), round.id);
		const after = await call(results as Handler, { params: { id: round.id } });
		expect(after.status).toBe(200);
		const body = roundResultsJson.parse(await after.json());
		expect(body.leaderboard).toMatchObject([{ rank: 1, name: 'Hà Thị Lan', score: 1, total: 5 }]);
		const late = await call(start as Handler, { params: { id: round.id }, actor: other });
		expect(late.status).toBe(409);
		expect(await late.json()).toMatchObject({ code: 'INVALID_TRANSITION', fields: { _: 'Vòng thi đã kết thúc.' } });
	});
});
