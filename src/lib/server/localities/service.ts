// The localities domain (DOMAIN-VN §6.1, PRODUCT M6): the administrative units an administrator
// keeps, and the social-distancing orders coordinators record on them. `distancingAt` is the rule
// activities (in-person modes) and banners follow. Other domains and routes enter here.
import type { Db } from '../db/types';
import { AppError } from '../core/errors';
import { now } from '../core/clock';
import { newId } from '../core/ids';
import { parseInput } from '../core/http';
import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit/service';
import { findOrgNode, listOrgNodesByIds } from '../org/service';
import { foldVietnamese, vietnameseCollator } from '$lib/vn/text';
import { isoDateInVietnam, parseDate } from '$lib/vn/dates';
import { adminUnitInput, distancingInput, type AdminUnitInput, type AdminUnitInputData, type DistancingInput } from '$lib/features/localities/inputs';
import { mayContain, type AdminUnitKind as FeatureKind } from '$lib/features/localities/types';
import { canDeclareDistancing, canDeclareDistancingFor, canManageAdminUnits, distancingOrgChoices } from './policy';
import {
	insertAdminUnit,
	insertDistancingOrder,
	selectAdminUnit,
	selectAdminUnitChain,
	selectAdminUnits,
	selectDistancingOrder,
	selectDistancingOrders,
	selectDistancingOverlapping,
	updateAdminUnitRow,
	updateDistancingOrderRow
} from './queries';
import type { AdminUnitKind, AdminUnitRow, DistancingOrderRow } from './tables';

export { canManageAdminUnits, canDeclareDistancing } from './policy';
export type { AdminUnitRow, DistancingOrderRow, AdminUnitKind } from './tables';

// The client-safe list of kinds and the database enum are one list: this fails to compile if they part.
const kindsMatch: [FeatureKind] extends [AdminUnitKind] ? ([AdminUnitKind] extends [FeatureKind] ? true : never) : never = true;
void kindsMatch;

/** An order with the name and kind of its unit. */
export type DistancingOrderWithUnit = DistancingOrderRow & { unitName: string; unitKind: AdminUnitKind };

