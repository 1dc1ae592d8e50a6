// What every maturity use case loads first: the organisation nodes, the campaign, the round with
// its framework version, the assessment with its unit. Other domains are read as the system,
// after the maturity policy.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { scopePaths, systemActor, type Actor, type Role } from '../../auth/actor';
import { findOrgNode, listOrgTree, type OrgNodeRow } from '../../org/service';
import { getCampaign, type CampaignDetail } from '../../campaigns/service';
import type { FrameworkDefinition } from '$lib/features/maturity/types';
import { canReadAssessment, type AssessmentResource } from '../policy';
import { selectAssessment, selectFramework, selectRound, selectVersion } from '../queries';
import type { MaturityAssessmentRow, MaturityFrameworkRow, MaturityFrameworkVersionRow, MaturityRoundRow } from '../tables';

export const MATURITY_SYSTEM = systemActor('maturity');

export async function loadOrg(db: Db, orgId: string): Promise<OrgNodeRow> {
	const org = await findOrgNode(db, orgId);
	if (!org) throw new AppError('NOT_FOUND');
	return org;
}

/** Every node of the tree, as the system. */
export async function allOrgNodes(db: Db): Promise<OrgNodeRow[]> {
	return listOrgTree(db, MATURITY_SYSTEM);
}

/** The nodes at or below those where the actor holds one of `roles` (every node for the system). */
export async function orgsInScope(db: Db, actor: Actor, roles: readonly Role[]): Promise<OrgNodeRow[]> {
	const nodes = await allOrgNodes(db);
	if (actor.kind === 'system') return nodes;
	const paths = scopePaths(actor, roles);
	return nodes.filter((n) => paths.some((p) => n.path.startsWith(p)));
}

export async function loadCampaign(db: Db, campaignId: string): Promise<CampaignDetail> {
	return getCampaign(db, MATURITY_SYSTEM, campaignId);
}

export async function loadFramework(db: Db, id: string): Promise<{ framework: MaturityFrameworkRow; org: OrgNodeRow }> {
	const framework = await selectFramework(db, id);
	if (!framework) throw new AppError('NOT_FOUND');
	return { framework, org: await loadOrg(db, framework.orgId) };
}

export interface RoundContext {
	round: MaturityRoundRow;
	org: OrgNodeRow;
	campaign: CampaignDetail;
	version: MaturityFrameworkVersionRow;
	framework: MaturityFrameworkRow;
	definition: FrameworkDefinition;
}

export async function loadRoundContext(db: Db, roundId: string): Promise<RoundContext> {
	const round = await selectRound(db, roundId);
	if (!round) throw new AppError('NOT_FOUND');
	const [org, campaign, version, framework] = await Promise.all([loadOrg(db, round.orgId), loadCampaign(db, round.campaignId), selectVersion(db, round.versionId), selectFramework(db, round.frameworkId)]);
	if (!version || !framework) throw new AppError('NOT_FOUND');
	return { round, org, campaign, version, framework, definition: version.definition };
}

export interface AssessmentContext extends RoundContext {
	assessment: MaturityAssessmentRow;
	unit: OrgNodeRow;
	resource: AssessmentResource;
}

/** An assessment with its round, framework version and unit; NOT_FOUND when missing. `lock` holds the row (inside a transaction). */
export async function loadAssessmentContext(db: Db, id: string, options: { lock?: boolean; round?: RoundContext } = {}): Promise<AssessmentContext> {
	const assessment = await selectAssessment(db, id, options);
	if (!assessment) throw new AppError('NOT_FOUND');
	const rc = options.round?.round.id === assessment.roundId ? options.round : await loadRoundContext(db, assessment.roundId);
	const unit = await loadOrg(db, assessment.unitId);
	return { ...rc, assessment, unit, resource: { roundOrgPath: rc.org.path, unitPath: unit.path, status: assessment.status } };
}

/** The assessment if the actor may read it; NOT_FOUND otherwise, so another unit's draft does not betray its existence. */
export async function requireReadableAssessment(db: Db, actor: Actor, id: string, options: { lock?: boolean } = {}): Promise<AssessmentContext> {
	const ctx = await loadAssessmentContext(db, id, options);
	if (!canReadAssessment(actor, ctx.resource)) throw new AppError('NOT_FOUND');
	return ctx;
}
