// What the public contest and entry pages show: the contest, its public entries with their votes,
// the actor's own entries and votes, what they may do now, and the results once published.
import type { Db } from '../../db/types';
import { now } from '../../core/clock';
import type { Actor } from '../../auth/actor';
import { findUser } from '../../auth/service';
import { canManageContest, canVote, submissionOpen, voteOpen } from '../policy';
import type { CreativeEntryRow } from '../tables';
import { CREATIVE_SYSTEM, requireReadableContest, unitPaths, type ContestContext } from './context';
import { contestKinds } from './uploads';
import { listOrgTree, findPersonByUserId } from '../../org/service';
import { MEDIA_CONTENT_TYPES } from '$lib/features/creative/types';
import { listMyEntries, listPublicEntries, requireReadableEntry } from './entries';
import { getContestResults, type ContestResults } from './jury';
import { countContestVotes, getMyVotes } from './votes';
import { findEntryCertificate } from './certificates';

export interface PublicEntry {
	id: string;
	seq: number;
	type: CreativeEntryRow['type'];
	title: string;
	description: string;
	authorName: string;
	unitName: string | null;
	contentType: string | null;
	durationSeconds: number | null;
	votes: number;
	status: CreativeEntryRow['status'];
}

function publicEntry(e: CreativeEntryRow, unitName: string | null, votes: number): PublicEntry {
	return { id: e.id, seq: e.seq, type: e.type, title: e.title, description: e.description, authorName: e.authorName, unitName, contentType: e.contentType, durationSeconds: e.durationSeconds, votes, status: e.status };
}

export interface ContestPage {
	ctx: ContestContext;
	entries: PublicEntry[];
	mine: PublicEntry[];
	myVotes: { entryIds: string[]; left: number | null };
	can: { submit: boolean; vote: boolean; manage: boolean; verified: boolean };
	submissionOpen: boolean;
	voteOpen: boolean;
	results: ContestResults | null;
}

/** The contest page: NOT_FOUND for a draft to anyone but its managers and supervisors. */
export async function getContestPage(db: Db, actor: Actor, contestId: string): Promise<ContestPage> {
	const ctx = await requireReadableContest(db, actor, contestId);
	const at = now();
	const votes = await countContestVotes(db, contestId);
	const entries = await listPublicEntries(db, contestId);
	const mine = await listMyEntries(db, actor, contestId);
	const units = await unitPaths(db, [...entries, ...mine].map((e) => e.unitId));
	const view = (e: CreativeEntryRow) => publicEntry(e, e.unitId ? (units.get(e.unitId)?.name ?? null) : null, votes.get(e.id) ?? 0);
	const account = actor.kind === 'user' && actor.userId ? await findUser(db, actor.userId) : undefined;
	const isOpenForVotes = voteOpen(ctx.contest, at);
	return {
		ctx,
		entries: entries.map(view),
		mine: mine.map(view),
		myVotes: await getMyVotes(db, actor, ctx.contest),
		can: { submit: actor.kind === 'user', vote: isOpenForVotes && canVote(actor, account), manage: canManageContest(actor, { orgPath: ctx.org.path }), verified: Boolean(account?.emailVerified) },
		submissionOpen: submissionOpen(ctx.contest, at),
		voteOpen: isOpenForVotes,
		results: await getContestResults(db, actor, contestId)
	};
}

export interface EntryPage {
	contest: ContestContext['contest'];
	orgName: string;
	entry: PublicEntry & { essayText: string; isMinor: boolean; publishable: boolean; disqualifiedReason: string | null; submittedAt: Date };
	isAuthor: boolean;
	canManage: boolean;
	voted: boolean;
	voteOpen: boolean;
	canVote: boolean;
	votesLeft: number | null;
	/** The entry's certificate, to its author and the contest's managers. */
	certificate: { code: string; kind: string; rank: number | null; revoked: boolean } | null;
}

/** An entry's page: public entries to everyone; others only to their author and the contest's managers (NOT_FOUND otherwise). */
export async function getEntryPage(db: Db, actor: Actor, entryId: string): Promise<EntryPage> {
	const { entry, ctx, isAuthor, canManage } = await requireReadableEntry(db, actor, entryId);
	const unit = entry.unitId ? (await unitPaths(db, [entry.unitId])).get(entry.unitId) : undefined;
	const votes = (await countContestVotes(db, ctx.contest.id)).get(entry.id) ?? 0;
	const myVotes = await getMyVotes(db, actor, ctx.contest);
	const account = actor.kind === 'user' && actor.userId ? await findUser(db, actor.userId) : undefined;
	const open = voteOpen(ctx.contest, now()) && entry.publishable && entry.status === 'submitted';
	return {
		contest: ctx.contest,
		orgName: ctx.org.name,
		entry: {
			...publicEntry(entry, unit?.name ?? null, votes),
			essayText: entry.essayText,
			isMinor: entry.isMinor,
			publishable: entry.publishable,
			disqualifiedReason: canManage || isAuthor ? entry.disqualifiedReason : null,
			submittedAt: entry.submittedAt
		},
		isAuthor,
		canManage,
		voted: myVotes.entryIds.includes(entry.id),
		voteOpen: open,
		canVote: open && canVote(actor, account),
		votesLeft: myVotes.left,
		certificate: await findEntryCertificate(db, actor, entry.id).then((c) => c && { code: c.code, kind: c.kind, rank: c.rank, revoked: Boolean(c.revokedAt) })
	};
}

export interface SubmitPage {
	contest: ContestContext['contest'];
	orgName: string;
	/** The units under the organiser an entry may be made for, in tree order with their depth. */
	units: Array<{ id: string; name: string; depth: number }>;
	/** The entrant's own unit, chosen by default. */
	myUnitId: string | null;
	/** The `accept` list of the file input: the media types of the contest's kinds. */
	accept: string;
	open: boolean;
}

/** What the entry form needs; NOT_FOUND for a contest the actor may not read. */
export async function getSubmitPage(db: Db, actor: Actor, contestId: string): Promise<SubmitPage> {
	const ctx = await requireReadableContest(db, actor, contestId);
	const tree = await listOrgTree(db, CREATIVE_SYSTEM, { rootId: ctx.org.id });
	const person = actor.kind === 'user' && actor.userId ? await findPersonByUserId(db, actor.userId) : undefined;
	const kinds = contestKinds(ctx.contest);
	return {
		contest: ctx.contest,
		orgName: ctx.org.name,
		units: tree.map((n) => ({ id: n.id, name: n.name, depth: n.depth })),
		myUnitId: person && tree.some((n) => n.id === person.unitId) ? person.unitId : null,
		accept: [...new Set(kinds.map((k) => MEDIA_CONTENT_TYPES[k]))].join(','),
		open: submissionOpen(ctx.contest, now())
	};
}
