// Factories for tests, e2e and the demo: administrative units and distancing orders made through
// the service, as the system.
import type { Db } from '../db/types';
import { systemActor, type Actor } from '../auth/actor';
import type { AdminUnitInput, DistancingInput } from '$lib/features/localities/inputs';
import { createAdminUnit as createAdminUnitRecord, declareDistancing as declareDistancingRecord, findAdminUnit, type AdminUnitRow, type DistancingOrderRow } from './service';

const seedActor = systemActor('seed');
let counter = 0;

/**
 * An administrative unit: a province with a 2-digit code unless `parentCode` is given (then a ward
 * with a 5-digit code). Codes count down from 99 and 99999 so they stay clear of real ones in tests.
 */
export async function createAdminUnit(db: Db, overrides: Partial<AdminUnitInput> & { actor?: Actor } = {}): Promise<AdminUnitRow> {
	const { actor = seedActor, ...input } = overrides;
	const n = ++counter;
	const child = Boolean(input.parentCode);
	return createAdminUnitRecord(db, actor, {
		kind: child ? 'phuong' : 'tinh',
		code: child ? String(99999 - n) : String(99 - (n % 90)).padStart(2, '0'),
		name: child ? `Phường Thử ${n}` : `Tỉnh Thử ${n}`,
		...input
	});
}

/** A distancing order recorded for `orgId` (required: the system holds no grant to default to). */
export async function declareDistancing(db: Db, input: DistancingInput & { orgId: string; actor?: Actor }): Promise<DistancingOrderRow> {
	const { actor = seedActor, ...rest } = input;
	return declareDistancingRecord(db, actor, rest);
}

/**
 * Demo data, to be checked against QĐ 19/2025/QĐ-TTg before any real use: the names are Sơn La's
 * wards and communes after the 1/7/2025 reform (8 wards, 67 communes), but the 5-digit codes are
 * plausible stand-ins taken from the province's pre-2025 range, not verified.
 */
const SON_LA_2025: Array<{ code: string; name: string; kind: 'phuong' | 'xa' }> = [
	{ code: '03646', name: 'Phường Tô Hiệu', kind: 'phuong' },
	{ code: '03664', name: 'Phường Chiềng An', kind: 'phuong' },
	{ code: '03670', name: 'Phường Chiềng Cơi', kind: 'phuong' },
	{ code: '03679', name: 'Phường Chiềng Sinh', kind: 'phuong' },
	{ code: '04048', name: 'Phường Mộc Châu', kind: 'phuong' },
	{ code: '04057', name: 'Phường Thảo Nguyên', kind: 'phuong' },
	{ code: '03826', name: 'Xã Mường Bú', kind: 'xa' },
	{ code: '03970', name: 'Xã Mai Sơn', kind: 'xa' },
	{ code: '03754', name: 'Xã Thuận Châu', kind: 'xa' }
];

/** Sơn La province (code 14, DOMAIN-VN §6.1) and some of its wards and communes after the 2025 reform; units already there are kept. */
export async function seedDemoLocalities(db: Db): Promise<AdminUnitRow[]> {
	const actor = systemActor('demo');
	const ensure = async (input: AdminUnitInput & { code: string }): Promise<AdminUnitRow> => (await findAdminUnit(db, input.code)) ?? createAdminUnitRecord(db, actor, input);
	// Sơn La kept its borders in the 2025 merger of provinces: the province has no new start date.
	const province = await ensure({ code: '14', name: 'Tỉnh Sơn La', kind: 'tinh' });
	const units = [province];
	for (const u of SON_LA_2025) units.push(await ensure({ ...u, parentCode: province.code, validFrom: '2025-07-01' }));
	return units;
}
