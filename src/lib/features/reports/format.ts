// How the report's figures read: the sentences woven into "II. Kết quả thực hiện" and the
// appendix tables of the Báo cáo, from the statistics alone (pure, client-safe).
import type { DocumentBlock, DocumentTable } from '../documents/types';
import type { CampaignStatistics, CountRow } from './types';

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
	if (s.people.total) {
		const groups = s.people.byLearnerGroup.map((g) => `${g.label.toLocaleLowerCase('vi')} ${n(g.count)} người`).join(', ');
		lines.push(`Về đối tượng tham gia: ${n(s.people.units)} đơn vị với ${n(s.people.total)} cán bộ, công chức, viên chức, người lao động` + (groups ? `; theo nhóm đối tượng: ${groups}.` : '.'));
	}
	return lines;
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

/** "Phụ lục: Số liệu thống kê": one table per block, "chưa có dữ liệu" for blocks a later issue fills. */
export function statisticsTables(s: CampaignStatistics): DocumentBlock[] {
	const t = s.tasks;
	const blocks: DocumentBlock[] = [
		{
			kind: 'table',
			caption: 'Bảng 1. Công tác kế hoạch',
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
			caption: 'Bảng 2. Kết quả thực hiện nhiệm vụ theo đơn vị',
			header: ['TT', 'Đơn vị', 'Được giao', 'Hoàn thành', 'Đúng hạn', 'Chậm', 'Quá hạn'],
			rows: [
				...t.byUnit.map((r, i) => [String(i + 1), r.unitName, n(r.total), n(r.done), n(r.onTime), n(r.late), n(r.overdue)]),
				['', 'Tổng cộng', n(t.total), n(t.done), n(t.onTime), n(t.late), n(t.overdue)]
			],
			widths: [1, 6, 2, 2, 2, 2, 2],
			align: ['center', 'left', 'right', 'right', 'right', 'right', 'right']
		},
		countTable('Bảng 3. Cán bộ, người lao động theo đơn vị', 'Đơn vị', s.people.byUnit),
		countTable('Bảng 4. Người học theo nhóm đối tượng', 'Nhóm đối tượng', s.people.byLearnerGroup),
		countTable('Bảng 5. Cán bộ theo loại', 'Loại', s.people.byCategory),
		{
			kind: 'table',
			caption: 'Bảng 6. Các nội dung khác',
			header: ['Nội dung', 'Số liệu'],
			rows: [
				['Hoạt động theo loại hình, hình thức', 'Chưa có dữ liệu'],
				['Tuyên truyền (tin, bài, băng rôn)', 'Chưa có dữ liệu'],
				['Học liệu, nguồn lực huy động', 'Chưa có dữ liệu'],
				['Khen thưởng, biểu dương', 'Chưa có dữ liệu']
			],
			widths: [6, 3],
			align: ['left', 'right']
		}
	];
	return blocks;
}
