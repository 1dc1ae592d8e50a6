import { redirect } from '@sveltejs/kit';
import { AppError } from '$lib/server/core/errors';
import { failForm, formValues, orPageError, throwPageError } from '$lib/server/core/http';
import { canCreateOrgNode, createOrgNode, listOrgTree } from '$lib/server/org/service';
import type { CreateOrgNodeInput } from '$lib/features/org/inputs';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const tree = await orPageError(() => listOrgTree(locals.db, locals.actor));
	// Units are added under a node the actor administers; who administers none is refused here.
	const parents = tree.filter((n) => canCreateOrgNode(locals.actor, n));
	if (!parents.length) throwPageError(new AppError('FORBIDDEN'));
	const wanted = url.searchParams.get('parent');
	const parent = parents.find((n) => n.id === wanted) ?? parents[0];
	return {
		parentOptions: parents.map((n) => ({ value: n.id, label: `${'\u00a0\u00a0\u00a0'.repeat(n.depth)}${n.name}` })),
		initial: { parentId: parent.id, kind: 'department' }
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		let id: string;
		try {
			// The service checks the parent and the actor's rights, then validates every field.
			id = (await createOrgNode(locals.db, locals.actor, values as CreateOrgNodeInput)).id;
		} catch (e) {
			return failForm(e, values);
		}
		redirect(303, localizeHref(`/admin/org/${id}?notice=created`));
	}
};
