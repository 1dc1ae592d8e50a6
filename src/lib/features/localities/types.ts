// Client-safe shapes of the localities domain (DOMAIN-VN §6.1, PRODUCT M6): administrative units
// and the social-distancing orders declared on them.

/**
 * Kinds of administrative unit. Since 1/7/2025 two tiers: tỉnh / thành phố trực thuộc trung ương
 * over xã / phường / đặc khu. The district tier (huyện, quận, thị xã, thành phố thuộc tỉnh) is kept
 * for the 2021–2024 data that names it.
 */
export const ADMIN_UNIT_KINDS = ['tinh', 'thanh_pho_tw', 'xa', 'phuong', 'dac_khu', 'huyen', 'quan', 'thi_xa', 'thanh_pho'] as const;
export type AdminUnitKind = (typeof ADMIN_UNIT_KINDS)[number];

export function isAdminUnitKind(value: unknown): value is AdminUnitKind {
	return (ADMIN_UNIT_KINDS as readonly unknown[]).includes(value);
}

/** The tier a kind belongs to: province above district (before 2025 only) above commune. */
export type AdminUnitLevel = 'province' | 'district' | 'commune';

export const ADMIN_UNIT_LEVEL: Record<AdminUnitKind, AdminUnitLevel> = {
	tinh: 'province',
	thanh_pho_tw: 'province',
	huyen: 'district',
	quan: 'district',
	thi_xa: 'district',
	thanh_pho: 'district',
	xa: 'commune',
	phuong: 'commune',
	dac_khu: 'commune'
};

const LEVEL_RANK: Record<AdminUnitLevel, number> = { province: 1, district: 2, commune: 3 };

/** True when a unit of `parent` kind may hold one of `child` kind (a province holds districts and communes; a district holds communes). */
export function mayContain(parent: AdminUnitKind, child: AdminUnitKind): boolean {
	return LEVEL_RANK[ADMIN_UNIT_LEVEL[parent]] < LEVEL_RANK[ADMIN_UNIT_LEVEL[child]];
}

/**
 * [M] The one place the code rule lives. The Statistics Office numbers provinces with 2 digits
 * (CV 915/CTK-CSCL), communes with 5 (CV 1027/CTK-CSCL; the official table is to be checked against
 * QĐ 19/2025/QĐ-TTg), and numbered the pre-2025 districts with 3.
 */
export const ADMIN_UNIT_CODE_DIGITS: Record<AdminUnitLevel, number> = { province: 2, district: 3, commune: 5 };

/** Where a distancing order stands on a given day: lifted early, in force, not yet begun, or over. */
export type DistancingStatus = 'lifted' | 'active' | 'upcoming' | 'ended';

/** An administrative unit as lists and pickers show it. */
export interface AdminUnitItem {
	code: string;
	name: string;
	kind: AdminUnitKind;
	parentCode: string | null;
	parentName: string | null;
}

/** A distancing order as the list shows it, with its unit's name. */
export interface DistancingOrderItem {
	id: string;
	adminUnitCode: string;
	unitName: string;
	unitKind: AdminUnitKind;
	/** yyyy-mm-dd, inclusive, Vietnam calendar. */
	startsOn: string;
	endsOn: string;
	note: string;
	/** ISO instant, or null. */
	liftedAt: string | null;
}
