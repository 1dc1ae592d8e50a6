import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { recordAudit } from '../../audit/service';
import type { Actor } from '../../auth/actor';
import { cleanText, foldVietnamese } from '$lib/vn/text';
import { comparePersonNames, fullName } from '$lib/vn/names';
import { formatPhone } from '$lib/vn/phone';
import { createPersonInput, listPeopleQuery, updatePersonInput, type CreatePersonInput, type ListPeopleQuery, type UpdatePersonInput } from '$lib/features/org/inputs';
import { canManagePeople, canReadPeople, orgScope, PEOPLE_READERS, rootPathOf } from '../policy';
import {
	deletePersonRow,
	insertPeople,
	isUniqueViolation,
	selectPeopleInScope,
	selectPersonByEmailUnder,
	selectPersonById,
	selectPersonByUserId,
	updatePersonRow,
	userExists,
	type PersonWithUnit
} from '../queries';
import type { PersonRow } from '../tables';
import { parseInput, requireVisibleNode } from './org-nodes';

export type { PersonWithUnit };

/** People per page of the list. */
export const PEOPLE_PAGE_SIZE = 50;

/** Folded name, e-mail, phone (E.164 and as dialled) and position, searched diacritics-insensitively. */
export function personSearchText(p: { familyName: string; middleName: string; givenName: string; email?: string | null; phone?: string | null; position?: string | null }): string {
	const phone = p.phone ? `${p.phone} ${formatPhone(p.phone).replace(/\s/g, '')}` : '';
	return foldVietnamese([fullName(p), p.email ?? '', phone, p.position ?? ''].join(' '));
}

/** The person if the actor may read the people of their unit; NOT_FOUND otherwise. */
async function requireReadablePerson(db: Db, actor: Actor, id: string): Promise<PersonWithUnit> {
	const p = await selectPersonById(db, id);
	if (!p || !canReadPeople(actor, { path: p.unitPath })) throw new AppError('NOT_FOUND');
	return p;
}

/** The unit a person is put in: NOT_FOUND when invisible, FORBIDDEN when the actor may not manage its people. */
async function requireManagedUnit(db: Db, actor: Actor, unitId: string) {
	const unit = await requireVisibleNode(db, actor, unitId);
	if (!canManagePeople(actor, unit)) throw new AppError('FORBIDDEN');
	return unit;
}

function emailTaken(): AppError {
	return new AppError('CONFLICT', { fields: { email: 'field_taken' } });
}

/** What the audit log keeps of a person. */
function auditView(p: PersonRow) {
	return {
		unitId: p.unitId,
		familyName: p.familyName,
		middleName: p.middleName,
		givenName: p.givenName,
		position: p.position,
		category: p.category,
		learnerGroups: p.learnerGroups,
		email: p.email,
		phone: p.phone,
		userId: p.userId
	};
}

/**
 * Records a person in a unit. Refuses an invisible unit (NOT_FOUND), anyone but an administrator of
 * the unit (FORBIDDEN), bad fields (VALIDATION: field_invalid_phone, field_invalid_email…) and an
 * e-mail another person of the same organisation (the tree under the same root) already has
 * (CONFLICT, email: field_taken).
 */
