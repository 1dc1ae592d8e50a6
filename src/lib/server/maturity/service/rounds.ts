// A campaign's self-assessment rounds: the coordinator enrols units with a deadline, follows them,
// and publishes the verified results.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { parseInput } from '../../core/http';
import { recordAudit } from '../../audit/service';
import type { Actor } from '../../auth/actor';
import { vietnameseCollator } from '$lib/vn/text';
import { deadlineInput, enrolInput, roundInput, type RoundInput } from '$lib/features/maturity/inputs';
import type { AssessmentStatus } from '$lib/features/maturity/types';
import { canManageFrameworks, canManageRound, canReadRound, MATURITY_ROUND_READERS } from '../policy';
import { insertAssessments, insertRound, selectAssessmentsOfRounds, selectRoundsOfOrgs, selectVersionsOf, updateAssessmentRow, updateRoundRow } from '../queries';
import type { MaturityAssessmentRow, MaturityRoundRow } from '../tables';
import { allOrgNodes, loadCampaign, loadFramework, loadRoundContext, orgsInScope, type RoundContext } from './maturity-context';

/** The units a round may enrol: nodes below the campaign's node, not the node itself. */
async function enrollableUnits(db: Db, orgPath: string) {
	return (await allOrgNodes(db)).filter((n) => n.path.startsWith(orgPath) && n.path !== orgPath);
}

async function checkUnits(db: Db, orgPath: string, unitIds: string[]): Promise<string[]> {
	const allowed = new Set((await enrollableUnits(db, orgPath)).map((n) => n.id));
	if (unitIds.some((id) => !allowed.has(id))) throw new AppError('VALIDATION', { fields: { unitIds: 'maturity_unit_outside' } });
	return [...new Set(unitIds)];
}

const newAssessments = (round: MaturityRoundRow, unitIds: string[], at: Date) => unitIds.map((unitId) => ({ id: newId(), roundId: round.id, orgId: round.orgId, unitId, createdAt: at, updatedAt: at }));

/**
 * Opens a round on a campaign with the latest version of a framework, a deadline and the units
 * enrolled (each gets a draft). Refuses an unknown campaign or framework (NOT_FOUND), anyone but a
 * coordinator of the campaign's node who may use the framework (FORBIDDEN), and units outside the
 * campaign's node (VALIDATION).
 */
export async function createRound(db: Db, actor: Actor, input: RoundInput): Promise<MaturityRoundRow> {
	const data = parseInput(roundInput, input);
	const campaign = await loadCampaign(db, data.campaignId);
	if (!canManageRound(actor, { orgPath: campaign.orgPath })) throw new AppError('FORBIDDEN');
	const { framework, org: fwOrg } = await loadFramework(db, data.frameworkId);
	// A framework of the campaign's node, one above it, or one the coordinator keeps.
	if (!campaign.orgPath.startsWith(fwOrg.path) && !canManageFrameworks(actor, fwOrg)) throw new AppError('FORBIDDEN');
	const unitIds = await checkUnits(db, campaign.orgPath, data.unitIds);
	const latest = (await selectVersionsOf(db, [framework.id]))[0];
	const at = now();
	return db.transaction(async (tx) => {
		const round = await insertRound(tx, {
			id: newId(),
			orgId: campaign.orgId,
			campaignId: campaign.id,
			frameworkId: framework.id,
			versionId: latest.id,
			title: data.title,
			deadline: data.deadline,
			createdBy: actor.userId ?? actor.name ?? null,
			createdAt: at,
			updatedAt: at
		});
		await insertAssessments(tx, newAssessments(round, unitIds, at));
		await recordAudit(tx, actor, { orgId: campaign.orgId, orgPath: campaign.orgPath, entity: 'maturity_round', entityId: round.id, action: 'create', after: { title: round.title, deadline: round.deadline, frameworkVersion: latest.version, units: unitIds } });
		return round;
	});
}

async function requireManagedRound(db: Db, actor: Actor, roundId: string): Promise<RoundContext> {
	const rc = await loadRoundContext(db, roundId);
	if (!canReadRound(actor, { orgPath: rc.org.path })) throw new AppError('NOT_FOUND');
	if (!canManageRound(actor, { orgPath: rc.org.path })) throw new AppError('FORBIDDEN');
	return rc;
}

/** Enrols more units (those already in keep their assessment). Refuses a published round (INVALID_TRANSITION) and what createRound refuses. */
export async function enrolUnits(db: Db, actor: Actor, roundId: string, input: { unitIds: string[] | string }): Promise<void> {
	const rc = await requireManagedRound(db, actor, roundId);
	if (rc.round.status === 'published') throw new AppError('INVALID_TRANSITION', { fields: { _: 'maturity_round_published_refusal' } });
	const unitIds = await checkUnits(db, rc.org.path, parseInput(enrolInput, input).unitIds);
	await db.transaction(async (tx) => {
		await insertAssessments(tx, newAssessments(rc.round, unitIds, now()));
		await recordAudit(tx, actor, { orgId: rc.org.id, orgPath: rc.org.path, entity: 'maturity_round', entityId: roundId, action: 'enrol', after: { units: unitIds } });
	});
}

