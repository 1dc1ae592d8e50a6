// Checks and writes the rows of an imported staff list. The same checks run at preview and again
// at confirmation, against the database as it is then.
import type { Db } from '../../db/types';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { recordAudit } from '../../audit/service';
import type { Actor } from '../../auth/actor';
import { splitFullName } from '$lib/vn/names';
import type { EmployeeCategory, LearnerGroup } from '$lib/features/org/types';
import { rootPathOf } from '../policy';
import { insertPeople, selectOrgNodesInScope, selectPeopleInScope, selectTakenEmailsUnder } from '../queries';
import type { ImportResult, ImportRow, OrgNodeRow, PersonRow } from '../tables';
import { nameKey, parseCategory, parseImportedEmail, parseImportedPhone, parseLearnerGroups, UnitResolver } from './import-values';
import { personSearchText } from './people';
import { YIELD_EVERY, yieldToEventLoop } from './read-upload';

interface PersonRecord {
	unit: OrgNodeRow;
	familyName: string;
	middleName: string;
	givenName: string;
	position: string | null;
	category: EmployeeCategory;
	learnerGroups: LearnerGroup[];
	email: string | null;
	phone: string | null;
}

type Checked = ImportRow & { record?: PersonRecord };

const LIMITS = { familyName: 50, middleName: 80, givenName: 50, position: 150 } as const;

/**
 * Checks every row and gives each every reason it cannot be imported: missing name, bad e-mail or
 * phone, unknown unit, unknown category or learner group, a duplicate of a row above, or a person
 * already recorded (same e-mail in the organisation; without e-mail, same name, unit and phone).
 */
export async function checkPeopleRows(db: Db, org: OrgNodeRow, rows: Array<{ line: number; values: Record<string, string> }>): Promise<Checked[]> {
	const units = new UnitResolver(await selectOrgNodesInScope(db, [org.path]));
	const existing = await selectPeopleInScope(db, [org.path]);
	const existingIdentities = new Set(existing.map((p) => `${nameKey(p)}|${p.unitId}|${p.phone ?? ''}`));
	const fileEmails = rows.map((r) => parseImportedEmail(r.values.email ?? '')).filter((e): e is string => !!e);
	const takenEmails = new Set(await selectTakenEmailsUnder(db, rootPathOf(org.path), fileEmails));
	const seen = new Set<string>();
	const out: Checked[] = [];
	for (const [i, row] of rows.entries()) {
		const v = row.values;
		const errors = new Set<string>();
		const split = splitFullName(v.fullName ?? '');
		const familyName = v.familyName || split.familyName;
		const givenName = v.givenName || split.givenName;
		const middleName = v.familyName || v.givenName ? (v.middleName ?? '') : v.middleName || split.middleName;
		if (!familyName || !givenName) errors.add('org_import_missing_name');
		const position = v.position || null;
		if (familyName.length > LIMITS.familyName || middleName.length > LIMITS.middleName || givenName.length > LIMITS.givenName || (position?.length ?? 0) > LIMITS.position)
			errors.add('org_import_too_long');

		let email: string | null = null;
		if (v.email) {
			email = parseImportedEmail(v.email) ?? null;
			if (!email) errors.add('org_import_bad_email');
		}
		let phone: string | null = null;
		if (v.phone) {
			phone = parseImportedPhone(v.phone) ?? null;
			if (!phone) errors.add('org_import_bad_phone');
		}
		let unit: OrgNodeRow | undefined = org;
		if (v.unit) {
			const match = units.resolve(v.unit);
			if ('error' in match) {
				errors.add(match.error);
				unit = undefined;
			} else unit = match.node;
		}
		const category = parseCategory(v.category ?? '');
		if (!category) errors.add('org_import_unknown_category');
		const groups = parseLearnerGroups(v.learnerGroups ?? '');
		if (groups.unknown.length) errors.add('org_import_unknown_learner_group');

		const identity = email ? `e:${email}` : `n:${nameKey({ familyName, middleName, givenName })}|${unit?.id ?? v.unit}|${phone ?? ''}`;
		if (familyName || givenName || email) {
			if (seen.has(identity)) errors.add('org_import_duplicate_in_file');
			seen.add(identity);
		}
		if ((email && takenEmails.has(email)) || (!email && unit && existingIdentities.has(identity.slice(2)))) errors.add('org_import_already_exists');

		const checked: Checked = { line: row.line, values: v, errors: [...errors] };
		if (!errors.size && unit && category)
			checked.record = { unit, familyName, middleName, givenName, position, category, learnerGroups: groups.groups, email, phone };
		out.push(checked);
		if ((i + 1) % YIELD_EVERY === 0) await yieldToEventLoop();
	}
	return out;
}

/** Writes the rows that still pass the checks (inside the confirmation's transaction), each with its audit entry. */
export async function writePeopleRows(tx: Db, actor: Actor, org: OrgNodeRow, rows: ImportRow[], batchId: string): Promise<ImportResult> {
	const checked = await checkPeopleRows(tx, org, rows);
	const skipped = checked.filter((c) => !c.record).map((c) => ({ line: c.line, errors: c.errors }));
	const records = checked.flatMap((c) => (c.record ? [c.record] : []));
	const at = now();
	let created = 0;
	for (let start = 0; start < records.length; start += YIELD_EVERY) {
		const chunk = records.slice(start, start + YIELD_EVERY).map((r) => ({ id: newId(), ...r }));
		const unitOf = new Map(chunk.map((r) => [r.id, r.unit]));
		const inserted: PersonRow[] = await insertPeople(
			tx,
			chunk.map(({ unit, ...p }) => ({ ...p, unitId: unit.id, searchText: personSearchText(p), createdAt: at, updatedAt: at }))
		);
		for (const row of inserted) {
			const unit = unitOf.get(row.id)!;
			await recordAudit(tx, actor, {
				orgId: unit.id,
				orgPath: unit.path,
				entity: 'person',
				entityId: row.id,
				action: 'create',
				after: { importBatchId: batchId, unitId: row.unitId, familyName: row.familyName, middleName: row.middleName, givenName: row.givenName, position: row.position, category: row.category, learnerGroups: row.learnerGroups, email: row.email, phone: row.phone }
			});
		}
		created += inserted.length;
		await yieldToEventLoop();
	}
	return { created, skipped };
}
