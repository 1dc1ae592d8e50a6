// The quiz contests domain (M11, M13): question banks, contests with rounds, attempts answered as
// the participant goes, results and certificates. Other domains and routes enter here; the use
// cases live in service/<use-case>.ts.
export { createQuestion, updateQuestion, archiveQuestion, getQuestion, listQuestions, listQuestionBankOrgs, readQuestionImage, QUESTION_IMAGE_MAX_BYTES } from './service/questions';
export { importQuestions, exportQuestionsXlsx, QUESTION_IMPORT_MAX_BYTES } from './service/question-import';
export { createContest, updateContest, addRound, updateRound, getContest, listManagedContests, listContestOrgs, listPublicContests, listEntryUnits, type ContestWithRounds, type PublicContest } from './service/contests';
export { requestEntryCode, verifyEntryCode } from './service/entry';
export { startAttempt, startOrResumeAttempt, getAttempt, submitAttempt, findOpenAttempt, drawQuestions, isCorrect } from './service/attempts';
export { saveAnswers, saveAnswer, ANSWER_BATCH_WINDOW_MS } from './service/answers';
export { publishRound, getRoundResults, exportRoundResultsXlsx, WINNER_PLACES, type RoundResults } from './service/results';
export { rankAttempts, compareAttempts } from './service/ranking';
export { verifyQuizCertificate, getAttemptCertificate, checkQuizCertificate, attemptCertificatePdf, quizCertificateUrl, QUIZ_CERTIFICATE_PREFIX, type QuizCertificateView } from './service/certificates';
export type { Participant } from './service/quiz-context';
export { CONTEST_ORGANISERS, QUESTION_EDITORS } from './policy';
export type { QuizQuestionRow, QuizContestRow, QuizRoundRow, QuizAttemptRow, QuizEntrantRow } from './tables';
export { participantOf, keepEntrantToken, QUIZ_COOKIE } from './service/participant';
