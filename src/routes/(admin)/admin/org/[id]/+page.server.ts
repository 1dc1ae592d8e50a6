import { redirect } from '@sveltejs/kit';
import { failForm, formValues, orPageError } from '$lib/server/core/http';
import { canCreateOrgNode, canDeleteOrgNode, canManageOrgNode, deleteOrgNode, getOrgNode, listOrgTree, updateOrgNode } from '$lib/server/org/service';
import type { UpdateOrgNodeInput } from '$lib/features/org/inputs';
import { displayPhone } from '$lib/features/org/format';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { db, actor } = locals;
	const node = await orPageError(() => getOrgNode(db, actor, params.id));
	const tree = await orPageError(() => listOrgTree(db, actor));
	const parent = tree.find((n) => n.id === node.parentId);
	// A node moves only under a node its mover administers, never into its own subtree.
	const movable = node.parentId !== null && canDeleteOrgNode(actor, node);
	const parents = movable ? tree.filter((n) => !n.path.startsWith(node.path) && canCreateOrgNode(actor, n)) : [];
	return {
		node: {
			id: node.id,
			name: node.name,
			shortCode: node.shortCode,
			kind: node.kind,
			address: node.address ?? '',
			email: node.email ?? '',
			phone: displayPhone(node.phone),
			website: node.website ?? '',
			sortOrder: String(node.sortOrder),
			parentId: node.parentId ?? '',
			parentName: parent?.name ?? ''
		},
		canManage: canManageOrgNode(actor, node),
		canDelete: canDeleteOrgNode(actor, node),
		parentOptions: movable ? parents.map((n) => ({ value: n.id, label: `${'\u00a0\u00a0\u00a0'.repeat(n.depth)}${n.name}` })) : undefined,
		notice: url.searchParams.get('notice') ?? ''
	};
};

export const actions: Actions = {
	update: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			// The service checks the actor's rights (and a move's), then validates every field.
			await updateOrgNode(locals.db, locals.actor, params.id, values as UpdateOrgNodeInput);
		} catch (e) {
			return failForm(e, values);
		}
		return { saved: true };
	},
	delete: async ({ locals, params }) => {
		let name: string;
		try {
			name = (await getOrgNode(locals.db, locals.actor, params.id)).name;
			await deleteOrgNode(locals.db, locals.actor, params.id);
		} catch (e) {
			// Marked so the page shows the refusal beside the delete button.
			return failForm(e, { _action: 'delete' });
		}
		redirect(303, localizeHref(`/admin/org?deleted=${encodeURIComponent(name)}`));
	}
};
