// The library's read model for the report and the recognition domain: learning hours and
// completions by unit and learner group, and the most active self-learners (M15).
import type { Db } from '../db/types';
import { buildLearningReport, type LearningReport, type SelfLearner } from './service/learning-totals';
import { selectCampaignMinutesPerUser } from './queries';

/** Learning on the resources of `orgId` and below, for one campaign when given. */
export async function exportLearningTotals(db: Db, orgId: string, options: { campaignId?: string | null } = {}): Promise<LearningReport> {
	return buildLearningReport(db, orgId, { campaignId: options.campaignId, top: 0 });
}

/** The `limit` learners with the most minutes on resources of `orgId` and below: candidates for recognition as self-learning role models. */
export async function listMostActiveSelfLearners(db: Db, orgId: string, options: { campaignId?: string | null; limit?: number } = {}): Promise<SelfLearner[]> {
	return (await buildLearningReport(db, orgId, { campaignId: options.campaignId, top: options.limit ?? 10 })).topLearners;
}

/** The accounts that logged learning minutes in a campaign, with their minutes (the maturity domain's staff-learning criterion). */
export async function listCampaignLearnerMinutes(db: Db, campaignId: string): Promise<Array<{ userId: string; minutes: number }>> {
	return selectCampaignMinutesPerUser(db, campaignId);
}
