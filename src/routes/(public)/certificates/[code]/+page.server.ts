import { error } from '@sveltejs/kit';
import { checkCertificate as checkActivityCertificate } from '$lib/server/activities/service';
import { checkCreativeCertificate } from '$lib/server/creative/service';
import { checkAwardCertificate } from '$lib/server/recognition/service';
import { checkQuizCertificate } from '$lib/server/quizzes/service';
import { orPageError } from '$lib/server/core/http';
import type { Db } from '$lib/server/db/types';
import { certificatePrefix, type CertificateCheck } from '$lib/features/documents/certificate';
import { getLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

/** Who answers for a certificate code, by its prefix; each refuses an unknown code with NOT_FOUND. */
const CHECKERS: Record<string, (db: Db, code: string, locale: 'vi' | 'en') => Promise<CertificateCheck>> = {
	CN: checkActivityCertificate,
	ST: checkCreativeCertificate,
	KT: checkAwardCertificate,
	TN: checkQuizCertificate
};

// Anyone holding a certificate's QR code checks it here; an unknown code answers 404, a revoked one says so.
export const load: PageServerLoad = async ({ locals, params }) => {
	const code = params.code.toUpperCase();
	const check = CHECKERS[certificatePrefix(code)];
	if (!check) error(404);
	const certificate = await orPageError(() => check(locals.db, code, getLocale() as 'vi' | 'en'));
	return { certificate };
};
