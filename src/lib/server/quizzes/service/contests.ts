// Organisers set a quiz contest up in a campaign, give it rounds, and the public finds it.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { parseInput } from '../../core/http';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { getCampaign, listPublicCampaigns } from '../../campaigns/service';
import { listOrgNodesInRoleScope, listOrgUnitsUnder, type OrgNodeRow } from '../../org/service';
import { contestInput, roundInput, type ContestInput, type ContestInputData, type RoundInput } from '$lib/features/quizzes/inputs';
import { canOrganiseContests, CONTEST_ORGANISERS } from '../policy';
import { insertContest, insertRound, selectContestsOfOrgs, selectPublishedContests, selectQuestionsOf, selectRoundsOf, updateContestRow, updateRoundRow } from '../queries';
import type { QuizContestRow, QuizQuestionRow, QuizRoundRow } from '../tables';
import { changeOfRounds, loadOrg, requireReadableContest, requireReadableRound } from './quiz-context';

export interface ContestWithRounds {
	contest: QuizContestRow;
	org: OrgNodeRow;
	rounds: QuizRoundRow[];
	canOrganise: boolean;
}

/** Whether the bank can fill every quota: each quota takes questions no earlier quota took. */
export function quotasFillable(bank: Pick<QuizQuestionRow, 'id' | 'tags' | 'difficulty'>[], quotas: ContestInputData['quotas']): boolean {
	const taken = new Set<string>();
	for (const q of quotas) {
		const fits = bank.filter((b) => !taken.has(b.id) && (!q.tag || b.tags.includes(q.tag)) && (!q.difficulty || b.difficulty === q.difficulty));
		if (fits.length < q.count) return false;
		for (const b of fits.slice(0, q.count)) taken.add(b.id);
	}
	return true;
}

async function checkContest(db: Db, actor: Actor, org: OrgNodeRow, data: ContestInputData): Promise<void> {
	// The campaign must be one the organiser may read (a draft of another province is NOT_FOUND).
	await getCampaign(db, actor, data.campaignId).catch((e) => {
		if (e instanceof AppError) throw new AppError('VALIDATION', { fields: { campaignId: 'field_invalid' } });
		throw e;
	});
	if (data.status === 'published' && !quotasFillable(await selectQuestionsOf(db, [org.id]), data.quotas)) {
		throw new AppError('VALIDATION', { fields: { quotas: 'quizzes_bank_too_small' } });
	}
}

function columns(data: ContestInputData) {
	return {
		campaignId: data.campaignId,
		title: data.title,
		description: data.description,
		entryRule: data.entryRule,
		attemptsAllowed: data.attemptsAllowed,
		timeLimitSeconds: data.timeLimitMinutes * 60,
		graceSeconds: data.graceSeconds,
		quotas: data.quotas,
		predictionQuestion: data.predictionQuestion,
		status: data.status
	};
}

/**
 * Opens a quiz contest of the organisation `orgId` in a campaign. Refuses anyone but its
 * coordinators (or above) with FORBIDDEN, bad input or an unknown campaign (VALIDATION), and a
 * published contest whose quotas the bank cannot fill (VALIDATION, quotas).
 */
export async function createContest(db: Db, actor: Actor, orgId: string, input: ContestInput): Promise<QuizContestRow> {
	const org = await loadOrg(db, orgId);
	if (!canOrganiseContests(actor, { orgPath: org.path })) throw new AppError('FORBIDDEN');
	const data = parseInput(contestInput, input);
	await checkContest(db, actor, org, data);
	const at = now();
	return db.transaction(async (tx) => {
		const row = await insertContest(tx, { id: newId(), orgId: org.id, ...columns(data), createdBy: actor.userId ?? actor.name ?? actor.kind, createdAt: at, updatedAt: at });
		await recordAudit(tx, actor, { orgId: org.id, orgPath: org.path, entity: 'quiz_contest', entityId: row.id, action: 'create', after: columns(data) });
		return row;
	});
}

/** Changes a contest's settings; attempts already started keep theirs. Refuses what createContest refuses, and NOT_FOUND. */
export async function updateContest(db: Db, actor: Actor, id: string, input: ContestInput): Promise<QuizContestRow> {
	const { contest, org } = await requireReadableContest(db, actor, id);
	if (!canOrganiseContests(actor, { orgPath: org.path })) throw new AppError('FORBIDDEN');
	const data = parseInput(contestInput, input);
	await checkContest(db, actor, org, data);
	return changeOfRounds(db, async (tx) => {
		const row = await updateContestRow(tx, id, { ...columns(data), updatedAt: now() });
		await recordAudit(tx, actor, { orgId: org.id, orgPath: org.path, entity: 'quiz_contest', entityId: id, action: 'update', before: contest, after: columns(data) });
		return row;
	});
}

