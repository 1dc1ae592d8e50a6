import { describe, expect, it } from 'vitest';
import { createTestDb } from '../db/testing';
import { systemActor, type Actor } from '../auth/actor';
import { listAuditEntries, recordAudit } from './service';

const db = await createTestDb();

const adminOf = (path: string): Actor => ({ kind: 'user', userId: 'u1', email: 'a@x.vn', grants: [{ role: 'administrator', orgId: 'x', orgPath: path }] });

describe('audit log', () => {
	it('keeps who changed what, and shows it only to administrators of that organisation', async () => {
		await recordAudit(db, systemActor('seed'), { orgId: 'a', orgPath: '/a/', entity: 'campaign', entityId: 'c1', action: 'update', before: { t: 1 }, after: { t: 2 } });
		await recordAudit(db, systemActor('seed'), { orgId: 'b', orgPath: '/b/', entity: 'campaign', entityId: 'c2', action: 'update' });
		const mine = await listAuditEntries(db, adminOf('/a/'));
		expect(mine.map((e) => e.entityId)).toEqual(['c1']);
		expect(mine[0]).toMatchObject({ actorLabel: 'seed', before: { t: 1 }, after: { t: 2 } });
	});

	it('shows the system every entry', async () => {
		const all = await listAuditEntries(db, systemActor('job'));
		expect(all.map((e) => e.entityId).sort()).toEqual(['c1', 'c2']);
	});

	it('refuses anyone who is not an administrator', async () => {
		const staff: Actor = { kind: 'user', userId: 'u2', grants: [{ role: 'staff', orgId: 'a', orgPath: '/a/' }] };
		await expect(listAuditEntries(db, staff)).rejects.toMatchObject({ code: 'FORBIDDEN' });
	});
});
