// The maturity domain (M7): frameworks as versioned data (three shipped templates), a campaign's
// self-assessment rounds, units' assessments with evidence and automatic criteria, verification,
// and the emulation leaderboard. Other domains and routes enter here; the use cases live in
// service/<use-case>.ts.
export { listTemplates, getTemplate, parseDefinition, listFrameworks, copyTemplate, getFramework, updateFrameworkDetails, updateFrameworkVersion, saveFrameworkDefinition, type FrameworkTemplate, type FrameworkListItem, type FrameworkDetail } from './service/frameworks';
export { createRound, enrolUnits, setRoundDeadline, listRounds, getRound, publishRound, type RoundListItem, type RoundDetail } from './service/rounds';
export { openAssessment, assessmentPageData, saveAnswer, addEvidence, removeEvidence, readEvidenceFile, submitAssessment, listMyAssessments, type AssessmentView, type EvidenceUpload, type MyAssessmentItem } from './service/assessments';
export { reviewCriterion, acceptRemainingCriteria, returnAssessment, verifyAssessment } from './service/review';
export { getLeaderboard, listPublishedRounds, type Leaderboard, type LeaderboardRow } from './service/leaderboard';
export { getMaturityOverview, listEnrollableUnits, type MaturityOverview } from './service/overview';
export { criteriaOf, computeResult, criterionScore } from './service/scoring';
export { MATURITY_COORDINATORS, MATURITY_ROUND_READERS, MATURITY_UNIT_EDITORS } from './policy';
export type { MaturityFrameworkRow, MaturityFrameworkVersionRow, MaturityRoundRow, MaturityAssessmentRow, MaturityAnswerRow, MaturityEvidenceRow, MaturityScoreChangeRow } from './tables';
