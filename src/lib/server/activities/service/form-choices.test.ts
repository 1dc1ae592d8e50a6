import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../db/testing';
import * as org from '../../org/seed';
import { createCampaign } from '../../campaigns/seed';
import { createAdminUnit } from '../../localities/seed';
import { createPartner } from '../../partners/seed';
import { listActivityFormChoices } from '../service';

const db = await createTestDb();
const province = await org.createOrgNode(db, { kind: 'province', name: 'UBND tỉnh Sơn La', shortCode: 'UBND' });
const office = await org.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const tttt = await org.createOrgNode(db, { parentId: office.id, name: 'Trung tâm Thông tin', shortCode: 'TTTT' });
const th = await org.createOrgNode(db, { parentId: office.id, name: 'Phòng Tổng hợp', shortCode: 'TH' });
const education = await org.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Sở Giáo dục và Đào tạo', shortCode: 'SGDDT' });
const viettel = await createPartner(db, { orgId: office.id, name: 'Viettel Sơn La', kind: 'telecom' });
const fpt = await createPartner(db, { orgId: office.id, name: 'FPT Sơn La', kind: 'technology' });

const coordinator = await org.createActor(db, { role: 'coordinator', orgId: office.id });
const ttttLeader = await org.createActor(db, { role: 'unit_leader', orgId: tttt.id });
const ttttStaff = await org.createActor(db, { role: 'staff', orgId: tttt.id });
const viettelAccount = await org.createActor(db, { role: 'partner', orgId: viettel.nodeId });
const otherCoordinator = await org.createActor(db, { role: 'coordinator', orgId: education.id });

const campaign = await createCampaign(db, { orgId: office.id, year: 2026, status: 'issued' });
const draft = await createCampaign(db, { orgId: office.id, year: 2027 });
await createAdminUnit(db, { code: '14', name: 'Tỉnh Sơn La', kind: 'tinh' });

describe('listActivityFormChoices', () => {
	it('offers the coordinator the campaign’s organisation (as the empty choice) and its units, never a partner’s own node', async () => {
		const choices = await listActivityFormChoices(db, coordinator, campaign.id);
		expect(choices.hostUnits.map((u) => u.id).sort()).toEqual(['', th.id, tttt.id].sort());
		expect(choices.hostUnits[0]).toEqual({ id: '', name: 'Văn phòng UBND tỉnh', depth: 0 });
		expect(choices.partners.map((p) => p.name)).toEqual(['FPT Sơn La', 'Viettel Sơn La']);
		expect(choices.ownPartnerId).toBeNull();
		expect(choices.adminUnits.map((u) => u.code)).toContain('14');
	});

	it('offers a unit leader only the unit it leads', async () => {
		const choices = await listActivityFormChoices(db, ttttLeader, campaign.id, { places: false });
		expect(choices.hostUnits.map((u) => u.id)).toEqual([tttt.id]);
		expect(choices.adminUnits).toEqual([]);
	});

	it('offers a partner’s account the campaign’s organisation and pre-selects its own partner', async () => {
		const choices = await listActivityFormChoices(db, viettelAccount, campaign.id);
		expect(choices.hostUnits.map((u) => u.id)).toEqual(['']);
		expect(choices.ownPartnerId).toBe(viettel.id);
		expect(choices.partners.map((p) => p.id)).toContain(viettel.id);
		expect(choices.partners.map((p) => p.id)).not.toContain(fpt.id);
	});

	it('refuses door staff (FORBIDDEN) and, for a plan not yet public, those who may not read it (NOT_FOUND)', async () => {
		await expect(listActivityFormChoices(db, ttttStaff, campaign.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(listActivityFormChoices(db, otherCoordinator, campaign.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(listActivityFormChoices(db, otherCoordinator, draft.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(listActivityFormChoices(db, coordinator, 'no-such-campaign')).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});
});
