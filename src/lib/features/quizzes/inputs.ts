// The quiz contests' input schemas, shared by the forms, the API, the XLSX import and the services.
// Error messages are message keys; paths are the forms' field names.
import { z } from 'zod';
import { line, paragraphs, list, yesNo, optionalId, dateTime } from '$lib/features/fields';
import { CONTEST_STATUSES, DIFFICULTIES, ENTRY_RULES, QUESTION_KINDS, TRUE_FALSE_OPTION_IDS } from './types';

export const QUIZ_LIMITS = { text: 2000, option: 500, options: 6, accepted: 20, tags: 10, tag: 60, title: 300, description: 5000, quotas: 10, questionsPerAttempt: 100 } as const;

const blankToUndefined = (v: unknown): unknown => (v === '' || v === null ? undefined : v);

/** Tags typed as "a, b; c" or sent as a list: cleaned, lower-cased, distinct. */
export function splitTags(value: string | string[]): string[] {
	const parts = (Array.isArray(value) ? value : value.split(/[,;\n]/)).map((t) => t.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase()).filter(Boolean);
	return [...new Set(parts)];
}

const tags = z.preprocess(
	(v) => (v === undefined || v === null ? [] : Array.isArray(v) || typeof v === 'string' ? splitTags(v as string | string[]) : v),
	z.array(z.string().max(QUIZ_LIMITS.tag, 'field_too_long')).max(QUIZ_LIMITS.tags, 'field_too_long')
);

/** Lines of a textarea (accepted short answers), or a JSON list. */
const lines = z.preprocess(
	(v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : String(v).split(/\r?\n/)),
	z.array(z.string().transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())).transform((a) => a.filter(Boolean))
);

/**
 * A question of the bank. Choice questions list their options in order and name the right ones
 * by 1-based position ("1", "3"); true/false names "true" or "false"; short answers list the
 * accepted answers.
 */
export const questionInput = z
	.object({
		kind: z.enum(QUESTION_KINDS, { error: 'field_required' }),
		text: paragraphs(QUIZ_LIMITS.text).pipe(z.string().min(1, 'quizzes_question_text_required')),
		options: list(z.preprocess((v) => (v === undefined || v === null ? '' : v), z.string().transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())))
			.transform((a) => a.filter(Boolean))
			.pipe(z.array(z.string().max(QUIZ_LIMITS.option, 'field_too_long')).max(QUIZ_LIMITS.options, 'quizzes_too_many_options'))
			.default([]),
		correct: list(z.string().trim()).default([]),
		accepted: lines.pipe(z.array(z.string().max(QUIZ_LIMITS.option, 'field_too_long')).max(QUIZ_LIMITS.accepted, 'field_too_long')).default([]),
		foldAnswers: yesNo.default(false),
		tags: tags.default([]),
		difficulty: z.preprocess(blankToUndefined, z.enum(DIFFICULTIES, { error: 'field_invalid' }).default('medium')),
		explanation: paragraphs(QUIZ_LIMITS.text).default('')
	})
	.superRefine((q, ctx) => {
		const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
		if (q.kind === 'single' || q.kind === 'multiple') {
			if (q.options.length < 2) issue('options', 'quizzes_options_too_few');
			const picked = [...new Set(q.correct)];
			if (!picked.length) issue('correct', 'quizzes_correct_required');
			else if (picked.some((c) => !/^\d+$/.test(c) || Number(c) < 1 || Number(c) > q.options.length)) issue('correct', 'quizzes_correct_unknown');
			else if (q.kind === 'single' && picked.length !== 1) issue('correct', 'quizzes_correct_one');
		} else if (q.kind === 'true_false') {
			if (q.correct.length !== 1 || !(TRUE_FALSE_OPTION_IDS as readonly string[]).includes(q.correct[0])) issue('correct', 'quizzes_correct_true_false');
		} else if (!q.accepted.length) issue('accepted', 'quizzes_accepted_required');
	});
export type QuestionInput = z.input<typeof questionInput>;
export type QuestionInputData = z.output<typeof questionInput>;

