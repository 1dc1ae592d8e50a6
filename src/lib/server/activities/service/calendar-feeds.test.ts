import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../db/testing';
import * as org from '../../org/seed';
import { createCampaign } from '../../campaigns/seed';
import { campaignCalendar, personalCalendar, personalFeedUrl, registerForActivity } from '../service';
import { createActivity } from '../seed';

const db = await createTestDb();
const province = await org.createOrgNode(db, { kind: 'province', name: 'UBND tỉnh Sơn La', shortCode: 'UBND' });
const office = await org.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const learner = await org.createActor(db, [], { name: 'Lò Thị Mai', email: 'mai.lo@example.vn' });
const campaign = await createCampaign(db, { orgId: office.id, year: 2026, status: 'issued' });
const MEETING = 'https://us02web.zoom.us/j/81234567890';
const online = await createActivity(db, { campaignId: campaign.id, meetingUrl: MEETING });

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

describe('calendar feeds', () => {
	it("never put an online activity's meeting link in the public programme feed", async () => {
		const ics = unfold(await campaignCalendar(db, campaign.id));
		expect(ics).toContain(`/activities/${online.id}`);
		expect(ics).not.toContain('zoom.us');
	});

	it("give a registrant their join page, not the bare meeting link, in their own feed", async () => {
		const reg = await registerForActivity(db, learner, online.id, { learnerGroup: '', consents: [] });
		const token = personalFeedUrl(learner.userId!).split('/').pop()!.replace(/\.ics$/, '');
		const ics = unfold(await personalCalendar(db, learner.userId!, token));
		expect(ics).toContain(`LOCATION:http`);
		expect(ics).toContain(`/registrations/${reg.token}`);
		expect(ics).not.toContain('zoom.us');
		await expect(personalCalendar(db, learner.userId!, token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')))).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});
});
