import { orPageError } from '$lib/server/core/http';
import { canCreateOrgNode, listOrgTree } from '$lib/server/org/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const tree = await orPageError(() => listOrgTree(locals.db, locals.actor));
	return {
		nodes: tree.map((n) => ({
			id: n.id,
			parentId: n.parentId,
			name: n.name,
			shortCode: n.shortCode,
			kind: n.kind,
			depth: n.depth,
			canManage: n.canManage,
			canAddChild: canCreateOrgNode(locals.actor, n)
		})),
		deleted: url.searchParams.get('deleted') ?? ''
	};
};
