import { describe, expect, it } from 'vitest';
import { formatDuration, formatRate, formatScore, roundPhase } from './format';
import { questionInput, contestInput } from './inputs';

describe('quiz formats', () => {
	it('writes durations, rates and scores the Vietnamese way', () => {
		expect(formatDuration(725_400, 'vi')).toBe('12 phút 05 giây');
		expect(formatDuration(725_400, 'en')).toBe('12 min 05 s');
		expect(formatRate(2 / 3, 'vi')).toBe('66,7 %');
		expect(formatRate(null, 'vi')).toBe('—');
		expect(formatScore(3.5, 'vi')).toBe('3,5');
		expect(formatScore(10 / 3, 'vi')).toBe('3,33');
	});

	it('places a round: upcoming, open, closed, published', () => {
		const r = { opensAt: '2021-10-01T01:00:00Z', closesAt: '2021-10-03T10:00:00Z' };
		expect(roundPhase(r, new Date('2021-09-30T00:00:00Z'))).toBe('upcoming');
		expect(roundPhase(r, new Date('2021-10-02T00:00:00Z'))).toBe('open');
		expect(roundPhase(r, new Date('2021-10-03T10:00:00Z'))).toBe('closed');
		expect(roundPhase({ ...r, publishedAt: new Date() }, new Date('2021-10-02T00:00:00Z'))).toBe('published');
	});
});

describe('quiz inputs', () => {
	it('takes a form’s blank option fields and tags as typed', () => {
		const q = questionInput.parse({ kind: 'single', text: '  Câu   hỏi? ', options: ['Một', '', 'Hai', ''], correct: '2', tags: 'An toàn số; Kỹ năng số, an toàn số' });
		expect(q).toMatchObject({ text: 'Câu hỏi?', options: ['Một', 'Hai'], correct: ['2'], tags: ['an toàn số', 'kỹ năng số'], difficulty: 'medium' });
	});

	it('refuses quotas over 100 questions and a contest without any', () => {
		const base = { campaignId: 'c', title: 'T', timeLimitMinutes: '10' };
		expect(contestInput.safeParse({ ...base, quotas: [] }).error?.issues[0].message).toBe('quizzes_quota_required');
		expect(contestInput.safeParse({ ...base, quotas: [{ tag: '', difficulty: '', count: '60' }, { tag: 'a', difficulty: 'hard', count: '41' }] }).error?.issues[0].message).toBe('quizzes_quota_too_many');
	});
});
