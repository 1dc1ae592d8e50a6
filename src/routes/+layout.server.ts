import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	const { actor } = locals;
	return {
		user: actor.kind === 'user' ? { name: actor.name ?? '', email: actor.email ?? '' } : null,
		// Any role other than a learner's opens the back office; each page checks its own rights.
		canAdmin: actor.grants.some((g) => ['administrator', 'coordinator', 'unit_leader', 'supervisor'].includes(g.role))
	};
};
