// Suggestions of role models for coordinators (M15), drawn from LearnWeek's own data through the
// other domains' read models. Each source is one entry of SUGGESTION_SOURCES.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import type { Actor } from '../../auth/actor';
import type { CampaignDetail } from '../../campaigns/service';
import { findPersonByUserId } from '../../org/service';
import { listMostActiveSelfLearners } from '../../library/export';
import { listEngagedLearners } from '../../activities/export';
import { foldVietnamese } from '../../../vn/text';
import type { NominationSuggestion } from '../../../features/recognition/types';
import { canManageRecognition } from '../policy';
import { selectInitiativesOfCampaign, selectNominationsOfCampaign } from '../queries';
import { requireCampaign } from './context';
import { contestCitation, listContestAchievements } from './contests';

/** A source of suggestions: a name (kept on the nomination built from it) and what it proposes for a campaign. */
export interface SuggestionSource {
	name: string;
	suggest(db: Db, campaign: CampaignDetail): Promise<NominationSuggestion[]>;
}

async function unitOf(db: Db, userId: string): Promise<{ unitId: string | null; unitName: string | null }> {
	const person = await findPersonByUserId(db, userId);
	return { unitId: person?.unitId ?? null, unitName: person?.unitName ?? null };
}

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/** Where suggestions come from: learning, activities, recognised initiatives and contest winners. */
export const SUGGESTION_SOURCES: SuggestionSource[] = [
	{
		name: 'learning',
		async suggest(db, campaign) {
			const learners = await listMostActiveSelfLearners(db, campaign.orgId, { limit: 5 });
			return Promise.all(
				learners
					.filter((l) => l.minutes > 0)
					.map(async (l) => ({
						source: 'learning',
						kind: 'person' as const,
						name: l.name,
						...(await unitOf(db, l.userId)),
						userId: l.userId,
						evidence: `${hours(l.minutes).toString().replace('.', ',')} giờ tự học trên thư viện, ${l.completions} học liệu hoàn thành.`,
						facts: { minutes: l.minutes, completions: l.completions }
					}))
			);
		}
	},
	{
		name: 'activities',
		async suggest(db, campaign) {
			const learners = await listEngagedLearners(db, [campaign.id], { limit: 5 });
			return Promise.all(
				learners.map(async (l) => ({
					source: 'activities',
					kind: 'person' as const,
					name: l.name,
					...(await unitOf(db, l.userId)),
					userId: l.userId,
					evidence: `Hoàn thành ${l.completions} lớp học, tham dự ${l.attended} hoạt động của Tuần lễ.`,
					facts: { completions: l.completions, attended: l.attended }
				}))
			);
		}
	},
	{
		name: 'initiatives',
		async suggest(db, campaign) {
			const rows = (await selectInitiativesOfCampaign(db, campaign.id)).filter((r) => r.status === 'recognised');
			return rows.map((r) => {
				const lead = [...r.authors].sort((a, b) => b.share - a.share)[0];
				return {
					source: 'initiatives',
					kind: 'person' as const,
					name: lead.name,
					unitId: lead.unitId,
					unitName: lead.unitName,
					userId: null,
					evidence: `Tác giả chính (${lead.share}%) của sáng kiến “${r.title}” được công nhận.`,
					facts: { initiativeId: r.id }
				};
			});
		}
	},
	{
		name: 'contests',
		async suggest(db, campaign) {
			return (await listContestAchievements(db, campaign.id)).map((a) => ({
				source: 'contests',
				kind: 'person' as const,
				name: a.name,
				unitId: a.unitId,
				unitName: a.unitName,
				userId: a.userId,
				evidence: `${contestCitation(a)}${a.scoreText ? `, ${a.scoreText}` : ''}.`,
				facts: { contest: a.contestTitle, place: a.place, achievement: a.key }
			}));
		}
	}
];

/**
 * Suggestions of role models for a campaign from every source, leaving out people already
 * nominated in it. Refuses anyone but the campaign's coordinators (FORBIDDEN).
 */
export async function listNominationSuggestions(db: Db, actor: Actor, campaignId: string): Promise<NominationSuggestion[]> {
	const campaign = await requireCampaign(db, campaignId);
	if (!canManageRecognition(actor, campaign.orgPath)) throw new AppError('FORBIDDEN');
	const nominated = new Set((await selectNominationsOfCampaign(db, campaign.id)).map((n) => foldVietnamese(n.name)));
	const all = (await Promise.all(SUGGESTION_SOURCES.map((s) => s.suggest(db, campaign)))).flat();
	const seen = new Set<string>();
	return all.filter((s) => {
		const key = `${s.source}|${foldVietnamese(s.name)}`;
		if (nominated.has(foldVietnamese(s.name)) || seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
