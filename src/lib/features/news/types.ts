// The news domain's client-safe types and constants (M5: publicity).

export const NEWS_POST_STATUSES = ['draft', 'in_review', 'scheduled', 'published', 'archived'] as const;
export type NewsPostStatus = (typeof NEWS_POST_STATUSES)[number];

export const NEWS_CHANNELS = ['portal', 'website', 'facebook', 'youtube', 'zalo_oa', 'viber', 'newspaper', 'tv'] as const;
export type NewsChannel = (typeof NEWS_CHANNELS)[number];

/** A cover image is a photo for the web: 5 MB is more than a phone's JPEG and less than a raw scan. */
export const NEWS_COVER_MAX_BYTES = 5 * 1024 * 1024;

/** Covers are stored 1200 px wide at most: the Open Graph size Facebook and Zalo show best. */
export const NEWS_COVER_WIDTH = 1200;

/** The banner and poster formats offered, in millimetres (băng rôn 0,8 × 5 m and 1 × 6 m; A3, A4 posters). */
export const NEWS_PRINT_FORMATS = {
	banner_080x500: { widthMm: 5000, heightMm: 800 },
	banner_100x600: { widthMm: 6000, heightMm: 1000 },
	poster_a3: { widthMm: 297, heightMm: 420 },
	poster_a4: { widthMm: 210, heightMm: 297 }
} as const;
export type NewsPrintFormat = keyof typeof NEWS_PRINT_FORMATS;

/** The publicity block of the report: posts published and the reach of each channel. */
export interface NewsPublicityStats {
	postsPublished: number;
	channelEntries: number;
	byChannel: Array<{ channel: NewsChannel; entries: number; reach: number }>;
	totalReach: number;
}
