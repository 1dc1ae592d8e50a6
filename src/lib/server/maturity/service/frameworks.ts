// Frameworks as versioned data: the three shipped templates, a coordinator's copy of one, and its
// edits. A version under a submitted assessment is frozen; editing the framework then makes the next version.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { parseInput, zodFieldErrors } from '../../core/http';
import { recordAudit } from '../../audit/service';
import type { Actor } from '../../auth/actor';
import { copyTemplateInput, frameworkDefinitionInput, frameworkDetailsInput, type CopyTemplateInput, type FrameworkDetailsInput } from '$lib/features/maturity/inputs';
import { TEMPLATE_KEYS, type FrameworkDefinition, type TemplateKey } from '$lib/features/maturity/types';
import dtiAgency from '../fixtures/dti-agency.json';
import moet4725 from '../fixtures/moet-4725.json';
import dbi from '../fixtures/dbi.json';
import { canManageFrameworks, MATURITY_COORDINATORS } from '../policy';
import { insertFramework, insertVersion, selectFrameworksOfOrgs, selectRoundsOfFramework, selectVersion, selectVersionsOf, updateFrameworkRow, updateVersionRow } from '../queries';
import type { MaturityFrameworkRow, MaturityFrameworkVersionRow, MaturityRoundRow } from '../tables';
import { loadFramework, loadOrg, orgsInScope } from './maturity-context';

export interface FrameworkTemplate {
	key: TemplateKey;
	name: string;
	description: string;
	source: string;
	definition: FrameworkDefinition;
}

const TEMPLATE_DATA: Record<TemplateKey, unknown> = { dti_agency: dtiAgency, moet_4725: moet4725, dbi };

/** The shipped templates, each checked as any framework is (a bad data file fails loudly here). */
export function listTemplates(): FrameworkTemplate[] {
	return TEMPLATE_KEYS.map((key) => {
		const t = TEMPLATE_DATA[key] as Omit<FrameworkTemplate, 'definition'> & { definition: unknown };
		return { key, name: t.name, description: t.description, source: t.source, definition: parseDefinition(t.definition) };
	});
}

export function getTemplate(key: TemplateKey): FrameworkTemplate {
	const t = listTemplates().find((x) => x.key === key);
	if (!t) throw new AppError('NOT_FOUND');
	return t;
}

/** Validates a definition: VALIDATION names each place at fault (overlapping level bands, a mandatory condition that is not yes/no…). */
export function parseDefinition(input: unknown): FrameworkDefinition {
	const result = frameworkDefinitionInput.safeParse(input);
	if (!result.success) throw new AppError('VALIDATION', { fields: zodFieldErrors(result.error) });
	return result.data;
}

export interface FrameworkListItem extends MaturityFrameworkRow {
	orgName: string;
	latestVersion: number;
	frozen: boolean;
}

/** The frameworks of the nodes the actor coordinates (and below), newest edit first. Refuses anyone who coordinates nothing (FORBIDDEN). */
export async function listFrameworks(db: Db, actor: Actor): Promise<FrameworkListItem[]> {
	const orgs = await orgsInScope(db, actor, MATURITY_COORDINATORS);
	if (!orgs.length) throw new AppError('FORBIDDEN');
	const rows = await selectFrameworksOfOrgs(db, orgs.map((o) => o.id));
	const versions = await selectVersionsOf(db, rows.map((r) => r.id));
	const name = new Map(orgs.map((o) => [o.id, o.name]));
	return rows.map((r) => {
		const latest = versions.find((v) => v.frameworkId === r.id)!;
		return { ...r, orgName: name.get(r.orgId) ?? '', latestVersion: latest?.version ?? 1, frozen: Boolean(latest?.frozenAt) };
	});
}

/**
 * Copies a shipped template onto an organisation as its own framework (version 1), to adapt.
 * Refuses an unknown organisation (NOT_FOUND), anyone but its coordinators (FORBIDDEN) and an
 * unknown template (VALIDATION).
 */
export async function copyTemplate(db: Db, actor: Actor, input: CopyTemplateInput): Promise<MaturityFrameworkRow> {
	const data = parseInput(copyTemplateInput, input);
	const org = await loadOrg(db, data.orgId);
	if (!canManageFrameworks(actor, org)) throw new AppError('FORBIDDEN');
	const template = getTemplate(data.template);
	const at = now();
	return db.transaction(async (tx) => {
		const framework = await insertFramework(tx, {
			id: newId(),
			orgId: org.id,
			name: data.name || template.name,
			description: template.description,
			templateKey: template.key,
			source: template.source,
			createdBy: actor.userId ?? actor.name ?? null,
			createdAt: at,
			updatedAt: at
		});
		await insertVersion(tx, { id: newId(), frameworkId: framework.id, orgId: org.id, version: 1, definition: template.definition, createdBy: actor.userId ?? actor.name ?? null, createdAt: at, updatedAt: at });
		await recordAudit(tx, actor, { orgId: org.id, orgPath: org.path, entity: 'maturity_framework', entityId: framework.id, action: 'create', after: { name: framework.name, template: template.key } });
		return framework;
	});
}

