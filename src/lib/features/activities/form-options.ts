// The staff's activity form as the page shows it: host units indented under the campaign's
// organisation, places grouped by province, and what a failed post sent back, read as lists.
import { vietnameseCollator } from '$lib/vn/text';
import { ADMIN_UNIT_LEVEL, type AdminUnitKind } from '$lib/features/localities/types';

export interface Option {
	value: string;
	label: string;
}

export interface OptionGroup {
	label: string;
	options: Option[];
}

/** What the form needs of an administrative unit. */
export interface PlaceUnit {
	code: string;
	name: string;
	kind: AdminUnitKind;
	parentCode: string | null;
}

const INDENT = '\u00a0\u00a0\u00a0';

/** Units as options, each indented by its depth under the campaign's organisation. */
export function hostUnitOptions(units: Array<{ id: string; name: string; depth: number }>): Option[] {
	return units.map((u) => ({ value: u.id, label: `${INDENT.repeat(u.depth)}${u.name}` }));
}

/**
 * Places grouped under their province, groups in Vietnamese order of name, the province itself
 * first in its group. A unit under a pre-2025 district names it ("Xã Chiềng Đen, Thành phố Sơn La"),
 * since communes of different districts once shared names. Units without a province go last,
 * under `otherLabel`.
 */
export function groupPlacesByProvince(units: PlaceUnit[], otherLabel: string): OptionGroup[] {
	const byCode = new Map(units.map((u) => [u.code, u]));
	const provinceOf = (u: PlaceUnit): PlaceUnit | undefined => {
		const seen = new Set<string>();
		for (let x: PlaceUnit | undefined = u; x && !seen.has(x.code); x = x.parentCode ? byCode.get(x.parentCode) : undefined) {
			if (ADMIN_UNIT_LEVEL[x.kind] === 'province') return x;
			seen.add(x.code);
		}
		return undefined;
	};
	const groups = new Map<string, { province: PlaceUnit | undefined; units: PlaceUnit[] }>();
	for (const u of units) {
		const province = provinceOf(u);
		const key = province?.code ?? '';
		const group = groups.get(key) ?? { province, units: [] };
		group.units.push(u);
		groups.set(key, group);
	}
	const label = (u: PlaceUnit): string => {
		const parent = u.parentCode ? byCode.get(u.parentCode) : undefined;
		return parent && ADMIN_UNIT_LEVEL[parent.kind] === 'district' ? `${u.name}, ${parent.name}` : u.name;
	};
	const sorted = (list: PlaceUnit[]) =>
		[...list].sort((a, b) => Number(ADMIN_UNIT_LEVEL[b.kind] === 'province') - Number(ADMIN_UNIT_LEVEL[a.kind] === 'province') || vietnameseCollator.compare(label(a), label(b)) || a.code.localeCompare(b.code));
	return [...groups.values()]
		.sort((a, b) => Number(!a.province) - Number(!b.province) || vietnameseCollator.compare(a.province?.name ?? '', b.province?.name ?? ''))
		.map((g) => ({ label: g.province?.name ?? otherLabel, options: sorted(g.units).map((u) => ({ value: u.code, label: label(u) })) }));
}

/** A form value sent as one field, repeated fields or not at all, as a list of strings. */
export function formList(value: unknown): string[] {
	if (value === undefined || value === null || value === '') return [];
	return (Array.isArray(value) ? value : [value]).map(String);
}

/** Errors by form field: an error on one item of a list ("targetGroups.2") belongs to the list. */
export function errorsByField(errors: Record<string, string>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, message] of Object.entries(errors)) out[key.split('.')[0]] ??= message;
	return out;
}
