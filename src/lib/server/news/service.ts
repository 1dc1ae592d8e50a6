// The news domain (M5: publicity): posts with their review workflow and scheduled publishing,
// public pages and feeds, share images, the channel log, and banners and posters. Other domains
// and routes enter here; the use cases live in service/<use-case>.ts.
export { createPost, updatePost, slugify, type CoverUpload } from './service/write-post';
export { submitPost, returnPost, publishPost, schedulePost, unschedulePost, archivePost, runScheduledPublication, newsJobHandlers, NEWS_PUBLISH_JOB } from './service/post-workflow';
export {
	listPublicPosts,
	getPublicPost,
	readPostCover,
	listBackOfficePosts,
	listWritableUnits,
	getBackOfficePost,
	getNewsCampaign,
	listNewsEditorOptions,
	type NewsEditorOptions,
	shareLinks,
	absoluteUrl,
	NEWS_PAGE_SIZE,
	type PublicNewsList,
	type PublicPost,
	type ShareLinks,
	type BackOfficePost,
	type BackOfficePostItem
} from './service/read-posts';
export { campaignNewsFeed, organisationNewsFeed, FEED_SIZE, type FeedFormat, type FeedDocument } from './service/feeds';
export { renderShareImage, SHARE_IMAGE } from './service/share-image';
export { logPostChannel } from './service/channel-log';
export { renderCampaignPrint, BANNER_SCALE } from './service/print';
export { sanitizePostHtml } from './service/post-context';
export type { NewsPostRow, NewsChannelEntryRow, NewsPostStatus, NewsChannel } from './tables';
