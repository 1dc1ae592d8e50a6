import { describe, it, expect } from 'vitest';
import { render } from 'svelte/server';
import StatisticsTables from './components/StatisticsTables.svelte';
import { figureSentences, statisticsTables } from './format';
import { saveReportInput } from './inputs';
import type { CampaignStatistics } from './types';

const empty: CampaignStatistics = {
	campaignId: 'c',
	orgName: 'Văn phòng',
	year: 2021,
	planning: { reference: '', documentDate: null, status: 'draft', childPlans: 0, childPlansByStatus: {}, documentsIssued: 0 },
	tasks: { total: 0, done: 0, onTime: 0, late: 0, overdue: 0, pending: 0, inProgress: 0, notStarted: 0, byUnit: [] },
	people: { units: 0, total: 0, byUnit: [], byLearnerGroup: [], byCategory: [] },
	activities: {
		available: true,
		total: 0,
		withPartner: 0,
		byType: [],
		byMode: [],
		registered: 0,
		waitlisted: 0,
		attendance: { onsite: 0, online: 0 },
		participants: 0,
		byDay: [],
		byHostUnit: [],
		byLearnerGroup: [],
		training: { classes: 0, registered: 0, completed: 0 },
		forumNotes: [],
		list: []
	},
	publicity: { available: true, postsPublished: 0, channelEntries: 0, totalReach: 0, byChannel: [] },
	resources: { available: true, moneyVnd: 0, inKindVnd: 0, count: 0, byPartner: [] },
	recognition: { available: false }
};

const busy: CampaignStatistics = {
	...empty,
	activities: {
		...empty.activities,
		total: 2,
		withPartner: 1,
		byType: [
			{ key: 'seminar', label: 'Hội thảo, tọa đàm', count: 1 },
			{ key: 'training_class', label: 'Lớp tập huấn, bồi dưỡng', count: 1 }
		],
		byMode: [
			{ key: 'in_person', label: 'Trực tiếp', count: 1 },
			{ key: 'online', label: 'Trực tuyến', count: 1 },
			{ key: 'hybrid', label: 'Kết hợp trực tiếp và trực tuyến', count: 0 }
		],
		registered: 1500,
		attendance: { onsite: 20, online: 1200 },
		participants: 1210,
		byDay: [{ key: '2021-10-01', label: 'Thứ Sáu, 01/10/2021', count: 1210 }],
		byHostUnit: [{ unitId: 'u', unitName: 'Phòng A', activities: 2, registered: 1500, onsite: 20, online: 1200, participants: 1210 }],
		byLearnerGroup: [
			{ key: 'phu_nu', label: 'Phụ nữ', count: 1000 },
			{ key: 'not_stated', label: 'Không khai báo', count: 210 }
		],
		training: { classes: 1, registered: 25, completed: 18 },
		forumNotes: Array.from({ length: 25 }, (_, i) => ({ activityId: 'f', activityTitle: 'Diễn đàn', name: `Người ${i + 1}`, note: 'Học được nhiều.' })),
		list: [
			{ id: 'x', title: 'Tọa đàm', day: '2021-10-01', type: 'seminar', typeLabel: 'Hội thảo, tọa đàm', mode: 'online', modeLabel: 'Trực tuyến', hostUnitName: 'Phòng A', withPartner: false, registered: 1475, waitlisted: 0, onsite: 0, online: 1200, participants: 1200, completed: null },
			{ id: 'y', title: 'Lớp tập huấn', day: '2021-10-01', type: 'training_class', typeLabel: 'Lớp tập huấn, bồi dưỡng', mode: 'in_person', modeLabel: 'Trực tiếp', hostUnitName: 'Phòng A', withPartner: true, registered: 25, waitlisted: 0, onsite: 20, online: 0, participants: 20, completed: 18 }
		]
	},
	resources: { available: true, moneyVnd: 20_000_000, inKindVnd: 150_000_000, count: 3, byPartner: [{ partnerId: 'p', name: 'Viettel Sơn La', moneyVnd: 20_000_000, inKindVnd: 150_000_000 }] }
};

