// Checks and writes the rows of an imported list of units. A row's parent may be an existing unit
// of the organisation or another row of the same file, in any order.
import type { Db } from '../../db/types';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { recordAudit } from '../../audit/service';
import type { Actor } from '../../auth/actor';
import { shortCodeField, websiteField } from '$lib/features/org/inputs';
import type { OrgKind } from '$lib/features/org/types';
import { insertOrgNodes, selectOrgNodesInScope } from '../queries';
import type { ImportResult, ImportRow, OrgNodeRow } from '../tables';
import { parseImportedEmail, parseImportedPhone, parseKind, UnitResolver } from './import-values';
import { orgNodeSearchText } from './org-nodes';
import { headerKey, YIELD_EVERY, yieldToEventLoop } from './read-upload';

interface UnitRecord {
	name: string;
	shortCode: string;
	kind: OrgKind;
	/** An existing node, or the index of the row that creates the parent. */
	parent: { node: OrgNodeRow } | { row: number };
	address: string | null;
	email: string | null;
	phone: string | null;
	website: string | null;
}

type Checked = ImportRow & { record?: UnitRecord; depth?: number };

/**
 * Checks every row and gives each every reason it cannot be imported: missing name or code, a bad
 * code, e-mail, phone or website, an unknown kind, an unknown or ambiguous parent, a parent row that
 * is itself bad, a duplicate of a row above, or a code the parent's units already hold. Existing
 * units win over rows of the file when a parent reference could name either.
 */
export async function checkUnitRows(db: Db, org: OrgNodeRow, rows: Array<{ line: number; values: Record<string, string> }>): Promise<Checked[]> {
	const nodes = await selectOrgNodesInScope(db, [org.path]);
	const resolver = new UnitResolver(nodes);
	const childCodes = new Set(nodes.map((n) => `${n.parentId}|${headerKey(n.shortCode)}`));

	const fileIndex = new Map<string, Set<number>>();
	rows.forEach((r, i) => {
		for (const ref of [r.values.shortCode, r.values.name]) {
			if (!ref) continue;
			const key = headerKey(ref);
			fileIndex.set(key, (fileIndex.get(key) ?? new Set()).add(i));
		}
	});

	const out: Checked[] = [];
	const parents: Array<{ node: OrgNodeRow } | { row: number } | undefined> = [];
	const seen = new Set<string>();
	for (const [i, row] of rows.entries()) {
		const v = row.values;
		const errors = new Set<string>();
		const name = v.name ?? '';
		if (!name) errors.add('org_import_missing_unit_name');
		if (name.length > 200 || (v.address ?? '').length > 300) errors.add('org_import_too_long');
		let shortCode = '';
		if (!v.shortCode) errors.add('org_import_missing_code');
		else {
			const parsed = shortCodeField.safeParse(v.shortCode);
			if (parsed.success) shortCode = parsed.data;
			else errors.add(v.shortCode.length > 20 ? 'org_import_too_long' : 'org_import_bad_code');
		}
		const kind = parseKind(v.kind ?? '');
		if (!kind) errors.add('org_import_unknown_kind');
		const email = v.email ? (parseImportedEmail(v.email) ?? null) : null;
		if (v.email && !email) errors.add('org_import_bad_email');
		const phone = v.phone ? (parseImportedPhone(v.phone) ?? null) : null;
		if (v.phone && !phone) errors.add('org_import_bad_phone');
		let website: string | null = null;
		if (v.website) {
			const parsed = websiteField.safeParse(v.website);
			if (parsed.success && parsed.data) website = parsed.data;
			else errors.add('org_import_bad_website');
		}

		let parent: { node: OrgNodeRow } | { row: number } | undefined = { node: org };
		if (v.parent) {
			const inDb = resolver.count(v.parent);
			const inFile = [...(fileIndex.get(headerKey(v.parent)) ?? [])].filter((j) => j !== i);
			if (inDb === 1) {
				const match = resolver.resolve(v.parent);
				parent = 'node' in match ? match : undefined;
			} else if (inDb === 0 && inFile.length === 1) parent = { row: inFile[0] };
			else {
				parent = undefined;
				errors.add(inDb + inFile.length === 0 ? 'org_import_unknown_unit' : 'org_import_ambiguous_unit');
			}
		}
		if (parent && shortCode) {
			const parentKey = 'node' in parent ? parent.node.id : `row:${parent.row}`;
			const key = `${parentKey}|${headerKey(shortCode)}`;
			if (seen.has(key)) errors.add('org_import_duplicate_in_file');
			seen.add(key);
			if ('node' in parent && childCodes.has(key)) errors.add('org_import_already_exists');
		}
		parents.push(parent);
		out.push({ line: row.line, values: v, errors: [...errors] });
		if (kind && parent && !errors.size) out[i].record = { name, shortCode, kind, parent, address: v.address || null, email, phone, website };
		if ((i + 1) % YIELD_EVERY === 0) await yieldToEventLoop();
	}

	// A row whose parent row is bad cannot be created either; a loop of parents names no real unit.
	const state = new Map<number, 'visiting' | number | 'bad'>();
	const depthOf = (i: number): number | 'bad' => {
		const known = state.get(i);
		if (known === 'visiting') return 'bad';
		if (known !== undefined) return known;
		state.set(i, 'visiting');
		let result: number | 'bad';
		const parent = parents[i];
		if (!out[i].record || !parent) result = 'bad';
		else if ('node' in parent) result = 0;
		else {
			const d = depthOf(parent.row);
			if (d === 'bad') {
				out[i].errors.push(state.get(parent.row) === 'visiting' ? 'org_import_unknown_unit' : 'org_import_parent_invalid');
				delete out[i].record;
				result = 'bad';
			} else result = d + 1;
		}
		state.set(i, result);
		return result;
	};
	out.forEach((c, i) => {
		const d = depthOf(i);
		if (d !== 'bad') c.depth = d;
	});
	return out;
}

