// How the report's figures read: the sentences woven into "II. Kết quả thực hiện" and the
// appendix tables of the Báo cáo, from the statistics alone (pure, client-safe).
import type { DocumentBlock, DocumentTable } from '../documents/types';
import { formatDate } from '../../vn/dates';
import type { ActivitiesBlock, CampaignStatistics, CountRow, ResourcesBlock } from './types';

const n = (v: number) => v.toLocaleString('vi-VN');
const pct = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 1000) / 10}`.replace('.', ',') : '0');

/** The key figures as sentences for part II, in the order of DOMAIN-VN §1.1. */
export function figureSentences(s: CampaignStatistics): string[] {
	const lines: string[] = [];
	const p = s.planning;
	lines.push(
		`Về công tác kế hoạch: ${p.reference ? `đã ban hành Kế hoạch số ${p.reference}` : 'đã xây dựng Kế hoạch tổ chức Tuần lễ'}` +
			(p.childPlans ? `; ${n(p.childPlans)} đơn vị trực thuộc đã xây dựng kế hoạch triển khai` : '') +
			(p.documentsIssued ? `; ban hành ${n(p.documentsIssued)} văn bản chỉ đạo, hướng dẫn, đôn đốc.` : '.')
	);
	const t = s.tasks;
	if (t.total) {
		lines.push(
			`Về thực hiện nhiệm vụ: giao ${n(t.total)} nhiệm vụ cho ${n(t.byUnit.length)} đơn vị; đã hoàn thành ${n(t.done)} nhiệm vụ (${pct(t.done, t.total)}%), ` +
				`trong đó ${n(t.onTime)} nhiệm vụ đúng hạn, ${n(t.late)} nhiệm vụ chậm so với thời hạn; ${n(t.overdue)} nhiệm vụ quá hạn chưa hoàn thành.`
		);
	} else lines.push('Về thực hiện nhiệm vụ: chưa giao nhiệm vụ cụ thể cho các đơn vị trên hệ thống.');
	lines.push(...activitySentences(s.activities));
	if (s.people.total) {
		const groups = s.people.byLearnerGroup.map((g) => `${g.label.toLocaleLowerCase('vi')} ${n(g.count)} người`).join(', ');
		lines.push(`Về đối tượng tham gia: ${n(s.people.units)} đơn vị với ${n(s.people.total)} cán bộ, công chức, viên chức, người lao động` + (groups ? `; theo nhóm đối tượng: ${groups}.` : '.'));
	}
	lines.push(resourceSentence(s.resources));
	return lines;
}

const lower = (label: string) => label.toLocaleLowerCase('vi');

function activitySentences(a: ActivitiesBlock): string[] {
	if (!a.total) return ['Về tổ chức hoạt động: chưa có hoạt động nào được công bố trên hệ thống.'];
	const types = a.byType.map((r) => `${lower(r.label)}: ${n(r.count)}`).join('; ');
	const modes = a.byMode.filter((r) => r.count).map((r) => `${lower(r.label)}: ${n(r.count)}`).join('; ');
	const lines = [
		`Về tổ chức hoạt động: tổ chức ${n(a.total)} hoạt động, theo loại hình (${types}), theo hình thức (${modes})` +
			(a.withPartner ? `; ${n(a.withPartner)} hoạt động phối hợp với đối tác.` : '.')
	];
	const groups = a.byLearnerGroup.map((g) => `${lower(g.label)} ${n(g.count)} người`).join(', ');
	lines.push(
		`Về kết quả tham gia: ${n(a.registered)} lượt đăng ký; ${n(a.attendance.onsite)} lượt tham dự trực tiếp và ${n(a.attendance.online)} lượt tham gia trực tuyến, với ${n(a.participants)} người tham gia` +
			(a.participants ? `; theo nhóm đối tượng: ${groups}` : '') +
			(a.training.classes ? `; ${n(a.training.completed)}/${n(a.training.registered)} học viên hoàn thành ${n(a.training.classes)} lớp tập huấn.` : '.')
	);
	return lines;
}

function resourceSentence(r: ResourcesBlock): string {
	if (!r.count) return 'Về huy động nguồn lực: chưa ghi nhận khoản tài trợ nào trên hệ thống.';
	const partners = r.byPartner.map((p) => p.name).join(', ');
	return (
		`Về huy động nguồn lực: huy động được ${n(r.moneyVnd + r.inKindVnd)} đồng từ ${n(r.byPartner.length)} đối tác (${partners}), ` +
		`gồm ${n(r.moneyVnd)} đồng tiền mặt và hiện vật trị giá ${n(r.inKindVnd)} đồng.`
	);
}

function countTable(caption: string, first: string, rows: CountRow[]): DocumentTable {
	const total = rows.reduce((a, r) => a + r.count, 0);
	return {
		kind: 'table',
		caption,
		header: ['TT', first, 'Số lượng'],
		rows: [...rows.map((r, i) => [String(i + 1), r.label, n(r.count)]), ['', 'Tổng cộng', n(total)]],
		widths: [1, 6, 2],
		align: ['center', 'left', 'right']
	};
}

/** The notes of the international forums the appendix quotes; the statistics page lists them all. */
export const APPENDIX_FORUM_NOTES = 20;

const numbers = (r: ReadonlyArray<number>) => r.map(n);

function activityTables(a: ActivitiesBlock): DocumentTable[] {
	const summary: DocumentTable = {
		kind: 'table',
		caption: 'Hoạt động và người tham gia',
		header: ['Nội dung', 'Số liệu'],
		rows: [
			['Số hoạt động đã công bố', n(a.total)],
			['Hoạt động phối hợp với đối tác', n(a.withPartner)],
			['Lượt đăng ký', n(a.registered)],
			['Lượt đăng ký trong danh sách chờ', n(a.waitlisted)],
			['Lượt tham dự trực tiếp', n(a.attendance.onsite)],
			['Lượt tham gia trực tuyến', n(a.attendance.online)],
			['Người tham gia', n(a.participants)],
			['Lớp tập huấn', n(a.training.classes)],
			['Học viên hoàn thành lớp tập huấn', n(a.training.completed)]
		],
		widths: [6, 3],
		align: ['left', 'right']
	};
	if (!a.total) return [summary];
	const units = a.byHostUnit;
	const tables: DocumentTable[] = [
		summary,
		countTable('Hoạt động theo loại hình', 'Loại hình', a.byType),
		countTable('Hoạt động theo hình thức', 'Hình thức', a.byMode),
		countTable('Người tham gia theo ngày', 'Ngày', a.byDay),
		{
			kind: 'table',
			caption: 'Hoạt động và người tham gia theo đơn vị chủ trì',
			header: ['TT', 'Đơn vị chủ trì', 'Số hoạt động', 'Đăng ký', 'Trực tiếp', 'Trực tuyến', 'Người tham gia'],
			rows: [
				...units.map((u, i) => [String(i + 1), u.unitName, ...numbers([u.activities, u.registered, u.onsite, u.online, u.participants])]),
				['', 'Tổng cộng', ...numbers([a.total, a.registered, a.attendance.onsite, a.attendance.online, a.participants])]
			],
			widths: [1, 6, 2, 2, 2, 2, 2],
			align: ['center', 'left', 'right', 'right', 'right', 'right', 'right']
		},
		countTable('Người tham gia theo nhóm đối tượng', 'Nhóm đối tượng', a.byLearnerGroup),
		{
			kind: 'table',
			caption: 'Danh sách hoạt động',
			header: ['TT', 'Tên hoạt động', 'Ngày', 'Loại hình, hình thức', 'Đơn vị chủ trì', 'Đăng ký', 'Trực tiếp', 'Trực tuyến'],
			rows: [
				...a.list.map((r, i) => [String(i + 1), r.title, formatDate(r.day), `${r.typeLabel} (${lower(r.modeLabel)})`, r.hostUnitName, ...numbers([r.registered, r.onsite, r.online])]),
				['', 'Tổng cộng', '', '', '', ...numbers([a.registered, a.attendance.onsite, a.attendance.online])]
			],
			widths: [1, 6, 3, 4, 4, 2, 2, 2],
			align: ['center', 'left', 'center', 'left', 'left', 'right', 'right', 'right']
		}
	];
	if (a.forumNotes.length) {
		const quoted = a.forumNotes.slice(0, APPENDIX_FORUM_NOTES);
		tables.push({
			kind: 'table',
			caption: 'Ý kiến chia sẻ tại diễn đàn quốc tế',
			header: ['TT', 'Hoạt động', 'Người viết', 'Nội dung chia sẻ'],
			rows: quoted.map((f, i) => [String(i + 1), f.activityTitle, f.name, f.note]),
			widths: [1, 4, 3, 8],
			align: ['center', 'left', 'left', 'left']
		});
	}
	return tables;
}

function resourcesTable(r: ResourcesBlock): DocumentTable {
	return {
		kind: 'table',
		caption: 'Nguồn lực huy động (đồng)',
		header: ['TT', 'Đối tác', 'Tiền mặt', 'Hiện vật quy đổi', 'Tổng giá trị'],
		rows: [
			...r.byPartner.map((p, i) => [String(i + 1), p.name, ...numbers([p.moneyVnd, p.inKindVnd, p.moneyVnd + p.inKindVnd])]),
			['', `Tổng cộng (${n(r.count)} lượt tài trợ)`, ...numbers([r.moneyVnd, r.inKindVnd, r.moneyVnd + r.inKindVnd])]
		],
		widths: [1, 6, 3, 3, 3],
		align: ['center', 'left', 'right', 'right', 'right']
	};
}

/** "Phụ lục: Số liệu thống kê": one table or more per block, numbered in order; "Chưa có dữ liệu" for blocks a later issue fills. */
export function statisticsTables(s: CampaignStatistics): DocumentBlock[] {
	const t = s.tasks;
	const tables: DocumentTable[] = [
		{
			kind: 'table',
			caption: 'Công tác kế hoạch',
			header: ['Nội dung', 'Số liệu'],
			rows: [
				['Kế hoạch tổ chức Tuần lễ', s.planning.reference || 'Chưa có số'],
				['Số đơn vị trực thuộc xây dựng kế hoạch', n(s.planning.childPlans)],
				['Số văn bản đã ban hành', n(s.planning.documentsIssued)]
			],
			widths: [6, 3],
			align: ['left', 'right']
		},
		{
			kind: 'table',
			caption: 'Kết quả thực hiện nhiệm vụ theo đơn vị',
			header: ['TT', 'Đơn vị', 'Được giao', 'Hoàn thành', 'Đúng hạn', 'Chậm', 'Quá hạn'],
			rows: [
				...t.byUnit.map((r, i) => [String(i + 1), r.unitName, ...numbers([r.total, r.done, r.onTime, r.late, r.overdue])]),
				['', 'Tổng cộng', ...numbers([t.total, t.done, t.onTime, t.late, t.overdue])]
			],
			widths: [1, 6, 2, 2, 2, 2, 2],
			align: ['center', 'left', 'right', 'right', 'right', 'right', 'right']
		},
		countTable('Cán bộ, người lao động theo đơn vị', 'Đơn vị', s.people.byUnit),
		countTable('Người học theo nhóm đối tượng', 'Nhóm đối tượng', s.people.byLearnerGroup),
		countTable('Cán bộ theo loại', 'Loại', s.people.byCategory),
		...activityTables(s.activities),
		resourcesTable(s.resources),
		{
			kind: 'table',
			caption: 'Các nội dung khác',
			header: ['Nội dung', 'Số liệu'],
			rows: [
				['Tuyên truyền (tin, bài, băng rôn)', 'Chưa có dữ liệu'],
				['Học liệu (thư viện, tủ sách, khóa học trực tuyến)', 'Chưa có dữ liệu'],
				['Khen thưởng, biểu dương', 'Chưa có dữ liệu']
			],
			widths: [6, 3],
			align: ['left', 'right']
		}
	];
	return tables.map((table, i) => ({ ...table, caption: `Bảng ${i + 1}. ${table.caption}` }));
}
