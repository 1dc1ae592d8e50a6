// How the cells of an imported list become the domain's values: categories, kinds, learner
// groups, phones and unit references, accepted in Vietnamese or English, with or without marks.
import { translate } from '../../core/http';
import { normalizePhone } from '$lib/vn/phone';
import { foldVietnamese } from '$lib/vn/text';
import { emailField } from '$lib/features/org/inputs';
import { EMPLOYEE_CATEGORIES, LEARNER_GROUPS, ORG_KINDS, type EmployeeCategory, type LearnerGroup, type OrgKind } from '$lib/features/org/types';
import type { OrgNodeRow } from '../tables';
import { headerKey } from './read-upload';

/** A lookup from folded words to a value: the value itself, its labels in both languages, and common synonyms. */
function lookupOf<T extends string>(values: readonly T[], labelKey: (v: T) => string, synonyms: Partial<Record<T, string[]>>): Map<string, T> {
	const map = new Map<string, T>();
	for (const v of values) {
		for (const name of [v, translate(labelKey(v), {}, 'vi'), translate(labelKey(v), {}, 'en'), ...(synonyms[v] ?? [])]) map.set(headerKey(name), v);
	}
	return map;
}

let categories: Map<string, EmployeeCategory> | undefined;
let kinds: Map<string, OrgKind> | undefined;
let groups: Map<string, LearnerGroup> | undefined;

/** "Công chức", "cong chuc", "Civil servant" → cong_chuc; empty → other; unknown → undefined. */
export function parseCategory(value: string): EmployeeCategory | undefined {
	if (!value) return 'other';
	categories ??= lookupOf(EMPLOYEE_CATEGORIES, (v) => `org_category_${v}`, {
		cong_chuc: ['cc', 'ngach cong chuc'],
		vien_chuc: ['vc', 'public servant'],
		nguoi_lao_dong: ['lao dong', 'hop dong', 'hop dong lao dong', 'nld', 'employee', 'contract staff'],
		other: ['khac']
	});
	return categories.get(headerKey(value));
}

/** "Phòng", "Sở", "Trường học", "school" → the node kind; empty → department; unknown → undefined. */
export function parseKind(value: string): OrgKind | undefined {
	if (!value) return 'department';
	kinds ??= lookupOf(ORG_KINDS, (v) => `org_kind_${v}`, {
		province: ['tinh', 'thanh pho', 'ubnd tinh', 'city'],
		agency: ['co quan', 'so', 'ban nganh', 'so ban nganh', 'co quan chuyen mon'],
		department: ['phong', 'ban', 'phong ban', 'don vi', 'trung tam', 'unit', 'don vi truc thuoc'],
		school: ['truong', 'truong hoc'],
		commune: ['xa', 'phuong', 'xa phuong', 'thi tran', 'ward'],
		enterprise: ['doanh nghiep', 'cong ty', 'company'],
		media: ['bao', 'bao chi', 'truyen thong', 'dai phat thanh truyen hinh'],
		other: ['khac']
	});
	return kinds.get(headerKey(value));
}

/**
 * "Cán bộ, công chức, viên chức; Phụ nữ" → [can_bo_cong_chuc_vien_chuc, phu_nu]. Items are separated
 * by ';' or ',', but a label may itself hold commas, so the longest run of pieces that names a group wins.
 */
export function parseLearnerGroups(value: string): { groups: LearnerGroup[]; unknown: string[] } {
	groups ??= lookupOf(LEARNER_GROUPS, (v) => `org_learner_group_${v}`, {
		can_bo_cong_chuc_vien_chuc: ['cbccvc', 'can bo cong chuc', 'cong chuc vien chuc', 'can bo'],
		hoc_sinh_sinh_vien: ['hoc sinh', 'sinh vien', 'hssv', 'hoc vien'],
		dan_toc_thieu_so: ['dan toc thieu so', 'dtts'],
		nguoi_cao_tuoi: ['cao tuoi'],
		tre_em: ['thieu nhi'],
		nguoi_khuyet_tat: ['khuyet tat']
	});
	const pieces = value
		.split(/[;,\n]/)
		.map((p) => p.trim())
		.filter(Boolean);
	const found: LearnerGroup[] = [];
	const unknown: string[] = [];
	for (let i = 0; i < pieces.length; ) {
		let matched = 0;
		for (let len = Math.min(4, pieces.length - i); len >= 1 && !matched; len--) {
			const g = groups.get(headerKey(pieces.slice(i, i + len).join(' ')));
			if (g) {
				if (!found.includes(g)) found.push(g);
				matched = len;
			}
		}
		if (!matched) unknown.push(pieces[i]);
		i += matched || 1;
	}
	return { groups: found, unknown };
}

/**
 * A phone as lists hold it: Excel drops the leading 0 of a number cell ("912345678") and a
 * leading apostrophe forces text ("'0912…"); both are accepted. Undefined when not a phone.
 */
export function parseImportedPhone(value: string): string | undefined {
	const compact = value.replace(/^'/, '').replace(/[\s.\-()]/g, '');
	const withZero = /^[35789]\d{8}$/.test(compact) || /^2\d{9}$/.test(compact) ? `0${compact}` : compact;
	return normalizePhone(withZero);
}

/** A lower-cased e-mail, or undefined when it is not one. */
export function parseImportedEmail(value: string): string | undefined {
	const r = emailField.safeParse(value);
	return r.success && r.data ? r.data : undefined;
}

export type UnitMatch = { node: OrgNodeRow } | { error: 'org_import_unknown_unit' | 'org_import_ambiguous_unit' };

/** Finds units of an organisation's subtree by short code or name, without regard to case or marks. */
export class UnitResolver {
	private byKey = new Map<string, OrgNodeRow[]>();

	constructor(nodes: OrgNodeRow[]) {
		for (const n of nodes) {
			for (const key of new Set([headerKey(n.shortCode), headerKey(n.name)])) {
				const list = this.byKey.get(key) ?? [];
				list.push(n);
				this.byKey.set(key, list);
			}
		}
	}

	/** The one unit `ref` names (its code or its name); an error key when none or several match. */
	resolve(ref: string): UnitMatch {
		const matches = this.byKey.get(headerKey(ref)) ?? [];
		// A code is unique among siblings only, so a code alone may name two units of a large tree.
		const distinct = [...new Map(matches.map((n) => [n.id, n])).values()];
		if (distinct.length === 1) return { node: distinct[0] };
		return { error: distinct.length ? 'org_import_ambiguous_unit' : 'org_import_unknown_unit' };
	}

	/** How many units `ref` names. */
	count(ref: string): number {
		return new Set((this.byKey.get(headerKey(ref)) ?? []).map((n) => n.id)).size;
	}
}

/** The folded full name used to spot the same person twice. */
export function nameKey(p: { familyName: string; middleName: string; givenName: string }): string {
	return foldVietnamese(`${p.familyName} ${p.middleName} ${p.givenName}`);
}
