// The Information Centre's staff writes a news post for the Office's 2021 plan (an empty title and a
// cover that is not an image are refused, nothing typed is lost), with XSS payloads and a YouTube
// embed in its body, and submits it; the coordinator publishes it. A visitor reads it with its share
// tags, no payload runs, the video comes from the privacy-enhanced domain, the search finds it
// without diacritics and the plan's RSS feed carries it.
import sharp from 'sharp';
import Parser from 'rss-parser';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demo, expectAccessible, signIn, useBrowser } from '../support';

const browser = useBrowser();

const TITLE = 'Trung tâm Thông tin ra mắt tủ sách điện tử hưởng ứng Tuần lễ học tập suốt đời';
const SUMMARY = 'Hơn 300 đầu sách điện tử phục vụ cán bộ, công chức, viên chức tự học trong Tuần lễ năm 2021.';
const BODY = [
	'<p>Tủ sách điện tử mở cửa từ ngày 01/10/2021.</p>',
	'<img src=x onerror="window.__xss=1">',
	'<script>window.__xss=2</script>',
	'<p><a href="javascript:window.__xss=3">x</a></p>',
	'<svg onload="window.__xss=4"></svg>',
	'<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Giới thiệu tủ sách điện tử"></iframe>'
].join('\n');

const INVALID_DATE = 'Ngày không hợp lệ (dd/mm/yyyy).';
const xss = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: number }).__xss);

