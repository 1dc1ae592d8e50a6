import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { hasRoleAnywhere } from '$lib/server/auth/actor';
import { translate } from '$lib/server/core/http';
import type { LayoutServerLoad } from './$types';

const BACK_OFFICE = ['administrator', 'coordinator', 'unit_leader', 'supervisor'] as const;

// Every page below checks its own rights in the service; this only turns away who has none.
export const load: LayoutServerLoad = ({ locals, url }) => {
	const { actor } = locals;
	if (actor.kind !== 'user') redirect(303, localizeHref(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`));
	if (!hasRoleAnywhere(actor, BACK_OFFICE)) error(403, { message: translate('admin_forbidden'), code: 'FORBIDDEN' });
	return {
		can: {
			administer: hasRoleAnywhere(actor, ['administrator']),
			coordinate: hasRoleAnywhere(actor, ['administrator', 'coordinator', 'unit_leader', 'supervisor'])
		}
	};
};
