// The data award amounts and eligibility come from: an organisation's forms of commendation and
// titles with their coefficients and requirements, and the dated national base salary.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { parseInput } from '../../core/http';
import { actorLabel, type Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { getOrgNode } from '../../org/service';
import { baseSalaryInput, formInput, type BaseSalaryInput, type FormInput } from '../../../features/recognition/inputs';
import type { FormRequirements, FormScope } from '../../../features/recognition/types';
import { canKeepBaseSalary, canKeepForms } from '../policy';
import { insertForms, selectBaseSalaries, selectBaseSalaryOn, selectForms, upsertBaseSalary, upsertForm } from '../queries';
import type { BaseSalaryRow, CommendationFormRow } from '../tables';

/**
 * The forms an organisation starts with [M] (DOMAIN-VN §4.2, NĐ 98/2023 Art. 54 for the titles;
 * a collective's Giấy khen at twice an individual's). Each organisation edits its own copy.
 */
const DEFAULT_FORMS: Array<{ code: string; name: string; scope: FormScope; individual: string; collective: string; requirements: FormRequirements }> = [
	{ code: 'giay_khen', name: 'Giấy khen', scope: 'both', individual: '0.30', collective: '0.60', requirements: {} },
	{ code: 'giay_chung_nhan', name: 'Giấy chứng nhận', scope: 'both', individual: '0.00', collective: '0.00', requirements: {} },
	{ code: 'ldtt', name: 'Lao động tiên tiến', scope: 'individual', individual: '0.30', collective: '0.00', requirements: {} },
	{ code: 'cstdcs', name: 'Chiến sĩ thi đua cơ sở', scope: 'individual', individual: '1.00', collective: '0.00', requirements: { holds: ['ldtt'], recognisedInitiative: true } },
	{ code: 'ttldtt', name: 'Tập thể lao động tiên tiến', scope: 'collective', individual: '0.00', collective: '0.80', requirements: {} }
];

/**
 * Mức lương cơ sở [M]: 1,490,000 đ from 1/7/2019 (NĐ 38/2019/NĐ-CP), 1,800,000 đ from 1/7/2023
 * (NĐ 24/2023/NĐ-CP), 2,340,000 đ from 1/7/2024 (NĐ 73/2024/NĐ-CP; DOMAIN-VN §4.2). Editable data.
 */
const DEFAULT_BASE_SALARIES = [
	{ effectiveFrom: '2019-07-01', amountVnd: 1_490_000, source: 'NĐ 38/2019/NĐ-CP' },
	{ effectiveFrom: '2023-07-01', amountVnd: 1_800_000, source: 'NĐ 24/2023/NĐ-CP' },
	{ effectiveFrom: '2024-07-01', amountVnd: 2_340_000, source: 'NĐ 73/2024/NĐ-CP' }
];

/** The organisation's forms, created from the defaults the first time they are read. */
export async function formsOf(db: Db, orgId: string): Promise<CommendationFormRow[]> {
	const rows = await selectForms(db, orgId);
	if (rows.length) return rows;
	await insertForms(
		db,
		DEFAULT_FORMS.map((f, i) => ({ id: newId(), orgId, code: f.code, name: f.name, scope: f.scope, individualCoefficient: f.individual, collectiveCoefficient: f.collective, requirements: f.requirements, sortOrder: (i + 1) * 10, updatedAt: now() }))
	);
	return selectForms(db, orgId);
}

/** The base salaries on record, newest first; the defaults are written the first time. */
export async function baseSalariesOf(db: Db): Promise<BaseSalaryRow[]> {
	const rows = await selectBaseSalaries(db);
	if (rows.length) return rows;
	for (const s of DEFAULT_BASE_SALARIES) await upsertBaseSalary(db, { ...s, updatedByLabel: 'LearnWeek', updatedAt: now() });
	return selectBaseSalaries(db);
}

/** The base salary in force on a day (yyyy-mm-dd), or undefined before the first on record. */
export async function baseSalaryOn(db: Db, day: string): Promise<BaseSalaryRow | undefined> {
	await baseSalariesOf(db);
	return selectBaseSalaryOn(db, day);
}

/** The settings page: the organisation's forms and the base salaries, and what the actor may change. Refuses anyone but its coordinators and administrators (FORBIDDEN; NOT_FOUND for an invisible node). */
export async function getRecognitionSettings(db: Db, actor: Actor, orgId: string): Promise<{ forms: CommendationFormRow[]; salaries: BaseSalaryRow[]; canEditSalary: boolean; orgName: string }> {
	const org = await getOrgNode(db, actor, orgId);
	if (!canKeepForms(actor, org.path)) throw new AppError('FORBIDDEN');
	return { forms: await formsOf(db, org.id), salaries: await baseSalariesOf(db), canEditSalary: canKeepBaseSalary(actor), orgName: org.name };
}

/**
 * Adds or changes one form of commendation (by its code) of an organisation. Refuses anyone but its
 * coordinators and administrators (FORBIDDEN) and bad input (VALIDATION).
 */
export async function saveCommendationForm(db: Db, actor: Actor, orgId: string, input: FormInput): Promise<CommendationFormRow> {
	const org = await getOrgNode(db, actor, orgId);
	if (!canKeepForms(actor, org.path)) throw new AppError('FORBIDDEN');
	const data = parseInput(formInput, input);
	const before = (await formsOf(db, org.id)).find((f) => f.code === data.code);
	return db.transaction(async (tx) => {
		const row = await upsertForm(tx, {
			id: before?.id ?? newId(),
			orgId: org.id,
			code: data.code,
			name: data.name,
			scope: data.scope,
			individualCoefficient: (data.individualCoefficient as number).toFixed(2),
			collectiveCoefficient: (data.collectiveCoefficient as number).toFixed(2),
			requirements: { ...(data.requiresHolds.length ? { holds: data.requiresHolds } : {}), ...(data.requiresInitiative ? { recognisedInitiative: true } : {}) },
			sortOrder: data.sortOrder as number,
			active: data.active,
			updatedAt: now()
		});
		await recordAudit(tx, actor, { orgId: org.id, orgPath: org.path, entity: 'commendation_form', entityId: row.id, action: before ? 'update' : 'create', before, after: row });
		return row;
	});
}

/**
 * Records the base salary from a date on (or corrects the figure of that date). Refuses anyone but
 * the administrators of a top organisation (FORBIDDEN) and bad input (VALIDATION).
 */
export async function saveBaseSalary(db: Db, actor: Actor, input: BaseSalaryInput): Promise<BaseSalaryRow> {
	if (!canKeepBaseSalary(actor)) throw new AppError('FORBIDDEN');
	const data = parseInput(baseSalaryInput, input);
	const before = (await baseSalariesOf(db)).find((s) => s.effectiveFrom === data.effectiveFrom);
	return db.transaction(async (tx) => {
		const row = await upsertBaseSalary(tx, { effectiveFrom: data.effectiveFrom as string, amountVnd: data.amountVnd, source: data.source, updatedByLabel: actorLabel(actor), updatedAt: now() });
		await recordAudit(tx, actor, { orgId: null, orgPath: null, entity: 'recognition_base_salary', entityId: row.effectiveFrom, action: before ? 'update' : 'create', before, after: row });
		return row;
	});
}
