// Client-safe shapes of the community domain (M11): clubs, forums and their moderation.

/**
 * Posting limits, counted from the posts stored in the database (threads and replies alike), so
 * every copy of the app sees the same count. A new account — the usual shape of a spam wave — gets
 * the stricter one for its first day; people in a lively discussion rarely post more than a few
 * times a minute.
 */
export const POSTING_LIMITS = {
	regular: { maxPosts: 5, windowSeconds: 60 },
	newAccount: { maxPosts: 2, windowSeconds: 10 * 60 },
	/** An account is new for this many hours after it was made. */
	newAccountHours: 24
} as const;

/** A posting limit as the service applies it. */
export interface PostingLimit {
	maxPosts: number;
	windowSeconds: number;
	newAccount: boolean;
}

/** A post as the pages show it: a hidden post's text is left out for anyone but the moderators. */
export interface PostView {
	id: string;
	threadId: string;
	authorUserId: string | null;
	authorLabel: string;
	/** Plain text; the page escapes it (never rendered as HTML). Empty when hidden from the reader. */
	body: string;
	hidden: boolean;
	createdAt: Date;
	quoted: { id: string; authorLabel: string; body: string; hidden: boolean } | null;
}

/** Why a moderator acted, as logged. */
export const MODERATION_ACTIONS = ['hide', 'unhide', 'lock', 'unlock', 'suspend', 'lift_suspension', 'dismiss_report'] as const;
export type ModerationActionName = (typeof MODERATION_ACTIONS)[number];
