// Setting up a creative contest (M13): its rules, entry types and limits, submission and vote
// windows, the voting rule and the weights of jury and public vote; publishing it.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { parseInput } from '../../core/http';
import { hasRoleAt, scopePaths, type Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { getCampaign, listCampaigns } from '../../campaigns/service';
import { foldVietnamese } from '$lib/vn/text';
import { contestInput, type ContestInput } from '$lib/features/creative/inputs';
import { contestView } from '$lib/features/creative/format';
import { canManageContest, CONTEST_MANAGERS, CONTEST_READERS } from '../policy';
import { insertContest, selectContests, updateContestRow } from '../queries';
import type { CreativeContestRow } from '../tables';
import { requireManagedContest, unitPaths } from './context';

const contestAudit = (c: CreativeContestRow) => contestView(c);

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

/** The campaigns on which the actor may set up a contest (those of the nodes they coordinate), newest first. */
export async function listCampaignsForContests(db: Db, actor: Actor): Promise<Array<{ id: string; title: string; year: number; orgName: string }>> {
	if (!scopePaths(actor, CONTEST_MANAGERS).length) return [];
	const campaigns = await listCampaigns(db, actor);
	const orgs = await unitPaths(db, campaigns.map((c) => c.orgId));
	return campaigns.filter((c) => canManageContest(actor, { orgPath: orgs.get(c.orgId)?.path ?? '\u0000' })).map((c) => ({ id: c.id, title: c.title, year: c.year, orgName: c.orgName }));
}

export interface ContestCard {
	id: string;
	title: string;
	orgName: string;
	status: CreativeContestRow['status'];
	entryTypes: string[];
	submissionOpensAt: Date;
	submissionClosesAt: Date;
	voteOpensAt: Date | null;
	voteClosesAt: Date | null;
}

/** Contests as list cards with their organiser's name: the public ones, or with `managed` those the actor runs or supervises. */
export async function listContestCards(db: Db, actor: Actor, options: { managed?: boolean } = {}): Promise<ContestCard[]> {
	const rows = options.managed ? await listManagedContests(db, actor) : await listPublicContests(db);
	const orgs = await unitPaths(db, rows.map((r) => r.orgId));
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		orgName: orgs.get(r.orgId)?.name ?? '',
		status: r.status,
		entryTypes: r.entryTypes,
		submissionOpensAt: r.submissionOpensAt,
		submissionClosesAt: r.submissionClosesAt,
		voteOpensAt: r.voteOpensAt,
		voteClosesAt: r.voteClosesAt
	}));
}
