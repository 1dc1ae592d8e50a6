// The demo's organisations and people: the Office of the Sơn La Provincial People's Committee in
// 2021 (the issuer of the seed plan), its departments, and the Department of Education and
// Training as the supervisor. The people are invented; Lê Thị Hồng Anh signs the 2021 plan
// (KT. CHÁNH VĂN PHÒNG, PHÓ CHÁNH VĂN PHÒNG). Deterministic: no randomness, no clock.
import type { Db } from '../db/types';
import { systemActor } from '../auth/actor';
import type { EmployeeCategory, LearnerGroup, OrgKind } from '$lib/features/org/types';
import { createOrgNode, createPerson, listOrgTree, listPeople, type OrgNodeRow, type PersonRow } from '../org/service';

const ADDRESS = 'Số 1, đường Tô Hiệu, phường Tô Hiệu, tỉnh Sơn La';

interface NodeSpec {
	code: string;
	parent: string | null;
	kind: OrgKind;
	name: string;
	address?: string;
	email?: string;
	phone?: string;
	website?: string;
}

/** Listed parents first; within the Office, in the order its organisation chart lists them. */
const NODES: NodeSpec[] = [
	{ code: 'UBND', parent: null, kind: 'province', name: 'UBND tỉnh Sơn La', address: ADDRESS, email: 'ubnd@sonla.gov.vn', phone: '0212 3852 155', website: 'https://sonla.gov.vn' },
	{ code: 'VPUB', parent: 'UBND', kind: 'agency', name: 'Văn phòng UBND tỉnh', address: ADDRESS, email: 'vpubnd@sonla.gov.vn', phone: '0212 3852 187', website: 'https://vpubnd.sonla.gov.vn' },
	{ code: 'TCHCQT', parent: 'VPUB', kind: 'department', name: 'Phòng Tổ chức – Hành chính – Quản trị', address: ADDRESS, phone: '0212 3852 190' },
	{ code: 'TH', parent: 'VPUB', kind: 'department', name: 'Phòng Tổng hợp', address: ADDRESS },
	{ code: 'KT', parent: 'VPUB', kind: 'department', name: 'Phòng Kinh tế', address: ADDRESS },
	{ code: 'KGVX', parent: 'VPUB', kind: 'department', name: 'Phòng Khoa giáo – Văn xã', address: ADDRESS },
	{ code: 'NC', parent: 'VPUB', kind: 'department', name: 'Phòng Nội chính', address: ADDRESS },
	{ code: 'KSTTHC', parent: 'VPUB', kind: 'department', name: 'Phòng Kiểm soát thủ tục hành chính', address: ADDRESS },
	{ code: 'BTCD', parent: 'VPUB', kind: 'department', name: 'Ban Tiếp công dân', address: 'Số 8, đường Tô Hiệu, phường Tô Hiệu, tỉnh Sơn La' },
	{ code: 'TTTT', parent: 'VPUB', kind: 'department', name: 'Trung tâm Thông tin', address: ADDRESS, email: 'tttt.vpub@sonla.gov.vn', phone: '0212 3751 666' },
	{
		code: 'TTPVHCC',
		parent: 'VPUB',
		kind: 'department',
		name: 'Trung tâm Phục vụ hành chính công',
		address: 'Số 56, đường Tô Hiệu, phường Tô Hiệu, tỉnh Sơn La',
		email: 'ttpvhcc@sonla.gov.vn',
		phone: '0212 3751 555'
	},
	{ code: 'NK', parent: 'VPUB', kind: 'department', name: 'Nhà khách UBND tỉnh', address: 'Số 3, đường Tô Hiệu, phường Tô Hiệu, tỉnh Sơn La', phone: '0212 3852 999' },
	{
		code: 'SGDDT',
		parent: 'UBND',
		kind: 'agency',
		name: 'Sở Giáo dục và Đào tạo',
		address: 'Số 36, đường Tô Hiệu, phường Tô Hiệu, tỉnh Sơn La',
		email: 'sgddt@sonla.gov.vn',
		phone: '0212 3852 302',
		website: 'https://sonla.edu.vn'
	}
];

type PersonSpec = [unit: string, family: string, middle: string, given: string, position: string, category: EmployeeCategory, groups: LearnerGroup[], phone: string];

const CBCCVC: LearnerGroup = 'can_bo_cong_chuc_vien_chuc';

