import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import sharp from 'sharp';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, useTempFilesDir } from '../db/testing';
import { resetSettings } from '../core/env';
import { freezeClock } from '../core/clock';
import { anonymousActor, systemActor } from '../auth/actor';
import { listAuditEntries } from '../audit/service';
import * as org from '../org/seed';
import { createCampaign } from '../campaigns/seed';
import { createAdminUnit, declareDistancing } from '../localities/seed';
import { runDueJobs } from '../jobs/service';
import {
	archivePost,
	campaignNewsFeed,
	createPost,
	getBackOfficePost,
	getPublicPost,
	listPublicPosts,
	logPostChannel,
	newsJobHandlers,
	organisationNewsFeed,
	publishPost,
	readPostCover,
	renderCampaignPrint,
	renderShareImage,
	sanitizePostHtml,
	schedulePost,
	submitPost,
	updatePost
} from './service';
import { campaignPublicityStats } from './export';
import { createPost as seedPost, samplePng } from './seed';

const db = await createTestDb();
const files = useTempFilesDir('news-files');
afterEach(() => freezeClock());

const province = await org.createOrgNode(db, { kind: 'province', name: 'UBND tỉnh Sơn La', shortCode: 'UBND' });
const office = await org.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const tttt = await org.createOrgNode(db, { parentId: office.id, name: 'Trung tâm Thông tin', shortCode: 'TTTT' });
const education = await org.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Sở Giáo dục và Đào tạo', shortCode: 'SGDDT' });

const coordinator = await org.createActor(db, { role: 'coordinator', orgId: office.id }, { name: 'Điều phối', email: 'dieuphoi@sonla.gov.vn' });
const staff = await org.createActor(db, { role: 'staff', orgId: tttt.id }, { name: 'Cán bộ TTTT', email: 'canbo@sonla.gov.vn' });
const otherStaff = await org.createActor(db, { role: 'staff', orgId: education.id });
const otherCoordinator = await org.createActor(db, { role: 'coordinator', orgId: education.id });
const campaign = await createCampaign(db, { orgId: office.id, year: 2021, documentDate: '2021-09-14', status: 'issued' });
const slogan = campaign.themes[0];

const base = { title: 'Hưởng ứng Tuần lễ học tập suốt đời năm 2021', summary: 'Văn phòng phát động Tuần lễ.', bodyHtml: '<p>Cán bộ, công chức tích cực học tập.</p>', tags: 'tuần lễ, học tập', campaignId: campaign.id };

