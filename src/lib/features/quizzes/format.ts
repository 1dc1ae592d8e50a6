// Words and figures of the quiz contests as pages, spreadsheets and the import read them.
import type { ImportColumn } from '$lib/features/org/types';
import type { Difficulty, QuestionKind } from './types';

export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

/** The columns of the question spreadsheet (import and export), with the headers people type. */
export const QUESTION_COLUMNS = [
	{ key: 'kind', header: 'Loại câu hỏi', aliases: ['loại', 'kind', 'type', 'question type'] },
	{ key: 'text', header: 'Câu hỏi', aliases: ['nội dung', 'nội dung câu hỏi', 'question', 'text'] },
	...OPTION_LETTERS.map((l) => ({ key: `option${l}`, header: `Phương án ${l}`, aliases: [l, `đáp án ${l}`, `option ${l}`, `lựa chọn ${l}`] })),
	{ key: 'answer', header: 'Đáp án đúng', aliases: ['đáp án', 'answer', 'correct', 'correct answer'] },
	{ key: 'tags', header: 'Chủ đề', aliases: ['thẻ', 'tags', 'tag', 'topic'] },
	{ key: 'difficulty', header: 'Độ khó', aliases: ['mức độ', 'difficulty', 'level'] },
	{ key: 'fold', header: 'Không phân biệt dấu', aliases: ['bỏ dấu', 'fold', 'ignore diacritics'] },
	{ key: 'explanation', header: 'Giải thích', aliases: ['explanation', 'ghi chú'] }
] as const satisfies readonly ImportColumn[];

const KIND_WORDS: Record<QuestionKind, { vi: string; en: string }> = {
	single: { vi: 'Một lựa chọn', en: 'Single choice' },
	multiple: { vi: 'Nhiều lựa chọn', en: 'Multiple choice' },
	true_false: { vi: 'Đúng/Sai', en: 'True/false' },
	short: { vi: 'Trả lời ngắn', en: 'Short answer' }
};

const DIFFICULTY_WORDS: Record<Difficulty, { vi: string; en: string }> = {
	easy: { vi: 'Dễ', en: 'Easy' },
	medium: { vi: 'Trung bình', en: 'Medium' },
	hard: { vi: 'Khó', en: 'Hard' }
};

export function kindWord(kind: QuestionKind, locale: 'vi' | 'en'): string {
	return KIND_WORDS[kind][locale];
}

export function difficultyWord(difficulty: Difficulty, locale: 'vi' | 'en'): string {
	return DIFFICULTY_WORDS[difficulty][locale];
}

/** What an import did: how many questions were added, and each refused row with its reasons (message keys). */
export interface QuestionImportReport {
	imported: number;
	rejected: Array<{ line: number; text: string; reasons: string[] }>;
}

/** A duration as "12 phút 05 giây" / "12 min 05 s" (minutes and seconds). */
export function formatDuration(ms: number, locale: 'vi' | 'en'): string {
	const total = Math.max(0, Math.round(ms / 1000));
	const m = Math.floor(total / 60);
	const s = String(total % 60).padStart(2, '0');
	return locale === 'vi' ? `${m} phút ${s} giây` : `${m} min ${s} s`;
}

/** A share (0–1) as a percentage with a decimal comma in Vietnamese: "66,7 %". */
export function formatRate(rate: number | null, locale: 'vi' | 'en'): string {
	if (rate === null) return '—';
	const text = (rate * 100).toFixed(1);
	return locale === 'vi' ? `${text.replace('.', ',')} %` : `${text}%`;
}

/** A score such as 8.5 as "8,5" in Vietnamese. */
export function formatScore(value: number, locale: 'vi' | 'en'): string {
	const text = String(Number(value.toFixed(2)));
	return locale === 'vi' ? text.replace('.', ',') : text;
}

export type RoundPhase = 'upcoming' | 'open' | 'closed' | 'published';

/** Where a round stands at `at`: not open yet, open, closed, or with its results published. */
export function roundPhase(round: { opensAt: Date | string; closesAt: Date | string; published?: boolean; publishedAt?: Date | string | null }, at: Date): RoundPhase {
	if (round.published || round.publishedAt) return 'published';
	if (at < new Date(round.opensAt)) return 'upcoming';
	return at < new Date(round.closesAt) ? 'open' : 'closed';
}
