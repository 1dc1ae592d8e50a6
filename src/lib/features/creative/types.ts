// The creative contests' vocabulary (PRODUCT M13): entry types, statuses and limits shared by the
// server, the forms and the pages.

/** What an entry may be: a reading of a book (audio), other audio, a video, a photo or an essay. */
export const ENTRY_TYPES = ['reading', 'audio', 'video', 'photo', 'essay'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

/** Entry types that carry a recording, whose duration is checked against the contest's limit. */
export const TIMED_ENTRY_TYPES: readonly EntryType[] = ['reading', 'audio', 'video'];

/** Media kinds told apart by content (never by the name), as stored with an entry. */
export const MEDIA_KINDS = ['mp3', 'm4a', 'mp4', 'ogg', 'wav', 'jpeg', 'png', 'webp'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** The kinds each entry type accepts. */
export const ACCEPTED_KINDS: Record<EntryType, readonly MediaKind[]> = {
	reading: ['mp3', 'm4a', 'ogg', 'wav'],
	audio: ['mp3', 'm4a', 'ogg', 'wav'],
	video: ['mp4'],
	photo: ['jpeg', 'png', 'webp'],
	essay: []
};

export const MEDIA_CONTENT_TYPES: Record<MediaKind, string> = {
	mp3: 'audio/mpeg',
	m4a: 'audio/mp4',
	mp4: 'video/mp4',
	ogg: 'audio/ogg',
	wav: 'audio/wav',
	jpeg: 'image/jpeg',
	png: 'image/png',
	webp: 'image/webp'
};

/** draft: being prepared; published: public, taking entries and votes in their windows; results: ranking published. */
export const CONTEST_STATUSES = ['draft', 'published', 'results'] as const;
export type ContestStatus = (typeof CONTEST_STATUSES)[number];

/** per_entry: one vote per account per entry; per_contest: K votes per account in the whole contest. */
export const VOTE_MODES = ['per_entry', 'per_contest'] as const;
export type VoteMode = (typeof VOTE_MODES)[number];

export const ENTRY_STATUSES = ['submitted', 'disqualified'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export const ROUND_STATUSES = ['draft', 'open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** One criterion of a jury round's rubric: its weight and the top score a juror may give. */
export interface RubricCriterion {
	id: string;
	name: string;
	weight: number;
	maxScore: number;
}

/** Who consented to an entry: the author, and for a minor also the guardian (DOMAIN-VN §6.8, Law 91/2025 Điều 24). */
export const CONSENT_PARTIES = ['author', 'guardian'] as const;
export type ConsentParty = (typeof CONSENT_PARTIES)[number];

/** The purposes an entrant agrees to, one box each, none pre-ticked. */
export const ENTRY_CONSENT_PURPOSES = ['participate', 'publish'] as const;
export type EntryConsentPurpose = (typeof ENTRY_CONSENT_PURPOSES)[number];

/** The version of the entry consent notice the checkboxes quote; bump it when the text changes. */
export const ENTRY_CONSENT_NOTICE_VERSION = 'creative-2026-01';

/** How the guardian is related to the minor. */
export const GUARDIAN_RELATIONS = ['mother', 'father', 'grandparent', 'sibling', 'other'] as const;
export type GuardianRelation = (typeof GUARDIAN_RELATIONS)[number];

/**
 * Public voting limits per account: at most `maxVotes` in `windowSeconds` (counted from the vote
 * log, so every copy of the app applies the same limit).
 */
export const VOTE_RATE_LIMIT = { maxVotes: 20, windowSeconds: 60 } as const;

/** The tus chunk size the entry page's script sends: below the server's BODY_SIZE_LIMIT (6 MB by default). */
export const UPLOAD_CHUNK_BYTES = 2 * 1024 * 1024;

/** The tus protocol version served (tus.io 1.0.0). */
export const TUS_VERSION = '1.0.0';
