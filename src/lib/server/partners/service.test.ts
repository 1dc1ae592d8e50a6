import { describe, expect, it } from 'vitest';
import { createTestDb } from '../db/testing';
import { systemActor } from '../auth/actor';
import { listAuditEntries } from '../audit/service';
import * as org from '../org/seed';
import { getOrgNode, listOrgTree } from '../org/service';
import { createCampaign } from '../campaigns/seed';
import {
	addPartnerContact,
	createPartner,
	findPartnerRow,
	getPartner,
	listPartners,
	listSponsorships,
	partnersOfActor,
	recordSponsorship,
	removePartnerContact,
	updatePartner
} from './service';
import { partnerCount, sponsorshipTotals } from './export';
import { createPartner as seedPartner, createSponsorship } from './seed';

const db = await createTestDb();

const province = await org.createOrgNode(db, { kind: 'province', name: 'UBND tỉnh Sơn La', shortCode: 'UBND' });
const office = await org.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const tttt = await org.createOrgNode(db, { parentId: office.id, name: 'Trung tâm Thông tin', shortCode: 'TTTT' });
const education = await org.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Sở Giáo dục và Đào tạo', shortCode: 'SGDDT' });

const coordinator = await org.createActor(db, { role: 'coordinator', orgId: office.id }, { email: 'dieuphoi@sonla.gov.vn' });
const administrator = await org.createActor(db, { role: 'administrator', orgId: office.id });
const leader = await org.createActor(db, { role: 'unit_leader', orgId: office.id });
const supervisor = await org.createActor(db, { role: 'supervisor', orgId: province.id });
const otherCoordinator = await org.createActor(db, { role: 'coordinator', orgId: education.id });
const staff = await org.createActor(db, { role: 'staff', orgId: tttt.id });
const juror = await org.createActor(db, { role: 'reviewer', orgId: office.id });
const ttttLeader = await org.createActor(db, { role: 'unit_leader', orgId: tttt.id });

const campaign = await createCampaign(db, { orgId: office.id, year: 2021, status: 'approved' });
const educationCampaign = await createCampaign(db, { orgId: education.id, year: 2021 });

const viettel = await createPartner(db, coordinator, office.id, {
	name: 'Viettel Sơn La',
	kind: 'telecom',
	website: 'viettel.vn',
	description: 'Đồng hành tổ chức lớp tập huấn kỹ năng số.',
	contacts: [{ name: 'Lò Văn Thắng', position: 'Phó Giám đốc', email: 'ThangLV@example.vn', phone: '0982 123 456' }]
});
const press = await seedPartner(db, { orgId: office.id, name: 'Báo Sơn La', kind: 'newspaper' });
const viettelAccount = await org.createActor(db, { role: 'partner', orgId: viettel.nodeId });
const pressAccount = await org.createActor(db, { role: 'partner', orgId: press.nodeId });

