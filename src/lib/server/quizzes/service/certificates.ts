// Certificates of a quiz round (issue 6 §7): a prize certificate for the first places, a
// participation one for everyone else with a finished attempt, each with a "TN-" code that the
// public verification page (/certificates/TN-…) and the certificate's QR code name.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { settings } from '../../core/env';
import { translate } from '../../core/http';
import { renderCertificateSheet } from '../../documents/service';
import { formatDate } from '$lib/vn/dates';
import type { CertificateCheck } from '$lib/features/documents/certificate';
import { selectAttempt, selectContest, selectEntrant, selectEntrantByCertificateCode, selectRound } from '../queries';
import type { QuizEntrantRow } from '../tables';
import { findEntrantAward } from './results';
import { isEntrant, loadOrg, type Participant } from './quiz-context';

/** What a quiz certificate states, on paper and on the verification page. */
export interface QuizCertificateView {
	code: string;
	recipientName: string;
	contestId: string;
	contestTitle: string;
	roundName: string;
	orgName: string;
	/** A prize (the first places) or taking part. */
	award: 'winner' | 'participant';
	rank: number;
	score: number;
	total: number;
	publishedAt: Date;
	verifyUrl: string;
}

export const QUIZ_CERTIFICATE_PREFIX = 'TN-';

/** The public page a certificate's QR code opens. */
export function quizCertificateUrl(code: string): string {
	return `${settings().ORIGIN.replace(/\/$/, '')}/certificates/${code}`;
}

async function certificateView(db: Db, entrant: QuizEntrantRow): Promise<QuizCertificateView> {
	const round = await selectRound(db, entrant.roundId);
	const contest = round && (await selectContest(db, round.contestId));
	const award = round && (await findEntrantAward(db, round, entrant.id));
	if (!round?.publishedAt || !contest || !award) throw new AppError('NOT_FOUND');
	const org = await loadOrg(db, contest.orgId);
	return {
		code: award.code,
		recipientName: entrant.name,
		contestId: contest.id,
		contestTitle: contest.title,
		roundName: round.name,
		orgName: org.name,
		award: award.winner ? 'winner' : 'participant',
		rank: award.rank,
		score: award.score,
		total: award.total,
		publishedAt: round.publishedAt,
		verifyUrl: quizCertificateUrl(award.code)
	};
}

/** Anyone verifies a quiz certificate by its code; NOT_FOUND for a code never given. */
export async function verifyQuizCertificate(db: Db, code: string): Promise<QuizCertificateView> {
	const entrant = /^TN-[A-Z0-9]{10}$/.test(code) ? await selectEntrantByCertificateCode(db, code) : undefined;
	if (!entrant) throw new AppError('NOT_FOUND');
	return certificateView(db, entrant);
}

/**
 * The certificate of the participant of an attempt, once the round's results are published.
 * Refuses someone else's attempt, and an attempt before publication (NOT_FOUND).
 */
export async function getAttemptCertificate(db: Db, participant: Participant, attemptId: string): Promise<QuizCertificateView> {
	const attempt = await selectAttempt(db, attemptId);
	const entrant = attempt && (await selectEntrant(db, attempt.entrantId));
	if (!attempt || !entrant || !isEntrant(participant, entrant)) throw new AppError('NOT_FOUND');
	return certificateView(db, entrant);
}

function awardName(view: QuizCertificateView, locale: 'vi' | 'en'): string {
	return view.award === 'winner' ? translate(`quizzes_prize_${view.rank}`, {}, locale) : translate('quizzes_certificate_participation', {}, locale);
}

/** What the public verification page shows of a TN- code; NOT_FOUND for an unknown one. */
export async function checkQuizCertificate(db: Db, code: string, locale: 'vi' | 'en'): Promise<CertificateCheck> {
	const view = await verifyQuizCertificate(db, code.toUpperCase());
	const t = (key: string, params: Record<string, unknown> = {}) => translate(key, params, locale);
	return {
		code: view.code,
		valid: true,
		revokedReason: null,
		recipientName: view.recipientName,
		subject: `${awardName(view, locale)} — ${view.contestTitle}`,
		subjectHref: `/contests/${view.contestId}`,
		issuer: view.orgName,
		issuedOn: view.publishedAt,
		details: [
			{ label: t('quizzes_certificate_round'), value: view.roundName },
			{ label: t('quizzes_certificate_result'), value: t('quizzes_certificate_result_value', { score: view.score, total: view.total, rank: view.rank }) }
		]
	};
}

/**
 * The participant's certificate of an attempt's round as a one-page PDF in `locale`, with its QR
 * code; refuses what getAttemptCertificate refuses (NOT_FOUND).
 */
export async function attemptCertificatePdf(db: Db, participant: Participant, attemptId: string, locale: 'vi' | 'en'): Promise<{ fileName: string; pdf: Buffer }> {
	const view = await getAttemptCertificate(db, participant, attemptId);
	const t = (key: string, params: Record<string, unknown> = {}) => translate(key, params, locale);
	const pdf = await renderCertificateSheet(
		{
			issuerLine: view.orgName.toUpperCase(),
			title: t('quizzes_certificate_title'),
			lead: t('quizzes_certificate_lead'),
			recipientName: view.recipientName,
			connector: view.award === 'winner' ? t('quizzes_certificate_won') : t('quizzes_certificate_took_part'),
			subject: view.award === 'winner' ? `${awardName(view, locale)} — ${view.contestTitle}` : view.contestTitle,
			lines: [view.roundName, t('quizzes_certificate_result_value', { score: view.score, total: view.total, rank: view.rank }), t('quizzes_certificate_issued', { date: formatDate(view.publishedAt) })],
			code: view.code,
			codeLabel: t('quizzes_certificate_code', { code: view.code }),
			verifyUrl: view.verifyUrl,
			verifyCaption: t('quizzes_certificate_verify'),
			documentTitle: t('quizzes_certificate_document_title', { name: view.recipientName }),
			author: view.orgName
		},
		locale
	);
	return { fileName: `chung-nhan-${view.code}.pdf`, pdf };
}
