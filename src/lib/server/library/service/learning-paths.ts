// Learning paths: resources in order for one learner group, curated by coordinators (M10).
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { parseInput } from '../../core/http';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { learningPathInput, type LearningPathInput } from '$lib/features/library/inputs';
import type { ResourceView } from '$lib/features/library/types';
import { PATH_CURATORS, canCuratePaths } from '../policy';
import { insertPath, replacePathItems, selectPath, selectPathItems, selectPaths, selectResourcesByIds, updatePathRow } from '../queries';
import type { LearningPathRow } from '../tables';
import { loadOrg, orgsInScope, toResourceView } from './library-context';

export interface LearningPathView {
	id: string;
	orgId: string;
	learnerGroup: string;
	title: string;
	description: string;
	resources: ResourceView[];
}

/** The ids must name resources that exist; a path shows only the published ones to the public. */
async function checkResources(db: Db, ids: string[]): Promise<string[]> {
	const unique = [...new Set(ids)];
	const found = new Set((await selectResourcesByIds(db, unique)).map((r) => r.id));
	if (unique.some((id) => !found.has(id))) throw new AppError('VALIDATION', { fields: { resourceIds: 'field_invalid' } });
	return unique;
}

/**
 * Creates a learning path of the organisation `orgId` (no `pathId`) or changes one: its learner
 * group, title, note and resources in order. Refuses anyone but a coordinator of the organisation
 * or above (FORBIDDEN), an unknown path or organisation (NOT_FOUND) and bad input or unknown
 * resources (VALIDATION).
 */
export async function saveLearningPath(db: Db, actor: Actor, orgId: string, input: LearningPathInput, pathId?: string): Promise<LearningPathRow> {
	const current = pathId ? await selectPath(db, pathId) : undefined;
	if (pathId && (!current || current.orgId !== orgId)) throw new AppError('NOT_FOUND');
	const org = await loadOrg(db, orgId);
	if (!canCuratePaths(actor, { orgPath: org.path })) throw new AppError('FORBIDDEN');
	const data = parseInput(learningPathInput, input);
	const resourceIds = await checkResources(db, data.resourceIds);
	const at = now();
	return db.transaction(async (tx) => {
		const fields = { learnerGroup: data.learnerGroup, title: data.title, description: data.description, updatedAt: at };
		const row = current ? await updatePathRow(tx, current.id, fields) : await insertPath(tx, { id: newId(), orgId: org.id, ...fields, createdBy: actor.userId ?? actor.name ?? actor.kind, createdAt: at });
		await replacePathItems(tx, row.id, resourceIds);
		await recordAudit(tx, actor, { orgId: org.id, orgPath: org.path, entity: 'learning_path', entityId: row.id, action: current ? 'update' : 'create', before: current, after: { ...row, resourceIds } });
		return row;
	});
}

async function withResources(db: Db, paths: LearningPathRow[], publishedOnly: boolean): Promise<LearningPathView[]> {
	const items = await selectPathItems(
		db,
		paths.map((p) => p.id)
	);
	const resources = new Map((await selectResourcesByIds(db, [...new Set(items.map((i) => i.resourceId))])).map((r) => [r.id, r]));
	return paths.map((p) => ({
		id: p.id,
		orgId: p.orgId,
		learnerGroup: p.learnerGroup,
		title: p.title,
		description: p.description,
		resources: items
			.filter((i) => i.pathId === p.id)
			.map((i) => resources.get(i.resourceId))
			.filter((r) => r !== undefined && (!publishedOnly || r.status === 'published'))
			.map((r) => toResourceView(r!))
	}));
}

/** The public learning paths (of one learner group when given), with their published resources only. Refuses nothing. */
export async function listLearningPaths(db: Db, options: { learnerGroup?: string | null } = {}): Promise<LearningPathView[]> {
	const paths = await selectPaths(db, { learnerGroup: options.learnerGroup ?? undefined });
	return (await withResources(db, paths, true)).filter((p) => p.resources.length > 0);
}

/** The paths of the organisations the actor curates for, drafts included; refuses anyone who curates none (FORBIDDEN). */
export async function listManagedPaths(db: Db, actor: Actor): Promise<LearningPathView[]> {
	const orgs = await orgsInScope(db, actor, PATH_CURATORS);
	if (!orgs.length) throw new AppError('FORBIDDEN');
	return withResources(db, await selectPaths(db, { orgIds: orgs.map((o) => o.id) }), false);
}
