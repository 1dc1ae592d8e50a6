// The creative-contests domain (M13): contests where people submit readings, audio, video,
// photos and essays through resumable uploads, judged by jury rounds and a public vote. Other
// domains and routes enter here; the use cases live in service/<use-case>.ts.
export { createContest, updateContest, publishContest, listPublicContests, listManagedContests, listCampaignsForContests, listContestCards, type ContestCard } from './service/contests';
export { requireReadableContest as getContest, requireManagedContest as getManagedContest, type ContestContext } from './service/context';
export { createUpload, getUpload, appendToUpload, cancelUpload, contestKinds } from './service/uploads';
export { handleTusRequest, parseUploadMetadata } from './service/tus';
export {
	submitEntry,
	requireReadableEntry as getEntry,
	readEntryMedia,
	listPublicEntries,
	listMyEntries,
	listContestEntriesForManager,
	listEntryConsents,
	disqualifyEntry,
	storedFileResponse,
	type PostedFile,
	type EntryAccess
} from './service/entries';
export {
	createRound,
	addJuror,
	removeJuror,
	openRound,
	closeRound,
	getJurorRound,
	listMyJuryRounds,
	rateEntry,
	getRoundProgress,
	listRounds,
	getContestResults,
	publishResults,
	type BlindEntry,
	type JurorRound,
	type RoundProgress,
	type ContestResults
} from './service/jury';
export { getContestPage, getEntryPage, getSubmitPage, type ContestPage, type EntryPage, type PublicEntry, type SubmitPage } from './service/read-contest';
export { castVote, getMyVotes, countContestVotes, getVoteLogSummary, type VoteOutcome } from './service/votes';
export { checkCreativeCertificate, entryCertificatePdf, findEntryCertificate, certificateVerifyUrl, PRIZE_PLACES } from './service/certificates';
export { rankEntries, ratingScore, type RankedEntry } from './service/ranking';
export { canManageContest, submissionOpen, voteOpen } from './policy';
export type { CreativeContestRow, CreativeEntryRow, JuryRoundRow, JuryRatingRow, CreativeUploadRow, CreativeCertificateRow } from './tables';
