import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, draftTaskFromDuty, earliestDueDate, isDueLongAfterCampaign, matchDutyUnit, taskTimeliness, vietnamDateOf } from './format';
import { parseAssignee, taskInput, taskProgressInput } from './inputs';

describe('task dates on Vietnam’s calendar', () => {
	it('takes the calendar date in Vietnam whatever the server’s zone', () => {
		expect(vietnamDateOf(new Date('2021-10-07T16:59:59Z'))).toBe('2021-10-07');
		expect(vietnamDateOf(new Date('2021-10-07T17:00:00Z'))).toBe('2021-10-08');
		expect(addDays('2021-09-30', 1)).toBe('2021-10-01');
		expect(daysBetween('2021-10-07', '2021-10-01')).toBe(-6);
	});

	it('is overdue only from 00:00 in Vietnam the day after the due date', () => {
		const task = { dueOn: '2021-10-07', status: 'in_progress' as const, doneAt: null };
		expect(taskTimeliness(task, new Date('2021-10-07T16:59:00Z'))).toEqual({ timeliness: 'pending', daysLate: 0 });
		expect(taskTimeliness(task, new Date('2021-10-07T17:00:00Z'))).toEqual({ timeliness: 'overdue', daysLate: 1 });
		expect(taskTimeliness({ ...task, status: 'done', doneAt: '2021-10-07T16:30:00Z' }, new Date('2022-01-01'))).toEqual({ timeliness: 'on_time', daysLate: 0 });
		expect(taskTimeliness({ ...task, status: 'done', doneAt: '2021-10-09T01:00:00Z' }, new Date('2022-01-01'))).toEqual({ timeliness: 'late', daysLate: 2 });
	});

	it('allows due dates from the plan’s date (or the Week’s start for an undated plan), flagging those long after the Week', () => {
		expect(earliestDueDate({ documentDate: '2021-09-14', startsOn: '2021-10-01' })).toBe('2021-09-14');
		expect(earliestDueDate({ documentDate: null, startsOn: '2021-10-01' })).toBe('2021-10-01');
		expect(isDueLongAfterCampaign({ endsOn: '2021-10-07' }, '2021-12-06')).toBe(false);
		expect(isDueLongAfterCampaign({ endsOn: '2021-10-07' }, '2021-12-07')).toBe(true);
	});
});

describe('drafting a task from a duty', () => {
	it('titles it with the duty’s first sentence and finds the unit however its dashes are typed', () => {
		const duty = { unit: 'Phòng Tổ chức - Hành chính - Quản trị', text: 'đôn đốc các phòng, ban, đơn vị tổ chức triển khai Tuần lễ. Báo cáo kết quả.' };
		expect(draftTaskFromDuty(duty)).toEqual({ title: 'Đôn đốc các phòng, ban, đơn vị tổ chức triển khai Tuần lễ', description: `${duty.unit}: ${duty.text}` });
		const units = [{ id: 'a', name: 'Phòng Tổng hợp' }, { id: 'b', name: 'Phòng Tổ chức – Hành chính – Quản trị' }];
		expect(matchDutyUnit(duty.unit, units)?.id).toBe('b');
		expect(matchDutyUnit('Lãnh đạo các phòng, ban, đơn vị', units)).toBeUndefined();
	});
});

describe('task inputs', () => {
	it('reads the assignee select and a typed dd/mm/yyyy date', () => {
		expect(parseAssignee('unit:abc')).toEqual({ unitId: 'abc', personId: null });
		expect(parseAssignee('person:xyz')).toEqual({ personId: 'xyz' });
		expect(parseAssignee('')).toEqual({});
		expect(taskInput.parse({ title: ' Tuyên  truyền ', dueOn: '5/10/2021', unitId: 'u', evidenceRequired: 'on' })).toMatchObject({ title: 'Tuyên truyền', dueOn: '2021-10-05', evidenceRequired: true, personId: null });
	});

	it('fills a blank percent from the status and refuses the inconsistent ones', () => {
		expect(taskProgressInput.parse({ status: 'done' }).percent).toBe(100);
		expect(taskProgressInput.parse({ status: 'not_started' }).percent).toBe(0);
		expect(taskProgressInput.parse({ status: 'in_progress' }).percent).toBeNull();
		expect(taskProgressInput.safeParse({ status: 'in_progress', percent: '12.5' }).error?.issues[0].message).toBe('tasks_percent_invalid');
		expect(taskProgressInput.safeParse({ status: 'not_started', percent: '10' }).error?.issues[0].message).toBe('tasks_percent_not_started');
	});
});
