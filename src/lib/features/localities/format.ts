// How administrative units and distancing orders read: kind labels, a unit's tree order, an order's status.
import { vietnameseCollator } from '$lib/vn/text';
import type { AdminUnitKind, DistancingStatus } from './types';

/** Message key of a kind: localities_kind_phuong → "Phường" / "Ward". */
export function adminUnitKindLabelKey(kind: AdminUnitKind): `localities_kind_${AdminUnitKind}` {
	return `localities_kind_${kind}`;
}

/** Message key of an order's status: localities_status_active → "Đang áp dụng" / "In force". */
export function distancingStatusLabelKey(status: DistancingStatus): `localities_status_${DistancingStatus}` {
	return `localities_status_${status}`;
}

/** Where an order stands on `today` (yyyy-mm-dd, Vietnam): its days are inclusive at both ends. */
export function distancingStatus(order: { startsOn: string; endsOn: string; liftedAt: Date | string | null }, today: string): DistancingStatus {
	if (order.liftedAt) return 'lifted';
	if (today < order.startsOn) return 'upcoming';
	if (today > order.endsOn) return 'ended';
	return 'active';
}

/**
 * Units in tree order for a picker: each unit followed by the units under it, siblings in Vietnamese
 * order, with their depth. Units whose parent is not in the list start their own branch.
 */
export function adminUnitTree<T extends { code: string; name: string; parentCode: string | null }>(units: T[]): Array<T & { depth: number }> {
	const codes = new Set(units.map((u) => u.code));
	const children = new Map<string | null, T[]>();
	for (const u of units) {
		const key = u.parentCode && codes.has(u.parentCode) ? u.parentCode : null;
		children.set(key, [...(children.get(key) ?? []), u]);
	}
	const out: Array<T & { depth: number }> = [];
	const seen = new Set<string>();
	const visit = (parent: string | null, depth: number) => {
		for (const u of (children.get(parent) ?? []).sort((a, b) => vietnameseCollator.compare(a.name, b.name))) {
			if (seen.has(u.code)) continue;
			seen.add(u.code);
			out.push({ ...u, depth });
			visit(u.code, depth + 1);
		}
	};
	visit(null, 0);
	return out;
}
