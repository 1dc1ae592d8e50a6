import { error, redirect } from '@sveltejs/kit';
import { deLocalizeUrl, localizeHref } from '$lib/paraglide/runtime';
import { hasRoleAnywhere, type Actor, type Role } from '$lib/server/auth/actor';
import { translate } from '$lib/server/core/http';
import type { LayoutServerLoad } from './$types';

const BACK_OFFICE = ['administrator', 'coordinator', 'unit_leader', 'supervisor'] as const;

/** Partner accounts work on their partner's page and propose apps; staff propose apps (M12). No other page is theirs. */
const LIMITED_AREAS: Array<{ roles: Role[]; paths: string[] }> = [
	{ roles: ['partner'], paths: ['/admin', '/admin/partners', '/admin/apps'] },
	{ roles: ['staff'], paths: ['/admin/apps', '/admin/news', '/admin/library', '/admin/contests'] }
];

function inLimitedArea(actor: Actor, pathname: string): boolean {
	return LIMITED_AREAS.some((a) => hasRoleAnywhere(actor, a.roles) && a.paths.some((p) => pathname === p || (p !== '/admin' && pathname.startsWith(`${p}/`))));
}

// Every page below checks its own rights in the service; this only turns away who has none.
export const load: LayoutServerLoad = ({ locals, url }) => {
	const { actor } = locals;
	if (actor.kind !== 'user') redirect(303, localizeHref(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`));
	const backOffice = hasRoleAnywhere(actor, BACK_OFFICE);
	if (!backOffice && !inLimitedArea(actor, deLocalizeUrl(url).pathname)) error(403, { message: translate('admin_forbidden'), code: 'FORBIDDEN' });
	return {
		can: {
			backOffice,
			partner: hasRoleAnywhere(actor, ['partner']),
			administer: hasRoleAnywhere(actor, ['administrator']),
			moderate: hasRoleAnywhere(actor, ['administrator', 'coordinator']),
			coordinate: backOffice,
			news: hasRoleAnywhere(actor, ['staff', 'unit_leader', 'coordinator']),
			library: hasRoleAnywhere(actor, ['staff', 'unit_leader', 'coordinator'])
		}
	};
};