describe('a news post', () => {
	it('is written by staff, refused on bad input, published by the coordinator and read, found and syndicated by the public', async () => {
		const staff = await browser.page();
		await signIn(staff, demo.staff);
		await staff.goto('/admin/news');
		await expectAccessible(staff);
		await staff.getByRole('link', { name: 'Viết bài mới' }).click();
		await staff.waitForURL(/\/admin\/news\/new$/);
		await expectAccessible(staff);

		// An empty title (only spaces) is refused and everything typed is kept.
		const campaignSelect = staff.getByLabel('Kế hoạch');
		const campaignOption = (await campaignSelect.locator('option').all()).length;
		expect(campaignOption).toBeGreaterThan(1);
		const officePlan = await campaignSelect.locator('option', { hasText: 'Văn phòng UBND tỉnh' }).first().getAttribute('value');
		expect(officePlan).toBeTruthy();
		await staff.getByLabel('Tiêu đề').fill('   ');
		await staff.getByLabel('Tóm tắt').fill(SUMMARY);
		await staff.getByLabel('Nội dung').fill(BODY);
		await staff.getByLabel('Thẻ').fill('tủ sách điện tử, học tập suốt đời');
		await campaignSelect.selectOption(officePlan!);
		await staff.getByRole('button', { name: 'Lưu' }).click();
		await staff.getByText('Vui lòng nhập trường này.').waitFor();
		await expectAccessible(staff);
		expect(await staff.getByRole('alert').first().textContent()).toContain('Thông tin chưa hợp lệ');
		expect(await staff.getByLabel('Tiêu đề').getAttribute('aria-invalid')).toBe('true');
		expect(await staff.getByLabel('Tóm tắt').inputValue()).toBe(SUMMARY);
		expect(await staff.getByLabel('Nội dung').inputValue()).toBe(BODY);
		expect(await staff.getByLabel('Thẻ').inputValue()).toBe('tủ sách điện tử, học tập suốt đời');
		expect(await campaignSelect.inputValue()).toBe(officePlan);

		// A cover that is not an image is refused, before anything is stored.
		await staff.getByLabel('Tiêu đề').fill(TITLE);
		await staff.getByLabel(/^Ảnh bìa/).setInputFiles({ name: 'anh-bia.png', mimeType: 'image/png', buffer: Buffer.from('Đây không phải là ảnh.') });
		await staff.getByLabel('Mô tả ảnh bìa').fill('Cán bộ đọc sách điện tử trên máy tính bảng');
		await staff.getByRole('button', { name: 'Lưu' }).click();
		await staff.getByText('Ảnh bìa phải là ảnh PNG, JPEG hoặc WebP.').waitFor();
		await expectAccessible(staff);
		expect(await staff.getByLabel('Tiêu đề').inputValue()).toBe(TITLE);
		expect(await staff.getByLabel('Nội dung').inputValue()).toBe(BODY);
		expect(await staff.getByLabel('Mô tả ảnh bìa').inputValue()).toBe('Cán bộ đọc sách điện tử trên máy tính bảng');

		// A real image is taken; the draft is saved and submitted for review.
		const png = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#1f3a68' } }).png().toBuffer();
		await staff.getByLabel(/^Ảnh bìa/).setInputFiles({ name: 'anh-bia.png', mimeType: 'image/png', buffer: png });
		await staff.getByRole('button', { name: 'Lưu' }).click();
		await staff.waitForURL(/\/admin\/news\/[^/?]+\?notice=saved$/);
		await expectAccessible(staff);
		expect(await staff.getByRole('status').textContent()).toContain('Đã lưu.');
		expect(await staff.getByRole('button', { name: 'Đăng ngay' }).count()).toBe(0);
		await staff.getByRole('button', { name: 'Gửi duyệt' }).click();
		await staff.waitForURL(/notice=submit$/);
		expect(await staff.getByRole('status').textContent()).toContain('Đã gửi duyệt.');
		expect(await staff.getByText('Chờ duyệt', { exact: true }).count()).toBe(1);
		await expectAccessible(staff);
		const postPath = new URL(staff.url()).pathname;

		// The draft is not public yet.
		const visitor = await browser.page();
		const slugHref = (await staff.getByRole('link', { name: 'Xem trang bài viết' }).getAttribute('href')) as string;
		expect((await visitor.goto(slugHref))?.status()).toBe(404);

		// The coordinator finds it among the posts waiting for review and publishes it.
		const coordinator = await browser.page();
		await signIn(coordinator, demo.coordinator);
		await coordinator.goto('/admin/news');
		await coordinator.getByLabel('Trạng thái').selectOption('in_review');
		await coordinator.getByRole('button', { name: 'Lọc' }).click();
		await coordinator.waitForURL(/status=in_review/);
		await expectAccessible(coordinator);
		await coordinator.getByRole('link', { name: TITLE }).click();
		await coordinator.waitForURL((url) => url.pathname === postPath);
		await expectAccessible(coordinator);
		await coordinator.getByRole('button', { name: 'Đăng ngay' }).click();
		await coordinator.waitForURL(/notice=publish$/);
		expect(await coordinator.getByRole('status').textContent()).toContain('Đã đăng.');
		await expectAccessible(coordinator);

		// Staff logs where the post was carried: a date that does not exist is refused with the rest kept.
		await staff.reload();
		await staff.getByRole('combobox', { name: 'Kênh' }).selectOption({ label: 'Cổng thông tin điện tử' });
		await staff.getByLabel('Đường dẫn', { exact: true }).fill('https://vpubnd.sonla.gov.vn/tin-tuc/tu-sach-dien-tu');
		await staff.getByLabel('Lượt tiếp cận').fill('1.250');
		await staff.getByLabel('Ngày đăng (dd/mm/yyyy)').fill('31/02/2021');
		await staff.getByRole('button', { name: 'Ghi kênh' }).click();
		await staff.getByText(INVALID_DATE).waitFor();
		await expectAccessible(staff);
		expect(await staff.getByLabel('Lượt tiếp cận').inputValue()).toBe('1.250');
		expect(await staff.getByRole('combobox', { name: 'Kênh' }).inputValue()).toBe('portal');
		await staff.getByLabel('Ngày đăng (dd/mm/yyyy)').fill('01/10/2021');
		await staff.getByRole('button', { name: 'Ghi kênh' }).click();
		await staff.waitForURL(/notice=saved$/);
		const channels = staff.getByRole('region', { name: 'Nhật ký kênh đăng tải' });
		expect(await channels.getByRole('row', { name: /Cổng thông tin điện tử/ }).textContent()).toMatch(/01\/10\/2021.*1\.250/);
		await expectAccessible(staff);

		// A visitor reads it: share tags, the payloads stored harmlessly, the video from youtube-nocookie.com.
		const response = await visitor.goto(slugHref);
		expect(response?.status()).toBe(200);
		await expectAccessible(visitor);
		const postUrl = visitor.url();
		expect(await visitor.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE);
		expect(await visitor.locator('meta[property="og:title"]').getAttribute('content')).toBe(TITLE);
		expect(await visitor.locator('meta[property="og:description"]').getAttribute('content')).toBe(SUMMARY);
		expect(await visitor.locator('meta[property="og:url"]').getAttribute('content')).toBe(postUrl);
		const ogImage = (await visitor.locator('meta[property="og:image"]').getAttribute('content')) as string;
		expect(ogImage).toMatch(/^http:\/\/localhost:\d+\/news\/[^/]+\/share\.png$/);
		expect(await visitor.locator('meta[name="twitter:card"]').getAttribute('content')).toBe('summary_large_image');
		const shareImage = await visitor.request.get(ogImage);
		expect(shareImage.status()).toBe(200);
		expect(shareImage.headers()['content-type']).toBe('image/png');
		expect(await visitor.getByRole('img', { name: 'Cán bộ đọc sách điện tử trên máy tính bảng' }).count()).toBe(1);

		const html = (await response?.text()) ?? '';
		expect(html).toContain(SUMMARY);
		expect(html).not.toMatch(/onerror|onload=|javascript:|<script|<svg onload/i);
		const frames = visitor.locator('article iframe');
		if ((await frames.count()) > 0) {
			for (const src of await frames.evaluateAll((els) => els.map((e) => e.getAttribute('src') ?? ''))) expect(src).toMatch(/^https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ/);
		}
		expect(html).not.toContain('www.youtube.com/embed');
		await visitor.getByRole('article').getByText('x', { exact: true }).click();
		await visitor.waitForTimeout(200);
		expect(visitor.url()).toBe(postUrl);
		expect(await xss(visitor)).toBeUndefined();
		expect(await visitor.getByRole('textbox', { name: 'Đường dẫn bài viết (chọn để sao chép)' }).inputValue()).toBe(postUrl);
		expect(await visitor.getByRole('link', { name: 'Gửi qua Viber' }).getAttribute('href')).toBe(`viber://forward?text=${encodeURIComponent(`${TITLE} ${postUrl}`)}`);
		expect(await visitor.getByRole('link', { name: 'Chia sẻ lên Facebook' }).getAttribute('href')).toContain(encodeURIComponent(postUrl));

		// The public search finds it by words typed without diacritics.
		await visitor.goto('/news');
		await expectAccessible(visitor);
		await visitor.getByRole('searchbox', { name: 'Tìm tin bài' }).fill('tu sach dien tu');
		await visitor.getByRole('button', { name: 'Tìm', exact: true }).click();
		await visitor.waitForURL(/q=tu\+sach\+dien\+tu/);
		await expectAccessible(visitor);
		expect(await visitor.getByRole('link', { name: TITLE }).count()).toBe(1);
		await visitor.getByRole('searchbox', { name: 'Tìm tin bài' }).fill('khong co bai nao nhu the');
		await visitor.getByRole('button', { name: 'Tìm', exact: true }).click();
		await visitor.waitForURL(/q=khong/);
		expect(await visitor.getByRole('link', { name: TITLE }).count()).toBe(0);

		// The demo's own posts of the 2021 Week are listed too.
		await visitor.goto('/news');
		expect(await visitor.getByRole('link', { name: 'Văn phòng UBND tỉnh phát động Tuần lễ hưởng ứng học tập suốt đời năm 2021' }).count()).toBe(1);

		// The plan's RSS feed, linked from the post, parses and carries the post, without its payloads.
		await visitor.goto(slugHref);
		const feedHref = (await visitor.getByRole('link', { name: 'Nhận tin qua RSS hoặc Atom' }).getAttribute('href')) as string;
		expect(feedHref).toBe(`/campaigns/${officePlan}/news.rss`);
		expect(await visitor.locator('link[rel="alternate"][type="application/rss+xml"]').getAttribute('href')).toBe(feedHref);
		const rss = await visitor.request.get(feedHref);
		expect(rss.status()).toBe(200);
		expect(rss.headers()['content-type']).toBe('application/rss+xml; charset=utf-8');
		const text = await rss.text();
		// A feed reader's parser (rss-parser reads RSS 2.0 and Atom) finds the post with its link.
		const parser = new Parser();
		const channel = await parser.parseString(text);
		const item = channel.items.find((i) => i.title === TITLE);
		expect(item?.link).toBe(postUrl);
		expect(text).not.toMatch(/onerror|javascript:|<script>window/);
		const atom = await visitor.request.get(`/campaigns/${officePlan}/news.atom`);
		expect(atom.status()).toBe(200);
		const feed = await parser.parseString(await atom.text());
		expect(feed.items.find((i) => i.title === TITLE)?.link).toBe(postUrl);
		expect((await visitor.request.get(`/campaigns/${officePlan}/news.json`)).status()).toBe(404);
		expect(await xss(staff)).toBeUndefined();
		expect(await xss(coordinator)).toBeUndefined();
	});
});