describe('report figures', () => {
	it('says no task, activity or sponsorship was recorded and shows "Chưa có dữ liệu" for the blocks later issues fill', () => {
		expect(figureSentences(empty)).toEqual([
			'Về công tác kế hoạch: đã xây dựng Kế hoạch tổ chức Tuần lễ.',
			'Về thực hiện nhiệm vụ: chưa giao nhiệm vụ cụ thể cho các đơn vị trên hệ thống.',
			'Về tổ chức hoạt động: chưa có hoạt động nào được công bố trên hệ thống.',
			'Về huy động nguồn lực: chưa ghi nhận khoản tài trợ nào trên hệ thống.'
		]);
		const tables = statisticsTables(empty);
		expect(tables.at(-1)).toMatchObject({ kind: 'table', caption: 'Bảng 8. Các nội dung khác', rows: expect.arrayContaining([['Tuyên truyền (tin, bài, băng rôn)', 'Chưa có dữ liệu']]) });
		// Without activities, one summary table (all zeros) stands for the block; the resources table has its zero totals.
		expect(tables[5]).toMatchObject({ caption: 'Bảng 6. Hoạt động và người tham gia', rows: expect.arrayContaining([['Số hoạt động đã công bố', '0']]) });
		expect(tables[6]).toMatchObject({ caption: 'Bảng 7. Nguồn lực huy động (đồng)', rows: [['', 'Tổng cộng (0 lượt tài trợ)', '0', '0', '0']] });
	});

	it('tells the activities, the participants and the resources in part II', () => {
		const lines = figureSentences(busy);
		expect(lines[2]).toBe('Về tổ chức hoạt động: tổ chức 2 hoạt động, theo loại hình (hội thảo, tọa đàm: 1; lớp tập huấn, bồi dưỡng: 1), theo hình thức (trực tiếp: 1; trực tuyến: 1); 1 hoạt động phối hợp với đối tác.');
		expect(lines[3]).toBe(
			'Về kết quả tham gia: 1.500 lượt đăng ký; 20 lượt tham dự trực tiếp và 1.200 lượt tham gia trực tuyến, với 1.210 người tham gia; theo nhóm đối tượng: phụ nữ 1.000 người, không khai báo 210 người; 18/25 học viên hoàn thành 1 lớp tập huấn.'
		);
		expect(lines.at(-1)).toBe('Về huy động nguồn lực: huy động được 170.000.000 đồng từ 1 đối tác (Viettel Sơn La), gồm 20.000.000 đồng tiền mặt và hiện vật trị giá 150.000.000 đồng.');
	});

	it('numbers the appendix tables in order and quotes at most 20 forum notes', () => {
		const tables = statisticsTables(busy) as Array<{ caption: string; rows: string[][] }>;
		expect(tables.map((t) => t.caption)).toEqual([
			'Bảng 1. Công tác kế hoạch',
			'Bảng 2. Kết quả thực hiện nhiệm vụ theo đơn vị',
			'Bảng 3. Cán bộ, người lao động theo đơn vị',
			'Bảng 4. Người học theo nhóm đối tượng',
			'Bảng 5. Cán bộ theo loại',
			'Bảng 6. Hoạt động và người tham gia',
			'Bảng 7. Hoạt động theo loại hình',
			'Bảng 8. Hoạt động theo hình thức',
			'Bảng 9. Người tham gia theo ngày',
			'Bảng 10. Hoạt động và người tham gia theo đơn vị chủ trì',
			'Bảng 11. Người tham gia theo nhóm đối tượng',
			'Bảng 12. Danh sách hoạt động',
			'Bảng 13. Ý kiến chia sẻ tại diễn đàn quốc tế',
			'Bảng 14. Nguồn lực huy động (đồng)',
			'Bảng 15. Các nội dung khác'
		]);
		expect(tables[11].rows).toEqual([
			['1', 'Tọa đàm', '01/10/2021', 'Hội thảo, tọa đàm (trực tuyến)', 'Phòng A', '1.475', '0', '1.200'],
			['2', 'Lớp tập huấn', '01/10/2021', 'Lớp tập huấn, bồi dưỡng (trực tiếp)', 'Phòng A', '25', '20', '0'],
			['', 'Tổng cộng', '', '', '', '1.500', '20', '1.200']
		]);
		expect(tables[12].rows).toHaveLength(20);
		expect(tables[13].rows).toEqual([
			['1', 'Viettel Sơn La', '20.000.000', '150.000.000', '170.000.000'],
			['', 'Tổng cộng (3 lượt tài trợ)', '20.000.000', '150.000.000', '170.000.000']
		]);
	});

	it('writes percentages with a decimal comma and totals each count table', () => {
		const s = { ...empty, tasks: { ...empty.tasks, total: 3, done: 1, onTime: 1, byUnit: [{ unitId: 'u', unitName: 'Phòng A', total: 3, done: 1, onTime: 1, late: 0, overdue: 0, pending: 2 }] } };
		expect(figureSentences(s)[1]).toContain('đã hoàn thành 1 nhiệm vụ (33,3%)');
		const people = { ...s, people: { ...s.people, units: 1, total: 1200, byUnit: [{ key: 'u', label: 'Phòng A', count: 1200 }] } };
		const table = statisticsTables(people)[2];
		expect(table).toMatchObject({ kind: 'table', rows: [['1', 'Phòng A', '1.200'], ['', 'Tổng cộng', '1.200']] });
	});
});

describe('StatisticsTables', () => {
	it('shows the activities and resources as captioned tables with row and column headers', () => {
		const { body } = render(StatisticsTables, { props: { stats: busy } });
		expect(body).toContain('Người tham gia theo ngày</caption>');
		expect(body).toContain('Danh sách hoạt động</caption>');
		expect(body).toMatch(/<th scope="row"[^>]*>Thứ Sáu, 01\/10\/2021<\/th><td[^>]*>1210<\/td>/);
		expect(body).toMatch(/<th scope="col"[^>]*>Lượt trực tiếp<\/th>/);
		expect(body).toMatch(/<th scope="row"[^>]*>Viettel Sơn La<\/th>(?:<!--[^>]*-->|\s)*<td[^>]*>20\.000\.000 đ<\/td>/);
		expect(body.match(/<th scope="row"[^>]*>Diễn đàn<\/th>/g)).toHaveLength(25);
	});

	it('says a campaign has no activity and no sponsorship yet', () => {
		const { body } = render(StatisticsTables, { props: { stats: empty } });
		expect(body).toContain('Chưa có hoạt động nào được công bố trong kế hoạch.');
		expect(body).toContain('Chưa ghi nhận khoản tài trợ nào cho kế hoạch.');
	});
});

describe('saveReportInput', () => {
	it('keeps plain paragraphs, NFC, one a line, and refuses a section over the limit', () => {
		const decomposed = 'Ho\u0323c ta\u0323\u0302p';
		const r = saveReportInput.parse({ direction: `  ${decomposed}  \r\n\r\n  b  `, results: undefined, assessment: '', proposals: null });
		expect(r.direction).toBe('Học tập\nb');
		expect(r.results).toBe('');
		const bad = saveReportInput.safeParse({ direction: 'x'.repeat(20001), results: '', assessment: '', proposals: '', version: 'abc' });
		expect(bad.success).toBe(false);
		expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['direction', 'field_too_long'],
			['version', 'field_invalid']
		]);
	});
});
