// What the recognition pages read: the campaign's hub, one entry with its review, one council.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { todayInVietnam } from '../../core/clock';
import { systemActor, type Actor } from '../../auth/actor';
import { getCampaign, listPublicCampaigns } from '../../campaigns/service';
import { listOrgTree } from '../../org/service';
import type { CampaignSummary } from '../../../features/campaigns/types';
import { combinedScore } from '../../../features/recognition/format';
import { RUBRIC_CRITERIA, type EntryKind, type EntryStatus, type RubricScores, type RubricWeights } from '../../../features/recognition/types';
import {
	canDecideEntry,
	canDraftAward,
	canEditEntry,
	canManageRecognition,
	canOverseeRecognition,
	canReadEntry,
	canReturnEntry,
	canScoreEntry,
	canSendToCouncil,
	canSubmitFrom,
	isRecognitionHead,
	reviewingMember
} from '../policy';
import { selectCallsOfCampaign, selectDecisionsOfCampaign, selectEntryFiles, selectInitiativesOfCampaign, selectNominationsOfCampaign, selectScores } from '../queries';
import type { AwardDecisionRow, InitiativeCallRow, InitiativeRow, NominationRow } from '../tables';
import { consentGranted, standingConsents } from './consents';
import { getCouncilRow, listCouncilRows } from './councils';
import { loadEntry, nodesById, requireCampaign, resourcesOf, type Entry } from './context';
import { scoreSummaryOf, type ScoreSummary } from './review';

/** One line of a list of entries. */
export interface EntryLine {
	kind: EntryKind;
	id: string;
	title: string;
	who: string;
	status: EntryStatus;
	councilId: string | null;
	combined: number | null;
}

function lineOf(entry: Entry, combined: number | null = null): EntryLine {
	return entry.kind === 'initiative'
		? { kind: 'initiative', id: entry.row.id, title: entry.row.title, who: entry.row.authors.map((a) => a.name).join(', '), status: entry.row.status, councilId: entry.row.councilId, combined }
		: { kind: 'nomination', id: entry.row.id, title: entry.row.name, who: entry.row.nominatedByLabel, status: entry.row.status, councilId: entry.row.councilId, combined };
}

/** The campaigns where the actor works (at, above or below the campaign's node) that are public. */
export async function listRecognitionCampaigns(db: Db, actor: Actor): Promise<CampaignSummary[]> {
	if (actor.kind !== 'user' && actor.kind !== 'system') throw new AppError('UNAUTHENTICATED');
	const campaigns = await listPublicCampaigns(db, { limit: 200 });
	const nodes = await nodesById(db, campaigns.map((c) => c.orgId));
	return campaigns.filter((c) => {
		const path = nodes.get(c.orgId)?.path ?? '';
		return actor.kind === 'system' || actor.grants.some((g) => g.orgPath.startsWith(path) || path.startsWith(g.orgPath));
	});
}

export interface RecognitionHub {
	campaign: { id: string; title: string; year: number; orgName: string; orgId: string };
	can: { manage: boolean; oversee: boolean; head: boolean; draftAward: boolean };
	calls: Array<InitiativeCallRow & { open: boolean }>;
	submitUnits: Array<{ id: string; name: string }>;
	councils: Array<{ id: string; name: string; status: string; members: number }>;
	initiatives: EntryLine[];
	nominations: EntryLine[];
	decisions: AwardDecisionRow[];
}

/**
 * The campaign's recognition: its calls, and the initiatives, nominations, councils and decisions
 * the actor may see (overseers everything; others what they submitted or review). Refuses a campaign
 * the actor may not read (NOT_FOUND).
 */
