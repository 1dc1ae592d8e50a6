// The only SQL of the localities domain. Administrative units are shared reference data (no
// tenant); distancing orders carry the organisation that recorded them.
import { and, asc, desc, eq, gte, ilike, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/types';
import { adminUnit, distancingOrder, type AdminUnitRow, type DistancingOrderRow } from './tables';

export type NewAdminUnitRow = typeof adminUnit.$inferInsert;
export type NewDistancingOrderRow = typeof distancingOrder.$inferInsert;

/**
 * The codes of a unit and of every unit above it (parent_code chain). UNION, not UNION ALL: a
 * cycle in the data ends the recursion instead of looping.
 */
function chainCodes(code: string): SQL {
	return sql`(with recursive chain(code, parent_code) as (
		select ${adminUnit.code}, ${adminUnit.parentCode} from ${adminUnit} where ${adminUnit.code} = ${code}
		union
		select ${adminUnit.code}, ${adminUnit.parentCode} from ${adminUnit} join chain on ${adminUnit.code} = chain.parent_code
	) select code from chain)`;
}

export async function insertAdminUnit(db: Db, row: NewAdminUnitRow): Promise<AdminUnitRow> {
	const rows = await db.insert(adminUnit).values(row).returning();
	return rows[0];
}

export async function updateAdminUnitRow(db: Db, code: string, patch: Partial<NewAdminUnitRow>): Promise<AdminUnitRow> {
	const rows = await db.update(adminUnit).set(patch).where(eq(adminUnit.code, code)).returning();
	return rows[0];
}

export async function selectAdminUnit(db: Db, code: string): Promise<AdminUnitRow | undefined> {
	const rows = await db.select().from(adminUnit).where(eq(adminUnit.code, code)).limit(1);
	return rows[0];
}

/** Units whose folded name holds `folded` or whose code starts with it, under `parentCode` when given (unsorted: Vietnamese order is applied by the caller). */
export async function selectAdminUnits(db: Db, options: { folded?: string; parentCode?: string }): Promise<AdminUnitRow[]> {
	const conditions: SQL[] = [];
	if (options.folded) {
		const escaped = options.folded.replace(/[\\%_]/g, (c) => `\\${c}`);
		conditions.push(or(ilike(adminUnit.searchText, `%${escaped}%`), ilike(adminUnit.code, `${escaped}%`))!);
	}
	if (options.parentCode) conditions.push(eq(adminUnit.parentCode, options.parentCode));
	return db
		.select()
		.from(adminUnit)
		.where(conditions.length ? and(...conditions) : undefined)
		.orderBy(asc(adminUnit.code));
}

/** A unit and every unit above it, in no particular order. */
export async function selectAdminUnitChain(db: Db, code: string): Promise<AdminUnitRow[]> {
	return db.select().from(adminUnit).where(sql`${adminUnit.code} in ${chainCodes(code)}`);
}

export async function selectAdminUnitsByCodes(db: Db, codes: string[]): Promise<AdminUnitRow[]> {
	if (!codes.length) return [];
	return db.select().from(adminUnit).where(inArray(adminUnit.code, [...new Set(codes)]));
}

export async function insertDistancingOrder(db: Db, row: NewDistancingOrderRow): Promise<DistancingOrderRow> {
	const rows = await db.insert(distancingOrder).values(row).returning();
	return rows[0];
}

/** The order; `lock` holds the row until the transaction ends (two lifts at once act once). */
export async function selectDistancingOrder(db: Db, id: string, options: { lock?: boolean } = {}): Promise<DistancingOrderRow | undefined> {
	const query = db.select().from(distancingOrder).where(eq(distancingOrder.id, id)).limit(1);
	const rows = options.lock ? await query.for('update') : await query;
	return rows[0];
}

export async function updateDistancingOrderRow(db: Db, id: string, patch: Partial<NewDistancingOrderRow>): Promise<DistancingOrderRow> {
	const rows = await db.update(distancingOrder).set(patch).where(eq(distancingOrder.id, id)).returning();
	return rows[0];
}

/** Orders with their unit's name and kind, latest start first; `activeOn` keeps those not lifted whose days include it. */
export async function selectDistancingOrders(db: Db, options: { activeOn?: string }) {
	const day = options.activeOn;
	return db
		.select({ order: distancingOrder, unitName: adminUnit.name, unitKind: adminUnit.kind })
		.from(distancingOrder)
		.innerJoin(adminUnit, eq(adminUnit.code, distancingOrder.adminUnitCode))
		.where(day ? and(isNull(distancingOrder.liftedAt), lte(distancingOrder.startsOn, day), gte(distancingOrder.endsOn, day)) : undefined)
		.orderBy(desc(distancingOrder.startsOn), desc(distancingOrder.createdAt), asc(distancingOrder.id))
		.limit(1000);
}

/**
 * The first order not lifted on the unit or any unit above it whose days [startsOn, endsOn]
 * overlap [fromDay, toDay] (yyyy-mm-dd, inclusive): the earliest start first.
 */
export async function selectDistancingOverlapping(db: Db, code: string, fromDay: string, toDay: string): Promise<DistancingOrderRow | undefined> {
	const rows = await db
		.select()
		.from(distancingOrder)
		.where(
			and(
				sql`${distancingOrder.adminUnitCode} in ${chainCodes(code)}`,
				isNull(distancingOrder.liftedAt),
				lte(distancingOrder.startsOn, toDay),
				gte(distancingOrder.endsOn, fromDay)
			)
		)
		.orderBy(asc(distancingOrder.startsOn), asc(distancingOrder.createdAt), asc(distancingOrder.id))
		.limit(1);
	return rows[0];
}
