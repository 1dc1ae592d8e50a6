// Factories for tests, e2e and the demo: clubs and threads made through the service.
import type { Db } from '../db/types';
import { systemActor, type Actor } from '../auth/actor';
import type { ClubInput } from '$lib/features/community/inputs';
import { createClub as createClubRecord, getClub, startThread, type ClubRow, type ForumPostRow, type ForumThreadRow } from './service';

const seedActor = systemActor('seed');
let counter = 0;

/** A club of `orgId` (made by the system unless `actor` is given). */
export async function createClub(db: Db, overrides: Partial<ClubInput> & { orgId: string; actor?: Actor }): Promise<ClubRow> {
	const { actor = seedActor, ...input } = overrides;
	const n = ++counter;
	return createClubRecord(db, actor, { name: `Câu lạc bộ ${n}`, description: `Giới thiệu câu lạc bộ ${n}.`, ...input });
}

/** A thread in the club's forum, by `actor` (the system unless given). */
export async function createThread(db: Db, clubId: string, options: { actor?: Actor; title?: string; body?: string } = {}): Promise<{ thread: ForumThreadRow; post: ForumPostRow; forumId: string }> {
	const { forum } = await getClub(db, seedActor, clubId);
	const n = ++counter;
	const made = await startThread(db, options.actor ?? seedActor, forum.id, { title: options.title ?? `Chủ đề ${n}`, body: options.body ?? `Nội dung chủ đề ${n}.` });
	return { ...made, forumId: forum.id };
}

/**
 * The demo's club of the Office: "Câu lạc bộ Kỹ năng số" for the 2021 Week, with a thread in its
 * forum asking members to share how they learn digital skills.
 */
export async function seedDemoCommunity(db: Db, demo: { officeOrgId: string; campaignId: string }): Promise<{ club: ClubRow; thread: ForumThreadRow }> {
	// The thread is signed by the Week's organisers, as it appears on the forum.
	const actor = systemActor('Ban tổ chức Tuần lễ');
	const club = await createClubRecord(db, actor, {
		name: 'Câu lạc bộ Kỹ năng số',
		description: 'Nơi cán bộ, công chức, viên chức và người dân cùng học và chia sẻ kỹ năng số trong Tuần lễ hưởng ứng học tập suốt đời.',
		orgId: demo.officeOrgId,
		campaignId: demo.campaignId
	});
	const { thread } = await createThread(db, club.id, {
		actor,
		title: 'Chia sẻ cách bạn tự học kỹ năng số',
		body: 'Mời các thành viên chia sẻ tài liệu, ứng dụng và kinh nghiệm tự học kỹ năng số.\nMỗi người một bài, ngắn gọn, dễ làm theo.'
	});
	return { club, thread };
}
