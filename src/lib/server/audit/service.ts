import type { Db } from '../db/types';
import { AppError } from '../core/errors';
import { actorLabel, scopePaths, type Actor } from '../auth/actor';
import { canReadAudit } from './policy';
import { insertAuditEntry, selectAuditEntries } from './queries';
import type { AuditEntryRow } from './tables';

/** Writes one audit entry for a change to an official record; call it inside the change's transaction. */
export async function recordAudit(
	db: Db,
	actor: Actor,
	entry: { orgId: string | null; orgPath: string | null; entity: string; entityId: string; action: string; before?: unknown; after?: unknown }
): Promise<void> {
	await insertAuditEntry(db, {
		actorUserId: actor.userId ?? null,
		actorLabel: actorLabel(actor),
		orgId: entry.orgId,
		orgPath: entry.orgPath,
		entity: entry.entity,
		entityId: entry.entityId,
		action: entry.action,
		before: entry.before ?? null,
		after: entry.after ?? null,
		requestId: actor.requestId ?? null
	});
}

export interface AuditQuery {
	entity?: string;
	entityId?: string;
	actor?: string;
	action?: string;
	from?: Date;
	to?: Date;
	page?: number;
}

export const AUDIT_PAGE_SIZE = 50;

/** Lists audit entries of the nodes the actor administers, newest first; refuses anyone else. */
export async function listAuditEntries(db: Db, actor: Actor, query: AuditQuery = {}): Promise<AuditEntryRow[]> {
	if (!canReadAudit(actor)) throw new AppError('FORBIDDEN');
	// The system (seed, jobs) reads everything: every path starts with '/'.
	const paths = actor.kind === 'system' ? ['/'] : scopePaths(actor, ['administrator']);
	const page = Math.max(1, query.page ?? 1);
	return selectAuditEntries(db, {
		scopePaths: paths,
		// Entries about no organisation (accounts, tokens) are read by administrators of a root node.
		includeGlobal: actor.kind === 'system' || actor.grants.some((g) => g.role === 'administrator' && g.orgPath.split('/').filter(Boolean).length === 1),
		entity: query.entity,
		entityId: query.entityId,
		actor: query.actor,
		action: query.action,
		from: query.from,
		to: query.to,
		limit: AUDIT_PAGE_SIZE,
		offset: (page - 1) * AUDIT_PAGE_SIZE
	});
}
