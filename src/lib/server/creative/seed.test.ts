import { describe, expect, it } from 'vitest';
import { createTestDb, useTempFilesDir } from '../db/testing';
import { anonymousActor, systemActor } from '../auth/actor';
import { freezeClock } from '../core/clock';
import { seedDemoOrganisations } from '../demo/org-2021';
import { seedDemoCampaigns } from '../demo/plan-2021';
import { getContestPage, getContestResults, listRounds, getRoundProgress } from './service';
import { seedDemoCreative } from './seed';

const db = await createTestDb();
useTempFilesDir('creative-demo');

describe('the demo reading contest', () => {
	it('has 2021 entries of each kind, a closed jury round whose jurors skipped their own units, votes and a ranking', async () => {
		const orgs = await seedDemoOrganisations(db);
		const { officeCampaign } = await seedDemoCampaigns(db, { provinceOrgId: orgs.province.id, officeOrgId: orgs.office.id });
		const contest = await seedDemoCreative(db, { campaignId: officeCampaign.id, units: orgs.units, setClock: freezeClock });
		expect(contest.submissionOpensAt.getUTCFullYear()).toBe(2021);
		const page = await getContestPage(db, anonymousActor, contest.id);
		expect(page.entries.map((e) => e.type).sort()).toEqual(['essay', 'photo', 'reading', 'reading', 'reading', 'reading', 'reading']);
		expect(page.entries.filter((e) => e.type === 'reading').every((e) => (e.durationSeconds ?? 0) >= 4)).toBe(true);
		expect(page.entries.reduce((s, e) => s + e.votes, 0)).toBe(12);
		expect(page.voteOpen).toBe(false);
		const [round] = await listRounds(db, systemActor(), contest.id);
		expect(round.status).toBe('closed');
		const progress = await getRoundProgress(db, systemActor(), round.id);
		// Each of the two jurors who work in a unit with an entry skipped it; the one outside rated all seven.
		expect(progress.jurors.map((j) => j.rated).sort()).toEqual([6, 6, 7]);
		const results = (await getContestResults(db, systemActor(), contest.id))!;
		expect(results.ranking).toHaveLength(7);
		expect(results.ranking[0].rank).toBe(1);
	});
});
