import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../db/testing';
import { freezeClock, now } from '../core/clock';
import { anonymousActor } from '../auth/actor';
import * as org from '../org/seed';
import { createCampaign } from '../campaigns/seed';
import { getPublicPost, listPublicPosts } from './service';
import { campaignPublicityStats } from './export';
import { seedDemoNews } from './seed';

const db = await createTestDb();
afterEach(() => freezeClock());

const province = await org.createOrgNode(db, { kind: 'province', name: 'UBND tỉnh Sơn La', shortCode: 'UBND' });
const office = await org.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const tttt = await org.createOrgNode(db, { parentId: office.id, name: 'Trung tâm Thông tin', shortCode: 'TTTT' });
const campaign = await createCampaign(db, { orgId: office.id, year: 2021, documentDate: '2021-09-14', status: 'issued' });

describe('the demo news', () => {
	it('publishes the 2021 Week posts on their days, the first with its channel log', async () => {
		const posts = await seedDemoNews(db, { campaignId: campaign.id, unitId: tttt.id, setClock: freezeClock });
		expect(posts).toHaveLength(3);
		expect(posts.every((p) => p.status === 'published' && p.campaignId === campaign.id && p.orgId === tttt.id)).toBe(true);
		expect(posts.map((p) => p.publishedAt?.toISOString())).toEqual(['2021-10-01T04:00:00.000Z', '2021-10-02T10:00:00.000Z', '2021-10-06T09:00:00.000Z']);
		// The clock is released afterwards.
		expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
		expect((await getPublicPost(db, anonymousActor, posts[0].slug)).post.title).toBe('Văn phòng UBND tỉnh phát động Tuần lễ hưởng ứng học tập suốt đời năm 2021');
		expect((await listPublicPosts(db, { q: 'ngay hoi doc sach' })).posts.map((p) => p.id)).toEqual([posts[2].id]);
		const stats = await campaignPublicityStats(db, { campaignId: campaign.id, underPath: office.path });
		expect(stats).toMatchObject({ postsPublished: 3, channelEntries: 2, totalReach: 4650 });
	});
});
