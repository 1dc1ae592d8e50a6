// Consents to show a person on the honour board (DOMAIN-VN §6.8): one event per consent given or
// withdrawn, never updated; the latest event of a subject and giver is the one that stands.
import type { Db } from '../../db/types';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { actorLabel, type Actor } from '../../auth/actor';
import { HONOUR_PURPOSE, RECOGNITION_NOTICE_VERSION, type ConsentGiver, type EntryKind } from '../../../features/recognition/types';
import { insertConsents, selectConsents } from '../queries';

/** A consent as it stands now. */
export interface StandingConsent {
	entryId: string;
	subject: string;
	givenBy: ConsentGiver;
	granted: boolean;
	at: Date;
}

/** Records the consents that changed (a box ticked that was not, or unticked that was); returns how many. */
export async function recordConsentChanges(
	db: Db,
	actor: Actor,
	entry: { kind: EntryKind; id: string; orgId: string },
	wanted: Array<{ subject: string; subjectName: string; givenBy: ConsentGiver; granted: boolean }>,
	channel: 'web_form' | 'api' | 'seed' = 'web_form'
): Promise<number> {
	const standing = await standingConsents(db, entry.kind, [entry.id]);
	const rows = wanted
		.filter((w) => (standing.get(`${entry.id}|${w.subject}|${w.givenBy}`)?.granted ?? false) !== w.granted)
		.map((w) => ({
			id: newId(),
			orgId: entry.orgId,
			entryKind: entry.kind,
			entryId: entry.id,
			subject: w.subject,
			subjectName: w.subjectName,
			givenBy: w.givenBy,
			purpose: HONOUR_PURPOSE,
			granted: w.granted,
			noticeVersion: RECOGNITION_NOTICE_VERSION,
			channel,
			recordedBy: actorLabel(actor),
			at: now()
		}));
	await insertConsents(db, rows);
	return rows.length;
}

/** The standing consents of entries, keyed `entryId|subject|givenBy`. */
export async function standingConsents(db: Db, kind: EntryKind, entryIds: string[]): Promise<Map<string, StandingConsent>> {
	const out = new Map<string, StandingConsent>();
	for (const e of await selectConsents(db, kind, entryIds)) {
		if (e.purpose !== HONOUR_PURPOSE) continue;
		out.set(`${e.entryId}|${e.subject}|${e.givenBy}`, { entryId: e.entryId, subject: e.subject, givenBy: e.givenBy as ConsentGiver, granted: e.granted, at: e.at });
	}
	return out;
}

/** Whether a consent stands granted. */
export function consentGranted(map: Map<string, StandingConsent>, entryId: string, subject: string, givenBy: ConsentGiver): boolean {
	return map.get(`${entryId}|${subject}|${givenBy}`)?.granted ?? false;
}
