// Factories for tests, e2e, the bench and the demo: questions, contests and rounds made through the
// service, as staff and organisers would.
import type { Db } from '../db/types';
import { systemActor, type Actor } from '../auth/actor';
import { now } from '../core/clock';
import { newId, newSecret } from '../core/ids';
import { insertEntrant } from './queries';
import { tokenHash } from './service/quiz-context';
import type { ContestInput, QuestionInput } from '$lib/features/quizzes/inputs';
import { createUser } from '../org/seed';
import { linkPersonToUser, type PersonRow } from '../org/service';
import { addRound, createContest as createContestRecord, createQuestion as createQuestionRecord, listQuestions, publishRound, saveAnswers, startAttempt, submitAttempt } from './service';
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

/** The demo's question bank: digital citizenship and lifelong learning, as the 2021 plan asks ("cộng đồng số, công dân số"). */
const DEMO_QUESTIONS: QuestionInput[] = [
	{ kind: 'single', text: 'Tuần lễ hưởng ứng học tập suốt đời năm 2021 của Văn phòng UBND tỉnh Sơn La được tổ chức trong thời gian nào?', options: ['Từ ngày 01/10/2021 đến ngày 07/10/2021', 'Từ ngày 08/9/2021 đến ngày 15/9/2021', 'Từ ngày 20/11/2021 đến ngày 27/11/2021', 'Cả tháng 12/2021'], correct: ['1'], tags: 'học tập suốt đời, công dân số', difficulty: 'easy', explanation: 'Kế hoạch của Văn phòng: Tuần lễ được tổ chức từ ngày 01/10/2021 đến ngày 07/10/2021.' },
	{ kind: 'single', text: 'Chủ đề nào sau đây là một chủ đề của Tuần lễ hưởng ứng học tập suốt đời năm 2021?', options: ['Chuyển đổi số để xây dựng thành công một xã hội học tập mới', 'Học tập để lập nghiệp', 'Mỗi ngày một cuốn sách', 'Văn hóa đọc trong nhà trường'], correct: ['1'], tags: 'học tập suốt đời, công dân số', difficulty: 'medium' },
	{ kind: 'multiple', text: 'Những dấu hiệu nào cho thấy một tin nhắn có thể là lừa đảo trực tuyến?', options: ['Yêu cầu cung cấp mã OTP hoặc mật khẩu', 'Chứa đường dẫn lạ, thúc giục bấm ngay', 'Thông báo trúng thưởng dù bạn không tham gia', 'Gửi từ tổng đài chính thức, không yêu cầu thông tin cá nhân'], correct: ['1', '2', '3'], tags: 'an toàn số, công dân số', difficulty: 'medium', explanation: 'Cơ quan, ngân hàng không bao giờ hỏi mã OTP hay mật khẩu qua tin nhắn.' },
	{ kind: 'true_false', text: 'Được phép chia sẻ mã xác thực một lần (OTP) cho nhân viên ngân hàng khi họ gọi điện hỏi.', correct: ['false'], tags: 'an toàn số, công dân số', difficulty: 'easy' },
	{ kind: 'single', text: 'Mật khẩu nào sau đây an toàn nhất?', options: ['Sl@2021#HocTapSuotDoi', '12345678', 'matkhau', 'Ngày sinh của bạn'], correct: ['1'], tags: 'an toàn số, công dân số', difficulty: 'easy' },
	{ kind: 'true_false', text: 'Người dân có thể nộp hồ sơ thủ tục hành chính trực tuyến qua Cổng Dịch vụ công quốc gia mà không cần đến cơ quan nhà nước.', correct: ['true'], tags: 'dịch vụ công, công dân số', difficulty: 'easy' },
	{ kind: 'multiple', text: 'Những việc nào giúp bảo vệ dữ liệu cá nhân khi dùng mạng xã hội?', options: ['Bật xác thực hai lớp', 'Giới hạn người xem bài đăng', 'Đăng ảnh căn cước công dân lên trang cá nhân', 'Cập nhật ứng dụng thường xuyên'], correct: ['1', '2', '4'], tags: 'an toàn số, công dân số', difficulty: 'medium' },
	{ kind: 'single', text: 'Theo kế hoạch năm 2021, các diễn đàn giáo dục trực tuyến của UNESCO về học tập suốt đời được giới thiệu tại địa chỉ nào?', options: ['uil.unesco.org', 'unesco.vn.com', 'hoctap.unesco.net', 'lifelong.edu.vn'], correct: ['1'], tags: 'học tập suốt đời, công dân số', difficulty: 'hard' },
	{ kind: 'single', text: 'Kỹ năng nào thuộc nhóm năng lực số thiết yếu của công dân số?', options: ['Tìm kiếm, đánh giá và sử dụng thông tin trên mạng Internet', 'Viết chữ đẹp', 'Thuộc lòng danh bạ điện thoại', 'Sử dụng máy đánh chữ'], correct: ['1'], tags: 'kỹ năng số, công dân số', difficulty: 'easy' },
	{ kind: 'true_false', text: 'Trí tuệ nhân tạo tạo sinh có thể đưa ra thông tin sai; người dùng cần kiểm chứng trước khi sử dụng.', correct: ['true'], tags: 'kỹ năng số, công dân số', difficulty: 'medium' },
	{ kind: 'short', text: 'Tên miền của Cổng Dịch vụ công quốc gia là gì?', accepted: 'dichvucong.gov.vn\nwww.dichvucong.gov.vn', foldAnswers: true, tags: 'trả lời ngắn, dịch vụ công', difficulty: 'medium' },
	{ kind: 'short', text: 'Phong trào học kỹ năng số cho toàn dân được phát động năm 2025 có tên là gì?', accepted: 'Bình dân học vụ số', foldAnswers: true, tags: 'trả lời ngắn, kỹ năng số', difficulty: 'hard' }
];

