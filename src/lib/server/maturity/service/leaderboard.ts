// The emulation leaderboard of a round: by total and by pillar with levels, and progress since the
// previous edition of the campaign ("most improved" beside "highest": SELFIE's lesson, celebrate progress).
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import type { Actor } from '../../auth/actor';
import { vietnameseCollator } from '$lib/vn/text';
import type { AssessmentResult, FrameworkDefinition } from '$lib/features/maturity/types';
import { canReadRound } from '../policy';
import { selectAnswers, selectAssessmentsOfRounds, selectRoundsOfCampaigns, selectRoundsOfOrgs } from '../queries';
import type { MaturityAssessmentRow } from '../tables';
import { reviewedValues } from './assessments';
import { computeResult, round2 } from './scoring';
import { allOrgNodes, loadRoundContext, type RoundContext } from './maturity-context';

export interface LeaderboardRow {
	assessmentId: string;
	unitId: string;
	unitName: string;
	rank: number;
	result: AssessmentResult;
	/** The unit's percentage in the previous edition, and the change since, in percentage points. */
	previousPercent: number | null;
	previousLevel: number | null;
	progress: number | null;
}

export interface Leaderboard {
	round: RoundContext['round'];
	campaign: { id: string; title: string; year: number };
	orgName: string;
	frameworkName: string;
	frameworkVersion: number;
	definition: FrameworkDefinition;
	rows: LeaderboardRow[];
	/** Units that rose since the previous edition, most first. */
	mostImproved: LeaderboardRow[];
	previous: { roundId: string; title: string; year: number } | null;
	/** True when a coordinator looks at verified results before publication. */
	preview: boolean;
}

async function resultsOf(db: Db, def: FrameworkDefinition, assessments: MaturityAssessmentRow[]): Promise<Map<string, AssessmentResult>> {
	const answers = await selectAnswers(db, assessments.map((a) => a.id));
	return new Map(assessments.map((a) => [a.unitId, computeResult(def, reviewedValues(answers.filter((x) => x.assessmentId === a.id)))]));
}

/** The latest published round of the same node in an earlier year's campaign, the same framework first. */
async function previousEdition(db: Db, rc: RoundContext): Promise<RoundContext | undefined> {
	const candidates: RoundContext[] = [];
	for (const r of await selectRoundsOfOrgs(db, [rc.org.id])) {
		if (r.id === rc.round.id || r.status !== 'published') continue;
		const other = await loadRoundContext(db, r.id);
		if (other.campaign.year < rc.campaign.year) candidates.push(other);
	}
	candidates.sort((a, b) => b.campaign.year - a.campaign.year || Number(b.framework.id === rc.framework.id) - Number(a.framework.id === rc.framework.id));
	return candidates[0];
}

/**
 * The leaderboard of a round: after publication for everyone; before it, a preview of the verified
 * results for the round's coordinators and supervisors only (NOT_FOUND for anyone else).
 */
export async function getLeaderboard(db: Db, actor: Actor, roundId: string): Promise<Leaderboard> {
	const rc = await loadRoundContext(db, roundId);
	const published = rc.round.status === 'published';
	if (!published && !canReadRound(actor, { orgPath: rc.org.path })) throw new AppError('NOT_FOUND');
	const shown = (await selectAssessmentsOfRounds(db, [roundId])).filter((a) => a.status === 'published' || (!published && a.status === 'verified'));
	const results = await resultsOf(db, rc.definition, shown);
	const prev = await previousEdition(db, rc);
	const prevResults = prev ? await resultsOf(db, prev.definition, (await selectAssessmentsOfRounds(db, [prev.round.id])).filter((a) => a.status === 'published')) : new Map<string, AssessmentResult>();
	const names = new Map((await allOrgNodes(db)).map((n) => [n.id, n.name]));
	const rows: LeaderboardRow[] = shown
		.map((a) => {
			const result = results.get(a.unitId)!;
			const before = prevResults.get(a.unitId);
			return {
				assessmentId: a.id,
				unitId: a.unitId,
				unitName: names.get(a.unitId) ?? '',
				rank: 0,
				result,
				previousPercent: before?.percent ?? null,
				previousLevel: before?.level ?? null,
				progress: before ? round2(result.percent - before.percent) : null
			};
		})
		.sort((a, b) => b.result.total - a.result.total || b.result.level - a.result.level || vietnameseCollator.compare(a.unitName, b.unitName));
	// Equal totals share a rank (1, 2, 2, 4).
	rows.forEach((r, i) => (r.rank = i > 0 && rows[i - 1].result.total === r.result.total ? rows[i - 1].rank : i + 1));
	const mostImproved = rows.filter((r) => r.progress !== null && r.progress > 0).sort((a, b) => b.progress! - a.progress! || vietnameseCollator.compare(a.unitName, b.unitName));
	return {
		round: rc.round,
		campaign: { id: rc.campaign.id, title: rc.campaign.title, year: rc.campaign.year },
		orgName: rc.org.name,
		frameworkName: rc.framework.name,
		frameworkVersion: rc.version.version,
		definition: rc.definition,
		rows,
		mostImproved,
		previous: prev ? { roundId: prev.round.id, title: prev.round.title, year: prev.campaign.year } : null,
		preview: !published
	};
}

/** The published rounds of a campaign (for its public page and the report). */
export async function listPublishedRounds(db: Db, campaignId: string): Promise<Array<{ id: string; title: string; publishedAt: Date | null }>> {
	return (await selectRoundsOfCampaigns(db, [campaignId])).filter((r) => r.status === 'published').map((r) => ({ id: r.id, title: r.title, publishedAt: r.publishedAt }));
}
