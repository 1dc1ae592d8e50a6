import { describe, expect, it } from 'vitest';
import { createTestDb } from '../db/testing';
import { systemActor } from '../auth/actor';
import { createOrgNode } from '../org/seed';
import { createCampaign } from '../campaigns/seed';
import { cancelDocument } from './service';
import { countIssuedCampaignDocuments } from './export';
import { createDocument } from './seed';

const db = await createTestDb();
const office = await createOrgNode(db, { kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const department = await createOrgNode(db, { parentId: office.id, name: 'Phòng Tổng hợp', shortCode: 'TH' });
const other = await createOrgNode(db, { kind: 'agency', name: 'Sở Giáo dục và Đào tạo', shortCode: 'SGDĐT' });

describe('report figures', () => {
	it('counts the documents a campaign’s organisations issued, leaving out cancelled ones, other campaigns and other organisations', async () => {
		// Issuing a plan registers it as the office's first document of the campaign.
		const campaign = await createCampaign(db, { orgId: office.id, status: 'running' });
		const another = await createCampaign(db, { orgId: office.id, year: 2022, status: 'running' });
		expect(await countIssuedCampaignDocuments(db, campaign.id, [office.id])).toBe(1);
		await createDocument(db, { orgId: office.id, campaignId: campaign.id, notify: false });
		await createDocument(db, { orgId: department.id, campaignId: campaign.id, type: 'TB', summary: 'Thông báo', notify: false });
		const cancelled = await createDocument(db, { orgId: office.id, campaignId: campaign.id, type: 'CV', unitCode: 'TH', summary: 'Về việc đôn đốc', notify: false });
		await cancelDocument(db, systemActor('test'), cancelled.id, { reason: 'Ban hành nhầm' });
		await createDocument(db, { orgId: office.id, campaignId: another.id, notify: false });
		await createDocument(db, { orgId: office.id, notify: false });
		await createDocument(db, { orgId: other.id, campaignId: campaign.id, notify: false });

		expect(await countIssuedCampaignDocuments(db, campaign.id, [office.id, department.id])).toBe(3);
		expect(await countIssuedCampaignDocuments(db, campaign.id, [department.id])).toBe(1);
		expect(await countIssuedCampaignDocuments(db, campaign.id, [other.id])).toBe(1);
		expect(await countIssuedCampaignDocuments(db, campaign.id, [])).toBe(0);
		expect(await countIssuedCampaignDocuments(db, another.id, [office.id, department.id])).toBe(2);
	});
});
