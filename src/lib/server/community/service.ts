// The community domain (M11): clubs, their forums and the campaigns' forums, moderation and the
// daily digest. Other domains and routes enter here; the use cases live in service/<use-case>.ts.
export { createClub, listClubs, getClub, joinClub, leaveClub, listClubOrgOptions, type ClubDetail } from './service/clubs';
export { openCampaignForum, getForum, getThread, startThread, replyToThread, type ForumDetail, type ThreadDetail } from './service/forums';
export {
	reportPost,
	setPostHidden,
	dismissReports,
	setThreadLocked,
	suspendAuthor,
	liftSuspension,
	listModerationQueue,
	listModerationLog,
	getPostToReport,
	getPostToModerate,
	type ModerationQueue
} from './service/moderation';
export { subscribe, unsubscribe, runForumDigest, scheduleForumDigest, communityJobHandlers, COMMUNITY_DIGEST_JOB } from './service/digest';
export { canModerate, CLUB_CREATORS, FORUM_MODERATORS } from './policy';
export type { ClubRow, ClubMemberRow, ForumRow, ForumThreadRow, ForumPostRow, ForumReportRow, ForumSuspensionRow, ModerationLogRow, ModerationAction } from './tables';
