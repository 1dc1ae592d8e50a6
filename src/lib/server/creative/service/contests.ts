// Setting up a creative contest (M13): its rules, entry types and limits, submission and vote
// windows, the voting rule and the weights of jury and public vote; publishing it.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { parseInput } from '../../core/http';
import { hasRoleAt, scopePaths, type Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { getCampaign, CAMPAIGN_ACTION_ROLES } from '../../campaigns/service';
import { foldVietnamese } from '$lib/vn/text';
import { contestInput, type ContestInput } from '$lib/features/creative/inputs';
import { canManageContest, CONTEST_READERS } from '../policy';
import { insertContest, selectContests, updateContestRow } from '../queries';
import type { CreativeContestRow } from '../tables';
import { requireManagedContest, unitPaths } from './context';

function contestAudit(c: CreativeContestRow) {
	return {
		title: c.title,
		entryTypes: c.entryTypes,
		maxBytes: c.maxBytes,
		maxDurationSeconds: c.maxDurationSeconds,
		submissionOpensAt: c.submissionOpensAt,
		submissionClosesAt: c.submissionClosesAt,
		voteOpensAt: c.voteOpensAt,
		voteClosesAt: c.voteClosesAt,
		voteMode: c.voteMode,
		votesPerAccount: c.votesPerAccount,
		juryWeight: c.juryWeight,
		status: c.status
	};
}

function rowValues(input: ContestInput) {
	const data = parseInput(contestInput, input);
	return {
		title: data.title,
		rules: data.rules,
		entryTypes: data.entryTypes,
		maxBytes: data.maxSizeMb * 1024 * 1024,
		maxDurationSeconds: data.maxDurationMinutes * 60,
		submissionOpensAt: data.submissionOpensAt,
		submissionClosesAt: data.submissionClosesAt,
		voteOpensAt: data.voteOpensAt,
		voteClosesAt: data.voteClosesAt,
		voteMode: data.voteMode,
		votesPerAccount: data.voteMode === 'per_entry' ? 1 : data.votesPerAccount,
		juryWeight: data.juryWeight,
		searchText: foldVietnamese(data.title)
	};
}

/**
 * Creates a draft contest of a campaign, run by the campaign's node. Refuses a campaign the actor
 * may not read (NOT_FOUND), anyone but its coordinators (FORBIDDEN) and bad input (VALIDATION).
 */
export async function createContest(db: Db, actor: Actor, campaignId: string, input: ContestInput): Promise<CreativeContestRow> {
	const campaign = await getCampaign(db, actor, campaignId);
	if (!canManageContest(actor, { orgPath: campaign.orgPath })) throw new AppError('FORBIDDEN');
	const values = rowValues(input);
	const at = now();
	return db.transaction(async (tx) => {
		const row = await insertContest(tx, { id: newId(), orgId: campaign.orgId, campaignId: campaign.id, ...values, status: 'draft', createdBy: actor.userId ?? null, createdAt: at, updatedAt: at });
		await recordAudit(tx, actor, { orgId: row.orgId, orgPath: campaign.orgPath, entity: 'creative_contest', entityId: row.id, action: 'create', after: contestAudit(row) });
		return row;
	});
}

/** Changes a contest's rules, limits, windows and weights (audited). Refuses others than its managers and bad input. */
export async function updateContest(db: Db, actor: Actor, id: string, input: ContestInput): Promise<CreativeContestRow> {
	const ctx = await requireManagedContest(db, actor, id);
	const values = rowValues(input);
	return db.transaction(async (tx) => {
		const row = await updateContestRow(tx, id, { ...values, updatedAt: now() });
		await recordAudit(tx, actor, { orgId: row.orgId, orgPath: ctx.org.path, entity: 'creative_contest', entityId: id, action: 'update', before: contestAudit(ctx.contest), after: contestAudit(row) });
		return row;
	});
}

/** Publishes a draft contest: it is listed and takes entries in its window. INVALID_TRANSITION unless a draft. */
export async function publishContest(db: Db, actor: Actor, id: string): Promise<CreativeContestRow> {
	const ctx = await requireManagedContest(db, actor, id);
	if (ctx.contest.status !== 'draft') throw new AppError('INVALID_TRANSITION', { fields: { _: 'creative_not_draft' } });
	return db.transaction(async (tx) => {
		const row = await updateContestRow(tx, id, { status: 'published', updatedAt: now() });
		await recordAudit(tx, actor, { orgId: row.orgId, orgPath: ctx.org.path, entity: 'creative_contest', entityId: id, action: 'publish', before: { status: 'draft' }, after: { status: 'published' } });
		return row;
	});
}

/** The contests open to everyone (not drafts), newest first. */
export async function listPublicContests(db: Db): Promise<CreativeContestRow[]> {
	return selectContests(db, { orgIds: null });
}

/** The contests of the nodes the actor coordinates or supervises (drafts included), newest first. */
export async function listManagedContests(db: Db, actor: Actor): Promise<CreativeContestRow[]> {
	if (!scopePaths(actor, CONTEST_READERS).length && actor.kind !== 'system') return [];
	const all = await selectContests(db, { orgIds: 'all' });
	const orgs = await unitPaths(db, all.map((c) => c.orgId));
	return all.filter((c) => hasRoleAt(actor, CONTEST_READERS, orgs.get(c.orgId)?.path ?? '\u0000'));
}

/** True when the actor may set up contests on the campaign (its coordinators). */
export async function canCreateContestIn(db: Db, actor: Actor, campaignId: string): Promise<boolean> {
	const campaign = await getCampaign(db, actor, campaignId).catch(() => null);
	return Boolean(campaign && hasRoleAt(actor, CAMPAIGN_ACTION_ROLES.read, campaign.orgPath) && canManageContest(actor, { orgPath: campaign.orgPath }));
}