/** Invented staff; Thái (Lò, Cầm, Quàng, Lường, Tòng, Điêu, Vì) and H'Mông (Giàng, Sùng, Mùa) names are common in Sơn La. */
const PEOPLE: PersonSpec[] = [
	['VPUB', 'Nguyễn', 'Đức', 'Toàn', 'Chánh Văn phòng', 'cong_chuc', [CBCCVC], '0912 345 601'],
	['VPUB', 'Lê', 'Thị Hồng', 'Anh', 'Phó Chánh Văn phòng', 'cong_chuc', [CBCCVC, 'phu_nu'], '0983 215 602'],
	['VPUB', 'Lò', 'Văn', 'Hùng', 'Phó Chánh Văn phòng', 'cong_chuc', [CBCCVC, 'dan_toc_thieu_so'], '0366 118 603'],
	['TCHCQT', 'Cầm', 'Thị', 'Ngọc', 'Trưởng phòng', 'cong_chuc', [CBCCVC, 'phu_nu', 'dan_toc_thieu_so'], '0868 240 604'],
	['TCHCQT', 'Đặng', 'Quốc', 'Khánh', 'Phó Trưởng phòng', 'cong_chuc', [CBCCVC], '0945 371 605'],
	['TCHCQT', 'Vũ', 'Thị Thu', 'Hà', 'Kế toán', 'cong_chuc', [CBCCVC, 'phu_nu'], '0704 552 606'],
	['TCHCQT', 'Bùi', 'Thị', 'Lan', 'Văn thư', 'cong_chuc', [CBCCVC, 'phu_nu'], '0857 603 607'],
	['TCHCQT', 'Quàng', 'Văn', 'Dũng', 'Lái xe', 'nguoi_lao_dong', ['nguoi_lao_dong', 'dan_toc_thieu_so'], '0399 684 608'],
	['TH', 'Trần', 'Minh', 'Tuấn', 'Trưởng phòng', 'cong_chuc', [CBCCVC], '0912 765 609'],
	['TH', 'Lường', 'Thị', 'Phương', 'Chuyên viên', 'cong_chuc', [CBCCVC, 'phu_nu', 'dan_toc_thieu_so'], '0983 846 610'],
	['TH', 'Lê', 'Văn', 'Đạt', 'Chuyên viên', 'cong_chuc', [CBCCVC], '0366 927 611'],
	['KT', 'Phạm', 'Ngọc', 'Sơn', 'Trưởng phòng', 'cong_chuc', [CBCCVC], '0868 108 612'],
	['KT', 'Giàng', 'A', 'Páo', 'Chuyên viên', 'cong_chuc', [CBCCVC, 'dan_toc_thieu_so'], '0945 289 613'],
	['KT', 'Nguyễn', 'Thị', 'Mai', 'Chuyên viên', 'cong_chuc', [CBCCVC, 'phu_nu'], '0704 360 614'],
	['KGVX', 'Hà', 'Thị Thu', 'Trang', 'Trưởng phòng', 'cong_chuc', [CBCCVC, 'phu_nu'], '0857 441 615'],
	['KGVX', 'Tòng', 'Văn', 'Kiên', 'Chuyên viên', 'cong_chuc', [CBCCVC, 'dan_toc_thieu_so'], '0399 522 616'],
	['NC', 'Lê', 'Quang', 'Vinh', 'Trưởng phòng', 'cong_chuc', [CBCCVC], '0912 603 617'],
	['NC', 'Sùng', 'Thị', 'Mỷ', 'Chuyên viên', 'cong_chuc', [CBCCVC, 'phu_nu', 'dan_toc_thieu_so'], '0983 784 618'],
	['KSTTHC', 'Nguyễn', 'Thị Thanh', 'Huyền', 'Trưởng phòng', 'cong_chuc', [CBCCVC, 'phu_nu'], '0366 865 619'],
	['KSTTHC', 'Mùa', 'A', 'Chứ', 'Chuyên viên', 'cong_chuc', [CBCCVC, 'dan_toc_thieu_so'], '0868 946 620'],
	['BTCD', 'Điêu', 'Văn', 'Thanh', 'Trưởng ban', 'cong_chuc', [CBCCVC, 'dan_toc_thieu_so'], '0945 127 621'],
	['BTCD', 'Vì', 'Thị', 'Hương', 'Chuyên viên', 'cong_chuc', [CBCCVC, 'phu_nu', 'dan_toc_thieu_so'], '0704 208 622'],
	['TTTT', 'Ngô', 'Xuân', 'Trường', 'Giám đốc', 'vien_chuc', [CBCCVC], '0857 389 623'],
	['TTTT', 'Lò', 'Thị', 'Hoa', 'Phó Giám đốc', 'vien_chuc', [CBCCVC, 'phu_nu', 'dan_toc_thieu_so'], '0399 460 624'],
	['TTTT', 'Hoàng', 'Anh', 'Tú', 'Kỹ thuật viên', 'vien_chuc', [CBCCVC], '0912 541 625'],
	['TTPVHCC', 'Đinh', 'Thị', 'Hằng', 'Phó Giám đốc', 'vien_chuc', [CBCCVC, 'phu_nu'], '0983 622 626'],
	['TTPVHCC', 'Sùng', 'A', 'Lử', 'Chuyên viên', 'vien_chuc', [CBCCVC, 'dan_toc_thieu_so'], '0366 703 627'],
	['NK', 'Cầm', 'Văn', 'Chung', 'Giám đốc', 'vien_chuc', [CBCCVC, 'dan_toc_thieu_so'], '0868 784 628'],
	['NK', 'Lò', 'Thị', 'Xuân', 'Nhân viên phục vụ', 'nguoi_lao_dong', ['nguoi_lao_dong', 'phu_nu', 'dan_toc_thieu_so'], '0945 865 629'],
	['SGDDT', 'Nguyễn', 'Văn', 'Hòa', 'Giám đốc Sở', 'cong_chuc', [CBCCVC], '0704 946 630'],
	['SGDDT', 'Quàng', 'Thị', 'Thoa', 'Trưởng phòng Giáo dục thường xuyên', 'cong_chuc', [CBCCVC, 'giao_vien', 'phu_nu', 'dan_toc_thieu_so'], '0857 127 631']
];