/**
 * The demo's quiz contest of the 2021 Week: "Tìm hiểu về công dân số", a first round published with
 * the results of ten staff of the Office's units, and a final round that has closed and waits for
 * the coordinator to publish it. `setClock` moves the app's clock through the rounds.
 */
export async function seedDemoQuizzes(db: Db, demo: { officeOrgId: string; campaignId: string; people: PersonRow[]; setClock: (at?: Date) => void }): Promise<{ contest: QuizContestRow }> {
	const vn = (s: string) => new Date(`${s}:00+07:00`);
	for (const q of DEMO_QUESTIONS) await createQuestionRecord(db, seedActor, demo.officeOrgId, q);
	const contest = await createContestRecord(db, seedActor, demo.officeOrgId, {
		campaignId: demo.campaignId,
		title: 'Cuộc thi trực tuyến "Tìm hiểu về công dân số" năm 2021',
		description:
			'Cuộc thi trắc nghiệm dành cho công chức, viên chức, người lao động của Văn phòng UBND tỉnh và người dân, hưởng ứng Tuần lễ học tập suốt đời năm 2021 với chủ đề "Chuyển đổi số để xây dựng thành công một xã hội học tập mới".',
		entryRule: 'signed_in',
		attemptsAllowed: 2,
		timeLimitMinutes: 15,
		graceSeconds: 15,
		quotas: [
			{ tag: 'trả lời ngắn', difficulty: null, count: 1 },
			{ tag: 'công dân số', difficulty: null, count: 5 }
		],
		predictionQuestion: 'Theo bạn, có bao nhiêu người trả lời đúng tất cả các câu hỏi của vòng thi?',
		status: 'published'
	});
	const first = await addRound(db, seedActor, contest.id, { name: 'Vòng 1', opensAt: vn('2021-10-01T08:00').toISOString(), closesAt: vn('2021-10-03T17:00').toISOString() });
	await addRound(db, seedActor, contest.id, { name: 'Vòng chung kết', opensAt: vn('2021-10-04T08:00').toISOString(), closesAt: vn('2021-10-07T17:00').toISOString() });

	// Ten people of the Office's units take the first round, each with a different number of right answers.
	const bank = await listQuestions(db, seedActor, { orgId: demo.officeOrgId });
	const right = new Map(bank.map((q) => [q.id, q]));
	const takers = demo.people.filter((p) => !(p.familyName === 'Lê' && p.givenName === 'Anh')).slice(0, 10);
	for (const [i, person] of takers.entries()) {
		const user = await createUser(db, { name: [person.familyName, person.middleName, person.givenName].filter(Boolean).join(' '), email: `thisinh${i + 1}@demo.learnweek.vn`, isDemo: true });
		await linkPersonToUser(db, seedActor, { personId: person.id, userId: user.id });
		const actor: Actor = { kind: 'user', userId: user.id, name: user.name, email: user.email, grants: [] };
		const start = vn(`2021-10-0${1 + (i % 3)}T${String(8 + i).padStart(2, '0')}:00`);
		demo.setClock(start);
		const attempt = await startAttempt(db, { actor }, first.id);
		const answers = attempt.items.map((item, n) => {
			const q = right.get(item.questionId)!;
			// The first questions of the later takers go wrong: scores from 6 down to 3.
			const wrong = n < Math.floor(i / 3);
			const value = q.kind === 'short' ? [wrong ? 'không biết' : q.correct[0]] : wrong ? [item.optionIds.find((o) => !q.correct.includes(o)) ?? item.optionIds[0]] : q.correct;
			return { questionId: item.questionId, value };
		});
		await saveAnswers(db, { actor }, attempt.id, { answers });
		demo.setClock(new Date(start.getTime() + (4 + i) * 60_000 + i * 7_000));
		await submitAttempt(db, { actor }, attempt.id, { prediction: 2 + (i % 4) });
	}
	demo.setClock(vn('2021-10-04T07:30'));
	await publishRound(db, seedActor, first.id);
	demo.setClock();
	return { contest };
}

/**
 * `count` entrants of a round under the e-mail code rule, as if each had verified a code, and the
 * browser token of each (for the bench and tests that need many participants without mail).
 */
export async function createCodeEntrants(db: Db, roundId: string, count: number): Promise<string[]> {
	const tokens: string[] = [];
	for (let i = 0; i < count; i++) {
		const secret = newSecret(24);
		const entrant = await insertEntrant(db, { id: newId(), roundId, identityKey: `email:thisinh${i + 1}@example.vn`, name: `Thí sinh ${i + 1}`, email: `thisinh${i + 1}@example.vn`, tokenHashes: [tokenHash(secret)], createdAt: now() });
		tokens.push(`${entrant!.id}.${secret}`);
	}
	return tokens;
}