describe('writing and publishing a post', () => {
	it('takes a staff member’s post through review to publication, with an audit entry at each step', async () => {
		const draft = await createPost(db, staff, tttt.id, base);
		expect(draft).toMatchObject({ status: 'draft', orgId: tttt.id, tags: ['tuần lễ', 'học tập'], slug: 'huong-ung-tuan-le-hoc-tap-suot-doi-nam-2021' });
		await expect(publishPost(db, staff, draft.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await submitPost(db, staff, draft.id);
		await expect(submitPost(db, staff, draft.id)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
		await expect(publishPost(db, otherCoordinator, draft.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		const published = await publishPost(db, coordinator, draft.id);
		expect(published.status).toBe('published');
		expect(published.publishedAt).toBeInstanceOf(Date);
		const audit = await listAuditEntries(db, systemActor(), { entity: 'news_post', entityId: draft.id });
		expect(audit.map((a) => a.action).sort()).toEqual(['create', 'publish', 'submit']);
		await archivePost(db, coordinator, draft.id);
		await expect(getPublicPost(db, anonymousActor, draft.slug)).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it('hides drafts from the public and from other organisations', async () => {
		const draft = await createPost(db, staff, tttt.id, { ...base, title: 'Bản nháp riêng' });
		await expect(getPublicPost(db, anonymousActor, draft.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(getBackOfficePost(db, otherStaff, draft.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(createPost(db, otherStaff, tttt.id, base)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(updatePost(db, otherStaff, draft.id, base)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		expect((await getBackOfficePost(db, coordinator, draft.id)).can.transitions).toEqual(['submit', 'publish', 'schedule']);
	});

	it('refuses an empty title, a cover without alt text, a cover that is not an image and one over the limit, storing nothing', async () => {
		await expect(createPost(db, staff, tttt.id, { ...base, title: '  ' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { title: 'field_required' } });
		const png = await samplePng();
		await expect(createPost(db, staff, tttt.id, base, { bytes: png })).rejects.toMatchObject({ code: 'VALIDATION', fields: { coverAlt: 'news_cover_alt_required' } });
		await expect(createPost(db, staff, tttt.id, { ...base, coverAlt: 'Ảnh' }, { bytes: new TextEncoder().encode('%PDF-1.4 not an image') })).rejects.toMatchObject({ code: 'UNSUPPORTED_TYPE', fields: { cover: 'news_cover_not_image' } });
		// PNG's signature on bytes that are not a PNG.
		await expect(createPost(db, staff, tttt.id, { ...base, coverAlt: 'Ảnh' }, { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) })).rejects.toMatchObject({ code: 'UNSUPPORTED_TYPE' });
		await expect(createPost(db, staff, tttt.id, { ...base, coverAlt: 'Ảnh' }, { bytes: new Uint8Array(5 * 1024 * 1024 + 1) })).rejects.toMatchObject({ code: 'TOO_LARGE', fields: { cover: 'news_cover_too_large' } });
		await expect(createPost(db, staff, tttt.id, { ...base, campaignId: 'nope' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { campaignId: 'field_invalid' } });
	});

	it('resizes the cover to 1200 px wide JPEG and keeps its alt text', async () => {
		const post = await createPost(db, staff, tttt.id, { ...base, title: 'Bài có ảnh', coverAlt: 'Cán bộ học tập tại thư viện' }, { bytes: await samplePng(2400, 1200) });
		expect(post.coverAlt).toBe('Cán bộ học tập tại thư viện');
		const cover = await readPostCover(db, coordinator, post.id);
		const meta = await sharp(cover.bytes).metadata();
		expect(meta).toMatchObject({ format: 'jpeg', width: 1200, height: 600 });
		await expect(readPostCover(db, anonymousActor, post.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});
});

describe('scheduled publishing', () => {
	it('publishes a scheduled post when its time comes, through the job runner, once', async () => {
		freezeClock(new Date('2021-09-28T02:00:00Z'));
		const post = await createPost(db, staff, tttt.id, { ...base, title: 'Lịch đăng bài khai mạc' });
		await expect(schedulePost(db, coordinator, post.id, { publishAt: '27/09/2021 08:00' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { publishAt: 'news_schedule_in_past' } });
		await expect(schedulePost(db, coordinator, post.id, { publishAt: '31/02/2021 08:00' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { publishAt: 'news_invalid_datetime' } });
		await expect(schedulePost(db, staff, post.id, { publishAt: '01/10/2021 07:30' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		const scheduled = await schedulePost(db, coordinator, post.id, { publishAt: '01/10/2021 07:30' });
		expect(scheduled.scheduledAt?.toISOString()).toBe('2021-10-01T00:30:00.000Z');

		freezeClock(new Date('2021-10-01T00:29:00Z'));
		expect((await runDueJobs(db, newsJobHandlers, { workerId: 'test' })).claimed).toBe(0);
		expect((await listPublicPosts(db, { q: 'khai mac' })).posts).toHaveLength(0);

		freezeClock(new Date('2021-10-01T00:31:00Z'));
		expect(await runDueJobs(db, newsJobHandlers, { workerId: 'test' })).toMatchObject({ claimed: 1, done: 1 });
		const { posts } = await listPublicPosts(db, { q: 'khai mac' });
		expect(posts.map((p) => p.id)).toEqual([post.id]);
		expect(posts[0].publishedAt?.toISOString()).toBe('2021-10-01T00:30:00.000Z');
		expect((await runDueJobs(db, newsJobHandlers, { workerId: 'test' })).claimed).toBe(0);
	});
});

describe('the public list', () => {
	it('finds posts typed without diacritics and filters by tag', async () => {
		await seedPost(db, { unitId: tttt.id, title: 'Ngày hội đọc sách', tags: ['đọc sách'], published: true });
		await seedPost(db, { unitId: tttt.id, title: 'Học tập suốt đời', published: true });
		expect((await listPublicPosts(db, { q: 'hoc tap' })).posts.map((p) => p.title)).toContain('Học tập suốt đời');
		expect((await listPublicPosts(db, { q: 'NGAY HOI doc' })).posts.map((p) => p.title)).toEqual(['Ngày hội đọc sách']);
		expect((await listPublicPosts(db, { tag: 'đọc sách' })).posts.map((p) => p.title)).toEqual(['Ngày hội đọc sách']);
		expect((await listPublicPosts(db, { q: '%' })).posts).toHaveLength(0);
		expect((await listPublicPosts(db)).tags).toContain('đọc sách');
	});
});

describe('XSS', () => {
	const payloads = [
		'<script>window.__xss=1</script>',
		'<img src=x onerror="window.__xss=1">',
		'<img src="https://example.org/a.png" onerror="window.__xss=1">',
		'<a href="javascript:window.__xss=1">bấm</a>',
		'<a href="JaVaScRiPt:window.__xss=1">bấm</a>',
		'<svg onload="window.__xss=1"><circle r="1"/></svg>',
		'<iframe src="https://evil.example/"></iframe>',
		'<iframe src="javascript:window.__xss=1"></iframe>',
		'<p style="background:url(javascript:window.__xss=1);width:expression(window.__xss=1)">x</p>',
		'<div onclick="window.__xss=1">x</div>',
		'<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1">',
		'<object data="data:text/html,<script>window.__xss=1</script>"></object>',
		'"><script>window.__xss=1</script>',
		'<a href="data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==">x</a>'
	];

	it('stores every payload without a script, a handler, a style or a foreign frame', async () => {
		for (const p of payloads) {
			const html = sanitizePostHtml(p);
			expect(html).not.toMatch(/<script|onerror|onload|onclick|javascript:|expression\(|style=|<svg|<object|data:text|evil\.example/i);
		}
		const post = await createPost(db, staff, tttt.id, { ...base, title: 'Bài thử XSS', bodyHtml: payloads.join('\n') });
		expect(post.bodyHtml).not.toMatch(/<script|onerror|javascript:/i);
	});

	it('keeps YouTube embeds, moved to the privacy-enhanced domain', () => {
		expect(sanitizePostHtml('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" onload="x()"></iframe>')).toBe(
			'<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="YouTube" width="560" height="315" loading="lazy" allowfullscreen></iframe>'
		);
		expect(sanitizePostHtml('<p>a<img src=x onerror="y()"></p><img src="https://example.org/a.png" onerror="y()">')).toBe('<p>a</p><img src="https://example.org/a.png" alt="" />');
		expect(sanitizePostHtml('Dòng một\nDòng hai\n\nĐoạn hai <hai>')).toBe('<p>Dòng một<br />Dòng hai</p><p>Đoạn hai &lt;hai&gt;</p>');
	});
});

describe('feeds and sharing', () => {
	const parser = new XMLParser({ ignoreAttributes: false });

	it('lists the campaign’s published posts in RSS 2.0 and Atom that parse', async () => {
		const post = await seedPost(db, { unitId: tttt.id, title: 'Tọa đàm "học tập số" & chuyển đổi số', campaignId: campaign.id, published: true });
		const draft = await seedPost(db, { unitId: tttt.id, title: 'Nháp không vào feed', campaignId: campaign.id });
		const rss = parser.parse((await campaignNewsFeed(db, campaign.id, 'rss')).body);
		const items = [rss.rss.channel.item].flat();
		expect(rss.rss['@_version']).toBe('2.0');
		expect(items.map((i: { title: string }) => i.title)).toContain('Tọa đàm "học tập số" & chuyển đổi số');
		expect(items.some((i: { title: string }) => i.title === draft.title)).toBe(false);
		const atom = parser.parse((await organisationNewsFeed(db, office.id, 'atom')).body);
		expect([atom.feed.entry].flat().some((e: { link: { '@_href': string } }) => e.link['@_href'].endsWith(`/news/${post.slug}`))).toBe(true);
		const other = parser.parse((await organisationNewsFeed(db, education.id, 'rss')).body);
		expect(other.rss.channel.item).toBeUndefined();
		await expect(organisationNewsFeed(db, 'nope', 'rss')).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(organisationNewsFeed(db, office.id, 'json')).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it('draws a 1200 × 630 PNG share image', async () => {
		const post = await seedPost(db, { unitId: tttt.id, title: 'Ảnh chia sẻ', campaignId: campaign.id, published: true });
		const meta = await sharp(await renderShareImage(db, anonymousActor, post.slug)).metadata();
		expect(meta).toMatchObject({ format: 'png', width: 1200, height: 630 });
	});
});

describe('the channel log and the report', () => {
	it('logs where a published post was carried and sums reach by channel', async () => {
		const post = await seedPost(db, { unitId: tttt.id, title: 'Bài cho báo cáo', campaignId: campaign.id, published: true });
		const draft = await seedPost(db, { unitId: tttt.id, campaignId: campaign.id });
		await expect(logPostChannel(db, staff, draft.id, { channel: 'facebook', publishedOn: '02/10/2021' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(logPostChannel(db, staff, post.id, { channel: 'fax', publishedOn: '02/10/2021' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { channel: 'field_required' } });
		await expect(logPostChannel(db, staff, post.id, { channel: 'facebook', reach: '-3', publishedOn: '02/10/2021' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { reach: 'field_invalid' } });
		await expect(logPostChannel(db, staff, post.id, { channel: 'facebook', url: 'javascript:alert(1)', publishedOn: '02/10/2021' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { url: 'field_invalid_url' } });
		await logPostChannel(db, staff, post.id, { channel: 'facebook', url: 'https://facebook.com/vpubsonla/posts/1', reach: '1.250', publishedOn: '02/10/2021' });
		await logPostChannel(db, staff, post.id, { channel: 'newspaper', reach: 3000, publishedOn: '03/10/2021', note: 'Báo Sơn La' });
		const stats = await campaignPublicityStats(db, { campaignId: campaign.id, underPath: office.path });
		expect(stats.byChannel).toEqual([
			{ channel: 'facebook', entries: 1, reach: 1250 },
			{ channel: 'newspaper', entries: 1, reach: 3000 }
		]);
		expect(stats.totalReach).toBe(4250);
		expect(stats.postsPublished).toBeGreaterThanOrEqual(1);
	});
});

describe('banners and posters', () => {
	const pdfText = (pdf: Buffer) => {
		const path = join(files, `print-${Math.random().toString(36).slice(2)}.pdf`);
		writeFileSync(path, pdf);
		return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
	};

	it('prints a 5 m banner (at 1:10) and an A4 poster whose text keeps the slogan’s Vietnamese', async () => {
		const ward = await createAdminUnit(db, { name: 'Phường Tô Hiệu' });
		const { pdf } = await renderCampaignPrint(db, staff, campaign.id, { format: 'banner_080x500', slogan, adminUnitCode: ward.code, from: '01/10/2021', to: '07/10/2021' });
		expect(pdfText(pdf)).toContain(slogan.toLocaleUpperCase('vi'));
		const poster = await renderCampaignPrint(db, staff, campaign.id, { format: 'poster_a4', slogan });
		expect(pdfText(poster.pdf)).toContain(slogan);
		expect(pdfText(poster.pdf)).toContain(`/campaigns/${campaign.id}`);
	});

	it('refuses a banner for a place under distancing, a slogan not among the themes, and other organisations', async () => {
		const ward = await createAdminUnit(db, { name: 'Phường Chiềng Lề' });
		await declareDistancing(db, { orgId: office.id, adminUnitCode: ward.code, startsOn: '05/10/2021', endsOn: '20/10/2021' });
		await expect(renderCampaignPrint(db, staff, campaign.id, { format: 'banner_100x600', slogan, adminUnitCode: ward.code, from: '01/10/2021', to: '07/10/2021' })).rejects.toMatchObject({
			code: 'VALIDATION',
			fields: { adminUnitCode: 'news_banner_under_distancing' }
		});
		await expect(renderCampaignPrint(db, staff, campaign.id, { format: 'banner_100x600', slogan, adminUnitCode: ward.code, from: '01/10/2021', to: '04/10/2021' })).resolves.toBeTruthy();
		await expect(renderCampaignPrint(db, staff, campaign.id, { format: 'poster_a3', slogan: 'Khẩu hiệu khác' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { slogan: 'news_slogan_not_theme' } });
		await expect(renderCampaignPrint(db, staff, campaign.id, { format: 'banner_100x600', slogan })).rejects.toMatchObject({ code: 'VALIDATION', fields: { adminUnitCode: 'field_required', from: 'field_required' } });
		await expect(renderCampaignPrint(db, otherStaff, campaign.id, { format: 'poster_a3', slogan })).rejects.toMatchObject({ code: 'FORBIDDEN' });
	});
});