export async function getRecognitionHub(db: Db, actor: Actor, campaignId: string): Promise<RecognitionHub> {
	const readable = await getCampaign(db, actor, campaignId);
	const campaign = await requireCampaign(db, readable.id);
	const oversee = canOverseeRecognition(actor, campaign.orgPath);
	const entries: Entry[] = [
		...(await selectInitiativesOfCampaign(db, campaign.id)).map((row): Entry => ({ kind: 'initiative', row })),
		...(await selectNominationsOfCampaign(db, campaign.id)).map((row): Entry => ({ kind: 'nomination', row }))
	];
	const visible = (await resourcesOf(db, campaign, entries)).filter((x) => canReadEntry(actor, x.resource));
	const scores = [...(await selectScores(db, 'initiative', visible.filter((x) => x.entry.kind === 'initiative').map((x) => x.entry.row.id))), ...(await selectScores(db, 'nomination', visible.filter((x) => x.entry.kind === 'nomination').map((x) => x.entry.row.id)))];
	const combinedOf = (x: (typeof visible)[number]) => {
		if (!oversee || !x.council) return null;
		const mine = scores.filter((s) => s.entryKind === x.entry.kind && s.entryId === x.entry.row.id && s.councilId === x.council!.row.id);
		return combinedScore(mine.map((s) => Object.fromEntries(RUBRIC_CRITERIA.map((c) => [c, s[c]])) as RubricScores), x.council.row.weights);
	};
	const lines = visible.map((x) => lineOf(x.entry, combinedOf(x)));
	const tree = actor.kind === 'user' || actor.kind === 'system' ? await listOrgTree(db, systemActor('recognition'), { rootId: campaign.orgId }) : [];
	// Overseers see every council; a member the councils they sit on.
	const councils = (await listCouncilRows(db, campaign.id)).filter((c) => oversee || (actor.kind === 'user' && c.members.some((m) => m.userId === actor.userId)));
	const today = todayInVietnam();
	return {
		campaign: { id: campaign.id, title: campaign.title, year: campaign.year, orgName: campaign.orgName, orgId: campaign.orgId },
		can: { manage: canManageRecognition(actor, campaign.orgPath), oversee, head: isRecognitionHead(actor, campaign.orgPath), draftAward: canDraftAward(actor, campaign.orgPath) },
		calls: (await selectCallsOfCampaign(db, campaign.id)).map((c) => ({ ...c, open: today <= c.deadline })),
		submitUnits: tree.filter((n) => canSubmitFrom(actor, { campaignOrgPath: campaign.orgPath, unitPath: n.path })).map((n) => ({ id: n.id, name: n.name })),
		councils: councils.map((c) => ({ id: c.row.id, name: c.row.name, status: c.row.status, members: c.members.length })),
		initiatives: lines.filter((l) => l.kind === 'initiative'),
		nominations: lines.filter((l) => l.kind === 'nomination'),
		decisions: oversee ? await selectDecisionsOfCampaign(db, campaign.id) : []
	};
}

export interface EntryView {
	kind: EntryKind;
	campaign: { id: string; title: string; orgName: string };
	initiative: InitiativeRow | null;
	nomination: NominationRow | null;
	unitName: string | null;
	files: Array<{ id: string; fileName: string; size: number }>;
	/** Per subject ("0", "1"… for authors; "nominee"): whether the person and a guardian consent now. */
	consents: Record<string, { self: boolean; guardian: boolean }>;
	council: { id: string; name: string; status: string; weights: RubricWeights; passMark: number } | null;
	scores: ScoreSummary;
	councilChoices: Array<{ id: string; name: string }>;
	can: { edit: boolean; return: boolean; send: boolean; score: boolean; decide: boolean; upload: boolean; manage: boolean };
}

/** One initiative or nomination with its review as the actor may see it; NOT_FOUND when they may not (a conflicted member included). */
export async function getEntry(db: Db, actor: Actor, kind: EntryKind, id: string): Promise<EntryView> {
	const loaded = await loadEntry(db, actor, kind, id);
	const { entry, campaign, resource, council } = loaded;
	const oversee = canOverseeRecognition(actor, campaign.orgPath) || Boolean(council && reviewingMember(actor, resource)?.isChair);
	const standing = await standingConsents(db, kind, [id]);
	const subjects = entry.kind === 'initiative' ? entry.row.authors.map((_, i) => String(i)) : ['nominee'];
	const unitId = entry.kind === 'initiative' ? entry.row.unitId : entry.row.unitId;
	const unit = unitId ? (await nodesById(db, [unitId])).get(unitId) : undefined;
	const manage = canManageRecognition(actor, campaign.orgPath);
	return {
		kind,
		campaign: { id: campaign.id, title: campaign.title, orgName: campaign.orgName },
		initiative: entry.kind === 'initiative' ? entry.row : null,
		nomination: entry.kind === 'nomination' ? entry.row : null,
		unitName: unit?.name ?? null,
		files: (await selectEntryFiles(db, kind, id)).map((f) => ({ id: f.id, fileName: f.fileName, size: f.size })),
		consents: Object.fromEntries(subjects.map((s) => [s, { self: consentGranted(standing, id, s, 'self'), guardian: consentGranted(standing, id, s, 'guardian') }])),
		council: council ? { id: council.row.id, name: council.row.name, status: council.row.status, weights: council.row.weights, passMark: council.row.passMark } : null,
		scores: await scoreSummaryOf(db, actor, loaded, { oversee }),
		councilChoices: canSendToCouncil(actor, resource) ? (await listCouncilRows(db, campaign.id)).filter((c) => c.row.status === 'open').map((c) => ({ id: c.row.id, name: c.row.name })) : [],
		can: {
			edit: entry.kind === 'initiative' && canEditEntry(actor, resource),
			return: canReturnEntry(actor, resource),
			send: canSendToCouncil(actor, resource),
			score: canScoreEntry(actor, resource),
			decide: canDecideEntry(actor, resource),
			upload: canEditEntry(actor, resource) || manage,
			manage
		}
	};
}

