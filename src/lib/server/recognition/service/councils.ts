// Councils (hội đồng sáng kiến / xét chọn) and calls for initiatives of a campaign: who sits on a
// council, the conflicts each member declares, the rubric's weights, and closing it.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { parseInput } from '../../core/http';
import { actorLabel, type Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { findUserByEmail } from '../../auth/service';
import { loadActorGrants } from '../../org/service';
import { callInput, conflictsInput, councilInput, memberInput, type CallInput, type ConflictsInput, type CouncilInput, type MemberInput } from '../../../features/recognition/inputs';
import type { RubricWeights } from '../../../features/recognition/types';
import { canCloseCouncil, canManageRecognition, canOverseeRecognition } from '../policy';
import { closeCouncilRow, insertCall, insertCouncil, insertMember, selectCouncil, selectCouncilsOfCampaign, selectMembers, updateMemberConflicts } from '../queries';
import type { CouncilMemberRow, CouncilRow, InitiativeCallRow } from '../tables';
import { loadCouncils, nodesById, requireCampaign, type LoadedCouncil } from './context';

const rootOf = (path: string) => `/${path.split('/')[1]}/`;

/**
 * Creates a council of a campaign with its rubric weights (summing to 100) and pass mark. Refuses
 * anyone but the campaign's coordinators (FORBIDDEN) and bad input (VALIDATION, weights:
 * recognition_weights_not_100 when the weights do not sum to 100).
 */
export async function createCouncil(db: Db, actor: Actor, input: CouncilInput): Promise<CouncilRow> {
	const campaign = await requireCampaign(db, String(input.campaignId ?? ''));
	if (!canManageRecognition(actor, campaign.orgPath)) throw new AppError('FORBIDDEN');
	const data = parseInput(councilInput, input);
	return db.transaction(async (tx) => {
		const row = await insertCouncil(tx, {
			id: newId(),
			orgId: campaign.orgId,
			campaignId: campaign.id,
			name: data.name,
			weights: data.weights as RubricWeights,
			passMark: data.passMark as number,
			createdBy: actor.userId ?? null,
			createdAt: now()
		});
		await recordAudit(tx, actor, { orgId: campaign.orgId, orgPath: campaign.orgPath, entity: 'recognition_council', entityId: row.id, action: 'create', after: row });
		return row;
	});
}

/** A council the actor may see: its campaign's overseers and its members; NOT_FOUND otherwise. */
async function loadVisibleCouncil(db: Db, actor: Actor, id: string): Promise<{ council: LoadedCouncil; orgPath: string; orgId: string }> {
	const loaded = (await loadCouncils(db, [id])).get(id);
	if (!loaded) throw new AppError('NOT_FOUND');
	const campaign = await requireCampaign(db, loaded.row.campaignId);
	const isMember = actor.kind === 'user' && loaded.members.some((m) => m.userId === actor.userId);
	if (!isMember && !canOverseeRecognition(actor, campaign.orgPath)) throw new AppError('NOT_FOUND');
	return { council: loaded, orgPath: campaign.orgPath, orgId: campaign.orgId };
}

/**
 * Adds a member (by their account's e-mail) to an open council, as its chair when asked. Refuses
 * anyone but the campaign's coordinators (FORBIDDEN), a closed council (INVALID_TRANSITION), an
 * e-mail without an account in the organisation's tree (VALIDATION, email:
 * recognition_member_unknown), a second chair (VALIDATION, isChair: recognition_chair_taken) and a
 * member already on the council (CONFLICT).
 */
export async function addCouncilMember(db: Db, actor: Actor, councilId: string, input: MemberInput): Promise<CouncilMemberRow> {
	const { council, orgPath, orgId } = await loadVisibleCouncil(db, actor, councilId);
	if (!canManageRecognition(actor, orgPath)) throw new AppError('FORBIDDEN');
	if (council.row.status !== 'open') throw new AppError('INVALID_TRANSITION');
	const data = parseInput(memberInput, input);
	const user = await findUserByEmail(db, data.email);
	const grants = user ? await loadActorGrants(db, user.id) : [];
	if (!user || !grants.some((g) => g.orgPath.startsWith(rootOf(orgPath)))) throw new AppError('VALIDATION', { fields: { email: 'recognition_member_unknown' } });
	if (council.members.some((m) => m.userId === user.id)) throw new AppError('CONFLICT', { fields: { email: 'recognition_member_already' } });
	if (data.isChair && council.members.some((m) => m.isChair)) throw new AppError('VALIDATION', { fields: { isChair: 'recognition_chair_taken' } });
	return db.transaction(async (tx) => {
		const row = await insertMember(tx, { id: newId(), councilId, orgId, userId: user.id, name: user.name, isChair: data.isChair, createdAt: now() });
		await recordAudit(tx, actor, { orgId, orgPath, entity: 'recognition_council', entityId: councilId, action: 'add_member', after: { userId: user.id, name: user.name, isChair: data.isChair } });
		return row;
	});
}

/**
 * A member declares the units they have a conflict with (an author's unit: their own, a relative's):
 * they will neither see nor score entries from those units. Refuses anyone but the member themself
 * (FORBIDDEN; NOT_FOUND when not on the council), a closed council (INVALID_TRANSITION) and units
 * outside the campaign's organisation (VALIDATION, unitIds: field_invalid).
 */
export async function declareConflicts(db: Db, actor: Actor, councilId: string, input: ConflictsInput): Promise<CouncilMemberRow> {
	const { council, orgPath, orgId } = await loadVisibleCouncil(db, actor, councilId);
	const member = council.members.find((m) => actor.kind === 'user' && m.userId === actor.userId);
	if (!member) throw new AppError('FORBIDDEN');
	if (council.row.status !== 'open') throw new AppError('INVALID_TRANSITION');
	const unitIds = parseInput(conflictsInput, input).unitIds as string[];
	const unique = [...new Set(unitIds)];
	const nodes = await nodesById(db, unique);
	if (unique.some((id) => !nodes.get(id)?.path.startsWith(orgPath))) throw new AppError('VALIDATION', { fields: { unitIds: 'field_invalid' } });
	return db.transaction(async (tx) => {
		const row = await updateMemberConflicts(tx, member.id, unique);
		await recordAudit(tx, actor, { orgId, orgPath, entity: 'recognition_council', entityId: councilId, action: 'declare_conflicts', before: { conflictUnitIds: member.conflictUnitIds }, after: { conflictUnitIds: unique } });
		return row;
	});
}

/**
 * Closes a council once it has met: no member can change a score after. Refuses anyone but its
 * chair and the campaign's coordinators (FORBIDDEN) and a council already closed (INVALID_TRANSITION).
 */
export async function closeCouncil(db: Db, actor: Actor, councilId: string): Promise<CouncilRow> {
	const { council, orgPath, orgId } = await loadVisibleCouncil(db, actor, councilId);
	if (council.row.status !== 'open') throw new AppError('INVALID_TRANSITION');
	if (!canCloseCouncil(actor, { campaignOrgPath: orgPath, council: council.facts })) throw new AppError('FORBIDDEN');
	return db.transaction(async (tx) => {
		const row = await closeCouncilRow(tx, councilId, { closedAt: now(), closedByLabel: actorLabel(actor) });
		if (!row) throw new AppError('INVALID_TRANSITION');
		await recordAudit(tx, actor, { orgId, orgPath, entity: 'recognition_council', entityId: councilId, action: 'close', before: { status: 'open' }, after: { status: 'closed' } });
		return row;
	});
}

/** A council with its members and their declared conflicts (unit names), for its overseers and members; NOT_FOUND otherwise. */
export async function getCouncilRow(db: Db, actor: Actor, councilId: string): Promise<{ council: LoadedCouncil; orgPath: string; orgId: string; conflictNames: Map<string, string> }> {
	const loaded = await loadVisibleCouncil(db, actor, councilId);
	const nodes = await nodesById(db, loaded.council.members.flatMap((m) => m.conflictUnitIds));
	return { ...loaded, conflictNames: new Map([...nodes.values()].map((n) => [n.id, n.name])) };
}

/** The councils of a campaign (a coordinator chooses one for a call or an entry). */
export async function listCouncilRows(db: Db, campaignId: string): Promise<LoadedCouncil[]> {
	const rows = await selectCouncilsOfCampaign(db, campaignId);
	const members = await selectMembers(db, rows.map((r) => r.id));
	return rows.map((row) => ({ row, members: members.filter((m) => m.councilId === row.id), facts: { status: row.status, members: [] } }));
}

/**
 * Opens a call for initiatives in a campaign, with its deadline and the council that will review
 * what comes in. Refuses anyone but the campaign's coordinators (FORBIDDEN) and bad input or a
 * council of another campaign (VALIDATION).
 */
export async function createCall(db: Db, actor: Actor, input: CallInput): Promise<InitiativeCallRow> {
	const campaign = await requireCampaign(db, String(input.campaignId ?? ''));
	if (!canManageRecognition(actor, campaign.orgPath)) throw new AppError('FORBIDDEN');
	const data = parseInput(callInput, input);
	if (data.councilId) {
		const c = await selectCouncil(db, data.councilId);
		if (!c || c.campaignId !== campaign.id) throw new AppError('VALIDATION', { fields: { councilId: 'field_invalid' } });
	}
	return db.transaction(async (tx) => {
		const row = await insertCall(tx, {
			id: newId(),
			orgId: campaign.orgId,
			campaignId: campaign.id,
			title: data.title,
			description: data.description,
			deadline: data.deadline as string,
			councilId: data.councilId,
			createdBy: actor.userId ?? null,
			createdAt: now()
		});
		await recordAudit(tx, actor, { orgId: campaign.orgId, orgPath: campaign.orgPath, entity: 'initiative_call', entityId: row.id, action: 'create', after: row });
		return row;
	});
}
