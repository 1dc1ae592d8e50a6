import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	const { actor } = locals;
	return {
		user: actor.kind === 'user' ? { name: actor.name ?? '', email: actor.email ?? '' } : null,
		// The back office's roles, and partners' accounts (their partner's page, the apps they propose); each page checks its own rights.
		canAdmin: actor.grants.some((g) => ['administrator', 'coordinator', 'unit_leader', 'supervisor', 'partner'].includes(g.role))
	};
};
