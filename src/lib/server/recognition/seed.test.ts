import { describe, expect, it } from 'vitest';
import { createTestDb } from '../db/testing';
import { freezeClock } from '../core/clock';
import { seedDemoOrganisations } from '../demo/org-2021';
import { seedDemoCampaigns } from '../demo/plan-2021';
import { getAwardDecision, getHonourBoard, verifyAwardCertificate } from './service';
import { systemActor } from '../auth/actor';
import { seedDemoRecognition } from './seed';

describe('the demo’s recognition (2021)', () => {
	it('ends in an issued Quyết định khen thưởng of October 2021 with certificates, and an honour board that respects consent', async () => {
		const db = await createTestDb();
		const orgs = await seedDemoOrganisations(db);
		const { officeCampaign } = await seedDemoCampaigns(db, { provinceOrgId: orgs.province.id, officeOrgId: orgs.office.id });
		const { decision } = await seedDemoRecognition(db, { campaignId: officeCampaign.id, office: orgs.office, units: orgs.units, setClock: freezeClock });
		expect(decision).toMatchObject({ status: 'issued', symbol: 'QĐ-VPUB', documentDate: '2021-10-28', baseSalaryVnd: 1_490_000 });
		const view = await getAwardDecision(db, systemActor(), decision.id);
		expect(view.recipients).toHaveLength(4);
		// A Giấy khen for a collective: 0.6 × 1,490,000 = 894,000 đ; for a person 0.3 × = 447,000 đ.
		expect(view.recipients.map((r) => r.amountVnd)).toEqual([894_000, 447_000, 0, 447_000]);
		expect((await verifyAwardCertificate(db, view.recipients[1].certificateCode!)).valid).toBe(true);
		const board = await getHonourBoard(db, officeCampaign.id);
		// Lò Thị Hoa did not consent to be named.
		expect(board.entries.map((e) => e.name)).toEqual(['Trung tâm Thông tin', 'Hoàng Anh Tú', 'Lò Thị Xuân']);
		expect(board.hidden).toBe(1);
	});
});
