// How organisation values are shown. Labels are message keys: pages pass them to `m[key]()`
// (or the server's translate) so they come out in the reader's language.
import { fullName, type PersonName } from '$lib/vn/names';
import { formatPhone } from '$lib/vn/phone';
import type { EmployeeCategory, LearnerGroup, OrgKind, OrgRole } from './types';

/** Message key of a node kind: org_kind_agency → "Cơ quan, sở, ngành" / "Agency". */
export function orgKindLabelKey(kind: OrgKind): `org_kind_${OrgKind}` {
	return `org_kind_${kind}`;
}

/** Message key of an employee category: org_category_cong_chuc → "Công chức" / "Civil servant". */
export function employeeCategoryLabelKey(category: EmployeeCategory): `org_category_${EmployeeCategory}` {
	return `org_category_${category}`;
}

/** Message key of a learner group: org_learner_group_phu_nu → "Phụ nữ" / "Women". */
export function learnerGroupLabelKey(group: LearnerGroup): `org_learner_group_${LearnerGroup}` {
	return `org_learner_group_${group}`;
}

/** Message key of a role (role_administrator…). */
export function roleLabelKey(role: OrgRole): `role_${OrgRole}` {
	return `role_${role}`;
}

/** "Lê Thị Hồng Anh": họ, tên đệm, tên in Vietnamese order. */
export function personDisplayName(p: PersonName): string {
	return fullName(p);
}

/** A stored E.164 phone as people read it ("0912 345 678"); empty when there is none. */
export function displayPhone(e164: string | null | undefined): string {
	return e164 ? formatPhone(e164) : '';
}
