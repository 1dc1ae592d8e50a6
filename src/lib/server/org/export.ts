// XLSX exports of units and people, with the Vietnamese headers and values the import reads, so
// an exported list can be edited and imported again.
import ExcelJS from 'exceljs';
import type { Db } from '../db/types';
import { AppError } from '../core/errors';
import { translate } from '../core/http';
import type { Actor } from '../auth/actor';
import { comparePersonNames } from '$lib/vn/names';
import { formatPhone } from '$lib/vn/phone';
import { foldVietnamese, vietnameseCollator } from '$lib/vn/text';
import { PEOPLE_COLUMNS, UNIT_COLUMNS, type ImportColumn } from '$lib/features/org/types';
import { canReadPeople, canSeeOrgNode } from './policy';
import {
	countNodesBelow,
	countPeopleByCategoryUnder,
	countPeopleByLearnerGroupUnder,
	countPeopleByNodeUnder,
	selectNodeOutlinesUnder,
	selectOrgNodeById,
	selectOrgNodesInScope,
	selectPeopleInScope
} from './queries';
import type { OrgNodeRow } from './tables';

function header(columns: readonly ImportColumn[], key: string): string {
	return columns.find((c) => c.key === key)!.header;
}

/** How a unit is named in a file: its code when no other unit of the subtree shares it, else its name if unique. */
function unitReference(nodes: OrgNodeRow[]): (node: OrgNodeRow) => string {
	// Compared as the import compares them: folded, punctuation dropped.
	const key = (s: string) => foldVietnamese(s).replace(/[^a-z0-9]+/g, ' ').trim();
	const counts = new Map<string, number>();
	for (const n of nodes) for (const k of new Set([key(n.shortCode), key(n.name)])) counts.set(k, (counts.get(k) ?? 0) + 1);
	return (n) => (counts.get(key(n.shortCode)) === 1 ? n.shortCode : counts.get(key(n.name)) === 1 ? n.name : n.shortCode);
}

