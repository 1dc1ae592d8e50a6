// The closed lists of the organisation domain, safe for the browser. The server's enums in
// server/org/tables.ts hold the same values (a test keeps the two in step).

export const ORG_KINDS = ['province', 'agency', 'department', 'school', 'commune', 'enterprise', 'media', 'other'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** Công chức, viên chức, người lao động (Law on Cadres and Civil Servants; Law on Public Employees), or other. */
export const EMPLOYEE_CATEGORIES = ['cong_chuc', 'vien_chuc', 'nguoi_lao_dong', 'other'] as const;
export type EmployeeCategory = (typeof EMPLOYEE_CATEGORIES)[number];

/** Nhóm đối tượng người học: the groups a Lifelong Learning Week plan and its report count learners by. */
export const LEARNER_GROUPS = [
	'can_bo_cong_chuc_vien_chuc',
	'giao_vien',
	'hoc_sinh_sinh_vien',
	'nguoi_lao_dong',
	'nguoi_dan',
	'phu_nu',
	'nguoi_cao_tuoi',
	'dan_toc_thieu_so',
	'nguoi_khuyet_tat',
	'tre_em'
] as const;
export type LearnerGroup = (typeof LEARNER_GROUPS)[number];

export const IMPORT_KINDS = ['units', 'people'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * A column of an import file. `header` is what an export writes (Vietnamese); `aliases` are
 * further headers accepted, compared after folding diacritics and punctuation ("Ho va ten",
 * "HỌ VÀ TÊN" and "Họ và tên" are one column).
 */
export interface ImportColumn {
	key: string;
	header: string;
	aliases: readonly string[];
}

export const PEOPLE_COLUMNS = [
	{ key: 'familyName', header: 'Họ', aliases: ['family name', 'last name', 'surname'] },
	{ key: 'middleName', header: 'Tên đệm', aliases: ['tên lót', 'middle name'] },
	{ key: 'givenName', header: 'Tên', aliases: ['given name', 'first name'] },
	{ key: 'fullName', header: 'Họ và tên', aliases: ['họ tên', 'full name', 'name'] },
	{ key: 'position', header: 'Chức vụ', aliases: ['chức danh', 'position', 'job title', 'title'] },
	{ key: 'category', header: 'Loại', aliases: ['ngạch', 'loại cán bộ', 'loại nhân sự', 'category', 'employee category'] },
	{ key: 'learnerGroups', header: 'Nhóm người học', aliases: ['nhóm đối tượng', 'learner groups', 'learner group'] },
	{ key: 'unit', header: 'Đơn vị', aliases: ['đơn vị công tác', 'phòng ban', 'phòng, ban', 'unit', 'department'] },
	{ key: 'email', header: 'Email', aliases: ['e-mail', 'thư điện tử', 'địa chỉ email'] },
	{ key: 'phone', header: 'Điện thoại', aliases: ['số điện thoại', 'điện thoại di động', 'sđt', 'phone', 'mobile', 'phone number'] }
] as const satisfies readonly ImportColumn[];

export const UNIT_COLUMNS = [
	{ key: 'name', header: 'Tên đơn vị', aliases: ['tên cơ quan', 'tên', 'name', 'unit name', 'unit'] },
	{ key: 'shortCode', header: 'Mã', aliases: ['mã đơn vị', 'ký hiệu', 'viết tắt', 'short code', 'code'] },
	{ key: 'kind', header: 'Loại', aliases: ['loại đơn vị', 'kind', 'type'] },
	{ key: 'parent', header: 'Đơn vị cấp trên', aliases: ['trực thuộc', 'cấp trên', 'parent', 'parent unit'] },
	{ key: 'address', header: 'Địa chỉ', aliases: ['address'] },
	{ key: 'email', header: 'Email', aliases: ['e-mail', 'thư điện tử'] },
	{ key: 'phone', header: 'Điện thoại', aliases: ['số điện thoại', 'sđt', 'phone'] },
	{ key: 'website', header: 'Website', aliases: ['trang thông tin điện tử', 'cổng thông tin', 'web'] }
] as const satisfies readonly ImportColumn[];

/** Roles granted on a node (the same list as the server's `role` enum). */
export const ORG_ROLES = ['administrator', 'coordinator', 'unit_leader', 'staff', 'reviewer', 'partner', 'supervisor'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];