const count = (min: number, max: number) =>
	z.preprocess((v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim())) : v), z.number({ error: 'field_invalid' }).int('field_invalid').min(min, 'field_invalid').max(max, 'field_invalid'));

export const quotaInput = z.object({
	tag: z.preprocess((v) => (typeof v === 'string' ? splitTags(v)[0] ?? null : (v ?? null)), z.string().max(QUIZ_LIMITS.tag, 'field_too_long').nullable()),
	difficulty: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.enum(DIFFICULTIES, { error: 'field_invalid' }).nullable()),
	count: count(1, QUIZ_LIMITS.questionsPerAttempt)
});

/** A quiz contest as its organiser sets it up; `quotas` say what each attempt draws. */
export const contestInput = z.object({
	campaignId: z.string({ error: 'field_required' }).min(1, 'field_required').max(64, 'field_invalid'),
	title: line(QUIZ_LIMITS.title, true),
	description: paragraphs(QUIZ_LIMITS.description).default(''),
	entryRule: z.enum(ENTRY_RULES, { error: 'field_invalid' }).default('signed_in'),
	attemptsAllowed: count(1, 10).default(1),
	timeLimitMinutes: count(1, 240),
	graceSeconds: count(0, 300).default(10),
	quotas: z
		.array(quotaInput)
		.min(1, 'quizzes_quota_required')
		.max(QUIZ_LIMITS.quotas, 'field_too_long')
		.refine((qs) => qs.reduce((n, q) => n + q.count, 0) <= QUIZ_LIMITS.questionsPerAttempt, 'quizzes_quota_too_many'),
	predictionQuestion: z.preprocess((v) => (v === '' ? null : v), line(500).nullable()).default(null),
	status: z.enum(CONTEST_STATUSES, { error: 'field_invalid' }).default('draft')
});
export type ContestInput = z.input<typeof contestInput>;
export type ContestInputData = z.output<typeof contestInput>;

/** A round: a name and its open and close times (Vietnam time in forms, ISO instants in JSON). */
export const roundInput = z
	.object({
		name: line(200, true),
		opensAt: dateTime,
		closesAt: dateTime
	})
	.refine((r) => Number.isNaN(r.opensAt.getTime()) || Number.isNaN(r.closesAt.getTime()) || r.closesAt > r.opensAt, { path: ['closesAt'], message: 'quizzes_round_closes_before_opens' });
export type RoundInput = z.input<typeof roundInput>;

/** One answer sent by a participant: option ids (choice questions) or the typed text (short). `rev` orders retries. */
export const answerInput = z.object({
	questionId: z.string({ error: 'field_required' }).min(1, 'field_required').max(64, 'field_invalid'),
	value: list(z.string().max(QUIZ_LIMITS.option, 'field_too_long')).pipe(z.array(z.string()).max(QUIZ_LIMITS.options, 'field_invalid')),
	rev: z.preprocess((v) => (v === '' || v === null ? undefined : typeof v === 'string' ? Number(v) : v), z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional())
});
export type AnswerInput = z.input<typeof answerInput>;

export const answersBody = z.object({ answers: z.array(answerInput).min(1, 'field_required').max(QUIZ_LIMITS.questionsPerAttempt, 'field_too_long') });

/** The submission: an optional prediction (how many will answer everything right). */
export const submitInput = z.object({
	prediction: z.preprocess((v) => (v === '' || v === null ? undefined : typeof v === 'string' ? Number(v.trim()) : v), z.number({ error: 'field_invalid' }).int('field_invalid').min(0, 'field_invalid').max(10_000_000, 'field_invalid').optional())
});

/** The code rule's first step: who enters, and where the code goes. */
export const entryCodeRequest = z.object({
	name: line(200, true),
	email: z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.email({ error: 'field_invalid_email' }).max(254, 'field_too_long')),
	unitId: optionalId.default(null)
});
export const entryCodeCheck = z.object({
	email: z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.email({ error: 'field_invalid_email' })),
	code: z.preprocess((v) => (typeof v === 'string' ? v.replace(/\s+/g, '') : v), z.string().regex(/^\d{6}$/, 'quizzes_code_format'))
});
