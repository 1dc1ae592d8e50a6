// Factories for tests, e2e and the demo: posts made through the service, as a unit's writer would.
import sharp from 'sharp';
import type { Db } from '../db/types';
import { systemActor, type Actor } from '../auth/actor';
import type { NewsPostInput } from '$lib/features/news/inputs';
import { createPost as createPostRecord, logPostChannel, publishPost, type CoverUpload, type NewsPostRow } from './service';

const seedActor = systemActor('seed');
let counter = 0;

export type PostOverrides = Partial<NewsPostInput> & {
	unitId: string;
	/** Who writes it (default the system). */
	actor?: Actor;
	cover?: CoverUpload;
	/** Publish it right away (as the system). */
	published?: boolean;
};

/** A draft post of `unitId` (published when `published`), titled "Bài viết n" unless `title` is given. */
export async function createPost(db: Db, overrides: PostOverrides): Promise<NewsPostRow> {
	const { unitId, actor = seedActor, cover, published, ...input } = overrides;
	const n = ++counter;
	const row = await createPostRecord(db, actor, unitId, { title: `Bài viết ${n}`, summary: `Tóm tắt bài viết ${n}.`, bodyHtml: `<p>Nội dung bài viết ${n}.</p>`, ...input }, cover);
	return published ? publishPost(db, seedActor, row.id) : row;
}

/** A small PNG image for covers in tests and the demo, `width` × `height` pixels of one colour. */
export async function samplePng(width = 1600, height = 900): Promise<Uint8Array> {
	return new Uint8Array(await sharp({ create: { width, height, channels: 3, background: '#1f3a68' } }).png().toBuffer());
}

/**
 * The demo's news of the 2021 Week: three posts of `unitId` (the Information Centre) about the
 * Office's plan `campaignId`, published on the days they tell of (when `setClock` can pin the
 * clock), the first with where it was carried (the portal and the Office's Facebook page).
 */
export async function seedDemoNews(db: Db, demo: { campaignId: string; unitId: string; setClock?: (at?: Date) => void }): Promise<NewsPostRow[]> {
	const vn = (iso: string) => new Date(`${iso}+07:00`);
	const specs: Array<{ at: string } & Required<Pick<NewsPostInput, 'title' | 'summary' | 'bodyHtml' | 'tags'>>> = [
		{
			at: '2021-10-01T11:00',
			title: 'Văn phòng UBND tỉnh phát động Tuần lễ hưởng ứng học tập suốt đời năm 2021',
			summary: 'Sáng 01/10/2021, Văn phòng UBND tỉnh Sơn La tổ chức lễ phát động Tuần lễ hưởng ứng học tập suốt đời, kết hợp trực tiếp và trực tuyến.',
			bodyHtml:
				'Lễ phát động diễn ra tại hội trường Văn phòng UBND tỉnh, kết nối trực tuyến tới các phòng, đơn vị trực thuộc.\n\nTuần lễ năm 2021 có chủ đề "Chuyển đổi số và cơ hội học tập suốt đời cho tất cả mọi người". Mỗi cán bộ, công chức, viên chức được khuyến khích đăng ký ít nhất một hoạt động học tập trong tuần.',
			tags: ['học tập suốt đời', 'Tuần lễ 2021']
		},
		{
			at: '2021-10-02T17:00',
			title: 'Tọa đàm trực tuyến về chuyển đổi số và cơ hội học tập cho mọi người',
			summary: 'Gần 20 cán bộ, người lao động tham dự tọa đàm trực tuyến chiều 02/10/2021, chia sẻ kinh nghiệm tự học kỹ năng số.',
			bodyHtml:
				'Tọa đàm do Trung tâm Thông tin chủ trì, tập trung vào các kỹ năng số thiết yếu: tìm kiếm và đánh giá thông tin, giao tiếp trực tuyến, an toàn trên mạng.\n\nCác đại biểu thống nhất xây dựng danh mục tài liệu tự học trên thư viện học tập của LearnWeek.',
			tags: ['chuyển đổi số', 'Tuần lễ 2021']
		},
		{
			at: '2021-10-06T16:00',
			title: 'Ngày hội đọc sách lan toả văn hoá đọc trong cơ quan',
			summary: 'Ngày hội đọc sách ngày 06/10/2021 thu hút học sinh, sinh viên và người dân phường Tô Hiệu.',
			bodyHtml:
				'Ngày hội giới thiệu sách về kỹ năng sống, lịch sử địa phương và chuyển đổi số, cùng các buổi đọc sách cho thiếu nhi.\n\nBan tổ chức kêu gọi mỗi người đọc ít nhất một cuốn sách trong Tuần lễ.',
			tags: ['văn hoá đọc', 'Tuần lễ 2021']
		}
	];
	const posts: NewsPostRow[] = [];
	try {
		for (const { at, ...input } of specs) {
			demo.setClock?.(vn(at));
			posts.push(await createPost(db, { ...input, unitId: demo.unitId, campaignId: demo.campaignId, published: true }));
		}
		await logPostChannel(db, seedActor, posts[0].id, { channel: 'portal', url: 'https://vpubnd.sonla.gov.vn', reach: '1250', publishedOn: '01/10/2021', note: 'Tin đăng trên Cổng thông tin điện tử của Văn phòng.' });
		await logPostChannel(db, seedActor, posts[0].id, { channel: 'facebook', url: '', reach: '3400', publishedOn: '01/10/2021', note: 'Chia sẻ trên trang Facebook của Văn phòng.' });
	} finally {
		demo.setClock?.();
	}
	return posts;
}