export interface CouncilView {
	id: string;
	name: string;
	status: string;
	weights: RubricWeights;
	passMark: number;
	closedAt: Date | null;
	campaign: { id: string; title: string };
	members: Array<{ id: string; userId: string; name: string; isChair: boolean; conflicts: string[] }>;
	me: { isMember: boolean; conflictUnitIds: string[] };
	entries: EntryLine[];
	units: Array<{ id: string; name: string }>;
	can: { manage: boolean; close: boolean; oversee: boolean };
}

/** A council with its members, their conflicts, and the entries before it the actor may see. NOT_FOUND for anyone but its members and the campaign's overseers. */
export async function getCouncil(db: Db, actor: Actor, councilId: string): Promise<CouncilView> {
	const { council, orgPath, conflictNames } = await getCouncilRow(db, actor, councilId);
	const campaign = await requireCampaign(db, council.row.campaignId);
	const me = council.members.find((m) => actor.kind === 'user' && m.userId === actor.userId);
	const oversee = canOverseeRecognition(actor, orgPath) || Boolean(me?.isChair);
	const entries: Entry[] = [
		...(await selectInitiativesOfCampaign(db, campaign.id)).filter((r) => r.councilId === councilId).map((row): Entry => ({ kind: 'initiative', row })),
		...(await selectNominationsOfCampaign(db, campaign.id)).filter((r) => r.councilId === councilId).map((row): Entry => ({ kind: 'nomination', row }))
	];
	const visible = (await resourcesOf(db, campaign, entries)).filter((x) => canReadEntry(actor, x.resource));
	const scores = [...(await selectScores(db, 'initiative', visible.map((x) => x.entry.row.id))), ...(await selectScores(db, 'nomination', visible.map((x) => x.entry.row.id)))];
	const tree = await listOrgTree(db, systemActor('recognition'), { rootId: campaign.orgId });
	const manage = canManageRecognition(actor, orgPath);
	return {
		id: council.row.id,
		name: council.row.name,
		status: council.row.status,
		weights: council.row.weights,
		passMark: council.row.passMark,
		closedAt: council.row.closedAt,
		campaign: { id: campaign.id, title: campaign.title },
		members: council.members.map((m) => ({ id: m.id, userId: m.userId, name: m.name, isChair: m.isChair, conflicts: m.conflictUnitIds.map((u) => conflictNames.get(u) ?? u) })),
		me: { isMember: Boolean(me), conflictUnitIds: me?.conflictUnitIds ?? [] },
		entries: visible.map((x) => {
			const mine = scores.filter((s) => s.entryKind === x.entry.kind && s.entryId === x.entry.row.id && s.councilId === councilId);
			return lineOf(x.entry, oversee ? combinedScore(mine.map((s) => Object.fromEntries(RUBRIC_CRITERIA.map((c) => [c, s[c]])) as RubricScores), council.row.weights) : null);
		}),
		units: tree.filter((n) => n.id !== campaign.orgId).map((n) => ({ id: n.id, name: n.name })),
		can: { manage: manage && council.row.status === 'open', close: council.row.status === 'open' && (manage || Boolean(me?.isChair)), oversee }
	};
}