/** Adds a round to a contest. Refuses anyone but its organisers (FORBIDDEN) and times out of order (VALIDATION). */
export async function addRound(db: Db, actor: Actor, contestId: string, input: RoundInput): Promise<QuizRoundRow> {
	const { org } = await requireReadableContest(db, actor, contestId);
	if (!canOrganiseContests(actor, { orgPath: org.path })) throw new AppError('FORBIDDEN');
	const data = parseInput(roundInput, input);
	return db.transaction(async (tx) => {
		const row = await insertRound(tx, { id: newId(), contestId, name: data.name, opensAt: data.opensAt, closesAt: data.closesAt, createdAt: now() });
		await recordAudit(tx, actor, { orgId: org.id, orgPath: org.path, entity: 'quiz_round', entityId: row.id, action: 'create', after: data });
		return row;
	});
}

/** Moves a round's times; a published round keeps them (INVALID_TRANSITION). Refuses what addRound refuses. */
export async function updateRound(db: Db, actor: Actor, roundId: string, input: RoundInput): Promise<QuizRoundRow> {
	const { round, org } = await requireReadableRound(db, actor, roundId);
	if (!canOrganiseContests(actor, { orgPath: org.path })) throw new AppError('FORBIDDEN');
	if (round.publishedAt) throw new AppError('INVALID_TRANSITION', { fields: { _: 'quizzes_round_already_published' } });
	const data = parseInput(roundInput, input);
	return changeOfRounds(db, async (tx) => {
		const row = await updateRoundRow(tx, roundId, { name: data.name, opensAt: data.opensAt, closesAt: data.closesAt });
		await recordAudit(tx, actor, { orgId: org.id, orgPath: org.path, entity: 'quiz_round', entityId: roundId, action: 'update', before: round, after: data });
		return row;
	});
}

/** The contest with its rounds, if the actor may read it (published, or its organisers); NOT_FOUND otherwise. */
export async function getContest(db: Db, actor: Actor, id: string): Promise<ContestWithRounds> {
	const { contest, org } = await requireReadableContest(db, actor, id);
	return { contest, org, rounds: await selectRoundsOf(db, [id]), canOrganise: canOrganiseContests(actor, { orgPath: org.path }) };
}

/** The contests the actor organises, newest first. */
export async function listManagedContests(db: Db, actor: Actor): Promise<QuizContestRow[]> {
	const orgs = await listOrgNodesInRoleScope(db, actor, CONTEST_ORGANISERS);
	return selectContestsOfOrgs(db, orgs.map((o) => o.id));
}

/** The organisations where the actor may open contests. */
export async function listContestOrgs(db: Db, actor: Actor): Promise<OrgNodeRow[]> {
	return listOrgNodesInRoleScope(db, actor, CONTEST_ORGANISERS);
}

export interface PublicContest {
	id: string;
	title: string;
	description: string;
	campaignId: string;
	campaignTitle: string;
	rounds: Array<{ id: string; name: string; opensAt: Date; closesAt: Date; published: boolean }>;
}

/** The published contests of public campaigns (or of one), newest campaign first; anyone may list them. */
export async function listPublicContests(db: Db, options: { campaignId?: string } = {}): Promise<PublicContest[]> {
	const campaigns = (await listPublicCampaigns(db)).filter((c) => !options.campaignId || c.id === options.campaignId);
	const titles = new Map(campaigns.map((c) => [c.id, c.title]));
	const contests = await selectPublishedContests(db, campaigns.map((c) => c.id));
	const rounds = await selectRoundsOf(db, contests.map((c) => c.id));
	return contests.map((c) => ({
		id: c.id,
		title: c.title,
		description: c.description,
		campaignId: c.campaignId,
		campaignTitle: titles.get(c.campaignId) ?? '',
		rounds: rounds.filter((r) => r.contestId === c.id).map((r) => ({ id: r.id, name: r.name, opensAt: r.opensAt, closesAt: r.closesAt, published: Boolean(r.publishedAt) }))
	}));
}

/** The units a participant may name when entering by e-mail code: the organiser and every unit below it, by name. */
export async function listEntryUnits(db: Db, actor: Actor, contestId: string): Promise<Array<{ id: string; name: string }>> {
	const { org } = await requireReadableContest(db, actor, contestId);
	return (await listOrgUnitsUnder(db, org.path)).sort((a, b) => a.path.length - b.path.length || a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'vi')).map((u) => ({ id: u.id, name: u.name }));
}
