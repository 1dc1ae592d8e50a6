// Who is acting, and the pure role checks every policy.ts builds on. No I/O here.
import type { Role } from '../org/tables';

export type { Role };

export const ROLES: readonly Role[] = ['administrator', 'coordinator', 'unit_leader', 'staff', 'reviewer', 'partner', 'supervisor'];

export interface Grant {
	role: Role;
	orgId: string;
	/** The path of the node the role is granted on; it holds for every path below. */
	orgPath: string;
}

export interface Actor {
	/** 'anonymous' for visitors, 'system' for the seed and background jobs. */
	kind: 'user' | 'anonymous' | 'system';
	userId?: string;
	name?: string;
	email?: string;
	grants: Grant[];
	/** Tied to log lines and audit entries. */
	requestId?: string;
}

export const anonymousActor: Actor = { kind: 'anonymous', grants: [] };

/** The seed and background jobs act as the system, which every policy allows. */
export function systemActor(label = 'system'): Actor {
	return { kind: 'system', name: label, grants: [] };
}

/** True when the actor holds one of `roles` on the node at `orgPath` or on one above it. */
export function hasRoleAt(actor: Actor, roles: readonly Role[], orgPath: string): boolean {
	if (actor.kind === 'system') return true;
	return actor.grants.some((g) => roles.includes(g.role) && orgPath.startsWith(g.orgPath));
}

/** True when the actor holds one of `roles` anywhere. */
export function hasRoleAnywhere(actor: Actor, roles: readonly Role[]): boolean {
	if (actor.kind === 'system') return true;
	return actor.grants.some((g) => roles.includes(g.role));
}

/** The paths under which the actor holds one of `roles`: list queries filter by them. */
export function scopePaths(actor: Actor, roles: readonly Role[]): string[] {
	return actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.orgPath);
}

export function isSignedIn(actor: Actor): boolean {
	return actor.kind === 'user' || actor.kind === 'system';
}

/** A label for audit entries and logs. */
export function actorLabel(actor: Actor): string {
	if (actor.kind === 'system') return actor.name ?? 'system';
	if (actor.kind === 'anonymous') return 'anonymous';
	return actor.email ?? actor.userId ?? 'user';
}
