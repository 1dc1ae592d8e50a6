import { describe, expect, it } from 'vitest';
import { systemActor, type Actor, type Role } from '../auth/actor';
import { campaignTakesTasks, canAssignTask, canManageCampaignTasks, canReadCampaignTasks, canReadTask, canRemindTask, canReportTaskProgress, type TaskResource } from './policy';

const OFFICE = '/ubnd/vpub/';
const TTTT = '/ubnd/vpub/tttt/';
const TH = '/ubnd/vpub/th/';
const as = (role: Role, path: string, userId = `u-${role}-${path}`): Actor => ({ kind: 'user', userId, grants: [{ role, orgId: path, orgPath: path }] });

const unitTask: TaskResource = { campaignOrgPath: OFFICE, unitPath: TTTT, personUserId: null, assignedToPerson: false };
const personTask: TaskResource = { campaignOrgPath: OFFICE, unitPath: TTTT, personUserId: 'u-tu', assignedToPerson: true };

describe('tasks policy', () => {
	it('lets coordinators of the campaign’s node or above manage its tasks, and no one else', () => {
		expect(canManageCampaignTasks(as('coordinator', OFFICE), { orgPath: OFFICE })).toBe(true);
		expect(canManageCampaignTasks(as('coordinator', '/ubnd/'), { orgPath: OFFICE })).toBe(true);
		expect(canManageCampaignTasks(systemActor(), { orgPath: OFFICE })).toBe(true);
		for (const role of ['administrator', 'unit_leader', 'supervisor', 'staff'] as Role[]) expect(canManageCampaignTasks(as(role, OFFICE), { orgPath: OFFICE })).toBe(false);
		expect(canManageCampaignTasks(as('coordinator', TTTT), { orgPath: OFFICE })).toBe(false);
	});

	it('shows the board to coordinators, unit leaders and supervisors of the campaign’s node, not to staff', () => {
		for (const role of ['coordinator', 'unit_leader', 'supervisor'] as Role[]) expect(canReadCampaignTasks(as(role, OFFICE), { orgPath: OFFICE })).toBe(true);
		expect(canReadCampaignTasks(as('staff', OFFICE), { orgPath: OFFICE })).toBe(false);
		expect(canReadCampaignTasks(as('unit_leader', TTTT), { orgPath: OFFICE })).toBe(false);
	});

	it('lets the unit’s staff report on a task given to the unit, but only the person (and leaders) on a task given to a person', () => {
		expect(canReportTaskProgress(as('staff', TTTT), unitTask)).toBe(true);
		expect(canReportTaskProgress(as('staff', TTTT), personTask)).toBe(false);
		expect(canReportTaskProgress(as('staff', TTTT, 'u-tu'), personTask)).toBe(true);
		expect(canReportTaskProgress({ kind: 'user', userId: 'u-tu', grants: [] }, personTask)).toBe(true);
		expect(canReportTaskProgress(as('unit_leader', TTTT), personTask)).toBe(true);
		expect(canReportTaskProgress(as('unit_leader', OFFICE), unitTask)).toBe(true);
		expect(canReportTaskProgress(as('staff', TH), unitTask)).toBe(false);
		expect(canReportTaskProgress(as('coordinator', OFFICE), unitTask)).toBe(false);
		expect(canReportTaskProgress(as('supervisor', OFFICE), unitTask)).toBe(false);
	});

	it('lets leaders of the unit and coordinators re-assign and urge; not staff nor other units’ leaders', () => {
		for (const can of [canAssignTask, canRemindTask]) {
			expect(can(as('unit_leader', TTTT), unitTask)).toBe(true);
			expect(can(as('coordinator', OFFICE), unitTask)).toBe(true);
			expect(can(as('staff', TTTT), unitTask)).toBe(false);
			expect(can(as('unit_leader', TH), unitTask)).toBe(false);
			expect(can(as('supervisor', OFFICE), unitTask)).toBe(false);
		}
	});

	it('hides a task from other units’ staff and from anonymous visitors', () => {
		expect(canReadTask(as('staff', TH), unitTask)).toBe(false);
		expect(canReadTask({ kind: 'anonymous', grants: [] }, unitTask)).toBe(false);
		expect(canReadTask(as('staff', TTTT), personTask)).toBe(true);
		expect(canReadTask({ kind: 'user', userId: 'u-tu', grants: [] }, personTask)).toBe(true);
	});

	it('gives tasks only on approved plans or later', () => {
		expect(campaignTakesTasks({ status: 'draft' })).toBe(false);
		expect(campaignTakesTasks({ status: 'submitted' })).toBe(false);
		for (const status of ['approved', 'issued', 'running', 'closed'] as const) expect(campaignTakesTasks({ status })).toBe(true);
	});
});
