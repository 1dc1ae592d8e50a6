import { describe, it, expect } from 'vitest';
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
	activities: { available: false },
	publicity: { available: false },
	resources: { available: false },
	recognition: { available: false }
};

describe('report figures', () => {
	it('says no task was given and shows "Chưa có dữ liệu" for the blocks later issues fill', () => {
		expect(figureSentences(empty)).toEqual(['Về công tác kế hoạch: đã xây dựng Kế hoạch tổ chức Tuần lễ.', 'Về thực hiện nhiệm vụ: chưa giao nhiệm vụ cụ thể cho các đơn vị trên hệ thống.']);
		const last = statisticsTables(empty).at(-1);
		expect(last).toMatchObject({ kind: 'table', rows: expect.arrayContaining([['Hoạt động theo loại hình, hình thức', 'Chưa có dữ liệu']]) });
	});

	it('writes percentages with a decimal comma and totals each count table', () => {
		const s = { ...empty, tasks: { ...empty.tasks, total: 3, done: 1, onTime: 1, byUnit: [{ unitId: 'u', unitName: 'Phòng A', total: 3, done: 1, onTime: 1, late: 0, overdue: 0, pending: 2 }] } };
		expect(figureSentences(s)[1]).toContain('đã hoàn thành 1 nhiệm vụ (33,3%)');
		const people = { ...s, people: { ...s.people, units: 1, total: 1200, byUnit: [{ key: 'u', label: 'Phòng A', count: 1200 }] } };
		const table = statisticsTables(people)[2];
		expect(table).toMatchObject({ kind: 'table', rows: [['1', 'Phòng A', '1.200'], ['', 'Tổng cộng', '1.200']] });
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
