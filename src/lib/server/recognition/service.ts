// The recognition domain (M8, M15): calls for initiatives and their applications, councils with a
// rubric and declared conflicts, role-model nominations with suggestions from LearnWeek's data,
// award decisions numbered through the documents domain, certificates and the public honour board.
// Other domains and routes enter here; the use cases live in service/<use-case>.ts.
export { createCouncil, addCouncilMember, declareConflicts, closeCouncil, createCall } from './service/councils';
export { submitInitiative, updateInitiative, nominate, setHonourConsent, addEvidence, readEvidence } from './service/entries';
export { returnEntry, sendToCouncil, scoreEntry, decideEntry, type ScoreSummary } from './service/review';
export { listRecognitionCampaigns, getRecognitionHub, getEntry, getCouncil, type RecognitionHub, type EntryView, type EntryLine, type CouncilView } from './service/read';
export { listNominationSuggestions, SUGGESTION_SOURCES, type SuggestionSource } from './service/suggestions';
export { getRecognitionSettings, saveCommendationForm, saveBaseSalary } from './service/settings';
export {
	createAwardDecision,
	addAwardRecipient,
	removeAwardRecipient,
	getAwardDecision,
	issueAwardDecision,
	awardDecisionDocument,
	revokeAwardCertificate,
	verifyAwardCertificate,
	awardCertificateOf,
	AWARD_CANDIDATE_SOURCES,
	type AwardCandidate,
	type CandidateSource,
	type DecisionView,
	type AwardCertificateView
} from './service/awards';
export { getHonourBoard, type HonourBoard } from './service/honour-board';
export { checkAwardCertificate, awardCertificatePdf, awardCertificateUrl } from './service/certificate';
export type { InitiativeRow, NominationRow, CouncilRow, AwardDecisionRow, AwardRecipientRow, InitiativeCallRow } from './tables';
