import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../db/testing';
import { freezeClock } from '../core/clock';
import { anonymousActor, systemActor } from '../auth/actor';
import { findUser } from '../auth/service';
import { listAuditEntries } from '../audit/service';
import { listOutbox } from '../notifications/service';
import { listJobsByKeyPrefix } from '../jobs/service';
import * as org from '../org/seed';
import { createCampaign } from '../campaigns/seed';
import { POSTING_LIMITS } from '$lib/features/community/types';
import {
	communityJobHandlers,
	COMMUNITY_DIGEST_JOB,
	createClub,
	getClub,
	getForum,
	getThread,
	joinClub,
	leaveClub,
	liftSuspension,
	listModerationLog,
	listModerationQueue,
	openCampaignForum,
	replyToThread,
	reportPost,
	runForumDigest,
	setPostHidden,
	setThreadLocked,
	startThread,
	subscribe,
	suspendAuthor
} from './service';
import { createClub as seedClub, createThread } from './seed';

const db = await createTestDb();

const province = await org.createOrgNode(db, { kind: 'province', name: 'UBND tỉnh Sơn La', shortCode: 'UBND' });
const office = await org.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const tttt = await org.createOrgNode(db, { parentId: office.id, name: 'Trung tâm Thông tin', shortCode: 'TTTT' });
const education = await org.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Sở Giáo dục và Đào tạo', shortCode: 'SGDDT' });

const coordinator = await org.createActor(db, { role: 'coordinator', orgId: office.id }, { name: 'Điều phối', email: 'dieuphoi@sonla.gov.vn' });
const otherCoordinator = await org.createActor(db, { role: 'coordinator', orgId: education.id });
const staff = await org.createActor(db, { role: 'staff', orgId: tttt.id }, { name: 'Cán bộ TTTT' });
const learner = await org.createActor(db, [], { name: 'Người học', email: 'hocvien@sonla.gov.vn' });
const reader = await org.createActor(db, [], { name: 'Bạn đọc', email: 'bandoc@sonla.gov.vn' });
const troll = await org.createActor(db, [], { name: 'Người gây rối' });
const latecomer = await org.createActor(db, [], { name: 'Người đến muộn' });
const campaign = await createCampaign(db, { orgId: office.id, year: 2021, documentDate: '2021-09-14', status: 'approved' });

// Accounts made by the test are new; the clock starts two days later (regular limits) and moves an
// hour before each test so posting limits never carry over.
const learnerCreated = (await findUser(db, learner.userId!))!.createdAt;
let clock = new Date(learnerCreated.getTime() + 2 * 86_400_000);
beforeEach(() => {
	clock = new Date(clock.getTime() + 3_600_000);
	freezeClock(clock);
});
afterAll(() => freezeClock());

const club = await seedClub(db, { orgId: office.id, name: 'Câu lạc bộ Kỹ năng số', campaignId: campaign.id });
const { thread, forumId } = await createThread(db, club.id, { title: 'Chia sẻ cách tự học', body: 'Mời mọi người chia sẻ.' });

