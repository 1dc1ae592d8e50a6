import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../db/testing';
import { resetSettings } from '../core/env';
import { freezeClock } from '../core/clock';
import { systemActor } from '../auth/actor';
import { seedDemoOrganisations } from '../demo/org-2021';
import { seedDemoCampaigns } from '../demo/plan-2021';
import { listJobsByKeyPrefix } from '../jobs/service';
import { getCampaignTasks, getTask } from './service';
import { seedDemoTasks } from './seed';

const db = await createTestDb();
const files = mkdtempSync(join(tmpdir(), 'learnweek-demo-tasks-'));
beforeAll(() => {
	process.env.FILES_DIR = files;
	resetSettings();
});
afterAll(() => {
	delete process.env.FILES_DIR;
	resetSettings();
	freezeClock();
	rmSync(files, { recursive: true, force: true });
});

describe('the demo’s tasks', () => {
	it('show the 2021 follow-up on the board: on time, late, in progress and not started, with the overdue ones listed', async () => {
		const orgs = await seedDemoOrganisations(db);
		const { officeCampaign } = await seedDemoCampaigns(db, { provinceOrgId: orgs.province.id, officeOrgId: orgs.office.id });
		freezeClock(new Date('2026-11-29T03:00:00Z'));
		const tasks = await seedDemoTasks(db, { campaignId: officeCampaign.id, units: orgs.units, people: orgs.people });
		expect(tasks).toHaveLength(5);

		const { board } = await getCampaignTasks(db, systemActor(), officeCampaign.id);
		const byUnit = Object.fromEntries(board.rows.map((r) => [r.unitName, [r.total, r.done, r.onTime, r.late, r.notStarted, r.inProgress, r.overdue]]));
		expect(byUnit).toEqual({
			'Phòng Tổ chức – Hành chính – Quản trị': [1, 1, 0, 1, 0, 0, 0],
			'Phòng Tổng hợp': [1, 0, 0, 1, 0, 1, 1],
			'Phòng Khoa giáo – Văn xã': [1, 0, 0, 1, 1, 0, 1],
			'Trung tâm Thông tin': [2, 1, 1, 1, 1, 0, 1]
		});
		expect(board.overdue.map((t) => t.title)).toEqual([
			'Đăng tải tài liệu học tập số lên Cổng thông tin',
			'Tổ chức sinh hoạt chuyên đề về chuyển đổi số',
			'Báo cáo kết quả tổ chức Tuần lễ gửi Sở Giáo dục và Đào tạo'
		]);

		const publicity = await getTask(db, systemActor(), tasks[0].id);
		expect(publicity.evidence.map((e) => e.fileName)).toEqual(['bai-dang-cong-thong-tin.pdf']);
		expect(publicity.task.doneAt).toEqual(new Date('2021-09-29T08:00:00Z'));
		// Each task not done waits for one overdue reminder, now; the done ones for none that will send.
		const pending = (await Promise.all(tasks.map((t) => listJobsByKeyPrefix(db, `task-reminder:${t.id}:`)))).map((jobs) => jobs.length);
		expect(pending).toEqual([1, 1, 1, 1, 1]);
	});
});