/** The work e-mail of the demo: given name + initials of family and middle names ("anhlth"), as many agencies make them. */
function demoEmail(family: string, middle: string, given: string): string {
	const ascii = (s: string) =>
		s
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.replace(/[đĐ]/g, 'd')
			.toLowerCase();
	const initials = [family, ...middle.split(' ').filter(Boolean)].map((w) => ascii(w)[0]).join('');
	return `${ascii(given)}${initials}@sonla.gov.vn`;
}

export interface DemoOrganisations {
	/** False when the tree was already there and is only returned. */
	created: boolean;
	province: OrgNodeRow;
	office: OrgNodeRow;
	/** Every demo node by its short code: UBND, VPUB, SGDDT and the Office's departments (TCHCQT, TTTT…). */
	units: Record<string, OrgNodeRow>;
	supervisor: OrgNodeRow;
	/** In Vietnamese staff-list order (tên, tên đệm, họ). */
	people: PersonRow[];
}

/**
 * Builds the demo tree (UBND tỉnh Sơn La → Văn phòng UBND tỉnh → its departments; Sở Giáo dục và
 * Đào tạo under the province) and 31 people, as the system. On a database that has it, returns it.
 */
export async function seedDemoOrganisations(db: Db): Promise<DemoOrganisations> {
	const actor = systemActor('demo');
	const existingRoot = (await listOrgTree(db, actor)).find((n) => n.depth === 0 && n.shortCode === 'UBND' && n.name === NODES[0].name);
	const units: Record<string, OrgNodeRow> = {};
	let created = false;
	if (existingRoot) {
		for (const n of await listOrgTree(db, actor, { rootId: existingRoot.id })) {
			const spec = NODES.find((s) => s.code === n.shortCode && s.name === n.name);
			if (spec) units[spec.code] = n;
		}
	} else {
		created = true;
		for (const spec of NODES) {
			units[spec.code] = await createOrgNode(db, actor, {
				parentId: spec.parent ? units[spec.parent].id : null,
				kind: spec.kind,
				name: spec.name,
				shortCode: spec.code,
				address: spec.address,
				email: spec.email,
				phone: spec.phone,
				website: spec.website
			});
		}
		for (const [unit, familyName, middleName, givenName, position, category, learnerGroups, phone] of PEOPLE) {
			await createPerson(db, actor, { unitId: units[unit].id, familyName, middleName, givenName, position, category, learnerGroups, phone, email: demoEmail(familyName, middleName, givenName) });
		}
	}
	const people: PersonRow[] = [];
	for (let page = 1; ; page++) {
		const result = await listPeople(db, actor, { unitId: units.UBND.id, page });
		people.push(...result.items);
		if (page * result.pageSize >= result.total) break;
	}
	return { created, province: units.UBND, office: units.VPUB, units, supervisor: units.SGDDT, people };
}