/** Writes the rows that still pass the checks (inside the confirmation's transaction), parents first, each with its audit entry. */
export async function writeUnitRows(tx: Db, actor: Actor, org: OrgNodeRow, rows: ImportRow[], batchId: string): Promise<ImportResult> {
	const checked = await checkUnitRows(tx, org, rows);
	const skipped = checked.filter((c) => !c.record).map((c) => ({ line: c.line, errors: c.errors }));
	const order = checked
		.map((c, i) => ({ c, i }))
		.filter(({ c }) => c.record)
		.sort((a, b) => a.c.depth! - b.c.depth! || a.i - b.i);
	const nodes = await selectOrgNodesInScope(tx, [org.path]);
	const lastOrder = new Map<string, number>();
	for (const n of nodes) if (n.parentId) lastOrder.set(n.parentId, Math.max(lastOrder.get(n.parentId) ?? 0, n.sortOrder));
	const made = new Map<number, { id: string; path: string }>();
	const at = now();
	const values = order.map(({ c, i }) => {
		const r = c.record!;
		const parent = 'node' in r.parent ? r.parent.node : made.get(r.parent.row)!;
		const id = newId();
		const path = `${parent.path}${id}/`;
		made.set(i, { id, path });
		const sortOrder = (lastOrder.get(parent.id) ?? 0) + 1;
		lastOrder.set(parent.id, sortOrder);
		return {
			id,
			parentId: parent.id,
			path,
			kind: r.kind,
			name: r.name,
			shortCode: r.shortCode,
			address: r.address,
			email: r.email,
			phone: r.phone,
			website: r.website,
			sortOrder,
			searchText: orgNodeSearchText(r),
			createdAt: at,
			updatedAt: at
		};
	});
	let created = 0;
	for (let start = 0; start < values.length; start += YIELD_EVERY) {
		const inserted = await insertOrgNodes(tx, values.slice(start, start + YIELD_EVERY));
		for (const row of inserted) {
			await recordAudit(tx, actor, {
				orgId: row.id,
				orgPath: row.path,
				entity: 'org_node',
				entityId: row.id,
				action: 'create',
				after: { importBatchId: batchId, parentId: row.parentId, kind: row.kind, name: row.name, shortCode: row.shortCode, address: row.address, email: row.email, phone: row.phone, website: row.website }
			});
		}
		created += inserted.length;
		await yieldToEventLoop();
	}
	return { created, skipped };
}
