import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../db/testing';
import { systemActor, type Actor } from '../auth/actor';
import { createActor, createOrgNode } from '../org/seed';
import { createDocument } from '../documents/seed';
import { listRegister } from '../documents/service';
import type { OrgNodeRow } from '../org/tables';
import { runOnce } from './service';

const db = await createTestDb();
let office: OrgNodeRow;
let leader: Actor;

beforeAll(async () => {
	office = await createOrgNode(db, { name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB', kind: 'agency' });
	leader = await createActor(db, { role: 'unit_leader', orgId: office.id });
});

const issue = (tx: Parameters<Parameters<typeof runOnce>[3]>[0]) => createDocument(tx, { orgId: office.id, actor: leader, notify: false });
const registered = async () => (await listRegister(db, systemActor(), { orgId: office.id, year: 2021 })).length;

describe('a create sent twice', () => {
	it('issues one document and one number when the same form is posted twice', async () => {
		const key = randomUUID();
		const before = await registered();
		const first = await runOnce(db, leader, { key, scope: 'documents.issue' }, issue);
		const second = await runOnce(db, leader, { key, scope: 'documents.issue' }, issue);
		expect(second).toEqual({ id: first.id, repeated: true });
		expect(first.repeated).toBe(false);
		expect(await registered()).toBe(before + 1);
	});

	it('acts once when both posts arrive at the same time', async () => {
		const key = randomUUID();
		const before = await registered();
		const results = await Promise.all([1, 2, 3].map(() => runOnce(db, leader, { key, scope: 'documents.issue' }, issue)));
		expect(new Set(results.map((r) => r.id)).size).toBe(1);
		expect(results.filter((r) => !r.repeated)).toHaveLength(1);
		expect(await registered()).toBe(before + 1);
	});

	it('frees the key when the first try fails, so the corrected form goes through', async () => {
		const key = randomUUID();
		await expect(
			runOnce(db, leader, { key, scope: 'documents.issue' }, (tx) => createDocument(tx, { orgId: office.id, actor: leader, notify: false, summary: '' }))
		).rejects.toMatchObject({ code: 'VALIDATION' });
		await expect(runOnce(db, leader, { key, scope: 'documents.issue' }, issue)).resolves.toMatchObject({ repeated: false });
	});

	it('refuses a malformed key, and a key replayed by someone else or for something else', async () => {
		await expect(runOnce(db, leader, { key: 'short', scope: 'documents.issue' }, issue)).rejects.toMatchObject({ code: 'VALIDATION' });
		const key = randomUUID();
		await runOnce(db, leader, { key, scope: 'documents.issue' }, issue);
		const other = await createActor(db, { role: 'unit_leader', orgId: office.id });
		await expect(runOnce(db, other, { key, scope: 'documents.issue' }, issue)).rejects.toMatchObject({ fields: { requestKey: 'field_invalid' } });
		await expect(runOnce(db, leader, { key, scope: 'campaigns.create' }, issue)).rejects.toMatchObject({ fields: { requestKey: 'field_invalid' } });
	});
});
