// Factories for tests, end-to-end stories and the demo, built on the service and acting as the
// system. Defaults are deterministic: the n-th node of a process is "Đơn vị n", code DVn.
import type { Db } from '../db/types';
import { now } from '../core/clock';
import { newId } from '../core/ids';
import { systemActor, type Actor, type Role } from '../auth/actor';
import type { CreateOrgNodeInput, CreatePersonInput } from '$lib/features/org/inputs';
import { insertBareUser } from './queries';
import { createOrgNode as createNode, createPerson as createPersonRecord, grantRole, loadActorGrants } from './service';
import type { OrgNodeRow, PersonRow, RoleGrantRow } from './tables';

const seedActor = systemActor('seed');
let counter = 0;
const next = () => ++counter;

/** A node of the tree: a root agency unless `parentId` is given (then a department). */
export async function createOrgNode(db: Db, overrides: Partial<CreateOrgNodeInput> = {}): Promise<OrgNodeRow> {
	const n = next();
	return createNode(db, seedActor, {
		kind: overrides.parentId ? 'department' : 'agency',
		name: `Đơn vị ${n}`,
		shortCode: `DV${n}`,
		...overrides
	});
}

// Common Vietnamese names, cycled by the person factory.
const NAMES: Array<[string, string, string]> = [
	['Nguyễn', 'Văn', 'An'],
	['Trần', 'Thị', 'Bình'],
	['Lò', 'Văn', 'Chiến'],
	['Cầm', 'Thị', 'Dung'],
	['Phạm', 'Minh', 'Đức'],
	['Giàng', 'A', 'Páo']
];

/** A person of `unitId` (required); the name cycles through common names unless given. */
export async function createPerson(db: Db, overrides: Partial<CreatePersonInput> & { unitId: string }): Promise<PersonRow> {
	const [familyName, middleName, givenName] = NAMES[next() % NAMES.length];
	return createPersonRecord(db, seedActor, { familyName, middleName, givenName, category: 'cong_chuc', ...overrides });
}

/** An account row without a password (tests and seeds that only need someone to grant roles to). */
export async function createUser(db: Db, overrides: { name?: string; email?: string; isDemo?: boolean } = {}): Promise<{ id: string; name: string; email: string }> {
	const n = next();
	const user = { id: newId(), name: overrides.name ?? `Người dùng ${n}`, email: (overrides.email ?? `user${n}@example.vn`).toLowerCase() };
	await insertBareUser(db, { ...user, isDemo: overrides.isDemo, at: now() });
	return user;
}

/** A role granted on a node to an account (a new one unless `userId` is given). */
export async function createGrant(db: Db, input: { role: Role; orgId: string; userId?: string }): Promise<RoleGrantRow> {
	const userId = input.userId ?? (await createUser(db)).id;
	return grantRole(db, seedActor, { userId, orgId: input.orgId, role: input.role });
}

/**
 * A signed-in actor holding each of `roles` (one or several `{ role, orgId }`), backed by a real
 * account and real grants, as the auth layer would build it.
 */
export async function createActor(
	db: Db,
	roles: { role: Role; orgId: string } | Array<{ role: Role; orgId: string }>,
	overrides: { name?: string; email?: string } = {}
): Promise<Actor> {
	const user = await createUser(db, overrides);
	for (const r of Array.isArray(roles) ? roles : [roles]) await grantRole(db, seedActor, { userId: user.id, orgId: r.orgId, role: r.role });
	return { kind: 'user', userId: user.id, name: user.name, email: user.email, grants: await loadActorGrants(db, user.id) };
}
