import type { Db } from '../../db/types';
import { vietnameseCollator } from '$lib/vn/text';
import { selectRoleHolderContacts } from '../queries';

/** Someone to write to about a unit's work: the account's name and e-mail (and their work e-mail, if a person record is linked). */
export interface UnitLeaderContact {
	userId: string;
	name: string;
	email: string;
	personEmail: string | null;
	/** The node the unit_leader role is granted on: the unit itself, or the nearest node above it that has leaders. */
	orgId: string;
}

/**
 * Lists the leaders of a unit to write to: the accounts holding unit_leader on the unit itself,
 * or, when it has none, on the nearest node above it that has some (a role holds for the nodes
 * below it), going no higher than `upToPath` (e.g. the campaign's node). No actor check: it
 * addresses mail for other domains, which check their own policy first. Refuses nothing; an empty
 * list means no leader account exists up to that node.
 */
export async function listUnitLeaderContacts(db: Db, unit: { path: string }, options: { upToPath?: string } = {}): Promise<UnitLeaderContact[]> {
	const ids = unit.path.split('/').filter(Boolean);
	const floor = options.upToPath && unit.path.startsWith(options.upToPath) ? options.upToPath.split('/').filter(Boolean).length : 1;
	// From the unit up to the floor, nearest first.
	const chain = ids.slice(Math.max(0, floor - 1)).reverse();
	const rows = await selectRoleHolderContacts(db, chain, 'unit_leader');
	for (const orgId of chain) {
		const here = rows.filter((r) => r.orgId === orgId);
		if (here.length) {
			return here
				.map((r) => ({ userId: r.userId, name: r.userName, email: r.userEmail, personEmail: r.personEmail, orgId }))
				.sort((a, b) => vietnameseCollator.compare(a.name, b.name) || a.email.localeCompare(b.email));
		}
	}
	return [];
}