export async function createPerson(db: Db, actor: Actor, input: CreatePersonInput): Promise<PersonRow> {
	const data = parseInput(createPersonInput, input);
	const unit = await requireManagedUnit(db, actor, data.unitId);
	try {
		return await db.transaction(async (tx) => {
			if (data.email && (await selectPersonByEmailUnder(tx, rootPathOf(unit.path), data.email))) throw emailTaken();
			const at = now();
			const fields = {
				familyName: data.familyName,
				middleName: data.middleName ?? '',
				givenName: data.givenName,
				position: data.position ?? null,
				email: data.email ?? null,
				phone: data.phone ?? null
			};
			const [row] = await insertPeople(tx, [
				{
					id: newId(),
					unitId: unit.id,
					...fields,
					category: data.category ?? 'other',
					learnerGroups: [...new Set(data.learnerGroups ?? [])],
					searchText: personSearchText(fields),
					createdAt: at,
					updatedAt: at
				}
			]);
			await recordAudit(tx, actor, { orgId: unit.id, orgPath: unit.path, entity: 'person', entityId: row.id, action: 'create', after: auditView(row) });
			return row;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw emailTaken();
		throw e;
	}
}

/** Returns a person with their unit; NOT_FOUND unless the actor reads the people of that unit. */
export async function getPerson(db: Db, actor: Actor, id: string): Promise<PersonWithUnit> {
	return requireReadablePerson(db, actor, id);
}

/**
 * Changes a person; a new `unitId` moves them to that unit. Refuses an invisible person or unit
 * (NOT_FOUND), anyone but an administrator of both units (FORBIDDEN), bad fields (VALIDATION) and an
 * e-mail taken in the organisation (CONFLICT).
 */
export async function updatePerson(db: Db, actor: Actor, id: string, input: UpdatePersonInput): Promise<PersonRow> {
	const current = await requireReadablePerson(db, actor, id);
	if (!canManagePeople(actor, { path: current.unitPath })) throw new AppError('FORBIDDEN');
	const data = parseInput(updatePersonInput, input);
	const unit = data.unitId && data.unitId !== current.unitId ? await requireManagedUnit(db, actor, data.unitId) : { id: current.unitId, path: current.unitPath };
	try {
		return await db.transaction(async (tx) => {
			const fields = {
				familyName: data.familyName ?? current.familyName,
				middleName: data.middleName ?? current.middleName,
				givenName: data.givenName ?? current.givenName,
				position: data.position !== undefined ? data.position : current.position,
				email: data.email !== undefined ? data.email : current.email,
				phone: data.phone !== undefined ? data.phone : current.phone
			};
			if (fields.email && (await selectPersonByEmailUnder(tx, rootPathOf(unit.path), fields.email, current.id))) throw emailTaken();
			const row = await updatePersonRow(tx, current.id, {
				...fields,
				unitId: unit.id,
				category: data.category ?? current.category,
				learnerGroups: data.learnerGroups ? [...new Set(data.learnerGroups)] : current.learnerGroups,
				searchText: personSearchText(fields),
				updatedAt: now()
			});
			await recordAudit(tx, actor, { orgId: unit.id, orgPath: unit.path, entity: 'person', entityId: row.id, action: 'update', before: auditView(current), after: auditView(row) });
			return row;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw emailTaken();
		throw e;
	}
}

/** Removes a person. Refuses an invisible person (NOT_FOUND) and anyone but an administrator of their unit (FORBIDDEN). */
export async function deletePerson(db: Db, actor: Actor, id: string): Promise<void> {
	const current = await requireReadablePerson(db, actor, id);
	if (!canManagePeople(actor, { path: current.unitPath })) throw new AppError('FORBIDDEN');
	await db.transaction(async (tx) => {
		await deletePersonRow(tx, current.id);
		await recordAudit(tx, actor, { orgId: current.unitId, orgPath: current.unitPath, entity: 'person', entityId: current.id, action: 'delete', before: auditView(current) });
	});
}

export interface PeoplePage {
	items: PersonWithUnit[];
	total: number;
	page: number;
	pageSize: number;
}

/**
 * Lists the people of the units the actor may read (administrators, coordinators, unit leaders,
 * supervisors: of their subtrees), optionally of one unit and its sub-units, matching `q` in name,
 * e-mail, phone or position without regard to diacritics; sorted by tên, tên đệm, họ in Vietnamese
 * collation. Refuses an actor with none of those roles (FORBIDDEN), an invisible unit (NOT_FOUND)
 * and a visible unit whose people the actor may not read (FORBIDDEN).
 */
export async function listPeople(db: Db, actor: Actor, query: ListPeopleQuery = {}): Promise<PeoplePage> {
	const { unitId, q, page: requested } = parseInput(listPeopleQuery, query);
	const scope = orgScope(actor, PEOPLE_READERS);
	if (scope !== 'all' && scope.length === 0) throw new AppError('FORBIDDEN');
	let under: string | undefined;
	if (unitId) {
		const unit = await requireVisibleNode(db, actor, unitId);
		if (!canReadPeople(actor, unit)) throw new AppError('FORBIDDEN');
		under = unit.path;
	}
	const words = q ? foldVietnamese(cleanText(q)).split(' ').filter(Boolean) : [];
	const all = await selectPeopleInScope(db, scope, { under, words });
	all.sort((a, b) => comparePersonNames(a, b) || a.id.localeCompare(b.id));
	const page = Math.max(1, requested ?? 1);
	return { items: all.slice((page - 1) * PEOPLE_PAGE_SIZE, page * PEOPLE_PAGE_SIZE), total: all.length, page, pageSize: PEOPLE_PAGE_SIZE };
}

/** The person record linked to an account, or undefined; no actor check (the auth layer names the signed-in user with it). */
export async function findPersonByUserId(db: Db, userId: string): Promise<PersonWithUnit | undefined> {
	return selectPersonByUserId(db, userId);
}

/**
 * Links a person to an account (a staff account invited for them), or unlinks with `userId: null`.
 * Refuses an invisible person (NOT_FOUND), anyone but an administrator of their unit (FORBIDDEN) and
 * an unknown account (VALIDATION, userId: field_invalid).
 */
export async function linkPersonToUser(db: Db, actor: Actor, input: { personId: string; userId: string | null }): Promise<PersonRow> {
	const current = await requireReadablePerson(db, actor, input.personId);
	if (!canManagePeople(actor, { path: current.unitPath })) throw new AppError('FORBIDDEN');
	if (input.userId && !(await userExists(db, input.userId))) throw new AppError('VALIDATION', { fields: { userId: 'field_invalid' } });
	return db.transaction(async (tx) => {
		const row = await updatePersonRow(tx, current.id, { userId: input.userId, updatedAt: now() });
		await recordAudit(tx, actor, { orgId: current.unitId, orgPath: current.unitPath, entity: 'person', entityId: current.id, action: 'link_user', before: { userId: current.userId }, after: { userId: row.userId } });
		return row;
	});
}
