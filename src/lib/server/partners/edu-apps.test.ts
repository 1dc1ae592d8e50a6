import { describe, expect, it } from 'vitest';
import { createTestDb } from '../db/testing';
import { systemActor } from '../auth/actor';
import { listAuditEntries } from '../audit/service';
import * as org from '../org/seed';
import { createCampaign } from '../campaigns/seed';
import { listEduAppProposalOrgs, listEduAppsForReview, listMyEduApps, listPublicEduApps, proposeEduApp, reviewEduApp } from './service';
import { createEduApp, createPartner, seedDemoPartners } from './seed';

const db = await createTestDb();

const province = await org.createOrgNode(db, { kind: 'province', name: 'UBND tỉnh Sơn La', shortCode: 'UBND' });
const office = await org.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const tttt = await org.createOrgNode(db, { parentId: office.id, name: 'Trung tâm Thông tin', shortCode: 'TTTT' });
const education = await org.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Sở Giáo dục và Đào tạo', shortCode: 'SGDDT' });

const coordinator = await org.createActor(db, { role: 'coordinator', orgId: office.id }, { email: 'dieuphoi@sonla.gov.vn' });
const otherCoordinator = await org.createActor(db, { role: 'coordinator', orgId: education.id });
const staff = await org.createActor(db, { role: 'staff', orgId: tttt.id });
const supervisor = await org.createActor(db, { role: 'supervisor', orgId: province.id });
const learner = await org.createActor(db, []);

const campaign = await createCampaign(db, { orgId: office.id, year: 2021, status: 'approved' });
const viettel = await seedDemoPartners(db, { officeOrgId: office.id, campaignId: campaign.id });
const otherPartner = await createPartner(db, { orgId: education.id, name: 'FPT Education' });
const viettelAccount = await org.createActor(db, { role: 'partner', orgId: viettel.nodeId });
const otherPartnerAccount = await org.createActor(db, { role: 'partner', orgId: otherPartner.nodeId });

const app = { name: 'Vui học Toán cùng Bé', ageMin: '5', ageMax: '8', platforms: ['ios', 'android'], url: 'https://vuihoctoan.example.vn', licence: 'free', description: 'Học đếm và cộng trừ qua trò chơi.' };