/** Anonymous visitors are asked to sign in; signed-in people without the role are refused. */
function refuse(actor: Actor): never {
	throw new AppError(actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
}

function byName(a: AdminUnitRow, b: AdminUnitRow): number {
	return vietnameseCollator.compare(a.name, b.name) || a.code.localeCompare(b.code);
}

/** The administrative units, in Vietnamese order of name; `q` matches names ignoring diacritics ("chieng an" finds "Phường Chiềng An") or the start of a code; `parentCode` keeps the units directly under one. Public: no actor. */
export async function listAdminUnits(db: Db, options: { q?: string; parentCode?: string } = {}): Promise<AdminUnitRow[]> {
	const rows = await selectAdminUnits(db, { folded: foldVietnamese(options.q ?? ''), parentCode: options.parentCode || undefined });
	return rows.sort(byName);
}

/** One administrative unit; NOT_FOUND when there is none with this code. */
export async function getAdminUnit(db: Db, code: string): Promise<AdminUnitRow> {
	const row = await selectAdminUnit(db, code);
	if (!row) throw new AppError('NOT_FOUND');
	return row;
}

/** One administrative unit, or undefined when there is none with this code. */
export async function findAdminUnit(db: Db, code: string): Promise<AdminUnitRow | undefined> {
	return selectAdminUnit(db, code);
}

/** The unit and every unit above it, from the unit up to its province; empty for an unknown code. */
export async function listAdminUnitAncestry(db: Db, code: string): Promise<AdminUnitRow[]> {
	const rows = await selectAdminUnitChain(db, code);
	const byCode = new Map(rows.map((r) => [r.code, r]));
	const chain: AdminUnitRow[] = [];
	for (let u = byCode.get(code); u && !chain.includes(u); u = u.parentCode ? byCode.get(u.parentCode) : undefined) chain.push(u);
	return chain;
}

function adminUnitView(u: AdminUnitRow) {
	return { code: u.code, name: u.name, kind: u.kind, parentCode: u.parentCode, validFrom: u.validFrom, validTo: u.validTo };
}

/** The parent exists, sits on a higher tier than the unit, and is not the unit itself or one of the units under it. */
async function checkParent(db: Db, data: AdminUnitInputData, code: string): Promise<void> {
	if (!data.parentCode) return;
	const parent = await selectAdminUnit(db, data.parentCode);
	if (!parent) throw new AppError('VALIDATION', { fields: { parentCode: 'localities_parent_unknown' } });
	const ancestry = await listAdminUnitAncestry(db, parent.code);
	if (ancestry.some((u) => u.code === code)) throw new AppError('VALIDATION', { fields: { parentCode: 'localities_parent_cycle' } });
	if (!mayContain(parent.kind, data.kind)) throw new AppError('VALIDATION', { fields: { parentCode: 'localities_parent_level' } });
}

/**
 * Adds an administrative unit and writes the audit entry. Refuses anyone but an administrator
 * (FORBIDDEN; UNAUTHENTICATED when not signed in), bad input (VALIDATION: the code's digits for its
 * kind, a missing name, a parent that is unknown or not above the unit) and a code already taken
 * (CONFLICT, code: localities_code_taken).
 */
export async function createAdminUnit(db: Db, actor: Actor, input: AdminUnitInput): Promise<AdminUnitRow> {
	if (!canManageAdminUnits(actor)) refuse(actor);
	const data = parseInput(adminUnitInput, input);
	if (await selectAdminUnit(db, data.code)) throw new AppError('CONFLICT', { fields: { code: 'localities_code_taken' } });
	await checkParent(db, data, data.code);
	return db.transaction(async (tx) => {
		const row = await insertAdminUnit(tx, { ...data, searchText: foldVietnamese(data.name), createdAt: now() });
		await recordAudit(tx, actor, { orgId: null, orgPath: null, entity: 'admin_unit', entityId: row.code, action: 'create', after: adminUnitView(row) });
		return row;
	});
}

/**
 * Changes a unit's name, kind, parent or validity (its code stays: it is the unit's identity) and
 * writes the audit entry. Refuses what createAdminUnit refuses (a kind of another tier than the code's
 * included), an unknown code (NOT_FOUND) and a parent that is the unit itself or below it
 * (parentCode: localities_parent_cycle).
 */
export async function updateAdminUnit(db: Db, actor: Actor, code: string, input: AdminUnitInput): Promise<AdminUnitRow> {
	if (!canManageAdminUnits(actor)) refuse(actor);
	const current = await getAdminUnit(db, code);
	const data = parseInput(adminUnitInput, { ...input, code: current.code });
	await checkParent(db, data, current.code);
	// The code stays and its length fixes the tier (adminUnitInput), so the units below stay valid.
	return db.transaction(async (tx) => {
		const row = await updateAdminUnitRow(tx, current.code, {
			name: data.name,
			kind: data.kind,
			parentCode: data.parentCode,
			validFrom: data.validFrom,
			validTo: data.validTo,
			searchText: foldVietnamese(data.name)
		});
		await recordAudit(tx, actor, { orgId: null, orgPath: null, entity: 'admin_unit', entityId: row.code, action: 'update', before: adminUnitView(current), after: adminUnitView(row) });
		return row;
	});
}

function distancingView(o: DistancingOrderRow) {
	return { adminUnitCode: o.adminUnitCode, startsOn: o.startsOn, endsOn: o.endsOn, note: o.note, liftedAt: o.liftedAt };
}

/** The organisation an order is recorded for: the one asked for (where the actor holds the role), else the actor's first such node. */
async function resolveDeclaringOrg(db: Db, actor: Actor, orgId: string | null): Promise<{ id: string; path: string }> {
	if (!orgId) {
		const first = distancingOrgChoices(actor)[0];
		if (!first) throw new AppError('VALIDATION', { fields: { orgId: 'field_required' } });
		return { id: first.orgId, path: first.orgPath };
	}
	const node = await findOrgNode(db, orgId);
	if (!node) throw new AppError('VALIDATION', { fields: { orgId: 'field_invalid' } });
	if (!canDeclareDistancingFor(actor, node.path)) throw new AppError('FORBIDDEN');
	return { id: node.id, path: node.path };
}

/** The nodes the actor may record an order for (where it holds coordinator or administrator), with their names; the first is the default. */
export async function listDistancingOrgChoices(db: Db, actor: Actor): Promise<Array<{ id: string; name: string }>> {
	const choices = distancingOrgChoices(actor);
	const names = new Map((await listOrgNodesByIds(db, choices.map((c) => c.orgId))).map((n) => [n.id, n.name]));
	return choices.filter((c) => names.has(c.orgId)).map((c) => ({ id: c.orgId, name: names.get(c.orgId)! }));
}

/**
 * Records a social-distancing order on a unit (and through it the units below) for its days,
 * inclusive, in the Vietnam calendar, and writes the audit entry. The order is recorded for
 * `orgId`, which must be a node where the actor holds the role (FORBIDDEN otherwise), or the
 * actor's first such node. Refuses anyone but a coordinator or administrator (FORBIDDEN;
 * UNAUTHENTICATED when not signed in) and bad input (VALIDATION: endsOn before startsOn,
 * adminUnitCode: localities_unit_unknown).
 */
export async function declareDistancing(db: Db, actor: Actor, input: DistancingInput): Promise<DistancingOrderRow> {
	if (!canDeclareDistancing(actor)) refuse(actor);
	const data = parseInput(distancingInput, input);
	if (!(await selectAdminUnit(db, data.adminUnitCode))) throw new AppError('VALIDATION', { fields: { adminUnitCode: 'localities_unit_unknown' } });
	const org = await resolveDeclaringOrg(db, actor, data.orgId);
	const at = now();
	return db.transaction(async (tx) => {
		const row = await insertDistancingOrder(tx, {
			id: newId(),
			orgId: org.id,
			adminUnitCode: data.adminUnitCode,
			startsOn: data.startsOn,
			endsOn: data.endsOn,
			note: data.note,
			createdBy: actor.userId ?? actor.name ?? actor.kind,
			createdAt: at
		});
		await recordAudit(tx, actor, { orgId: org.id, orgPath: org.path, entity: 'distancing_order', entityId: row.id, action: 'declare', after: distancingView(row) });
		return row;
	});
}

/**
 * Lifts an order early: from now on it no longer holds, and writes the audit entry. Refuses anyone
 * but a coordinator or administrator (FORBIDDEN; UNAUTHENTICATED when not signed in), an unknown
 * order (NOT_FOUND) and one already lifted (INVALID_TRANSITION).
 */
export async function liftDistancing(db: Db, actor: Actor, orderId: string): Promise<DistancingOrderRow> {
	if (!canDeclareDistancing(actor)) refuse(actor);
	const order = await selectDistancingOrder(db, orderId);
	if (!order) throw new AppError('NOT_FOUND');
	const org = await findOrgNode(db, order.orgId);
	return db.transaction(async (tx) => {
		const current = await selectDistancingOrder(tx, orderId, { lock: true });
		if (!current) throw new AppError('NOT_FOUND');
		if (current.liftedAt) throw new AppError('INVALID_TRANSITION');
		const row = await updateDistancingOrderRow(tx, current.id, { liftedAt: now() });
		await recordAudit(tx, actor, { orgId: row.orgId, orgPath: org?.path ?? null, entity: 'distancing_order', entityId: row.id, action: 'lift', before: distancingView(current), after: distancingView(row) });
		return row;
	});
}

/** Every order with its unit's name, latest start first; `activeOn` (yyyy-mm-dd) keeps the orders in force that day. Public: no actor. */
export async function listDistancingOrders(db: Db, options: { activeOn?: string } = {}): Promise<DistancingOrderWithUnit[]> {
	const day = options.activeOn ? parseDate(options.activeOn) : undefined;
	if (options.activeOn && !day) throw new AppError('VALIDATION', { fields: { activeOn: 'field_invalid_date' } });
	const rows = await selectDistancingOrders(db, { activeOn: day });
	return rows.map((r) => ({ ...r.order, unitName: r.unitName, unitKind: r.unitKind }));
}

/**
 * The rule of M6: the first order not lifted, on the unit or on any unit above it, whose days
 * (inclusive) overlap the Vietnam calendar days from `from` to `to`; null when none holds (or the
 * code is unknown). `to` is the end instant, not itself taken: an activity ending at 00:00 does not
 * reach into the next day.
 */
export async function distancingAt(db: Db, adminUnitCode: string, from: Date, to: Date): Promise<DistancingOrderRow | null> {
	const last = to.getTime() > from.getTime() ? new Date(to.getTime() - 1) : from;
	return (await selectDistancingOverlapping(db, adminUnitCode, isoDateInVietnam(from), isoDateInVietnam(last))) ?? null;
}

/** True when an order holds on the unit (or one above it) on `day` (yyyy-mm-dd or dd/mm/yyyy); VALIDATION for a day that is not a date. */
export async function isUnderDistancing(db: Db, adminUnitCode: string, day: string): Promise<boolean> {
	const iso = parseDate(day);
	if (!iso) throw new AppError('VALIDATION', { fields: { day: 'field_invalid_date' } });
	return Boolean(await selectDistancingOverlapping(db, adminUnitCode, iso, iso));
}
