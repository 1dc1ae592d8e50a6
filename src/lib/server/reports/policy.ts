// Who may read and write a campaign's report and statistics. Pure: the service passes the campaign's node path.
import { hasRoleAt, type Actor, type Role } from '../auth/actor';

/** Read the statistics, the report, the dashboard and the roll-up of a node's campaigns. */
export const REPORT_READERS: readonly Role[] = ['administrator', 'coordinator', 'unit_leader', 'supervisor'];
/** Write and submit the report of a node's campaign. */
export const REPORT_WRITERS: readonly Role[] = ['coordinator', 'unit_leader'];
/** Read the roll-up of the child campaigns of a node's campaign. */
export const ROLLUP_READERS: readonly Role[] = ['administrator', 'coordinator', 'supervisor'];

/** The back office of the campaign's node or above reads its figures; others may not. */
export function canReadReport(actor: Actor, orgPath: string): boolean {
	return hasRoleAt(actor, REPORT_READERS, orgPath);
}

/** The coordinator and the unit leader of the campaign's node or above write and submit its report. */
export function canWriteReport(actor: Actor, orgPath: string): boolean {
	return hasRoleAt(actor, REPORT_WRITERS, orgPath);
}

/** The supervisor, coordinator and administrator of the parent campaign's node read its roll-up. */
export function canReadRollup(actor: Actor, orgPath: string): boolean {
	return hasRoleAt(actor, ROLLUP_READERS, orgPath);
}
