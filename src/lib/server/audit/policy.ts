import { hasRoleAnywhere, hasRoleAt, type Actor } from '../auth/actor';

export type AuditAction = 'read';

/** Administrators read the audit log of the nodes they administer. */
export function canReadAudit(actor: Actor, orgPath?: string): boolean {
	return orgPath ? hasRoleAt(actor, ['administrator'], orgPath) : hasRoleAnywhere(actor, ['administrator']);
}
