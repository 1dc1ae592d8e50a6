import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../db/testing';
import * as org from '../../org/seed';
import { createCampaign } from '../../campaigns/seed';
import { MATERIAL_MAX_BYTES } from '$lib/features/activities/types';
import { addMaterialFile, getActivityPage, readMaterialFile, removeMaterial } from '../service';
import { createActivity } from '../seed';

const db = await createTestDb();
const office = await org.createOrgNode(db, { kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const tttt = await org.createOrgNode(db, { parentId: office.id, name: 'Trung tâm Thông tin', shortCode: 'TTTT' });
const coordinator = await org.createActor(db, { role: 'coordinator', orgId: office.id });
const ttttStaff = await org.createActor(db, { role: 'staff', orgId: tttt.id });
const campaign = await createCampaign(db, { orgId: office.id, year: 2026, status: 'issued' });
const activity = await createActivity(db, { campaignId: campaign.id });
const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'));

describe('material files', () => {
	it('stores a PDF that readers download again, and removes it with its file', async () => {
		const row = await addMaterialFile(db, coordinator, activity.id, { name: 'bài giảng.pdf', bytes: PDF, title: '' });
		expect(row.title).toBe('bài giảng.pdf');
		expect(row.contentType).toBe('application/pdf');
		const { bytes } = await readMaterialFile(db, { kind: 'anonymous', grants: [] }, activity.id, row.id);
		expect(Buffer.compare(bytes, Buffer.from(PDF))).toBe(0);
		await removeMaterial(db, coordinator, activity.id, row.id);
		expect((await getActivityPage(db, coordinator, activity.id)).materials).toEqual([]);
		await expect(readMaterialFile(db, coordinator, activity.id, row.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it('refuses another kind of file, one too large, an empty one, and anyone but the managers', async () => {
		await expect(addMaterialFile(db, coordinator, activity.id, { name: 'x.exe', bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0]) })).rejects.toMatchObject({ code: 'UNSUPPORTED_TYPE' });
		const large = new Uint8Array(MATERIAL_MAX_BYTES + 1);
		large.set(PDF);
		await expect(addMaterialFile(db, coordinator, activity.id, { name: 'x.pdf', bytes: large })).rejects.toMatchObject({ code: 'TOO_LARGE' });
		await expect(addMaterialFile(db, coordinator, activity.id, { name: 'x.pdf', bytes: new Uint8Array() })).rejects.toMatchObject({ code: 'VALIDATION' });
		await expect(addMaterialFile(db, ttttStaff, activity.id, { name: 'x.pdf', bytes: PDF })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		expect((await getActivityPage(db, coordinator, activity.id)).materials).toEqual([]);
	});
});
