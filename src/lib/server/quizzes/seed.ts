// Factories for tests, e2e, the bench and the demo: questions, contests and rounds made through the
// service, as staff and organisers would.
import type { Db } from '../db/types';
import { systemActor, type Actor } from '../auth/actor';
import { now } from '../core/clock';
import type { ContestInput, QuestionInput } from '$lib/features/quizzes/inputs';
import { addRound, createContest as createContestRecord, createQuestion as createQuestionRecord } from './service';
import type { QuizContestRow, QuizQuestionRow, QuizRoundRow } from './tables';

const seedActor = systemActor('seed');
let counter = 0;

export type QuestionOverrides = Partial<QuestionInput> & { orgId: string; actor?: Actor };

/** A single-choice question of `orgId` whose right answer is the first option (by the system unless `actor` is given). */
export async function createQuestion(db: Db, overrides: QuestionOverrides): Promise<QuizQuestionRow> {
	const { orgId, actor = seedActor, ...input } = overrides;
	const n = ++counter;
	return createQuestionRecord(db, actor, orgId, {
		kind: 'single',
		text: `Câu hỏi số ${n} về học tập suốt đời?`,
		options: [`Đáp án đúng ${n}`, `Phương án sai ${n}.1`, `Phương án sai ${n}.2`, `Phương án sai ${n}.3`],
		correct: ['1'],
		tags: ['kỹ năng số'],
		difficulty: 'medium',
		...input
	});
}

/** `count` single-choice questions of `orgId`, each right at its first option. */
export async function createQuestionBank(db: Db, orgId: string, count: number, overrides: Partial<QuestionInput> = {}): Promise<QuizQuestionRow[]> {
	const out: QuizQuestionRow[] = [];
	for (let i = 0; i < count; i++) out.push(await createQuestion(db, { orgId, ...overrides }));
	return out;
}

export type ContestOverrides = Partial<ContestInput> & {
	orgId: string;
	campaignId: string;
	actor?: Actor;
	/** The round's times; by default it opened an hour ago and closes in a day. */
	opensAt?: Date;
	closesAt?: Date;
	roundName?: string;
};

/** A published contest of `orgId` with one round (10 questions of any tag, 10 minutes, 10 s grace by default). */
export async function createContest(db: Db, overrides: ContestOverrides): Promise<{ contest: QuizContestRow; round: QuizRoundRow }> {
	const { orgId, actor = seedActor, opensAt, closesAt, roundName, ...input } = overrides;
	const n = ++counter;
	const contest = await createContestRecord(db, actor, orgId, {
		title: `Cuộc thi trắc nghiệm ${n}`,
		description: 'Tìm hiểu về học tập suốt đời và kỹ năng số.',
		timeLimitMinutes: 10,
		graceSeconds: 10,
		quotas: [{ tag: null, difficulty: null, count: 10 }],
		status: 'published',
		...input
	});
	const at = now();
	const round = await addRound(db, actor, contest.id, {
		name: roundName ?? 'Vòng 1',
		opensAt: (opensAt ?? new Date(at.getTime() - 3600_000)).toISOString(),
		closesAt: (closesAt ?? new Date(at.getTime() + 24 * 3600_000)).toISOString()
	});
	return { contest, round };
}
