// Clubs (câu lạc bộ, M11): made by the staff of a node, joined and left by anyone signed in; each
// has its forum, made the first time the club is opened.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { parseInput } from '../../core/http';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { findOrgNode, listOrgTree } from '../../org/service';
import { getCampaign } from '../../campaigns/service';
import { clubInput, type ClubInput } from '$lib/features/community/inputs';
import { canCreateClub, canModerate, canTakePart } from '../policy';
import { deleteMember, insertClub, insertForum, insertMember, selectClub, selectClubs, selectForumBy, selectMembers } from '../queries';
import type { ClubMemberRow, ClubRow, ForumRow } from '../tables';
import { COMMUNITY_SYSTEM, participantLabel, requireSignedIn } from './context';

/**
 * Creates a club of a node, with its forum. Refuses a visitor (UNAUTHENTICATED), a node that does
 * not exist or a campaign of another node (VALIDATION), and anyone but the node's staff, leaders
 * and coordinators (FORBIDDEN).
 */
export async function createClub(db: Db, actor: Actor, input: ClubInput): Promise<ClubRow> {
	if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
	const data = parseInput(clubInput, input);
	const org = await findOrgNode(db, data.orgId);
	if (!org) throw new AppError('VALIDATION', { fields: { orgId: 'field_invalid' } });
	if (!canCreateClub(actor, org)) throw new AppError('FORBIDDEN');
	if (data.campaignId) {
		const campaign = await getCampaign(db, COMMUNITY_SYSTEM, data.campaignId).catch(() => undefined);
		if (!campaign || !org.path.startsWith(campaign.orgPath)) throw new AppError('VALIDATION', { fields: { campaignId: 'community_campaign_other_org' } });
	}
	const at = now();
	return db.transaction(async (tx) => {
		const row = await insertClub(tx, {
			id: newId(),
			orgId: org.id,
			orgPath: org.path,
			campaignId: data.campaignId,
			name: data.name,
			description: data.description,
			createdBy: actor.userId ?? null,
			createdAt: at,
			updatedAt: at
		});
		await insertForum(tx, { id: newId(), orgId: org.id, orgPath: org.path, clubId: row.id, title: row.name, createdAt: at });
		await recordAudit(tx, actor, { orgId: org.id, orgPath: org.path, entity: 'club', entityId: row.id, action: 'create', after: { name: row.name, campaignId: row.campaignId } });
		return row;
	});
}

/** Clubs for the public list, newest first; refuses nothing. */
export async function listClubs(db: Db, options: { limit?: number } = {}): Promise<Array<ClubRow & { members: number }>> {
	return selectClubs(db, { limit: Math.min(options.limit ?? 200, 500) });
}

/** A club as its page shows it. */
export interface ClubDetail {
	club: ClubRow;
	orgName: string;
	forum: ForumRow;
	/** Shown to signed-in people only. */
	members: ClubMemberRow[];
	memberCount: number;
	isMember: boolean;
	can: { join: boolean; moderate: boolean };
}

/** The club with its forum (made now if it has none) and members; NOT_FOUND when it does not exist. */
export async function getClub(db: Db, actor: Actor, id: string): Promise<ClubDetail> {
	const row = await selectClub(db, id);
	if (!row) throw new AppError('NOT_FOUND');
	const forum = (await selectForumBy(db, { clubId: row.id })) ?? (await insertForum(db, { id: newId(), orgId: row.orgId, orgPath: row.orgPath, clubId: row.id, title: row.name, createdAt: now() }));
	const members = await selectMembers(db, row.id);
	const org = await findOrgNode(db, row.orgId);
	return {
		club: row,
		orgName: org?.name ?? '',
		forum,
		members: canTakePart(actor) ? members : [],
		memberCount: members.length,
		isMember: Boolean(actor.userId) && members.some((m) => m.userId === actor.userId),
		can: { join: canTakePart(actor), moderate: canModerate(actor, row) }
	};
}

/** Joins the club; joining twice changes nothing. Refuses a visitor (UNAUTHENTICATED) and an unknown club (NOT_FOUND). */
export async function joinClub(db: Db, actor: Actor, clubId: string): Promise<void> {
	requireSignedIn(actor);
	const row = await selectClub(db, clubId);
	if (!row) throw new AppError('NOT_FOUND');
	if (!actor.userId) throw new AppError('FORBIDDEN');
	await insertMember(db, { id: newId(), clubId, userId: actor.userId, userLabel: participantLabel(actor), joinedAt: now() });
}

/** Leaves the club; leaving a club one is not in changes nothing. Refuses a visitor (UNAUTHENTICATED) and an unknown club (NOT_FOUND). */
export async function leaveClub(db: Db, actor: Actor, clubId: string): Promise<void> {
	requireSignedIn(actor);
	if (!(await selectClub(db, clubId))) throw new AppError('NOT_FOUND');
	if (actor.userId) await deleteMember(db, clubId, actor.userId);
}

/** The nodes the actor may make a club on, for the form's select (empty for who may make none). */
export async function listClubOrgOptions(db: Db, actor: Actor): Promise<Array<{ id: string; name: string; depth: number }>> {
	if (actor.kind !== 'user') return [];
	const tree = await listOrgTree(db, actor);
	return tree.filter((n) => canCreateClub(actor, n)).map((n) => ({ id: n.id, name: n.name, depth: n.depth }));
}
