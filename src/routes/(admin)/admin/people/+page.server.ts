import { orPageError } from '$lib/server/core/http';
import { canManagePeople, canReadPeople, listOrgTree, listPeople } from '$lib/server/org/service';
import { displayPhone } from '$lib/features/org/format';
import { fullName } from '$lib/vn/names';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db, actor } = locals;
	const filter = { q: url.searchParams.get('q') ?? '', unitId: url.searchParams.get('unitId') ?? '' };
	const requested = Math.max(1, Number(url.searchParams.get('page')) || 1);
	const result = await orPageError(() => listPeople(db, actor, { q: filter.q, unitId: filter.unitId, page: requested }));
	const units = (await listOrgTree(db, actor)).filter((n) => canReadPeople(actor, n));
	return {
		filter,
		page: result.page,
		pages: Math.max(1, Math.ceil(result.total / result.pageSize)),
		total: result.total,
		people: result.items.map((p) => ({
			id: p.id,
			name: fullName(p),
			position: p.position ?? '',
			category: p.category,
			unitName: p.unitName,
			email: p.email ?? '',
			phone: displayPhone(p.phone)
		})),
		units: units.map((n) => ({ id: n.id, name: n.name, depth: n.depth })),
		// The export covers the chosen unit, or the first organisation the actor reads.
		exportUnitId: filter.unitId || units[0]?.id || '',
		canAdd: units.some((n) => canManagePeople(actor, n)),
		deleted: url.searchParams.get('deleted') ?? ''
	};
};