describe('clubs', () => {
	it('lets the staff of a unit make a club with its forum, and writes the audit entry', async () => {
		const made = await createClub(db, staff, { name: '  CLB Đọc sách  ', description: 'Đọc cùng nhau.\n\nMỗi tuần một cuốn.', orgId: tttt.id });
		expect(made).toMatchObject({ name: 'CLB Đọc sách', description: 'Đọc cùng nhau.\nMỗi tuần một cuốn.', orgId: tttt.id, orgPath: tttt.path });
		const detail = await getClub(db, anonymousActor, made.id);
		expect(detail.forum).toMatchObject({ clubId: made.id, orgId: tttt.id });
		const audit = await listAuditEntries(db, systemActor(), { entity: 'club', entityId: made.id });
		expect(audit[0]).toMatchObject({ action: 'create' });
	});

	it('refuses a club from a learner, a visitor, on an unknown node or with an empty name', async () => {
		await expect(createClub(db, learner, { name: 'CLB', orgId: office.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(createClub(db, anonymousActor, { name: 'CLB', orgId: office.id })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		await expect(createClub(db, staff, { name: 'CLB', orgId: 'nope' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { orgId: 'field_invalid' } });
		await expect(createClub(db, staff, { name: '   ', orgId: tttt.id })).rejects.toMatchObject({ code: 'VALIDATION', fields: { name: 'field_required' } });
		await expect(createClub(db, otherCoordinator, { name: 'CLB', orgId: office.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
	});

	it('lets anyone signed in join and leave, once each, and shows members only to signed-in people', async () => {
		await joinClub(db, learner, club.id);
		await joinClub(db, learner, club.id);
		let detail = await getClub(db, learner, club.id);
		expect(detail).toMatchObject({ isMember: true, memberCount: 1 });
		expect(detail.members.map((m) => m.userLabel)).toEqual(['Người học']);
		expect((await getClub(db, anonymousActor, club.id)).members).toEqual([]);
		await leaveClub(db, learner, club.id);
		detail = await getClub(db, learner, club.id);
		expect(detail).toMatchObject({ isMember: false, memberCount: 0 });
		await expect(joinClub(db, anonymousActor, club.id)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		await expect(joinClub(db, learner, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});
});

describe('forums', () => {
	it('opens one forum per campaign, the same on each visit', async () => {
		const first = await openCampaignForum(db, coordinator, campaign.id);
		const again = await openCampaignForum(db, coordinator, campaign.id);
		expect(again.id).toBe(first.id);
		expect(first).toMatchObject({ campaignId: campaign.id, orgId: office.id, clubId: null });
	});

	it('lists threads publicly and takes a reply that quotes a post', async () => {
		const first = await replyToThread(db, learner, thread.id, { body: 'Tôi học trên ứng dụng.' });
		const second = await replyToThread(db, reader, thread.id, { body: 'Cảm ơn bạn!', quotedPostId: first.id });
		const detail = await getThread(db, anonymousActor, thread.id);
		const quoting = detail.posts.find((p) => p.id === second.id)!;
		expect(quoting.quoted).toMatchObject({ id: first.id, authorLabel: 'Người học', body: 'Tôi học trên ứng dụng.' });
		expect(detail.can.post).toBe(false);
		const forum = await getForum(db, anonymousActor, forumId);
		expect(forum.threads.find((t) => t.id === thread.id)?.posts).toBeGreaterThanOrEqual(3);
	});

	it('refuses a reply from a visitor, an empty reply and a quote from another thread, keeping nothing', async () => {
		const other = await createThread(db, club.id);
		await expect(replyToThread(db, anonymousActor, thread.id, { body: 'x' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		await expect(replyToThread(db, learner, thread.id, { body: ' \n ' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { body: 'field_required' } });
		await expect(replyToThread(db, learner, thread.id, { body: 'Trích', quotedPostId: other.post.id })).rejects.toMatchObject({ code: 'VALIDATION', fields: { quotedPostId: 'field_invalid' } });
		await expect(startThread(db, learner, forumId, { title: '', body: 'Nội dung' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { title: 'field_required' } });
		await expect(replyToThread(db, learner, 'nope', { body: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it('stores XSS payloads as the plain text typed, never as markup', async () => {
		const payloads = ['<script>window.__xss=1</script>', '<img src=x onerror="window.__xss=1">', '"><svg onload=alert(1)>', 'javascript:alert(1)'];
		for (const body of payloads) {
			const post = await replyToThread(db, coordinator, thread.id, { body });
			expect(post.body).toBe(body);
		}
		const shown = (await getThread(db, anonymousActor, thread.id)).posts.map((p) => p.body);
		expect(shown).toEqual(expect.arrayContaining(payloads));
	});
});

describe('moderation', () => {
	it('lets anyone signed in report a post, and the coordinator hide it: others see it hidden, the author and moderators still read it', async () => {
		const post = await replyToThread(db, learner, thread.id, { body: 'Quảng cáo vay tiền nhanh' });
		await expect(reportPost(db, anonymousActor, post.id, { reason: 'Spam' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		await expect(reportPost(db, reader, post.id, { reason: '' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { reason: 'field_required' } });
		await reportPost(db, reader, post.id, { reason: 'Quảng cáo' });
		const queue = await listModerationQueue(db, coordinator);
		expect(queue.reports.map((r) => r.post.id)).toContain(post.id);
		await expect(listModerationQueue(db, otherCoordinator)).resolves.toMatchObject({ reports: [] });
		await expect(listModerationQueue(db, learner)).rejects.toMatchObject({ code: 'FORBIDDEN' });

		await setPostHidden(db, coordinator, post.id, true, { reason: 'Quảng cáo' });
		const asReader = (await getThread(db, reader, thread.id)).posts.find((p) => p.id === post.id)!;
		expect(asReader).toMatchObject({ hidden: true, body: '' });
		expect((await getThread(db, learner, thread.id)).posts.find((p) => p.id === post.id)).toMatchObject({ hidden: true, body: 'Quảng cáo vay tiền nhanh' });
		expect((await getThread(db, coordinator, thread.id)).posts.find((p) => p.id === post.id)).toMatchObject({ hidden: true, body: 'Quảng cáo vay tiền nhanh' });
		expect((await listModerationQueue(db, coordinator)).reports.map((r) => r.post.id)).not.toContain(post.id);
		const log = await listModerationLog(db, coordinator);
		expect(log[0]).toMatchObject({ action: 'hide', postId: post.id, targetUserId: learner.userId, actorLabel: 'Điều phối' });
		const audit = await listAuditEntries(db, systemActor(), { entity: 'forum_post', entityId: post.id });
		expect(audit[0]).toMatchObject({ action: 'hide' });
	});

	it('refuses hiding to a learner and to the coordinator of another organisation', async () => {
		const post = await replyToThread(db, learner, thread.id, { body: 'Bài bình thường' });
		await expect(setPostHidden(db, learner, post.id, true)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(setPostHidden(db, staff, post.id, true)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(setPostHidden(db, otherCoordinator, post.id, true)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(setThreadLocked(db, otherCoordinator, thread.id, true)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(suspendAuthor(db, otherCoordinator, post.id, { until: '31/12/2099', reason: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		expect((await getThread(db, reader, thread.id)).posts.find((p) => p.id === post.id)).toMatchObject({ hidden: false });
	});

	it('refuses replies in a locked thread, except from moderators, until it is unlocked', async () => {
		const locked = await createThread(db, club.id);
		await setThreadLocked(db, coordinator, locked.thread.id, true);
		await expect(replyToThread(db, learner, locked.thread.id, { body: 'Còn ai không?' })).rejects.toMatchObject({ code: 'INVALID_TRANSITION', fields: { _: 'community_thread_locked' } });
		expect((await getThread(db, learner, locked.thread.id)).can.post).toBe(false);
		await expect(replyToThread(db, coordinator, locked.thread.id, { body: 'Chủ đề đã đóng.' })).resolves.toBeTruthy();
		freezeClock(new Date(clock.getTime() + 1000));
		await setThreadLocked(db, coordinator, locked.thread.id, false);
		await expect(replyToThread(db, learner, locked.thread.id, { body: 'Cảm ơn.' })).resolves.toBeTruthy();
		expect((await listModerationLog(db, coordinator)).slice(0, 2).map((l) => l.action)).toEqual(['unlock', 'lock']);
	});

	it('suspends a post’s author from the organisation’s forums until the end of a day, then lets them post again', async () => {
		const post = await replyToThread(db, troll, thread.id, { body: 'Lời lẽ xúc phạm' });
		await expect(suspendAuthor(db, coordinator, post.id, { until: '01/01/2000', reason: 'x' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { until: 'community_until_past' } });
		await expect(suspendAuthor(db, coordinator, post.id, { until: 'mai', reason: 'x' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { until: 'field_invalid_date' } });
		const until = new Date(clock.getTime() + 3 * 86_400_000);
		const day = `${String(until.getUTCDate()).padStart(2, '0')}/${String(until.getUTCMonth() + 1).padStart(2, '0')}/${until.getUTCFullYear()}`;
		const suspension = await suspendAuthor(db, coordinator, post.id, { until: day, reason: 'Xúc phạm thành viên' });
		await expect(replyToThread(db, troll, thread.id, { body: 'Tôi muốn nói thêm' })).rejects.toMatchObject({ code: 'FORBIDDEN', fields: { _: 'community_suspended' } });
		await expect(startThread(db, troll, forumId, { title: 'Chủ đề mới', body: 'Nội dung' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		// Another organisation's forums are not the Office's to close.
		const educationClub = await seedClub(db, { orgId: education.id });
		const elsewhere = await getClub(db, troll, educationClub.id);
		await expect(startThread(db, troll, elsewhere.forum.id, { title: 'Ở nơi khác', body: 'Vẫn được đăng' })).resolves.toBeTruthy();
		await expect(liftSuspension(db, otherCoordinator, suspension.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		expect((await listModerationQueue(db, coordinator)).suspensions.map((s) => s.id)).toContain(suspension.id);
		// After the last day the suspension ends by itself.
		freezeClock(new Date(until.getTime() + 2 * 86_400_000));
		await expect(replyToThread(db, troll, thread.id, { body: 'Tôi đã trở lại' })).resolves.toBeTruthy();
		expect((await listAuditEntries(db, systemActor(), { entity: 'forum_suspension', entityId: suspension.id }))[0]).toMatchObject({ action: 'suspend' });
	});

	it('lets a moderator lift a suspension early', async () => {
		const post = await replyToThread(db, latecomer, thread.id, { body: 'Lần nữa' });
		const suspension = await suspendAuthor(db, coordinator, post.id, { until: '31/12/2099', reason: 'Nhắc nhở' });
		await expect(replyToThread(db, latecomer, thread.id, { body: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await liftSuspension(db, coordinator, suspension.id);
		await expect(replyToThread(db, latecomer, thread.id, { body: 'Đã được đăng lại' })).resolves.toBeTruthy();
	});
});

describe('posting limits', () => {
	it(`refuses the ${POSTING_LIMITS.regular.maxPosts + 1}th post within a minute, then takes it a minute later`, async () => {
		for (let i = 0; i < POSTING_LIMITS.regular.maxPosts; i++) await replyToThread(db, staff, thread.id, { body: `Bài ${i}` });
		await expect(replyToThread(db, staff, thread.id, { body: 'Một bài nữa' })).rejects.toMatchObject({
			code: 'RATE_LIMITED',
			fields: { _: 'community_rate_limited' },
			detail: { max: POSTING_LIMITS.regular.maxPosts, minutes: 1 }
		});
		freezeClock(new Date(clock.getTime() + 61_000));
		await expect(replyToThread(db, staff, thread.id, { body: 'Một bài nữa' })).resolves.toBeTruthy();
	});

	it('holds an account younger than a day to the stricter limit', async () => {
		const newcomer = await org.createActor(db, [], { name: 'Tài khoản mới' });
		const created = (await findUser(db, newcomer.userId!))!.createdAt;
		freezeClock(new Date(created.getTime() + 60_000));
		for (let i = 0; i < POSTING_LIMITS.newAccount.maxPosts; i++) await replyToThread(db, newcomer, thread.id, { body: `Chào ${i}` });
		await expect(replyToThread(db, newcomer, thread.id, { body: 'Chào nữa' })).rejects.toMatchObject({ code: 'RATE_LIMITED', fields: { _: 'community_rate_limited_new' } });
		// A minute later the regular limit would allow it; a new account still waits out its window.
		freezeClock(new Date(created.getTime() + 2 * 60_000));
		await expect(replyToThread(db, newcomer, thread.id, { body: 'Chào nữa' })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
		freezeClock(new Date(created.getTime() + 60_000 + POSTING_LIMITS.newAccount.windowSeconds * 1000 + 1000));
		await expect(replyToThread(db, newcomer, thread.id, { body: 'Chào nữa' })).resolves.toBeTruthy();
	});
});

describe('subscriptions and the digest', () => {
	it('queues the daily digest and mails each subscriber one digest of what others posted, once', async () => {
		const digestThread = await createThread(db, club.id, { title: 'Bản tin' });
		await subscribe(db, reader, { threadId: digestThread.thread.id });
		await subscribe(db, reader, { threadId: digestThread.thread.id });
		expect((await listJobsByKeyPrefix(db, 'community-digest:')).length).toBeGreaterThan(0);
		freezeClock(new Date(clock.getTime() + 1000));
		await replyToThread(db, learner, digestThread.thread.id, { body: 'Bài mới cho bản tin' });
		await replyToThread(db, reader, digestThread.thread.id, { body: 'Bài của chính tôi' });
		const hidden = await replyToThread(db, learner, digestThread.thread.id, { body: 'Bài bị ẩn' });
		await setPostHidden(db, coordinator, hidden.id, true);
		freezeClock(new Date(clock.getTime() + 60_000));
		expect(await runForumDigest(db)).toBeGreaterThanOrEqual(1);
		const mails = (await listOutbox(db, systemActor())).filter((m) => m.to === reader.email);
		expect(mails).toHaveLength(1);
		expect(mails[0].text).toContain('Bài mới cho bản tin');
		expect(mails[0].text).not.toContain('Bài của chính tôi');
		expect(mails[0].text).not.toContain('Bài bị ẩn');
		await runForumDigest(db);
		expect((await listOutbox(db, systemActor())).filter((m) => m.to === reader.email)).toHaveLength(1);
	});

	it('runs the digest as a durable job that queues the next day’s', async () => {
		const before = (await listJobsByKeyPrefix(db, 'community-digest:')).length;
		const job = (await listJobsByKeyPrefix(db, 'community-digest:'))[0];
		await communityJobHandlers[COMMUNITY_DIGEST_JOB]({}, { db, job });
		const after = await listJobsByKeyPrefix(db, 'community-digest:');
		expect(after.length).toBeGreaterThanOrEqual(before);
		expect(after.some((j) => j.runAt > clock)).toBe(true);
	});

	it('refuses a subscription from a visitor and to an unknown forum', async () => {
		await expect(subscribe(db, anonymousActor, { forumId })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		await expect(subscribe(db, learner, { forumId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});
});
