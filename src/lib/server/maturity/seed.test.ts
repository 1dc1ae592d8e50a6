// The demo's emulation: a published 2020 edition and the 2021 round with units in every state,
// progress since 2020 on the leaderboard.
import { describe, expect, it } from 'vitest';
import { createTestDb, useTempFilesDir } from '../db/testing';
import { freezeClock } from '../core/clock';
import { systemActor } from '../auth/actor';
import { seedDemoOrganisations } from '../demo/org-2021';
import { seedDemoCampaigns } from '../demo/plan-2021';
import { getLeaderboard, getRound } from './service';
import { seedDemoMaturity } from './seed';

const db = await createTestDb();
useTempFilesDir('maturity-demo');

describe('the demo emulation', () => {
	it('publishes 2021 with progress since 2020 and leaves one unit returned and one in draft', async () => {
		const orgs = await seedDemoOrganisations(db);
		const { officeCampaign } = await seedDemoCampaigns(db, { provinceOrgId: orgs.province.id, officeOrgId: orgs.office.id });
		const { round2021 } = await seedDemoMaturity(db, { officeOrgId: orgs.office.id, campaignId: officeCampaign.id, units: orgs.units, setClock: freezeClock });
		const board = await getLeaderboard(db, { kind: 'anonymous', grants: [] }, round2021.id);
		expect(board.rows.map((r) => r.unitName)).toHaveLength(4);
		expect(board.previous?.year).toBe(2020);
		expect(board.mostImproved[0].unitName).toBe('Trung tâm Thông tin');
		const statuses = (await getRound(db, systemActor('test'), round2021.id)).assessments.map((a) => [a.unitName, a.status]);
		expect(statuses).toEqual(
			expect.arrayContaining([
				['Phòng Khoa giáo – Văn xã', 'returned'],
				['Phòng Nội chính', 'draft'],
				['Trung tâm Thông tin', 'published']
			])
		);
	});
});