/** Moves a round's deadline (dd/mm/yyyy). Refuses a published round (INVALID_TRANSITION), a bad date (VALIDATION) and anyone but its coordinators. */
export async function setRoundDeadline(db: Db, actor: Actor, roundId: string, input: { deadline: string }): Promise<MaturityRoundRow> {
	const rc = await requireManagedRound(db, actor, roundId);
	if (rc.round.status === 'published') throw new AppError('INVALID_TRANSITION', { fields: { _: 'maturity_round_published_refusal' } });
	const { deadline } = parseInput(deadlineInput, input);
	return db.transaction(async (tx) => {
		const row = await updateRoundRow(tx, roundId, { deadline, updatedAt: now() });
		await recordAudit(tx, actor, { orgId: rc.org.id, orgPath: rc.org.path, entity: 'maturity_round', entityId: roundId, action: 'deadline', before: { deadline: rc.round.deadline }, after: { deadline } });
		return row;
	});
}

export interface RoundListItem extends MaturityRoundRow {
	campaignTitle: string;
	campaignYear: number;
	frameworkName: string;
	counts: Partial<Record<AssessmentStatus, number>>;
	units: number;
}

/** The rounds of the nodes the actor coordinates or supervises, newest first. Refuses anyone with neither role (FORBIDDEN). */
export async function listRounds(db: Db, actor: Actor): Promise<RoundListItem[]> {
	const orgs = await orgsInScope(db, actor, MATURITY_ROUND_READERS);
	if (!orgs.length) throw new AppError('FORBIDDEN');
	const rounds = await selectRoundsOfOrgs(db, orgs.map((o) => o.id));
	const assessments = await selectAssessmentsOfRounds(db, rounds.map((r) => r.id));
	const out: RoundListItem[] = [];
	for (const r of rounds) {
		const rc = await loadRoundContext(db, r.id);
		const mine = assessments.filter((a) => a.roundId === r.id);
		const counts: Partial<Record<AssessmentStatus, number>> = {};
		for (const a of mine) counts[a.status] = (counts[a.status] ?? 0) + 1;
		out.push({ ...r, campaignTitle: rc.campaign.title, campaignYear: rc.campaign.year, frameworkName: rc.framework.name, counts, units: mine.length });
	}
	return out;
}

export interface RoundDetail extends RoundContext {
	assessments: Array<MaturityAssessmentRow & { unitName: string }>;
	/** Units of the campaign's node not yet enrolled. */
	enrollable: Array<{ id: string; name: string }>;
	can: { manage: boolean };
}

/** A round with every unit's assessment (status, totals, levels) for its coordinators and supervisors; NOT_FOUND for anyone else. */
export async function getRound(db: Db, actor: Actor, roundId: string): Promise<RoundDetail> {
	const rc = await loadRoundContext(db, roundId);
	if (!canReadRound(actor, { orgPath: rc.org.path })) throw new AppError('NOT_FOUND');
	const assessments = await selectAssessmentsOfRounds(db, [roundId]);
	const nodes = await enrollableUnits(db, rc.org.path);
	const name = new Map(nodes.map((n) => [n.id, n.name]));
	const enrolled = new Set(assessments.map((a) => a.unitId));
	return {
		...rc,
		assessments: assessments.map((a) => ({ ...a, unitName: name.get(a.unitId) ?? '' })).sort((a, b) => vietnameseCollator.compare(a.unitName, b.unitName)),
		enrollable: nodes.filter((n) => !enrolled.has(n.id)).map((n) => ({ id: n.id, name: n.name })),
		can: { manage: canManageRound(actor, { orgPath: rc.org.path }) }
	};
}

/**
 * Publishes a round's results: its verified assessments become published and the leaderboard
 * opens to everyone. A unit verified after that (its review took longer) joins the published
 * leaderboard when the coordinator publishes again. Refuses when nothing verified waits
 * (INVALID_TRANSITION) and anyone but its coordinators (FORBIDDEN).
 */
export async function publishRound(db: Db, actor: Actor, roundId: string): Promise<MaturityRoundRow> {
	const rc = await requireManagedRound(db, actor, roundId);
	const verified = (await selectAssessmentsOfRounds(db, [roundId])).filter((a) => a.status === 'verified');
	if (!verified.length) throw new AppError('INVALID_TRANSITION', { fields: { _: 'maturity_publish_nothing' } });
	const at = now();
	return db.transaction(async (tx) => {
		for (const a of verified) await updateAssessmentRow(tx, a.id, { status: 'published', publishedAt: at, updatedAt: at });
		const row = rc.round.status === 'published' ? rc.round : await updateRoundRow(tx, roundId, { status: 'published', publishedAt: at, updatedAt: at });
		await recordAudit(tx, actor, {
			orgId: rc.org.id,
			orgPath: rc.org.path,
			entity: 'maturity_round',
			entityId: roundId,
			action: 'publish',
			after: { results: verified.map((a) => ({ unitId: a.unitId, total: a.verifiedTotal, level: a.verifiedLevel })) }
		});
		return row;
	});
}
