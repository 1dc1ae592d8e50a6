// What every creative-contest use case loads first: the contest with its organiser node, and the
// facts the policy decides on. Other domains are read as the system; this domain's policy decides.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { systemActor, type Actor } from '../../auth/actor';
import { getCampaign, type CampaignDetail } from '../../campaigns/service';
import { findOrgNode, listOrgNodesByIds, findPersonByUserId, type OrgNodeRow } from '../../org/service';
import { canManageContest, canReadContest } from '../policy';
import { selectContest, selectEntry } from '../queries';
import type { CreativeContestRow, CreativeEntryRow } from '../tables';

/** The creative domain reads campaigns and units as the system, after its own policy. */
export const CREATIVE_SYSTEM = systemActor('creative');

export interface ContestContext {
	contest: CreativeContestRow;
	org: OrgNodeRow;
	campaign: CampaignDetail;
}

/** Loads a contest with its organiser node and campaign; NOT_FOUND when it does not exist. */
export async function loadContest(db: Db, id: string, options: { lock?: boolean } = {}): Promise<ContestContext> {
	const contest = await selectContest(db, id, options);
	if (!contest) throw new AppError('NOT_FOUND');
	const org = await findOrgNode(db, contest.orgId);
	if (!org) throw new AppError('NOT_FOUND');
	const campaign = await getCampaign(db, CREATIVE_SYSTEM, contest.campaignId);
	return { contest, org, campaign };
}

/** The contest if the actor may read it (published, or theirs to manage or supervise); NOT_FOUND otherwise. */
export async function requireReadableContest(db: Db, actor: Actor, id: string): Promise<ContestContext> {
	const ctx = await loadContest(db, id);
	if (!canReadContest(actor, { orgPath: ctx.org.path, status: ctx.contest.status })) throw new AppError('NOT_FOUND');
	return ctx;
}

/** The contest if the actor manages it: NOT_FOUND when they may not read it, FORBIDDEN when they may only read it. */
export async function requireManagedContest(db: Db, actor: Actor, id: string, options: { lock?: boolean } = {}): Promise<ContestContext> {
	const ctx = await requireReadableContest(db, actor, id);
	if (!canManageContest(actor, { orgPath: ctx.org.path })) throw new AppError('FORBIDDEN');
	return options.lock ? loadContest(db, id, { lock: true }) : ctx;
}

/** An entry with its contest; NOT_FOUND when either is missing. */
export async function loadEntry(db: Db, entryId: string): Promise<{ entry: CreativeEntryRow } & ContestContext> {
	const entry = await selectEntry(db, entryId);
	if (!entry) throw new AppError('NOT_FOUND');
	return { entry, ...(await loadContest(db, entry.contestId)) };
}

/** The paths of units, by id (unknown ids are left out). */
export async function unitPaths(db: Db, ids: Array<string | null>): Promise<Map<string, OrgNodeRow>> {
	const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
	return new Map((await listOrgNodesByIds(db, wanted)).map((n) => [n.id, n]));
}

/** The units a person works in, as paths: a juror never judges entries of these (or of units below them). */
export async function unitPathsOfUser(db: Db, userId: string): Promise<string[]> {
	const person = await findPersonByUserId(db, userId);
	return person ? [person.unitPath] : [];
}
