// Factories for tests, e2e, the bench and the demo: resources made through the service, as staff would.
import type { Db } from '../db/types';
import { systemActor, type Actor } from '../auth/actor';
import type { ResourceInput } from '$lib/features/library/inputs';
import { createResource as createResourceRecord, saveLearningPath, type ResourceUpload } from './service';
import type { LibraryResourceRow } from './tables';

const seedActor = systemActor('seed');
let counter = 0;

export type ResourceOverrides = Partial<ResourceInput> & {
	orgId: string;
	actor?: Actor;
	file?: ResourceUpload;
};

/** A published link resource of `orgId` (by the system unless `actor` is given). */
export async function createResource(db: Db, overrides: ResourceOverrides): Promise<LibraryResourceRow> {
	const { orgId, actor = seedActor, file, ...input } = overrides;
	const n = ++counter;
	return createResourceRecord(
		db,
		actor,
		orgId,
		{ kind: 'link', title: `Tài liệu ${n}`, description: `Mô tả tài liệu ${n}.`, url: file ? undefined : `https://example.vn/tai-lieu-${n}`, status: 'published', ...input },
		file
	);
}

/** The demo library of the Office: a few published resources for learners and one learning path. */
export async function seedDemoLibrary(db: Db, options: { officeOrgId: string }): Promise<LibraryResourceRow[]> {
	const orgId = options.officeOrgId;
	const resources = [
		await createResource(db, {
			orgId,
			kind: 'online_course',
			title: 'Kỹ năng học tập suốt đời cho cán bộ, công chức',
			description: 'Khóa học trực tuyến về tự học, lập kế hoạch học tập và chia sẻ tri thức trong cơ quan.',
			learnerGroups: ['can_bo_cong_chuc_vien_chuc'],
			themes: 'học tập suốt đời, tự học',
			competenceAreas: ['data_information', 'problem_solving'],
			durationMinutes: 90,
			licence: 'CC BY 4.0',
			source: 'Văn phòng UBND tỉnh Sơn La',
			url: 'https://binhdanhocvuso.gov.vn'
		}),
		await createResource(db, {
			orgId,
			kind: 'video',
			title: 'An toàn thông tin khi dùng điện thoại thông minh',
			description: 'Video hướng dẫn đặt mật khẩu, nhận biết tin nhắn lừa đảo và bảo vệ dữ liệu cá nhân.',
			learnerGroups: ['nguoi_dan', 'nguoi_cao_tuoi'],
			themes: 'an toàn số, chuyển đổi số',
			competenceAreas: ['safety'],
			durationMinutes: 15,
			source: 'Trung tâm Thông tin',
			url: 'https://www.youtube-nocookie.com/embed/demo'
		}),
		await createResource(db, {
			orgId,
			kind: 'document',
			title: 'Sổ tay sử dụng dịch vụ công trực tuyến (tiếng Thái)',
			description: 'Tài liệu song ngữ Việt – Thái hướng dẫn nộp hồ sơ trên Cổng dịch vụ công.',
			learnerGroups: ['dan_toc_thieu_so', 'nguoi_dan'],
			themes: 'dịch vụ công, bình dân học vụ số',
			competenceAreas: ['communication_collaboration'],
			language: 'thai',
			durationMinutes: 30,
			source: 'Văn phòng UBND tỉnh Sơn La',
			url: 'https://dichvucong.gov.vn'
		}),
		await createResource(db, {
			orgId,
			kind: 'ebook',
			title: 'Ứng dụng trí tuệ nhân tạo trong công việc văn phòng',
			description: 'Sách điện tử giới thiệu cách dùng AI tạo sinh an toàn, có trách nhiệm.',
			learnerGroups: ['can_bo_cong_chuc_vien_chuc', 'giao_vien'],
			themes: 'trí tuệ nhân tạo',
			competenceAreas: ['artificial_intelligence', 'content_creation'],
			durationMinutes: 120,
			licence: 'Lưu hành nội bộ',
			url: 'https://example.vn/sach-ai'
		})
	];
	await saveLearningPath(db, seedActor, orgId, {
		learnerGroup: 'can_bo_cong_chuc_vien_chuc',
		title: 'Lộ trình kỹ năng số cho cán bộ, công chức',
		description: 'Bắt đầu từ tự học, tiếp đến an toàn thông tin và ứng dụng AI.',
		resourceIds: [resources[0].id, resources[1].id, resources[3].id]
	});
	return resources;
}