async function workbookOf(title: string, headers: string[], rows: Array<Array<string | number>>, widths: number[]): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'LearnWeek';
	const sheet = workbook.addWorksheet(title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
	sheet.addRow(headers).font = { bold: true };
	for (const r of rows) sheet.addRow(r);
	widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
	// Phones and codes stay text, so Excel keeps the leading 0 of "0912…".
	sheet.columns.forEach((c) => (c.numFmt = '@'));
	sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The people of a node and its sub-units as an XLSX staff list (STT, Họ, Tên đệm, Tên, Chức vụ,
 * Loại, Nhóm người học, Đơn vị, Email, Điện thoại), sorted by tên, tên đệm, họ. Refuses an invisible
 * node (NOT_FOUND) and an actor who may not read its people (FORBIDDEN).
 */
export async function exportPeopleXlsx(db: Db, actor: Actor, options: { orgId: string }): Promise<Buffer> {
	const org = await selectOrgNodeById(db, options.orgId);
	if (!org || !canSeeOrgNode(actor, org)) throw new AppError('NOT_FOUND');
	if (!canReadPeople(actor, org)) throw new AppError('FORBIDDEN');
	const nodes = await selectOrgNodesInScope(db, [org.path]);
	const byId = new Map(nodes.map((n) => [n.id, n]));
	const ref = unitReference(nodes);
	const people = (await selectPeopleInScope(db, [org.path])).sort((a, b) => comparePersonNames(a, b) || a.id.localeCompare(b.id));
	const c = (k: string) => header(PEOPLE_COLUMNS, k);
	const headers = ['STT', c('familyName'), c('middleName'), c('givenName'), c('position'), c('category'), c('learnerGroups'), c('unit'), c('email'), c('phone')];
	const rows = people.map((p, i) => [
		i + 1,
		p.familyName,
		p.middleName,
		p.givenName,
		p.position ?? '',
		translate(`org_category_${p.category}`, {}, 'vi'),
		p.learnerGroups.map((g) => translate(`org_learner_group_${g}`, {}, 'vi')).join('; '),
		// Empty means the organisation the file is imported into (see the import).
		p.unitId === org.id ? '' : ref(byId.get(p.unitId)!),
		p.email ?? '',
		p.phone ? formatPhone(p.phone) : ''
	]);
	return workbookOf('Nhân sự', headers, rows, [6, 12, 14, 10, 28, 16, 36, 14, 30, 16]);
}

/**
 * The units below a node as an XLSX list (STT, Tên đơn vị, Mã, Loại, Đơn vị cấp trên, Địa chỉ, Email,
 * Điện thoại, Website), parents before children. Refuses an invisible node (NOT_FOUND).
 */
export async function exportUnitsXlsx(db: Db, actor: Actor, options: { orgId: string }): Promise<Buffer> {
	const org = await selectOrgNodeById(db, options.orgId);
	if (!org || !canSeeOrgNode(actor, org)) throw new AppError('NOT_FOUND');
	const nodes = await selectOrgNodesInScope(db, [org.path]);
	const ref = unitReference(nodes);
	const byId = new Map(nodes.map((n) => [n.id, n]));
	const children = new Map<string, OrgNodeRow[]>();
	for (const n of nodes) if (n.parentId && n.id !== org.id) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
	const ordered: OrgNodeRow[] = [];
	const visit = (id: string) => {
		const list = (children.get(id) ?? []).sort((a, b) => a.sortOrder - b.sortOrder || vietnameseCollator.compare(a.name, b.name));
		for (const n of list) {
			ordered.push(n);
			visit(n.id);
		}
	};
	visit(org.id);
	const c = (k: string) => header(UNIT_COLUMNS, k);
	const headers = ['STT', c('name'), c('shortCode'), c('kind'), c('parent'), c('address'), c('email'), c('phone'), c('website')];
	const rows = ordered.map((n, i) => [
		i + 1,
		n.name,
		n.shortCode,
		translate(`org_kind_${n.kind}`, {}, 'vi'),
		n.parentId === org.id ? '' : ref(byId.get(n.parentId!)!),
		n.address ?? '',
		n.email ?? '',
		n.phone ? formatPhone(n.phone) : '',
		n.website ?? ''
	]);
	return workbookOf('Đơn vị', headers, rows, [6, 48, 12, 20, 20, 50, 28, 16, 28]);
}

// ── figures for reports: no actor, the caller (a report on a campaign it has checked) scopes by path ──

/** A node as a report places it: its name, and where it stands in the tree. */
export interface OrgUnitOutline {
	id: string;
	name: string;
	path: string;
	sortOrder: number;
}

/** The number of units below the node at `orgPath` (at any depth, the node itself not counted). */
export async function countOrgUnitsBelow(db: Db, orgPath: string): Promise<number> {
	return countNodesBelow(db, orgPath);
}

/** The node at `orgPath` and every unit below it, unordered. */
export async function listOrgUnitsUnder(db: Db, orgPath: string): Promise<OrgUnitOutline[]> {
	return selectNodeOutlinesUnder(db, orgPath);
}

/** People recorded in each node of the subtree at `orgPath`; nodes with none are left out. */
export async function countPeopleByOrgUnit(db: Db, orgPath: string): Promise<Array<OrgUnitOutline & { count: number }>> {
	return countPeopleByNodeUnder(db, orgPath);
}

/** People of the subtree at `orgPath` by learner group (a person in several counts in each); groups with none left out. */
export async function countPeopleByLearnerGroup(db: Db, orgPath: string): Promise<Map<string, number>> {
	return new Map((await countPeopleByLearnerGroupUnder(db, orgPath)).map((r) => [r.group, r.count]));
}

/** People of the subtree at `orgPath` by employee category; categories with none left out. */
export async function countPeopleByCategory(db: Db, orgPath: string): Promise<Map<string, number>> {
	return new Map((await countPeopleByCategoryUnder(db, orgPath)).map((r) => [r.category, r.count]));
}