export interface FrameworkDetail {
	framework: MaturityFrameworkRow;
	orgName: string;
	versions: MaturityFrameworkVersionRow[];
	latest: MaturityFrameworkVersionRow;
	rounds: MaturityRoundRow[];
}

/** A framework with its versions (newest first) and the rounds using it. Refuses anyone but its coordinators (FORBIDDEN; NOT_FOUND when unknown). */
export async function getFramework(db: Db, actor: Actor, id: string): Promise<FrameworkDetail> {
	const { framework, org } = await loadFramework(db, id);
	if (!canManageFrameworks(actor, org)) throw new AppError('FORBIDDEN');
	const versions = await selectVersionsOf(db, [framework.id]);
	return { framework, orgName: org.name, versions, latest: versions[0], rounds: await selectRoundsOfFramework(db, framework.id) };
}

/** Renames a framework or changes its description. Refuses anyone but its coordinators (FORBIDDEN) and a blank name (VALIDATION). */
export async function updateFrameworkDetails(db: Db, actor: Actor, id: string, input: FrameworkDetailsInput): Promise<MaturityFrameworkRow> {
	const { framework, org } = await loadFramework(db, id);
	if (!canManageFrameworks(actor, org)) throw new AppError('FORBIDDEN');
	const data = parseInput(frameworkDetailsInput, input);
	return db.transaction(async (tx) => {
		const row = await updateFrameworkRow(tx, id, { ...data, updatedAt: now() });
		await recordAudit(tx, actor, { orgId: org.id, orgPath: org.path, entity: 'maturity_framework', entityId: id, action: 'update', before: { name: framework.name, description: framework.description }, after: data });
		return row;
	});
}

/**
 * Changes the content of a version that no submitted assessment uses yet. Refuses a frozen version
 * (INVALID_TRANSITION: a submitted assessment was scored on it), anyone but the framework's
 * coordinators (FORBIDDEN) and a bad definition (VALIDATION: overlapping level bands…).
 */
export async function updateFrameworkVersion(db: Db, actor: Actor, versionId: string, definition: unknown): Promise<MaturityFrameworkVersionRow> {
	const current = await selectVersion(db, versionId);
	if (!current) throw new AppError('NOT_FOUND');
	const { org } = await loadFramework(db, current.frameworkId);
	if (!canManageFrameworks(actor, org)) throw new AppError('FORBIDDEN');
	const def = parseDefinition(definition);
	return db.transaction(async (tx) => {
		const locked = (await selectVersion(tx, versionId, { lock: true }))!;
		if (locked.frozenAt) throw new AppError('INVALID_TRANSITION', { fields: { _: 'maturity_version_frozen' } });
		const row = await updateVersionRow(tx, versionId, { definition: def, updatedAt: now() });
		await updateFrameworkRow(tx, current.frameworkId, { updatedAt: now() });
		await recordAudit(tx, actor, { orgId: org.id, orgPath: org.path, entity: 'maturity_framework_version', entityId: versionId, action: 'update', before: { version: locked.version }, after: { version: row.version } });
		return row;
	});
}

/**
 * Saves a framework's content from the editor: into its latest version while no submitted
 * assessment uses it, as a new version otherwise (the frozen one stays as it was). Refuses what
 * updateFrameworkVersion refuses, save the frozen version.
 */
export async function saveFrameworkDefinition(db: Db, actor: Actor, frameworkId: string, definition: unknown): Promise<MaturityFrameworkVersionRow> {
	const { framework, org } = await loadFramework(db, frameworkId);
	if (!canManageFrameworks(actor, org)) throw new AppError('FORBIDDEN');
	const def = parseDefinition(definition);
	const latest = (await selectVersionsOf(db, [framework.id]))[0];
	if (!latest.frozenAt) return updateFrameworkVersion(db, actor, latest.id, def);
	const at = now();
	return db.transaction(async (tx) => {
		const row = await insertVersion(tx, { id: newId(), frameworkId, orgId: org.id, version: latest.version + 1, definition: def, createdBy: actor.userId ?? actor.name ?? null, createdAt: at, updatedAt: at });
		await updateFrameworkRow(tx, frameworkId, { updatedAt: at });
		await recordAudit(tx, actor, { orgId: org.id, orgPath: org.path, entity: 'maturity_framework_version', entityId: row.id, action: 'create', after: { version: row.version, from: latest.version } });
		return row;
	});
}