describe('proposing an app', () => {
	it('lets a partner’s account propose for its agency, for its partner, and writes the audit entry', async () => {
		const row = await proposeEduApp(db, viettelAccount, office.id, app as never);
		expect(row).toMatchObject({ orgId: office.id, partnerId: viettel.id, status: 'proposed', ageMin: 5, ageMax: 8, platforms: ['android', 'ios'], proposedBy: viettelAccount.userId });
		expect((await listMyEduApps(db, viettelAccount)).map((a) => [a.name, a.status, a.partnerName])).toEqual([['Vui học Toán cùng Bé', 'proposed', 'Viettel Sơn La']]);
		const audit = await listAuditEntries(db, systemActor(), { entity: 'edu_app', entityId: row.id });
		expect(audit[0]).toMatchObject({ action: 'propose' });
	});

	it('lets staff of a department propose for the agency and for their own unit', async () => {
		await createEduApp(db, { orgId: office.id, actor: staff, name: 'Từ điển Việt – Thái' });
		await createEduApp(db, { orgId: tttt.id, actor: staff });
		expect((await listEduAppProposalOrgs(db, staff)).map((o) => o.name)).toEqual(['Trung tâm Thông tin']);
		expect((await listEduAppProposalOrgs(db, viettelAccount)).map((o) => o.name)).toEqual(['Văn phòng UBND tỉnh']);
	});

	it('refuses another agency’s partner and coordinator (NOT_FOUND), a supervisor (FORBIDDEN) and a learner (NOT_FOUND)', async () => {
		const other = { ...app, url: 'https://khac.example.vn' } as never;
		await expect(proposeEduApp(db, otherPartnerAccount, office.id, other)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(proposeEduApp(db, otherCoordinator, office.id, other)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(proposeEduApp(db, supervisor, office.id, other)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(proposeEduApp(db, learner, office.id, other)).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it('refuses ages the wrong way round or out of 0–18, an address that is not https, no platform, and a duplicate', async () => {
		await expect(proposeEduApp(db, viettelAccount, office.id, { ...app, ageMin: '10', ageMax: '6', url: 'http://vuihoc.example.vn', platforms: [] } as never)).rejects.toMatchObject({
			code: 'VALIDATION',
			fields: { ageMax: 'partners_age_order', url: 'partners_url_https', platforms: 'partners_platforms_required' }
		});
		await expect(proposeEduApp(db, viettelAccount, office.id, { ...app, ageMin: '-1', ageMax: '19', url: 'javascript:alert(1)', licence: 'paid' } as never)).rejects.toMatchObject({
			fields: { ageMin: 'partners_age_invalid', ageMax: 'partners_age_invalid', url: 'partners_url_https', licence: 'field_invalid' }
		});
		await expect(proposeEduApp(db, staff, office.id, app as never)).rejects.toMatchObject({ code: 'CONFLICT', fields: { url: 'partners_app_exists' } });
	});
});

describe('reviewing apps', () => {
	it('queues the proposals of the coordinator’s organisations, oldest first, and none of another agency', async () => {
		const queue = await listEduAppsForReview(db, coordinator);
		expect(queue.map((a) => a.name)).toEqual(['GeoGebra', 'Vui học Toán cùng Bé', 'Từ điển Việt – Thái', expect.stringMatching(/^Ứng dụng học tập/)]);
		expect(queue[1]).toMatchObject({ orgName: 'Văn phòng UBND tỉnh', partnerName: 'Viettel Sơn La' });
		expect(await listEduAppsForReview(db, otherCoordinator)).toEqual([]);
		expect(await listEduAppsForReview(db, viettelAccount)).toEqual([]);
	});

	it('approves an app into the public directory and writes the audit entry', async () => {
		const [proposed] = (await listMyEduApps(db, viettelAccount)).filter((a) => a.status === 'proposed');
		expect((await listPublicEduApps(db)).map((a) => a.name)).not.toContain('Vui học Toán cùng Bé');
		const row = await reviewEduApp(db, coordinator, proposed.id, { decision: 'approved', note: '' });
		expect(row).toMatchObject({ status: 'approved', reviewedBy: coordinator.userId });
		expect((await listPublicEduApps(db, { age: 5 })).map((a) => a.name)).toContain('Vui học Toán cùng Bé');
		const audit = await listAuditEntries(db, systemActor(), { entity: 'edu_app', entityId: row.id, action: 'approve' });
		expect(audit[0]).toMatchObject({ actorLabel: 'dieuphoi@sonla.gov.vn', before: { status: 'proposed' }, after: { status: 'approved' } });
		await expect(reviewEduApp(db, coordinator, row.id, { decision: 'approved', note: '' })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
	});

	it('refuses a refusal without a note, the proposer itself (FORBIDDEN), staff (FORBIDDEN) and another agency (NOT_FOUND)', async () => {
		const queued = (await listEduAppsForReview(db, coordinator)).find((a) => a.name === 'Từ điển Việt – Thái')!;
		await expect(reviewEduApp(db, coordinator, queued.id, { decision: 'rejected', note: ' ' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { note: 'partners_review_note_required' } });
		await expect(reviewEduApp(db, staff, queued.id, { decision: 'approved' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(reviewEduApp(db, otherCoordinator, queued.id, { decision: 'approved' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(reviewEduApp(db, otherPartnerAccount, queued.id, { decision: 'approved' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
		const rejected = await reviewEduApp(db, coordinator, queued.id, { decision: 'rejected', note: 'Ứng dụng thu phí sau 7 ngày dùng thử.' });
		expect(rejected).toMatchObject({ status: 'rejected', reviewNote: 'Ứng dụng thu phí sau 7 ngày dùng thử.' });
		expect((await listMyEduApps(db, staff)).find((a) => a.id === queued.id)).toMatchObject({ status: 'rejected', reviewNote: 'Ứng dụng thu phí sau 7 ngày dùng thử.' });
	});
});

describe('the public directory', () => {
	it('lists approved apps only, by name', async () => {
		const names = (await listPublicEduApps(db)).map((a) => a.name);
		expect(names).toEqual(['Khan Academy Kids', 'OLM.vn', 'Scratch', 'ScratchJr', 'VioEdu', 'Vui học Toán cùng Bé']);
		expect(names).not.toContain('GeoGebra');
		expect(names).not.toContain('Từ điển Việt – Thái');
	});

	it('finds words whatever the diacritics, and filters by age, platform and licence', async () => {
		expect((await listPublicEduApps(db, { q: 'lap trinh' })).map((a) => a.name)).toEqual(['Scratch', 'ScratchJr']);
		expect((await listPublicEduApps(db, { q: 'CỘNG TRỪ' })).map((a) => a.name)).toEqual(['Vui học Toán cùng Bé']);
		expect((await listPublicEduApps(db, { age: 16 })).map((a) => a.name)).toEqual(['OLM.vn', 'Scratch']);
		expect((await listPublicEduApps(db, { age: 2, platform: 'android' })).map((a) => a.name)).toEqual(['Khan Academy Kids']);
		expect((await listPublicEduApps(db, { platform: 'windows' })).map((a) => a.name)).toEqual(['Scratch']);
		expect((await listPublicEduApps(db, { licence: 'open_source', age: 6 })).map((a) => a.name)).toEqual(['ScratchJr']);
		expect(await listPublicEduApps(db, { q: '100%_' })).toEqual([]);
	});
});