describe('adding a partner', () => {
	it('creates the partner with its own node under the agency, its contacts and the audit entry', async () => {
		expect(viettel).toMatchObject({ orgId: office.id, kind: 'telecom', name: 'Viettel Sơn La', website: 'https://viettel.vn' });
		const node = await getOrgNode(db, systemActor(), viettel.nodeId);
		expect(node).toMatchObject({ parentId: office.id, kind: 'enterprise', name: 'Viettel Sơn La', shortCode: 'DT-VSL', path: `${office.path}${node.id}/` });
		expect((await getOrgNode(db, systemActor(), press.nodeId)).kind).toBe('media');
		const detail = await getPartner(db, coordinator, viettel.id);
		expect(detail.contacts).toEqual([{ id: expect.any(String), name: 'Lò Văn Thắng', position: 'Phó Giám đốc', email: 'thanglv@example.vn', phone: '+84982123456' }]);
		const audit = await listAuditEntries(db, systemActor(), { entity: 'partner', entityId: viettel.id });
		expect(audit[0]).toMatchObject({ action: 'create', actorLabel: 'dieuphoi@sonla.gov.vn', after: { name: 'Viettel Sơn La', kind: 'telecom', contacts: [{ name: 'Lò Văn Thắng' }] } });
	});

	it('gives a second partner of the same initials its own node code', async () => {
		const again = await createPartner(db, administrator, office.id, { name: 'Vườn sách La', kind: 'other' });
		expect((await getOrgNode(db, systemActor(), again.nodeId)).shortCode).toBe('DT-VSL-2');
	});

	it('refuses another agency’s coordinator (NOT_FOUND), a unit leader (FORBIDDEN) and staff of a department (NOT_FOUND)', async () => {
		const input = { name: 'FPT Sơn La', kind: 'technology' as const };
		await expect(createPartner(db, otherCoordinator, office.id, input)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(createPartner(db, leader, office.id, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(createPartner(db, staff, office.id, input)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		expect((await listPartners(db, coordinator)).map((p) => p.name)).not.toContain('FPT Sơn La');
	});

	it('refuses bad input and a department as the agency, creating no node', async () => {
		const before = (await listOrgTree(db, systemActor(), { rootId: office.id })).length;
		await expect(createPartner(db, coordinator, office.id, { name: '  ', kind: 'bank' as never, website: 'not a site', contacts: [{ name: 'A', email: 'x@', phone: '12' }] })).rejects.toMatchObject({
			code: 'VALIDATION',
			fields: { name: 'field_required', kind: 'field_invalid', website: 'field_invalid_url', 'contacts.0.email': 'field_invalid_email', 'contacts.0.phone': 'field_invalid_phone' }
		});
		await expect(createPartner(db, coordinator, tttt.id, { name: 'FPT', kind: 'technology' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { orgId: 'partners_org_invalid' } });
		expect((await listOrgTree(db, systemActor(), { rootId: office.id })).length).toBe(before);
	});
});

describe('changing a partner', () => {
	it('changes its details and its node follows; writes the audit entry', async () => {
		const p = await seedPartner(db, { orgId: office.id, name: 'Công ty ABC' });
		const row = await updatePartner(db, coordinator, p.id, { name: 'Đài Phát thanh ABC', kind: 'radio', website: '', description: 'Phát sóng chuyên mục học tập suốt đời.' });
		expect(row).toMatchObject({ name: 'Đài Phát thanh ABC', kind: 'radio', website: null });
		expect(await getOrgNode(db, systemActor(), p.nodeId)).toMatchObject({ name: 'Đài Phát thanh ABC', kind: 'media' });
		const audit = await listAuditEntries(db, systemActor(), { entity: 'partner', entityId: p.id, action: 'update' });
		expect(audit[0]).toMatchObject({ before: { name: 'Công ty ABC' }, after: { name: 'Đài Phát thanh ABC' } });
	});

	it('adds and removes contacts; refuses a supervisor (FORBIDDEN), the partner’s own account (FORBIDDEN) and another partner’s contact (NOT_FOUND)', async () => {
		const contact = await addPartnerContact(db, coordinator, viettel.id, { name: 'Hà Thị Mai', position: '', email: '', phone: '0912 000 111' });
		expect(contact).toMatchObject({ name: 'Hà Thị Mai', position: null, email: null, phone: '+84912000111' });
		await expect(addPartnerContact(db, supervisor, viettel.id, { name: 'X' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(addPartnerContact(db, viettelAccount, viettel.id, { name: 'X' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(addPartnerContact(db, coordinator, viettel.id, { name: '' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { name: 'field_required' } });
		await expect(removePartnerContact(db, coordinator, press.id, contact.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await removePartnerContact(db, coordinator, viettel.id, contact.id);
		expect((await getPartner(db, coordinator, viettel.id)).contacts.map((c) => c.name)).toEqual(['Lò Văn Thắng']);
		const audit = await listAuditEntries(db, systemActor(), { entity: 'partner_contact', entityId: contact.id });
		expect(audit.map((a) => a.action).sort()).toEqual(['create', 'delete']);
	});
});

describe('reading partners', () => {
	it('shows the agency’s partners to its back office and the bodies above, by name in Vietnamese order', async () => {
		for (const actor of [coordinator, leader, supervisor, administrator]) {
			const names = (await listPartners(db, actor)).map((p) => p.name);
			expect(names).toContain('Viettel Sơn La');
			expect(names.indexOf('Báo Sơn La')).toBeLessThan(names.indexOf('Viettel Sơn La'));
		}
		expect((await listPartners(db, supervisor, office.id)).find((p) => p.id === viettel.id)).toMatchObject({ orgName: 'Văn phòng UBND tỉnh', kind: 'telecom' });
		expect(await listPartners(db, supervisor, education.id)).toEqual([]);
	});

	it('hides them from another agency, staff and a department’s leader: NOT_FOUND and empty lists', async () => {
		for (const actor of [otherCoordinator, staff, ttttLeader]) {
			expect(await listPartners(db, actor)).toEqual([]);
			await expect(getPartner(db, actor, viettel.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		}
	});

	it('shows a partner’s account its own partner only', async () => {
		expect((await listPartners(db, viettelAccount)).map((p) => p.id)).toEqual([viettel.id]);
		expect((await getPartner(db, viettelAccount, viettel.id)).can).toEqual({ manage: false, recordSponsorship: false });
		await expect(getPartner(db, pressAccount, viettel.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		expect((await partnersOfActor(db, viettelAccount)).map((p) => p.id)).toEqual([viettel.id]);
		expect(await partnersOfActor(db, coordinator)).toEqual([]);
		expect((await findPartnerRow(db, press.id))?.name).toBe('Báo Sơn La');
		expect(await findPartnerRow(db, 'nope')).toBeUndefined();
	});
});

describe('sponsorships', () => {
	it('records money and goods for the agency’s campaign, lists them with totals, and writes the audit entry', async () => {
		const money = await recordSponsorship(db, coordinator, { partnerId: press.id, campaignId: campaign.id, kind: 'money', valueVnd: '20.000.000', description: 'Giải thưởng cuộc thi.', receivedOn: '30/09/2021' });
		expect(money).toMatchObject({ valueVnd: 20_000_000, receivedOn: '2021-09-30', orgId: office.id });
		await createSponsorship(db, { partnerId: viettel.id, campaignId: campaign.id, kind: 'in_kind', valueVnd: 150_000_000, description: '50 máy tính bảng', receivedOn: '2021-09-27' });
		const list = await listSponsorships(db, supervisor, campaign.id);
		expect(list.map((s) => [s.partnerName, s.kind, s.valueVnd])).toEqual([
			['Báo Sơn La', 'money', 20_000_000],
			['Viettel Sơn La', 'in_kind', 150_000_000]
		]);
		const detail = await getPartner(db, coordinator, viettel.id);
		expect(detail.totals).toEqual({ moneyVnd: 0, inKindVnd: 150_000_000, count: 1 });
		expect(detail.sponsorships[0].campaignTitle).toBe(campaign.title);
		expect(detail.can).toEqual({ manage: true, recordSponsorship: true });
		const audit = await listAuditEntries(db, systemActor(), { entity: 'sponsorship', entityId: money.id });
		expect(audit[0]).toMatchObject({ action: 'create', after: { valueVnd: 20_000_000, kind: 'money' } });
	});

	it('sums them for the report: money and goods apart, by partner, most given first', async () => {
		const totals = await sponsorshipTotals(db, [campaign.id, educationCampaign.id]);
		expect(totals).toEqual({
			moneyVnd: 20_000_000,
			inKindVnd: 150_000_000,
			count: 2,
			byPartner: [
				{ partnerId: viettel.id, name: 'Viettel Sơn La', moneyVnd: 0, inKindVnd: 150_000_000 },
				{ partnerId: press.id, name: 'Báo Sơn La', moneyVnd: 20_000_000, inKindVnd: 0 }
			]
		});
		expect(await sponsorshipTotals(db, [])).toEqual({ moneyVnd: 0, inKindVnd: 0, count: 0, byPartner: [] });
		expect(await partnerCount(db, [office.id])).toBeGreaterThanOrEqual(2);
		expect(await partnerCount(db, [education.id])).toBe(0);
	});

	it('refuses staff (NOT_FOUND), a unit leader and the partner itself (FORBIDDEN), another agency’s coordinator (NOT_FOUND), and lists them to the back office only', async () => {
		const input = { partnerId: viettel.id, campaignId: campaign.id, kind: 'money' as const, valueVnd: 1_000_000, receivedOn: '2021-10-01' };
		await expect(recordSponsorship(db, staff, input)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(recordSponsorship(db, leader, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(recordSponsorship(db, viettelAccount, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(recordSponsorship(db, otherCoordinator, input)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(listSponsorships(db, staff, campaign.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(listSponsorships(db, juror, campaign.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(listSponsorships(db, otherCoordinator, campaign.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it('refuses a negative, zero or fractional value, a bad date and a campaign outside the agency', async () => {
		const base = { partnerId: viettel.id, campaignId: campaign.id, kind: 'money' as const, receivedOn: '01/10/2021' };
		for (const valueVnd of [-5_000_000, '-5.000.000', 0, 1.5, 'hai triệu']) {
			await expect(recordSponsorship(db, coordinator, { ...base, valueVnd: valueVnd as number })).rejects.toMatchObject({ code: 'VALIDATION', fields: { valueVnd: 'partners_value_invalid' } });
		}
		await expect(recordSponsorship(db, coordinator, { ...base, valueVnd: 1, receivedOn: '31/02/2021' })).rejects.toMatchObject({ fields: { receivedOn: 'field_invalid_date' } });
		await expect(recordSponsorship(db, coordinator, { ...base, valueVnd: 1, campaignId: educationCampaign.id })).rejects.toMatchObject({ fields: { campaignId: 'partners_campaign_outside' } });
		await expect(recordSponsorship(db, coordinator, { ...base, valueVnd: 1, campaignId: 'nope' })).rejects.toMatchObject({ fields: { campaignId: 'field_invalid' } });
		expect((await listSponsorships(db, coordinator, campaign.id)).length).toBe(2);
	});
});
