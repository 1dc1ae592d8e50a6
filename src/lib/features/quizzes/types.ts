// The quiz contests' shapes shared by the server and the pages. Nothing here ever holds a correct
// answer: those stay in the server's tables until results are published.

export const QUESTION_KINDS = ['single', 'multiple', 'true_false', 'short'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const ENTRY_RULES = ['signed_in', 'email_code'] as const;
export type EntryRule = (typeof ENTRY_RULES)[number];

export const CONTEST_STATUSES = ['draft', 'published'] as const;
export type ContestStatus = (typeof CONTEST_STATUSES)[number];

export type AttemptStatus = 'open' | 'submitted' | 'timed_out';

/** True/false questions have these two option ids. */
export const TRUE_FALSE_OPTION_IDS = ['true', 'false'] as const;

export interface QuestionOption {
	id: string;
	text: string;
}

/** How many questions an attempt draws of a tag and/or a difficulty (null: any). */
export interface TagQuota {
	tag: string | null;
	difficulty: Difficulty | null;
	count: number;
}

/** One question of an attempt as drawn: its options in the order this participant sees them. */
export interface AttemptItem {
	questionId: string;
	kind: QuestionKind;
	optionIds: string[];
}

/** A question as the participant sees it during an attempt: no correct answer, no explanation. */
export interface AttemptQuestionView {
	id: string;
	number: number;
	kind: QuestionKind;
	text: string;
	hasImage: boolean;
	options: QuestionOption[];
	/** What the participant saved: option ids, or the typed answer (short). */
	answer: string[];
}

/** An attempt as its participant sees it. */
export interface AttemptView {
	id: string;
	roundId: string;
	contestId: string;
	contestTitle: string;
	roundName: string;
	number: number;
	status: AttemptStatus;
	startedAt: Date;
	deadlineAt: Date;
	acceptUntil: Date;
	graceSeconds: number;
	predictionQuestion: string | null;
	prediction: number | null;
	questions: AttemptQuestionView[];
	/** Set once the round's results are published. */
	result: AttemptResultView | null;
}

export interface AttemptResultView {
	score: number;
	total: number;
	durationMs: number;
	rank: number | null;
	/** After publication: what was right for each question. */
	corrections: Array<{ questionId: string; correct: boolean; answer: string[] }>;
}

export interface LeaderboardRow {
	rank: number;
	entrantId: string;
	name: string;
	unitName: string | null;
	score: number;
	total: number;
	durationMs: number;
	prediction: number | null;
	submittedAt: Date | null;
}

export interface UnitResultRow {
	unitId: string | null;
	unitName: string;
	people: number;
	participants: number;
	/** participants ÷ people (0–1), null when the unit lists nobody. */
	participationRate: number | null;
	averageScore: number;
}

export interface QuestionStatRow {
	questionId: string;
	text: string;
	kind: QuestionKind;
	tags: string[];
	difficulty: Difficulty;
	drawn: number;
	answered: number;
	correct: number;
	/** correct ÷ drawn (0–1), null when never drawn. */
	correctRate: number | null;
}
