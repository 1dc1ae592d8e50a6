// The waitlist moves by itself: whenever places are free (someone cancelled, the host added
// places), the first on the waitlist take them, in order of registration, and are told by mail.
import type { Db } from '../../db/types';
import { now } from '../../core/clock';
import { countRegistrations, selectFirstWaitlisted, updateRegistrationRow } from '../queries';
import type { ActivityRow, RegistrationRow } from '../tables';
import { enqueueRegistrationMail } from './registration-mail';

/** Gives every free place to the waitlist, first come first served; call it inside the transaction holding the activity's row. */
export async function fillFreePlaces(db: Db, activity: ActivityRow): Promise<RegistrationRow[]> {
	if (activity.status !== 'published') return [];
	const promoted: RegistrationRow[] = [];
	let { registered } = await countRegistrations(db, activity.id);
	while (activity.capacity === null || registered < activity.capacity) {
		const next = await selectFirstWaitlisted(db, activity.id);
		if (!next) break;
		const at = now();
		const row = await updateRegistrationRow(db, next.id, { status: 'registered', promotedAt: at, updatedAt: at });
		await enqueueRegistrationMail(db, row, 'promoted');
		promoted.push(row);
		registered++;
	}
	return promoted;
}
