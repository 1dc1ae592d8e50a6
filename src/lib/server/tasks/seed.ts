// Factories for tests, e2e and the demo: tasks made through the service, as a coordinator would.
import type { Db } from '../db/types';
import { systemActor, type Actor } from '../auth/actor';
import type { TaskInput, TaskProgressInput } from '$lib/features/tasks/inputs';
import { createTask as createTaskRecord, reportTaskProgress, type EvidenceUpload, type TaskRow } from './service';
import { recordTaskProgress } from './service/report-progress';

const seedActor = systemActor('seed');
let counter = 0;

export type TaskOverrides = Partial<TaskInput> & {
	campaignId: string;
	/** Who gives the task (default the system). */
	actor?: Actor;
};

/** A task of `campaignId` for `unitId` or `personId` (one is required), due on the Week's last day of 2021 unless `dueOn` is given. */
export async function createTask(db: Db, overrides: TaskOverrides): Promise<TaskRow> {
	const { campaignId, actor = seedActor, ...input } = overrides;
	const n = ++counter;
	return createTaskRecord(db, actor, campaignId, { title: `Nhiệm vụ ${n}`, description: `Nội dung nhiệm vụ ${n}.`, dueOn: '2021-10-07', ...input });
}

/** A small PDF for evidence in tests and the demo. */
export function samplePdf(text = 'Minh chứng'): Uint8Array {
	return new TextEncoder().encode(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

/** A progress report on a task (by the system unless `actor` is given). */
export async function reportProgress(db: Db, taskId: string, input: TaskProgressInput, options: { actor?: Actor; files?: EvidenceUpload[] } = {}) {
	return reportTaskProgress(db, options.actor ?? seedActor, taskId, input, options.files ?? []);
}

/**
 * The demo's follow-up of the Office's 2021 plan, as it stood after the Week: publicity done on
 * time with its evidence, the urging duty done late, the report in progress and a study session
 * never started (both overdue), and a task of one person of the Information Centre overdue too.
 * The history is dated in 2021, as it happened. `units` are the demo's nodes by short code
 * (TTTT, TCHCQT, TH, KGVX…), `people` its staff.
 */
export async function seedDemoTasks(
	db: Db,
	demo: { campaignId: string; units: Record<string, { id: string }>; people: Array<{ id: string; unitId: string; familyName: string; givenName: string }> }
): Promise<TaskRow[]> {
	const actor = systemActor('demo');
	const unit = (code: string) => {
		const u = demo.units[code];
		if (!u) throw new Error(`the demo has no unit ${code}`);
		return u.id;
	};
	const tu = demo.people.find((p) => p.unitId === unit('TTTT') && p.familyName === 'Hoàng' && p.givenName === 'Tú');
	const make = (input: Omit<TaskInput, 'dutyIndex'> & { dutyIndex?: number }) => createTaskRecord(db, actor, demo.campaignId, input);
	const at = (iso: string) => new Date(iso);

	const publicity = await make({
		title: 'Tuyên truyền Tuần lễ trên Cổng thông tin điện tử của Văn phòng',
		description: 'Đăng tin, bài, băng rôn điện tử hưởng ứng Tuần lễ học tập suốt đời năm 2021 trên Cổng thông tin điện tử.',
		dueOn: '2021-09-30',
		evidenceRequired: true,
		evidenceNote: 'Ảnh chụp màn hình hoặc bản in bài đăng',
		unitId: unit('TTTT')
	});
	await recordTaskProgress(db, actor, publicity.id, { status: 'in_progress', percent: 40, note: 'Đã đăng tin thông báo Kế hoạch.' }, [], at('2021-09-20T03:00:00Z'));
	await recordTaskProgress(db, actor, publicity.id, { status: 'done', note: 'Đã đăng 3 bài và băng rôn điện tử.' }, [{ name: 'bai-dang-cong-thong-tin.pdf', bytes: samplePdf('Bài đăng') }], at('2021-09-29T08:00:00Z'));

	const urging = await make({
		title: 'Đôn đốc các phòng, ban, đơn vị triển khai Tuần lễ',
		description: 'Đôn đốc các phòng, ban, đơn vị tổ chức triển khai Tuần lễ hưởng ứng học tập suốt đời năm 2021.',
		dueOn: '2021-10-01',
		unitId: unit('TCHCQT'),
		dutyIndex: 1
	});
	await recordTaskProgress(db, actor, urging.id, { status: 'done', note: 'Đã gửi công văn đôn đốc tới các đơn vị.' }, [], at('2021-10-04T02:30:00Z'));

	const report = await make({
		title: 'Báo cáo kết quả tổ chức Tuần lễ gửi Sở Giáo dục và Đào tạo',
		description: 'Tổng hợp kết quả các hoạt động và xây dựng Báo cáo kết quả Tuần lễ.',
		dueOn: '2021-10-15',
		evidenceRequired: true,
		evidenceNote: 'Báo cáo đã ký',
		unitId: unit('TH')
	});
	await recordTaskProgress(db, actor, report.id, { status: 'in_progress', percent: 50, note: 'Đang tổng hợp số liệu từ các phòng.' }, [], at('2021-10-12T04:00:00Z'));

	const session = await make({
		title: 'Tổ chức sinh hoạt chuyên đề về chuyển đổi số',
		description: 'Tổ chức một buổi sinh hoạt chuyên đề về chuyển đổi số và học tập suốt đời cho công chức, viên chức.',
		dueOn: '2021-10-07',
		unitId: unit('KGVX')
	});

	const tasks = [publicity, urging, report, session];
	if (tu) {
		tasks.push(
			await make({
				title: 'Đăng tải tài liệu học tập số lên Cổng thông tin',
				description: 'Chọn và đăng tải tài liệu học tập về kỹ năng số cho cán bộ, công chức.',
				dueOn: '2021-10-05',
				personId: tu.id
			})
		);
	}
	return tasks;
}
