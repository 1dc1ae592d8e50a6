// What the public verification page (/certificates/{code}) shows of any certificate, whichever
// domain issued it: activities (CN-…), quiz contests (TN-…), creative contests (ST-…), awards (KT-…).

export interface CertificateCheck {
	code: string;
	valid: boolean;
	/** Why a revoked certificate was withdrawn, when the issuer gave a reason. */
	revokedReason: string | null;
	recipientName: string;
	/** What it is for (the class, the contest and prize, the commendation), and where to read more. */
	subject: string;
	subjectHref: string | null;
	issuer: string;
	issuedOn: Date;
	/** Further facts, already in the reader's language. */
	details: Array<{ label: string; value: string }>;
}

/** The code's prefix (before the first hyphen), upper-case: it says which domain to ask. */
export function certificatePrefix(code: string): string {
	return code.split('-', 1)[0].toUpperCase();
}
